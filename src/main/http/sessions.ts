// The hall server's log-in sessions, in this server's memory only: a restart (or another server)
// knows none of them. The cookie carries 32 random bytes; the map is keyed by their SHA-256, so a
// heap dump or a log line with a key is no cookie. A session ends after `maxAgeMs` (12 h) whatever
// happens, after `idleMs` (2 h) without a request, or when its account's stamp moves (password
// reset, disabled: hall-auth.ts checks it on every request).
import { createHash, randomBytes } from 'node:crypto';

export interface Session<P> {
  principal: P;
  createdAt: number;
  lastSeen: number;
}

export interface SessionOptions {
  maxAgeMs?: number;
  idleMs?: number;
  /** Sessions kept at most (the oldest are dropped first). */
  maxSessions?: number;
  now?: () => number;
}

const digest = (id: string) => createHash('sha256').update(id).digest('base64url');

export class SessionStore<P> {
  readonly maxAgeMs: number;
  readonly idleMs: number;
  private readonly max: number;
  private readonly now: () => number;
  private readonly sessions = new Map<string, Session<P>>();

  constructor(o: SessionOptions = {}) {
    this.maxAgeMs = o.maxAgeMs ?? 12 * 3600_000;
    this.idleMs = o.idleMs ?? 2 * 3600_000;
    this.max = o.maxSessions ?? 10_000;
    this.now = o.now ?? Date.now;
  }

  /** A new session; the id returned goes into the cookie and nowhere else. */
  create(principal: P): string {
    const id = randomBytes(32).toString('base64url');
    const t = this.now();
    if (this.sessions.size >= this.max) this.sessions.delete(this.sessions.keys().next().value!);
    this.sessions.set(digest(id), { principal, createdAt: t, lastSeen: t });
    return id;
  }

  /** The live session of this cookie value (its idle clock restarts), or null. */
  touch(id: string | null | undefined): Session<P> | null {
    const s = this.peek(id);
    if (s) s.lastSeen = this.now();
    return s;
  }

  /** The live session of this cookie value without restarting its idle clock (an open event stream is no activity), or null. */
  peek(id: string | null | undefined): Session<P> | null {
    if (!id || id.length > 100) return null;
    const key = digest(id);
    const s = this.sessions.get(key);
    if (!s) return null;
    const t = this.now();
    if (t - s.createdAt >= this.maxAgeMs || t - s.lastSeen >= this.idleMs) {
      this.sessions.delete(key);
      return null;
    }
    return s;
  }

  end(id: string | null | undefined): void {
    if (id) this.sessions.delete(digest(id));
  }

  get size(): number {
    return this.sessions.size;
  }
}
