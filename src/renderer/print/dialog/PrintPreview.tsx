// The preview: the composer's display list drawn as SVG with the draggable block handles over it,
// a spinner while it is recomposed (saying so when base maps are being warped), the dropped labels.
import { DroppedLabels } from '../DroppedLabels';
import { usePrintT } from '../dict';
import { SheetSvg } from '../SheetSvg';
import type { PrintDialogState } from './usePrintDialog';

export function PrintPreview({ d }: { d: PrintDialogState }) {
  const p = usePrintT();
  const { composed, composeError, busy } = d;
  return (
    <div className="print-preview" ref={d.drag.svgWrap} aria-busy={busy} data-testid="print-preview">
      {busy && (
        <div className="print-busy" role="status" data-testid="print-busy">
          <span className="print-spinner" aria-hidden="true" />
          {p(d.printsBasemaps ? 'composing.basemaps' : 'composing')}
        </div>
      )}
      {composed && <SheetSvg list={composed.list} overlay={d.drag.overlay} />}
      {composed && !composeError && <DroppedLabels dropped={composed.report.droppedLabels} />}
    </div>
  );
}
