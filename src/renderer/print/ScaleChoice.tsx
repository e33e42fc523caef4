// The print dialog's scale: "fit", a standard scale, or any scale typed (1:500 to 1:1,000,000),
// each with the number of sheets it needs, so a series is seen before it is printed. The counts
// are worked out from the last preview's frame and the area's ground size (shared/print/scale.ts):
// an upper bound, since the series leaves out frames that miss the area; the chosen scale's exact
// count is the preview's own.
import { useEffect, useState } from 'react';
import type { ComposeReport, SheetSettingsInput } from '../../shared/print';
import { STANDARD_SCALES } from '../../shared/print/paper';
import { fitRoundScale, MAX_SCALE, MIN_SCALE, sheetsAtMost } from '../../shared/print/scale';
import { groupThousands } from '../../shared/symbology';
import { usePrintT } from './dict';

interface Props {
  settings: SheetSettingsInput;
  report: ComposeReport | null;
  onScale: (scale: number | 'fit') => void;
}

export function ScaleChoice({ settings, report, onScale }: Props) {
  const p = usePrintT();
  const scale = settings.scale ?? 'fit';
  const [typed, setTyped] = useState(typeof scale === 'number' ? String(scale) : '');
  useEffect(() => setTyped(typeof scale === 'number' ? String(scale) : ''), [scale]);
  const size = report?.areaSize;
  const f = report?.frame;
  const overlap = settings.overlapMm ?? 10;
  const count = (s: number): string => {
    if (report && s === report.scale && !settings.index) return p('scale.sheets', { n: report.sheets });
    if (!size || !f) return '';
    return p('scale.atMost', { n: sheetsAtMost(size[0], size[1], f.w, f.h, s, overlap) });
  };
  const fit = size && f ? fitRoundScale(size[0], size[1], f.w, f.h) : null;
  const n = Number(typed.replace(/^1:/, '').replace(/[.,\s]/g, ''));
  const typedOk = Number.isInteger(n) && n >= MIN_SCALE && n <= MAX_SCALE;
  const standard = (STANDARD_SCALES as readonly number[]).includes(Number(scale));
  return (
    <>
      <label>
        {p('scale')}
        <select
          value={scale === 'fit' || standard ? String(scale) : 'typed'}
          onChange={(e) => e.target.value !== 'typed' && onScale(e.target.value === 'fit' ? 'fit' : Number(e.target.value))}
          data-testid="print-scale"
        >
          <option value="fit">
            {p('scale.fit')}
            {fit ? ` — 1:${groupThousands(fit)}` : ''}
          </option>
          {STANDARD_SCALES.map((s) => (
            <option key={s} value={s}>
              1:{groupThousands(s)} {count(s)}
            </option>
          ))}
          {scale !== 'fit' && !standard && <option value="typed">1:{groupThousands(Number(scale))} {count(Number(scale))}</option>}
        </select>
      </label>
      <label>
        {p('scale.typed')}
        <input
          inputMode="numeric"
          placeholder="12000"
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            const v = Number(e.target.value.replace(/^1:/, '').replace(/[.,\s]/g, ''));
            if (Number.isInteger(v) && v >= MIN_SCALE && v <= MAX_SCALE) onScale(v);
          }}
          aria-invalid={typed !== '' && !typedOk}
          data-testid="print-scale-typed"
        />
      </label>
      {typed !== '' && !typedOk && (
        <div className="print-warn" role="alert">
          {p('scale.range')}
        </div>
      )}
      {typed !== '' && typedOk && <div className="print-hint">{count(n)}</div>}
    </>
  );
}
