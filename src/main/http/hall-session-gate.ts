// The hall gate's sessions (hall-auth.ts): the cookie, who stands behind it now, and the /events
// streams that must end with it. One class, so that createHallGate only wires it to the routes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HallAccountsPort, HallPrincipal } from './hall-auth';
import { SessionStore, type SessionOptions } from './sessions';

export const SESSION_COOKIE = '__Host-quytap';

export function cookieOf(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return null;
}

export class HallSessions {
  readonly sessions: SessionStore<HallPrincipal>;
  readonly clearCookie = `${SESSION_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0`;
  private readonly maxAgeS: number;
  // Open /events streams and the cookie of the session each was opened with.
  private readonly streams = new Map<ServerResponse, string>();

  constructor(
    private readonly accounts: HallAccountsPort,
    options: SessionOptions | undefined,
  ) {
    this.sessions = new SessionStore<HallPrincipal>(options);
    this.maxAgeS = Math.max(1, Math.ceil(this.sessions.maxAgeMs / 1000));
  }

  setCookie(id: string): string {
    return `${SESSION_COOKIE}=${id}; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=${this.maxAgeS}`;
  }

  /** The account of this request's session as it is now, or null. */
  principal(req: IncomingMessage): HallPrincipal | null {
    const id = cookieOf(req, SESSION_COOKIE);
    const s = this.sessions.touch(id);
    if (!s) return null;
    const now = this.accounts.current(s.principal.accountId);
    if (!now || now.stamp !== s.principal.stamp) {
      this.sessions.end(id);
      return null;
    }
    return now;
  }

  /** Keeps an /events response of this request's session, to end it with the session. */
  holdStream(req: IncomingMessage, res: ServerResponse): void {
    const id = cookieOf(req, SESSION_COOKIE);
    if (!id) return;
    this.streams.set(res, id);
    res.once('close', () => this.streams.delete(res));
  }

  /** Ends the session of this request's cookie and its /events streams at once. */
  logOut(req: IncomingMessage): void {
    const id = cookieOf(req, SESSION_COOKIE);
    this.sessions.end(id);
    this.endStreams((x) => x === id);
  }

  /** Ends the /events streams whose session has ended since (run at every heartbeat). */
  sweepStreams(): void {
    this.endStreams((id) => !this.stands(id));
  }

  private endStreams(ended: (id: string) => boolean): void {
    for (const [res, id] of this.streams)
      if (ended(id)) {
        this.streams.delete(res);
        res.end();
      }
  }

  /** Whether the session of this cookie still stands (not expired nor idle, its account unchanged). */
  private stands(id: string): boolean {
    const s = this.sessions.peek(id);
    const now = s && this.accounts.current(s.principal.accountId);
    if (s && now && now.stamp === s.principal.stamp) return true;
    this.sessions.end(id);
    return false;
  }
}
