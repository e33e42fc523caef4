// Long work (imports, prints, exports) runs as a job: it reports progress as 'job.progress' events
// (throttled so a tight loop cannot flood IPC or the SSE stream), it can be cancelled through an
// AbortSignal, and finished jobs stay listed for a while so the UI can show how they ended.
// The job table and its events live in job-entries.ts, starting one job in job-start.ts.
import { ApiError } from '../../shared/api-error';
import type { Job } from '../../shared/api';
import type { Handlers } from '../rpc/dispatch';
import type { EventPayload } from '../rpc/events';
import { JobEntries } from './job-entries';
import { startJob } from './job-start';

export type { Job };
export type ProgressFn = (done: number, total: number, message?: string) => void;
export type JobWork<T> = (progress: ProgressFn, signal: AbortSignal) => Promise<T> | T;

export interface StartedJob<T> {
  readonly id: string;
  /** A snapshot of the job now (copy; safe to return from a handler). */
  readonly job: Job;
  /** The work's result; rejects with the work's error, or ApiError('cancelled'). Never unhandled. */
  readonly result: Promise<T>;
  cancel(): Job;
}

export interface JobRegistry {
  start<T>(kind: string, work: JobWork<T>, opts?: { message?: string }): StartedJob<T>;
  get(id: string): Job | undefined;
  /** Running jobs and recently finished ones, newest first. */
  list(): Job[];
  /**
   * Ask a job to stop (idempotent; a finished job is returned as it is). Unknown id → ApiError
   * 'not_found'. `by` (a hall account): only the account that started the job, or an administrator,
   * may stop it; anyone else gets ApiError 'forbidden'.
   */
  cancel(id: string, by?: JobCanceller): Job;
  /** Abort every running job (on shutdown). */
  cancelAll(): void;
  /**
   * Wait for a job to end: resolves with the work's result, rejects with its error (ApiError
   * 'cancelled' for a cancelled job). Unknown id → ApiError 'not_found'.
   */
  wait(id: string): Promise<unknown>;
  readonly runningCount: number;
}

/** Who started a job (a hall account), kept to judge who may cancel it. */
export interface JobOwner {
  accountId: string;
  name: string;
}
export type JobCanceller = JobOwner & { role: string };

export interface JobRegistryOptions {
  /** The account starting a job now (hall server), or null (the app, the CLI: anyone may cancel). */
  owner?: () => JobOwner | null;
  /** Where 'job.progress' events go (usually the event bus's emit). */
  emit?: (event: 'job.progress', payload: EventPayload<'job.progress'>) => void;
  /** Minimum interval between two progress events of one job (default 100 ms: ≤ 10 events/s). */
  throttleMs?: number;
  /** How many finished jobs are kept (default 50). */
  keepFinished?: number;
  /** How long finished jobs are kept (default 1 hour). */
  keepFinishedMs?: number;
  log?: (message: string, detail?: unknown) => void;
  now?: () => number;
}

const notFound = (id: string) =>
  new ApiError('not_found', `Không tìm thấy công việc "${id.slice(0, 64)}"`, `No job "${id.slice(0, 64)}"`);

/** Another account's job: only its owner or an administrator stops it. */
const notYours = (job: Job, owner: JobOwner) =>
  new ApiError(
    'forbidden',
    `Công việc "${job.message || job.kind}" do ${owner.name} bắt đầu: chỉ người đó hoặc quản trị mới hủy được. Hãy nhờ ${owner.name} hoặc quản trị hủy nó.`,
    `The job "${job.message || job.kind}" was started by ${owner.name}: only they or an administrator may cancel it. Ask ${owner.name} or an administrator.`,
  );

/** `createJobRegistry(emit)` is shorthand for `createJobRegistry({ emit })`. */
export function createJobRegistry(optsOrEmit: JobRegistryOptions | NonNullable<JobRegistryOptions['emit']> = {}): JobRegistry {
  const opts: JobRegistryOptions = typeof optsOrEmit === 'function' ? { emit: optsOrEmit } : optsOrEmit;
  const table = new JobEntries(opts);
  const { entries } = table;

  return {
    start: (kind, work, startOpts) => startJob(table, kind, work, startOpts),

    get(id) {
      const e = entries.get(id);
      return e ? { ...e.job } : undefined;
    },

    list() {
      table.prune();
      return [...entries.values()].sort((a, b) => b.seq - a.seq).map((e) => ({ ...e.job }));
    },

    cancel(id, by) {
      const e = entries.get(id);
      if (!e) throw notFound(id);
      if (by && e.owner && by.role !== 'admin' && by.accountId !== e.owner.accountId) throw notYours(e.job, e.owner);
      table.cancel(e);
      return { ...e.job };
    },

    wait(id) {
      const e = entries.get(id);
      if (!e || !e.result) return Promise.reject(notFound(id));
      return e.result;
    },

    cancelAll() {
      for (const e of entries.values()) table.cancel(e);
    },

    get runningCount() {
      let n = 0;
      for (const e of entries.values()) if (e.job.state === 'running') n++;
      return n;
    },
  };
}

/** The two contract methods over a registry, ready to spread into the services' Handlers. */
export function jobHandlers(registry: JobRegistry): Pick<Handlers, 'jobs.list' | 'jobs.cancel'> {
  return {
    'jobs.list': () => registry.list(),
    // A hall call names its account: the registry judges whether it may stop that job.
    'jobs.cancel': ({ id }, ctx) => registry.cancel(id, ctx.caller),
  };
}
