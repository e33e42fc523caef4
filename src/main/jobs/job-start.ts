// Starting one job (index.ts, JobRegistry.start): its progress function, the work run to its end
// (done, failed or cancelled) and the handle given back. Split out of createJobRegistry so that
// each part is a short function.
import { ApiError } from '../../shared/api-error';
import type { Entry, JobEntries } from './job-entries';
import type { JobWork, ProgressFn, StartedJob } from './index';

const finite = (n: unknown): number => (typeof n === 'number' && Number.isFinite(n) ? n : 0);

export function startJob<T>(table: JobEntries, kind: string, work: JobWork<T>, startOpts: { message?: string } = {}): StartedJob<T> {
  const e = table.add(kind, startOpts.message ?? '');
  const result = runWork(table, e, kind, work, progressOf(table, e));
  result.catch(() => {}); // the registry reports failures; awaiting `result` is optional
  e.result = result;

  return {
    id: e.job.id,
    get job() {
      return { ...e.job };
    },
    result,
    cancel: () => {
      table.cancel(e);
      return { ...e.job };
    },
  };
}

function progressOf(table: JobEntries, e: Entry): ProgressFn {
  return (done, total, message) => {
    if (e.job.state !== 'running') return;
    e.job.done = finite(done);
    e.job.total = finite(total);
    if (typeof message === 'string' && !e.controller.signal.aborted) e.job.message = message;
    table.emitThrottled(e);
  };
}

async function runWork<T>(table: JobEntries, e: Entry, kind: string, work: JobWork<T>, progress: ProgressFn): Promise<T> {
  try {
    const value = await work(progress, e.controller.signal);
    table.finish(e, 'done', null);
    return value;
  } catch (err) {
    if (e.controller.signal.aborted) {
      table.finish(e, 'cancelled', null);
      throw e.controller.signal.reason instanceof ApiError ? e.controller.signal.reason : err;
    }
    const message = err instanceof ApiError ? err.vi : err instanceof Error ? err.message : String(err);
    if (!(err instanceof ApiError))
      table.log(`[jobs] job ${kind} ${e.job.id} failed`, err instanceof Error ? (err.stack ?? err.message) : err);
    table.finish(e, 'failed', message || 'Lỗi không rõ', err instanceof ApiError ? err.en : err instanceof Error ? err.message || 'Unknown error' : String(err));
    throw err;
  }
}
