// The blocks' positions back to automatic, and the layout saved or deleted under a name.
import { usePrintT } from '../dict';
import type { PrintDialogState } from './usePrintDialog';

export function LayoutActions({ d }: { d: PrintDialogState }) {
  const p = usePrintT();
  const l = d.layouts;
  return (
    <>
      <p className="print-hint">{p('move')}</p>
      <button type="button" className="btn" onClick={() => d.patch({ layout: {} })} disabled={!Object.keys(d.settings.layout ?? {}).length}>
        {p('resetLayout')}
      </button>
      <div className="print-row">
        <input value={l.layoutName} placeholder={p('layout.name')} onChange={(e) => l.setLayoutName(e.target.value)} data-testid="print-layout-name" />
        <button type="button" className="btn" onClick={l.save} data-testid="print-layout-save">
          {p('layout.save')}
        </button>
        {l.layoutId && (
          <button type="button" className="btn" onClick={l.remove}>
            {p('layout.delete')}
          </button>
        )}
      </div>
    </>
  );
}
