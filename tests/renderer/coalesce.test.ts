// A burst of project.changed events gives one reload at once and one after the burst, never one per event.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from '../../src/renderer/api/coalesce';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('coalesce', () => {
  it('50 events in half a second: the first runs at once, the rest become one run after the interval', async () => {
    let runs = 0;
    const reload = coalesce(() => void runs++, 1000, () => Date.now());
    for (let i = 0; i < 50; i++) {
      reload();
      await vi.advanceTimersByTimeAsync(10);
    }
    await flush();
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(600); // 1 s after the first run
    await flush();
    expect(runs).toBe(2);
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(2); // nothing more without a new event
  });

  it('an event during a slow run is not lost: one more run follows it', async () => {
    let runs = 0;
    let finish: () => void = () => undefined;
    const reload = coalesce(() => new Promise<void>((r) => ((runs += 1), (finish = r))), 100, () => Date.now());
    reload();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(1);
    reload(); // while the first is still waiting for its answer
    await vi.advanceTimersByTimeAsync(500);
    expect(runs).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    await flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(2);
  });

  it('cancel stops a pending run', async () => {
    let runs = 0;
    const reload = coalesce(() => void runs++, 1000, () => Date.now());
    reload();
    await vi.advanceTimersByTimeAsync(0);
    reload();
    reload.cancel();
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(1);
  });
});
