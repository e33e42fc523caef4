// The cursor in the format the user picks (kept across sessions) and the 1:50,000 sheet name.
import { useState } from 'react';
import type { CrsInfo } from '../../shared/api';
import type { CoordinateFormat } from '../../shared/crs';
import { useI18n } from '../i18n';
import { FORMAT_LABELS, FORMATS, formatCursor } from './coords';
import { useD } from './dict';

const KEY = 'quytap.cursorFormat';

export function CursorReadout({ crs, pointer }: { crs: CrsInfo; pointer: number[] | null }) {
  const { pick } = useI18n();
  const d = useD();
  const [format, setFormat] = useState<CoordinateFormat>(() => {
    const f = localStorage.getItem(KEY) as CoordinateFormat | null;
    return f && FORMATS.includes(f) ? f : 'mgrs';
  });
  const r = pointer ? formatCursor(pointer, crs, format) : null;
  return (
    <span className="status-item cursor-readout">
      <select
        className="status-select"
        value={format}
        title={d('status.format')}
        aria-label={d('status.format')}
        data-testid="cursor-format"
        onChange={(e) => {
          const f = e.target.value as CoordinateFormat;
          setFormat(f);
          localStorage.setItem(KEY, f);
        }}
      >
        {FORMATS.map((f) => (
          <option key={f} value={f}>
            {pick(FORMAT_LABELS[f])}
          </option>
        ))}
      </select>{' '}
      <b data-testid="cursor-text">{r?.text ?? '—'}</b>
      {r?.sheet && (
        <span className="muted" title={d('status.sheet')} data-testid="cursor-sheet">
          {' '}
          · {r.sheet}
        </span>
      )}
    </span>
  );
}
