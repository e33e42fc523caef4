// What the file says about its CRS: detected or guessed, fixed by the format, declared, and the
// reader's notes.
import { useI18n } from '../../i18n';
import { useExchangeT } from '../dict';
import type { Preview, PreviewLayer } from './import-options';
import type { ImportWizardState } from './useImportWizard';

export function CrsFacts({ w, preview, current }: { w: ImportWizardState; preview: Preview; current: PreviewLayer }) {
  const x = useExchangeT();
  const { pick } = useI18n();
  const { crs } = current;
  return (
    <>
      <div className="xc-facts">
        <span>
          {x(crs.how === 'guessed' ? 'crs.guessedLabel' : 'crs.detected')}: <b data-testid="exchange-crs-detected" data-how={crs.how}>{w.crsName(crs.fileSays)}</b>
          {crs.said ? <span className="muted"> ({crs.said})</span> : null}
        </span>
      </div>
      {crs.fixed && (
        <div className="xc-note" data-testid="exchange-crs-fixed">
          {x('crs.fixed', { format: preview.format.toUpperCase() })}
        </div>
      )}
      {(crs.how === 'declared' || crs.how === 'prj') && crs.fileSays && (
        <div className="xc-note" data-testid="exchange-crs-declared">
          {x('crs.declared', { name: w.crsName(crs.fileSays) })}
        </div>
      )}
      {crs.how === 'guessed' && (
        <div className="xc-warn xc-warn-soft" data-testid="exchange-crs-guess">
          {x('crs.guessed', { name: w.crsName(crs.code) })}
        </div>
      )}
      {[...preview.warnings, ...crs.notes].map((n, i) => (
        <div key={i} className="xc-note">
          {pick(n)}
        </div>
      ))}
    </>
  );
}
