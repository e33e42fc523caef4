// Print (or the job's progress and cancel while it runs), then the finished file to download.
import { getClient } from '../../api';
import { usePrintT } from '../dict';
import type { PrintDialogState } from './usePrintDialog';

export function PrintActions({ d }: { d: PrintDialogState }) {
  const p = usePrintT();
  const { job, last, printPdf, cancel } = d.job;
  return (
    <>
      <div className="print-actions">
        {job?.state === 'running' ? (
          <>
            <progress max={job.total || 1} value={job.done} data-testid="print-progress" />
            <span>{p('printing', { done: job.done, total: job.total })}</span>
            <button type="button" className="btn" onClick={cancel} data-testid="print-cancel">
              {p('cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="btn btn-primary" onClick={printPdf} disabled={!!d.composeError || !d.composed} data-testid="print-pdf">
            {p('print')}
          </button>
        )}
      </div>
      {last && job?.state === 'done' && (
        <div className="print-done" data-testid="print-done" title={last.path}>
          <div>{p('done', { name: last.fileName })}</div>
          <a className="btn btn-primary" href={getClient().binUrl(`prints/${last.fileName}`)} download={last.fileName} title={p('download.title')} data-testid="print-download">
            {p('download', { name: last.fileName })}
          </a>
        </div>
      )}
    </>
  );
}
