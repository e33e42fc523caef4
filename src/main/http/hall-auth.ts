// The hall server's gate (quytap serve --hall): log-in, sessions and roles, in front of the same
// routes as the loopback browser mode. The LAN is not trusted:
// - Every route but the log-in page, its script, /auth/* and /healthz needs a session: a cookie
//   `__Host-quytap` (HttpOnly, Secure, SameSite=Strict, Path=/) whose value is 32 random bytes
//   known to this server's memory only (sessions.ts); expired, idle, or made before the account's
//   password was reset or the account disabled: refused. An open /events stream ends with its
//   session (log-out at once; expiry, idleness, a disabled account or a reset password at the
//   server's next heartbeat), so no one keeps hearing the project's changes after their session.
// - The account behind the session is who acts: CallContext.caller, from which the services take
//   the author of every edit, comment and review act and the write rules their operator. A name,
//   role or commune in the request body changes nothing.
// - Every method is allowed or refused by the role table (shared/contract/access.ts) here, before
//   the dispatcher; the write rules then keep commune staff to their commune row by row.
// - Log-in attempts are limited per account name and per client address (rate-limit.ts): 429 with a
//   sentence and Retry-After, even for the right password while locked.
// The gate's parts, each in its own file: sessions and streams (hall-session-gate.ts), the role
// refusals (hall-refusal.ts), log-in (hall-login.ts) and its routes (hall-routes.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { refusal } from './hall-refusal';
import { hallRoute, redirectToLogin } from './hall-routes';
import { HallSessions } from './hall-session-gate';
import { LoginLimiter, type RateLimitOptions } from './rate-limit';
import { err, type Log } from './respond';
import type { SessionOptions } from './sessions';

export { SESSION_COOKIE } from './hall-session-gate';

export interface HallPrincipal {
  accountId: string;
  login: string;
  name: string;
  role: 'commune_staff' | 'reviewer' | 'admin';
  communeCode: string | null;
  stamp: number;
}

/** The accounts as the gate needs them (services/accounts.ts, hallAccounts). */
export interface HallAccountsPort {
  logIn(login: string, password: string): Promise<HallPrincipal | null>;
  join(login: string, code: string, newPassword: string): Promise<HallPrincipal | null>;
  current(accountId: string): HallPrincipal | null;
}

export interface HallOptions {
  accounts: HallAccountsPort;
  tls: { key: string; cert: string; fingerprint256: string };
  /** Addresses people reach the server by, besides the one it listens on (Host and Origin checks). */
  names?: readonly string[];
  sessions?: SessionOptions;
  rateLimit?: RateLimitOptions;
}

export const UNAUTHORIZED_HALL = err(
  'unauthorized',
  'Chưa đăng nhập hoặc phiên đã hết hạn: hãy đăng nhập lại ở trang /login.',
  'Not logged in, or the session has ended: log in again at /login.',
);

export function createHallGate(o: HallOptions, log: Log) {
  const sessions = new HallSessions(o.accounts, o.sessions);
  const limiter = new LoginLimiter(o.rateLimit);
  const deps = { accounts: o.accounts, sessions, limiter, log, tls: o.tls };
  return {
    route: (req: IncomingMessage, res: ServerResponse, url: URL, origin: string) => hallRoute(deps, req, res, url, origin),
    principal: (req: IncomingMessage) => sessions.principal(req),
    refusal,
    redirectToLogin,
    holdStream: (req: IncomingMessage, res: ServerResponse) => sessions.holdStream(req, res),
    /** Ends the /events streams whose session has ended since (run at every heartbeat). */
    sweepStreams: () => sessions.sweepStreams(),
    /** For tests and diagnostics. */
    get sessionCount() {
      return sessions.sessions.size;
    },
  };
}

export type HallGate = ReturnType<typeof createHallGate>;
