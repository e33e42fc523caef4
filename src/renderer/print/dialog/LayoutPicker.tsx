// The saved layouts of the project: choosing one puts its settings in the form.
import { usePrintT } from '../dict';
import type { LayoutsState } from './useLayouts';

export function LayoutPicker({ l }: { l: LayoutsState }) {
  const p = usePrintT();
  return (
    <label>
      {p('layouts')}
      <select value={l.layoutId ?? ''} onChange={(e) => l.choose(e.target.value)} data-testid="print-layouts">
        <option value="">{l.layouts.length ? '—' : p('layouts.none')}</option>
        {l.layouts.map((x) => (
          <option key={x.id} value={x.id}>
            {x.name}
          </option>
        ))}
      </select>
    </label>
  );
}
