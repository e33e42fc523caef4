// The print dialog: sheet settings on the left, the live preview (the composer's own display list,
// drawn as SVG) on the right; furniture blocks can be dragged on the preview and the layout saved
// in the project; the PDF is written by main as a job with progress and cancel. State and actions:
// dialog/usePrintDialog.
import type { ProjectInfo } from '../../shared/api';
import { BaseMapChoice } from './BaseMapChoice';
import { ComposeReport } from './dialog/ComposeReport';
import { LayoutActions } from './dialog/LayoutActions';
import { LayoutPicker } from './dialog/LayoutPicker';
import { PaperAndArea } from './dialog/PaperAndArea';
import { PrintActions } from './dialog/PrintActions';
import { PrintPreview } from './dialog/PrintPreview';
import { SeriesChoice } from './dialog/SeriesChoice';
import { SheetTexts } from './dialog/SheetTexts';
import { usePrintDialog } from './dialog/usePrintDialog';
import { usePrintT } from './dict';
import { ScaleChoice } from './ScaleChoice';
import './print.css';

export function PrintDialog({ info, onClose }: { info: ProjectInfo; onClose: () => void }) {
  const p = usePrintT();
  const d = usePrintDialog(onClose);
  const { settings, patch, rep } = d;
  return (
    <div className="modal-backdrop print-backdrop">
      <div className="print-dialog" role="dialog" aria-modal="true" aria-label={p('title')} data-testid="print-dialog">
        <div className="print-head">
          <span className="print-title">{p('title')}</span>
          <button className="top-btn" onClick={onClose} title={p('close')} data-testid="print-close">
            ✕
          </button>
        </div>
        <div className="print-body">
          <form className="print-form" onSubmit={(e) => e.preventDefault()}>
            <LayoutPicker l={d.layouts} />
            <PaperAndArea d={d} info={info} />
            <ScaleChoice settings={settings} report={rep ?? null} onScale={(scale) => patch({ scale, sheet: undefined })} />
            {rep && rep.sheets > 1 && <SeriesChoice d={d} sheets={rep.sheets} />}
            <BaseMapChoice items={d.basemaps} chosen={settings.baseMaps} onChange={(ids) => patch({ baseMaps: ids })} />
            <SheetTexts d={d} info={info} />
            <LayoutActions d={d} />
            <ComposeReport d={d} />
            <PrintActions d={d} />
          </form>
          <PrintPreview d={d} />
        </div>
      </div>
    </div>
  );
}
