// The job registry's table (index.ts): every job's entry, its 'job.progress' events (throttled
// so a tight loop cannot flood IPC or the SSE stream), its end and how long it stays listed.
// A class of its own so that createJobRegistry only answers the registry's methods.
import { randomUUID } from 'node:crypto';
import type { Job } from '../../shared/api';
import { ApiError } from '../../shared/api-error';
import type { JobOwner, JobRegistryOptions } from './index';

export interface Entry {
  job: Job;
  result: Promise<unknown> | null;
  controller: AbortController;
  lastEmit: number;
  timer: ReturnType<typeof setTimeout> | null;
  finishedAt: number | null;
  seq: number;
  owner: JobOwner | null;
}

export class JobEntries {
  readonly entries = new Map<string, Entry>();
  readonly now: () => number;
  readonly log: (message: string, detail?: unknown) => void;
  private readonly throttleMs: number;
  private readonly keepFinished: number;
  private readonly keepFinishedMs: number;
  private seq = 0;

  constructor(private readonly opts: JobRegistryOptions) {
    this.throttleMs = opts.throttleMs ?? 100;
    this.keepFinished = opts.keepFinished ?? 50;
    this.keepFinishedMs = opts.keepFinishedMs ?? 60 * 60 * 1000;
    this.now = opts.now ?? Date.now;
    this.log = opts.log ?? ((m: string, d?: unknown) => console.error(m, d ?? ''));
  }

  /** A new running job's entry, listed and announced. */
  add(kind: string, message: string): Entry {
    const e: Entry = {
      job: { id: randomUUID(), kind, state: 'running', done: 0, total: 0, message, error: null },
      result: null,
      controller: new AbortController(),
      lastEmit: -Infinity,
      timer: null,
      finishedAt: null,
      seq: this.seq++,
      owner: this.opts.owner?.() ?? null,
    };
    this.entries.set(e.job.id, e);
    this.emitNow(e);
    return e;
  }

  emitNow(e: Entry): void {
    if (e.timer) {
      clearTimeout(e.timer);
      e.timer = null;
    }
    e.lastEmit = this.now();
    if (!this.opts.emit) return;
    try {
      this.opts.emit('job.progress', { ...e.job });
    } catch (err) {
      this.log('[jobs] emit failed', err);
    }
  }

  /** Leading + trailing throttle: the latest state always goes out within throttleMs. */
  emitThrottled(e: Entry): void {
    const wait = e.lastEmit + this.throttleMs - this.now();
    if (wait <= 0) return this.emitNow(e);
    if (!e.timer) {
      e.timer = setTimeout(() => {
        e.timer = null;
        if (e.job.state === 'running') this.emitNow(e);
      }, wait);
      e.timer.unref?.();
    }
  }

  prune(): void {
    const t = this.now();
    const finished = [...this.entries.values()]
      .filter((e) => e.finishedAt !== null)
      .sort((a, b) => a.finishedAt! - b.finishedAt! || a.seq - b.seq);
    let excess = finished.length - this.keepFinished;
    for (const e of finished) {
      if (excess > 0 || t - e.finishedAt! > this.keepFinishedMs) {
        this.entries.delete(e.job.id);
        excess--;
      }
    }
  }

  finish(e: Entry, state: Exclude<Job['state'], 'running'>, error: string | null, errorEn: string | null = null): void {
    if (e.job.state !== 'running') return;
    e.job.state = state;
    e.job.error = error;
    e.job.errorEn = errorEn;
    if (state === 'done' && e.job.total > 0) e.job.done = Math.max(e.job.done, e.job.total);
    e.finishedAt = this.now();
    this.emitNow(e); // the final event is never throttled away
    this.prune();
  }

  cancel(e: Entry): void {
    if (e.job.state !== 'running' || e.controller.signal.aborted) return;
    e.job.message = 'Đang huỷ…';
    e.controller.abort(new ApiError('cancelled', 'Công việc đã bị huỷ.', 'The job was cancelled.'));
    this.emitNow(e);
  }
}
