// Log-in attempts of the hall server, limited per account name and per client address: after
// `freeFailures` (5) failures in a row, every attempt is refused (429, even with the right
// password) for a delay that doubles with each further failure, from `baseLockMs` (1 min) up to
// `maxLockMs` (15 min). A success clears the account's and the address's count. Memory is bounded:
// at most `maxKeys` entries, the oldest forgotten first.
export interface RateLimitOptions {
  freeFailures?: number;
  baseLockMs?: number;
  maxLockMs?: number;
  maxKeys?: number;
  now?: () => number;
}

interface Entry {
  failures: number;
  lockedUntil: number;
}

export class LoginLimiter {
  private readonly free: number;
  private readonly base: number;
  private readonly maxLock: number;
  private readonly maxKeys: number;
  private readonly now: () => number;
  private readonly entries = new Map<string, Entry>();

  constructor(o: RateLimitOptions = {}) {
    this.free = o.freeFailures ?? 5;
    this.base = o.baseLockMs ?? 60_000;
    this.maxLock = o.maxLockMs ?? 15 * 60_000;
    this.maxKeys = o.maxKeys ?? 50_000;
    this.now = o.now ?? Date.now;
  }

  /** Milliseconds until any of these keys may try again (0: now). */
  waitMs(keys: readonly string[]): number {
    const t = this.now();
    return Math.max(0, ...keys.map((k) => (this.entries.get(k)?.lockedUntil ?? 0) - t));
  }

  failed(keys: readonly string[]): void {
    const t = this.now();
    for (const k of keys) {
      const e = this.entries.get(k) ?? { failures: 0, lockedUntil: 0 };
      this.entries.delete(k); // re-inserted last: the map stays ordered by last use
      e.failures++;
      if (e.failures >= this.free) e.lockedUntil = t + Math.min(this.maxLock, this.base * 2 ** (e.failures - this.free));
      this.entries.set(k, e);
      if (this.entries.size > this.maxKeys) this.entries.delete(this.entries.keys().next().value!);
    }
  }

  succeeded(keys: readonly string[]): void {
    for (const k of keys) this.entries.delete(k);
  }
}
