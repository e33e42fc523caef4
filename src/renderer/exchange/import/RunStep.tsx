// Step 4 of the import wizard: duplicates (skip or import them), the problem foreseen, run and
// cancel, and the job's progress.
import { useI18n } from '../../i18n';
import { useExchangeT } from '../dict';
import type { PreviewLayer } from './import-options';
import { allDuplicates, showProblem } from './import-steps';
import type { ImportWizardState } from './useImportWizard';
import { useJobText } from './useImportRun';

export function RunStep({ w, current }: { w: ImportWizardState; current: PreviewLayer }) {
  const x = useExchangeT();
  const { pick } = useI18n();
  const jobText = useJobText();
  const { job } = w;
  return (
    <section className="xc-step">
      <h3>{x('step.run')}</h3>
      {current.duplicates !== null && current.duplicates > 0 && <DuplicateChoice w={w} current={current} />}
      {showProblem(current) && (
        <div className="xc-warn" data-testid="exchange-problem">
          <b>{x('problem')}</b> {pick(current.problem!)}
        </div>
      )}
      <div className="xc-row">
        <button className="btn btn-primary" onClick={w.run} disabled={w.blocked} data-testid="exchange-run">
          {x('run')}
        </button>
        {w.running && (
          <button className="btn" onClick={w.cancel} data-testid="exchange-cancel">
            {x('cancel')}
          </button>
        )}
      </div>
      {job && (
        <div className="xc-progress" data-testid="exchange-progress" data-state={job.state}>
          <progress max={job.total || 1} value={job.state === 'done' ? job.total || 1 : job.done} />
          <span>{jobText(job, current.count)}</span>
        </div>
      )}
      <p className="xc-hint">{w.info.crs.name}</p>
    </section>
  );
}

function DuplicateChoice({ w, current }: { w: ImportWizardState; current: PreviewLayer }) {
  const x = useExchangeT();
  const { num } = useI18n();
  const { dupImport } = w.file;
  return (
    <div className="xc-warn" data-testid="exchange-duplicates">
      {x('dup', { n: num(current.duplicates ?? 0) })} {allDuplicates(current) && x('dup.all')}
      <label className="xc-check">
        <input type="radio" name="xc-dup" checked={!dupImport} onChange={() => w.patchFile({ dupImport: false })} data-testid="exchange-dup-skip" /> {x('dup.skip')}
      </label>
      <label className="xc-check">
        <input type="radio" name="xc-dup" checked={dupImport} onChange={() => w.patchFile({ dupImport: true })} data-testid="exchange-dup-import" /> {x('dup.import')}
      </label>
    </div>
  );
}
