// Long work (imports, prints, exports) runs as a job: it reports progress as 'job.progress' events
// (throttled so a tight loop cannot flood IPC or the SSE stream), it can be cancelled through an
// AbortSignal, and finished jobs stay listed for a while so the UI can show how they ended.
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../shared/api-error';
import type { Job } from '../../shared/api';
import type { Handlers } from '../rpc/dispatch';
import type { EventPayload } from '../rpc/events';

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

interface Entry {
  job: Job;
  result: Promise<unknown> | null;
  controller: AbortController;
  lastEmit: number;
  timer: ReturnType<typeof setTimeout> | null;
  finishedAt: number | null;
  seq: number;
  owner: JobOwner | null;
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

const finite = (n: unknown): number => (typeof n === 'number' && Number.isFinite(n) ? n : 0);

/** `createJobRegistry(emit)` is shorthand for `createJobRegistry({ emit })`. */
export function createJobRegistry(optsOrEmit: JobRegistryOptions | NonNullable<JobRegistryOptions['emit']> = {}): JobRegistry {
  const opts: JobRegistryOptions = typeof optsOrEmit === 'function' ? { emit: optsOrEmit } : optsOrEmit;
  const throttleMs = opts.throttleMs ?? 100;
  const keepFinished = opts.keepFinished ?? 50;
  const keepFinishedMs = opts.keepFinishedMs ?? 60 * 60 * 1000;
  const now = opts.now ?? Date.now;
  const log = opts.log ?? ((m: string, d?: unknown) => console.error(m, d ?? ''));
  const entries = new Map<string, Entry>();
  let seq = 0;

  const emitNow = (e: Entry) => {
    if (e.timer) {
      clearTimeout(e.timer);
      e.timer = null;
    }
    e.lastEmit = now();
    if (!opts.emit) return;
    try {
      opts.emit('job.progress', { ...e.job });
    } catch (err) {
      log('[jobs] emit failed', err);
    }
  };

  /** Leading + trailing throttle: the latest state always goes out within throttleMs. */
  const emitThrottled = (e: Entry) => {
    const wait = e.lastEmit + throttleMs - now();
    if (wait <= 0) return emitNow(e);
    if (!e.timer) {
      e.timer = setTimeout(() => {
        e.timer = null;
        if (e.job.state === 'running') emitNow(e);
      }, wait);
      e.timer.unref?.();
    }
  };

  const prune = () => {
    const t = now();
    const finished = [...entries.values()]
      .filter((e) => e.finishedAt !== null)
      .sort((a, b) => a.finishedAt! - b.finishedAt! || a.seq - b.seq);
    let excess = finished.length - keepFinished;
    for (const e of finished) {
      if (excess > 0 || t - e.finishedAt! > keepFinishedMs) {
        entries.delete(e.job.id);
        excess--;
      }
    }
  };

  const finish = (e: Entry, state: Exclude<Job['state'], 'running'>, error: string | null, errorEn: string | null = null) => {
    if (e.job.state !== 'running') return;
    e.job.state = state;
    e.job.error = error;
    e.job.errorEn = errorEn;
    if (state === 'done' && e.job.total > 0) e.job.done = Math.max(e.job.done, e.job.total);
    e.finishedAt = now();
    emitNow(e); // the final event is never throttled away
    prune();
  };

  const cancelEntry = (e: Entry) => {
    if (e.job.state !== 'running' || e.controller.signal.aborted) return;
    e.job.message = 'Đang huỷ…';
    e.controller.abort(new ApiError('cancelled', 'Công việc đã bị huỷ.', 'The job was cancelled.'));
    emitNow(e);
  };

  return {
    start<T>(kind: string, work: JobWork<T>, startOpts: { message?: string } = {}): StartedJob<T> {
      const e: Entry = {
        job: { id: randomUUID(), kind, state: 'running', done: 0, total: 0, message: startOpts.message ?? '', error: null },
        result: null,
        controller: new AbortController(),
        lastEmit: -Infinity,
        timer: null,
        finishedAt: null,
        seq: seq++,
        owner: opts.owner?.() ?? null,
      };
      entries.set(e.job.id, e);
      emitNow(e);

      const progress: ProgressFn = (done, total, message) => {
        if (e.job.state !== 'running') return;
        e.job.done = finite(done);
        e.job.total = finite(total);
        if (typeof message === 'string' && !e.controller.signal.aborted) e.job.message = message;
        emitThrottled(e);
      };

      const result = (async () => {
        try {
          const value = await work(progress, e.controller.signal);
          finish(e, 'done', null);
          return value;
        } catch (err) {
          if (e.controller.signal.aborted) {
            finish(e, 'cancelled', null);
            throw e.controller.signal.reason instanceof ApiError ? e.controller.signal.reason : err;
          }
          const message = err instanceof ApiError ? err.vi : err instanceof Error ? err.message : String(err);
          if (!(err instanceof ApiError))
            log(`[jobs] job ${kind} ${e.job.id} failed`, err instanceof Error ? (err.stack ?? err.message) : err);
          finish(e, 'failed', message || 'Lỗi không rõ', err instanceof ApiError ? err.en : err instanceof Error ? err.message || 'Unknown error' : String(err));
          throw err;
        }
      })();
      result.catch(() => {}); // the registry reports failures; awaiting `result` is optional
      e.result = result;

      return {
        id: e.job.id,
        get job() {
          return { ...e.job };
        },
        result,
        cancel: () => {
          cancelEntry(e);
          return { ...e.job };
        },
      };
    },

    get(id) {
      const e = entries.get(id);
      return e ? { ...e.job } : undefined;
    },

    list() {
      prune();
      return [...entries.values()].sort((a, b) => b.seq - a.seq).map((e) => ({ ...e.job }));
    },

    cancel(id, by) {
      const e = entries.get(id);
      if (!e) throw notFound(id);
      if (by && e.owner && by.role !== 'admin' && by.accountId !== e.owner.accountId) throw notYours(e.job, e.owner);
      cancelEntry(e);
      return { ...e.job };
    },

    wait(id) {
      const e = entries.get(id);
      if (!e || !e.result) return Promise.reject(notFound(id));
      return e.result;
    },

    cancelAll() {
      for (const e of entries.values()) cancelEntry(e);
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
