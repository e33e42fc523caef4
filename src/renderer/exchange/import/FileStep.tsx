// Step 1 of the import wizard: upload files into the imports folder or pick one there.
import { useRef } from 'react';
import { useExchangeT } from '../dict';
import type { ImportWizardState } from './useImportWizard';

export function FileStep({ w }: { w: ImportWizardState }) {
  const x = useExchangeT();
  const fileInput = useRef<HTMLInputElement>(null);
  const { selected } = w.file;
  return (
    <section className="xc-step">
      <h3>{x('step.file')}</h3>
      <div className="xc-row">
        <button className="btn" onClick={() => fileInput.current?.click()} data-testid="exchange-upload">
          {x('upload')}
        </button>
        <input ref={fileInput} type="file" multiple hidden onChange={(e) => void w.onUpload(e.target.files)} data-testid="exchange-file-input" />
        <button className="btn btn-quiet" onClick={w.refresh}>
          {x('refresh')}
        </button>
      </div>
      <p className="xc-hint">{x('upload.hint')}</p>
      <div className="xc-label">{x('folder')}</div>
      <ul className="xc-files" data-testid="exchange-files">
        {w.names.length === 0 && <li className="muted">{x('folder.empty')}</li>}
        {w.names.map((n) => (
          <li key={n}>
            <button className={`xc-file${selected.includes(n) ? ' xc-file-on' : ''}`} onClick={() => w.choose(n)}>
              {n}
            </button>
          </li>
        ))}
      </ul>
      {selected.length > 0 && <div className="xc-selected">{x('selected', { names: selected.join(', ') })}</div>}
    </section>
  );
}
