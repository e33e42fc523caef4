// When the area needs several sheets: which one the preview shows, and "print the whole series".
import { usePrintT } from '../dict';
import type { PrintDialogState } from './usePrintDialog';

export function SeriesChoice({ d, sheets }: { d: PrintDialogState; sheets: number }) {
  const p = usePrintT();
  return (
    <div className="print-row">
      <label>
        {p('sheet')}
        <select value={d.settings.sheet ?? 1} onChange={(e) => d.patch({ sheet: Number(e.target.value) })} data-testid="print-sheet">
          {Array.from({ length: sheets }, (_, i) => (
            <option key={i} value={i + 1}>
              {i + 1}/{sheets}
            </option>
          ))}
        </select>
      </label>
      <label className="print-check">
        <input type="checkbox" checked={d.series} onChange={(e) => d.setSeries(e.target.checked)} data-testid="print-series" />
        {p('series')}
      </label>
    </div>
  );
}
