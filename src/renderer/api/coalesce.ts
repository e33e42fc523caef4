// Reloads driven by `project.changed`: in a hall session thirty drafters may write several times a
// second, and a panel that reloaded on each event would send its requests as often (the review panel
// asks five at once, statistics among them). Coalesced, a burst of events gives one reload at once
// and at most one more per interval, the last one after the burst, so the panel still ends current.

export interface Coalesced {
  (): void;
  cancel(): void;
}

/** Calls `run` now if idle, else once more when the interval since the last start has passed and the run in progress ended. */
export function coalesce(run: () => Promise<void> | void, intervalMs: number, now: () => number = Date.now): Coalesced {
  let running = false;
  let pending = false;
  let lastStart = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let cancelled = false;

  const start = () => {
    timer = null;
    if (cancelled) return;
    pending = false;
    running = true;
    lastStart = now();
    void Promise.resolve()
      .then(run)
      .catch(() => undefined) // the caller's run reports its own errors
      .finally(() => {
        running = false;
        if (pending) schedule();
      });
  };
  const schedule = () => {
    if (timer || running || cancelled) return;
    timer = setTimeout(start, Math.max(0, lastStart + intervalMs - now()));
  };
  const trigger = (() => {
    pending = true;
    schedule();
  }) as Coalesced;
  trigger.cancel = () => {
    cancelled = true;
    if (timer) clearTimeout(timer);
  };
  return trigger;
}
