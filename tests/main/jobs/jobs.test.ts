import { describe, expect, it, vi } from 'vitest';
import { ApiError, type Job } from '../../../src/shared/api';
import { createJobRegistry, jobHandlers } from '../../../src/main/jobs';
import { createDispatcher, type Handlers } from '../../../src/main/rpc/dispatch';
import { createEventBus } from '../../../src/main/rpc/events';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function recorder() {
  const events: Job[] = [];
  return { events, emit: (_e: 'job.progress', p: Job) => void events.push(p) };
}

/** Real async work: n steps of `stepMs`, honouring the signal. */
async function steps(n: number, stepMs: number, progress: (d: number, t: number, m?: string) => void, signal: AbortSignal) {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    signal.throwIfAborted();
    await sleep(stepMs);
    sum += i;
    progress(i + 1, n, `bước ${i + 1}/${n}`);
  }
  return sum;
}

describe('job registry', () => {
  it('runs work to completion and reports progress, ending with the final state', async () => {
    const r = recorder();
    const jobs = createJobRegistry({ emit: r.emit });
    const started = jobs.start('import', (p, s) => steps(5, 5, p, s), { message: 'Đang nhập' });
    expect(started.job).toMatchObject({ kind: 'import', state: 'running', done: 0, total: 0, message: 'Đang nhập', error: null });
    expect(jobs.runningCount).toBe(1);
    await expect(started.result).resolves.toBe(10);
    const final = jobs.get(started.id)!;
    expect(final).toMatchObject({ state: 'done', done: 5, total: 5, message: 'bước 5/5', error: null });
    expect(r.events[0]).toMatchObject({ state: 'running', done: 0 });
    expect(r.events.at(-1)).toEqual(final);
    expect(jobs.runningCount).toBe(0);
  });

  it('throttles progress to about 10 events per second but always sends the final one', async () => {
    const r = recorder();
    const jobs = createJobRegistry({ emit: r.emit });
    const t0 = Date.now();
    const started = jobs.start('print', async (progress) => {
      // ~600 ms of work with a progress call every millisecond or so.
      for (let i = 0; i < 3000; i++) {
        progress(i, 3000);
        if (i % 5 === 0) await sleep(1);
      }
      while (Date.now() - t0 < 600) await sleep(5);
      progress(2999, 3000, 'gần xong');
      return 'ok';
    });
    await started.result;
    const elapsed = (Date.now() - t0) / 1000;
    // start + throttled progress + final: bounded by the 100 ms interval.
    expect(r.events.length).toBeLessThanOrEqual(Math.ceil(elapsed * 10) + 3);
    expect(r.events.length).toBeGreaterThanOrEqual(3);
    expect(r.events.at(-1)).toMatchObject({ state: 'done', done: 3000, total: 3000, message: 'gần xong' });
    // Progress never goes backwards.
    const dones = r.events.map((e) => e.done);
    expect([...dones].sort((a, b) => a - b)).toEqual(dones);
  });

  it('sends the latest progress after a pause even when no further call comes (trailing edge)', async () => {
    const r = recorder();
    const jobs = createJobRegistry({ emit: r.emit, throttleMs: 50 });
    let release!: () => void;
    const gate = new Promise<void>((res) => (release = res));
    const started = jobs.start('export', async (progress) => {
      progress(1, 10);
      progress(2, 10);
      progress(3, 10); // throttled, must still arrive within ~50 ms
      await gate;
      return null;
    });
    await sleep(150);
    expect(r.events.at(-1)).toMatchObject({ state: 'running', done: 3, total: 10 });
    release();
    await started.result;
    expect(r.events.at(-1)).toMatchObject({ state: 'done' });
  });

  it('cancels through the AbortSignal: the job ends cancelled and result rejects with ApiError cancelled', async () => {
    const r = recorder();
    const jobs = createJobRegistry({ emit: r.emit });
    let sawAbort = false;
    const started = jobs.start('import', async (p, signal) => {
      signal.addEventListener('abort', () => (sawAbort = true));
      return steps(1000, 5, p, signal);
    });
    await sleep(30);
    const j = jobs.cancel(started.id);
    expect(j.id).toBe(started.id);
    const err = await started.result.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('cancelled');
    expect(sawAbort).toBe(true);
    expect(jobs.get(started.id)).toMatchObject({ state: 'cancelled', error: null });
    expect(r.events.at(-1)).toMatchObject({ state: 'cancelled' });
    // Cancelling again (or a finished job) is harmless.
    expect(jobs.cancel(started.id).state).toBe('cancelled');
    expect(() => jobs.cancel('no-such-job')).toThrow(ApiError);
  });

  it('records failures with the error message, and the job list survives them', async () => {
    const log = vi.fn();
    const jobs = createJobRegistry({ log });
    const a = jobs.start('import', async () => {
      await sleep(5);
      throw new Error('tệp .shp hỏng');
    });
    const b = jobs.start('print', async () => {
      await sleep(5);
      throw new ApiError('no_project', 'Chưa mở dự án', 'No project open');
    });
    const c = jobs.start('sync', () => {
      throw new Error('synchronous throw');
    });
    await Promise.allSettled([a.result, b.result, c.result]);
    expect(jobs.get(a.id)).toMatchObject({ state: 'failed', error: 'tệp .shp hỏng' });
    expect(jobs.get(b.id)).toMatchObject({ state: 'failed', error: 'Chưa mở dự án', errorEn: 'No project open' });
    expect(jobs.get(c.id)).toMatchObject({ state: 'failed', error: 'synchronous throw' });
    expect(log).toHaveBeenCalledTimes(2); // ApiErrors are expected outcomes, not bugs
  });

  it('lists newest first and keeps a bounded number of finished jobs for a bounded time', async () => {
    let now = 1_000_000;
    const jobs = createJobRegistry({ keepFinished: 3, keepFinishedMs: 10_000, now: () => now });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const s = jobs.start(`k${i}`, async () => i);
      ids.push(s.id);
      await s.result;
      now += 1;
    }
    let release!: () => void;
    const running = jobs.start('long', () => new Promise<void>((r) => (release = r)));
    expect(jobs.list().map((j) => j.kind)).toEqual(['long', 'k5', 'k4', 'k3']);
    now += 20_000;
    expect(jobs.list().map((j) => j.kind)).toEqual(['long']); // running jobs are never dropped
    release();
    await running.result;
    expect(jobs.list().map((j) => j.state)).toEqual(['done']);
  });

  it('cancelAll aborts every running job', async () => {
    const jobs = createJobRegistry();
    const a = jobs.start('a', (p, s) => steps(1000, 2, p, s));
    const b = jobs.start('b', (p, s) => steps(1000, 2, p, s));
    jobs.cancelAll();
    await Promise.allSettled([a.result, b.result]);
    expect([jobs.get(a.id)!.state, jobs.get(b.id)!.state]).toEqual(['cancelled', 'cancelled']);
  });

  it('plugs into the dispatcher as jobs.list / jobs.cancel, and its events pass the contract', async () => {
    const bus = createEventBus({
      log: () => {
        throw new Error('invalid event');
      },
    });
    const seen: unknown[] = [];
    bus.subscribe((name, payload) => seen.push([name, payload]));
    const jobs = createJobRegistry({ emit: bus.emit });
    const dispatch = createDispatcher({ ...jobHandlers(jobs) } as Handlers);
    const ctx = { operator: 'x', emit: bus.emit };
    const s = jobs.start('import', (p, sig) => steps(1000, 2, p, sig));
    await sleep(20);
    const list = await dispatch('jobs.list', {}, ctx);
    expect(list).toMatchObject({ ok: true, result: [{ id: s.id, state: 'running' }] });
    const cancelled = await dispatch('jobs.cancel', { id: s.id }, ctx);
    expect(cancelled.ok).toBe(true);
    await s.result.catch(() => {});
    const missing = await dispatch('jobs.cancel', { id: 'nope' }, ctx);
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.at(-1)).toMatchObject(['job.progress', { id: s.id, state: 'cancelled' }]);
  });
});

describe('job registry: shorthand and wait()', () => {
  it('accepts the emit function directly and waits for results by id', async () => {
    const events: unknown[] = [];
    const jobs = createJobRegistry((name, payload) => void events.push([name, payload.state]));
    const ok = jobs.start('demo.build', async (p) => {
      await sleep(10);
      p(1, 1);
      return 42;
    });
    await expect(jobs.wait(ok.id)).resolves.toBe(42);
    const bad = jobs.start('demo.build', async () => {
      await sleep(5);
      throw new Error('no data');
    });
    await expect(jobs.wait(bad.id)).rejects.toThrow('no data');
    await expect(jobs.wait('missing')).rejects.toMatchObject({ code: 'not_found' });
    expect(events[0]).toEqual(['job.progress', 'running']);
    expect(events.at(-1)).toEqual(['job.progress', 'failed']);
  });
});
