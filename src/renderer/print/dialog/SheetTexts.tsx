// The sheet's texts and dates; per-sheet overrides of the project's settings (Thiết lập dự án),
// empty = the project's.
import type { ProjectInfo } from '../../../shared/api';
import { usePrintT } from '../dict';
import type { PrintDialogState } from './usePrintDialog';

export function SheetTexts({ d, info }: { d: PrintDialogState; info: ProjectInfo }) {
  const p = usePrintT();
  const { settings, patch, patchTexts } = d;
  return (
    <>
      <label>
        {p('sheetTitle')}
        <textarea rows={3} value={settings.texts?.title ?? ''} placeholder={d.rep?.title} onChange={(e) => patchTexts({ title: e.target.value })} data-testid="print-title" />
      </label>
      <label>
        {p('placeDate')}
        <input value={settings.texts?.placeDate ?? ''} onChange={(e) => patchTexts({ placeDate: e.target.value })} data-testid="print-place-date" />
      </label>
      <div className="print-row">
        <label>
          {p('mapDate')}
          <input type="date" value={settings.mapDate ?? ''} placeholder={info.settings.boundaryDate ?? ''} onChange={(e) => patch({ mapDate: e.target.value || undefined })} data-testid="print-map-date" />
        </label>
        <label>
          {p('sheetDate')}
          <input type="date" value={settings.sheetDate ?? ''} onChange={(e) => patch({ sheetDate: e.target.value || undefined })} data-testid="print-sheet-date" />
        </label>
      </div>
      <label>
        {p('organisation')}
        <textarea rows={2} value={settings.texts?.organisation ?? ''} placeholder={info.settings.organisation.join('\n')} onChange={(e) => patchTexts({ organisation: e.target.value })} data-testid="print-organisation" />
      </label>
    </>
  );
}
