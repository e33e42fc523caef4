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
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiErrorBody, MethodName } from '../../shared/api';
import { accessOf, allowed, type Access } from '../../shared/contract/access';
import { loginKey, normalizeLogin } from '../../shared/contract/login-key';
import { ADMIN_SCRIPT, adminPage, LOGIN_SCRIPT, loginPage } from './hall-pages';
import { LoginLimiter, type RateLimitOptions } from './rate-limit';
import { err, readBody, refuseBody, sendError, sendJson, type Log } from './respond';
import { SessionStore, type SessionOptions } from './sessions';

export const SESSION_COOKIE = '__Host-quytap';
const MAX_AUTH_BODY = 4096;

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

const ROLE_VI: Record<HallPrincipal['role'], string> = { commune_staff: 'cán bộ xã', reviewer: 'cán bộ thẩm định', admin: 'quản trị' };
const ACCESS_VI: Record<Exclude<Access, 'read' | 'write'>, { vi: string; en: string }> = {
  review: { vi: 'chỉ cán bộ thẩm định hoặc quản trị được làm việc này', en: 'only a reviewer or an administrator may do this' },
  admin: { vi: 'chỉ quản trị được làm việc này', en: 'only an administrator may do this' },
  local: {
    vi: 'máy chủ phòng họp phục vụ một dự án với các tài khoản của nó; muốn đổi dự án hay tên người dùng, hãy khởi động lại máy chủ',
    en: 'the hall server serves one project with its accounts; to change the project or who you are, restart the server',
  },
};

function cookieOf(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return null;
}

export function createHallGate(o: HallOptions, log: Log) {
  const sessions = new SessionStore<HallPrincipal>(o.sessions);
  const limiter = new LoginLimiter(o.rateLimit);
  const maxAgeS = Math.max(1, Math.ceil(sessions.maxAgeMs / 1000));
  const setCookie = (id: string) => `${SESSION_COOKIE}=${id}; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=${maxAgeS}`;
  const clearCookie = `${SESSION_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0`;

  /** The account of this request's session as it is now, or null. */
  function principal(req: IncomingMessage): HallPrincipal | null {
    const id = cookieOf(req, SESSION_COOKIE);
    const s = sessions.touch(id);
    if (!s) return null;
    const now = o.accounts.current(s.principal.accountId);
    if (!now || now.stamp !== s.principal.stamp) {
      sessions.end(id);
      return null;
    }
    return now;
  }

  // Open /events streams and the cookie of the session each was opened with.
  const streams = new Map<ServerResponse, string>();

  /** Keeps an /events response of this request's session, to end it with the session. */
  function holdStream(req: IncomingMessage, res: ServerResponse): void {
    const id = cookieOf(req, SESSION_COOKIE);
    if (!id) return;
    streams.set(res, id);
    res.once('close', () => streams.delete(res));
  }

  function endStreams(ended: (id: string) => boolean): void {
    for (const [res, id] of streams)
      if (ended(id)) {
        streams.delete(res);
        res.end();
      }
  }

  /** Whether the session of this cookie still stands (not expired nor idle, its account unchanged). */
  function stands(id: string): boolean {
    const s = sessions.peek(id);
    const now = s && o.accounts.current(s.principal.accountId);
    if (s && now && now.stamp === s.principal.stamp) return true;
    sessions.end(id);
    return false;
  }

  /** Why this account may not call this method (null: it may). */
  function refusal(p: HallPrincipal, method: MethodName, input: unknown): ApiErrorBody | null {
    const access = accessOf(method, input);
    if (allowed(p, access)) return null;
    const why = ACCESS_VI[access as keyof typeof ACCESS_VI];
    return err(
      'forbidden',
      `Tài khoản ${p.login} (${ROLE_VI[p.role]}) không được gọi "${method}": ${why.vi}.`,
      `The account ${p.login} (${p.role}) may not call "${method}": ${why.en}.`,
    );
  }

  const locked = (ms: number) =>
    err(
      'forbidden',
      `Đăng nhập sai quá nhiều lần: hãy đợi ${Math.ceil(ms / 60_000)} phút rồi thử lại (hoặc nhờ quản trị cấp mã tham gia mới).`,
      `Too many failed log-ins: wait ${Math.ceil(ms / 60_000)} minute(s) and try again (or ask the administrator for a new join code).`,
    );

  async function readJson(req: IncomingMessage, res: ServerResponse): Promise<Record<string, unknown> | null> {
    const ctype = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (ctype !== 'application/json') {
      refuseBody(req, res, 415, err('bad_request', 'Nội dung phải là JSON.', 'The body must be JSON.'), log);
      return null;
    }
    try {
      const v: unknown = JSON.parse((await readBody(req, MAX_AUTH_BODY)).toString('utf8'));
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      /* below */
    }
    refuseBody(req, res, 400, err('bad_request', 'Nội dung yêu cầu không hợp lệ.', 'Malformed request body.'), log);
    return null;
  }

  const str = (v: unknown, max: number) => (typeof v === 'string' && v.length <= max ? v : '');

  async function logInOrJoin(req: IncomingMessage, res: ServerResponse, join: boolean): Promise<void> {
    const body = await readJson(req, res);
    if (!body) return;
    // As typed (the accounts find it case aside); one limit for all its capitalisations.
    const login = normalizeLogin(str(body.login, 256)); // decomposed, a 64-letter login is longer
    const keys = [`login:${loginKey(login)}`, `ip:${req.socket.remoteAddress ?? ''}`];
    const wait = limiter.waitMs(keys);
    if (wait > 0) return sendError(res, 429, locked(wait), log, { 'Retry-After': String(Math.ceil(wait / 1000)) });
    const password = str(body.password, 256);
    if (join && password.length < 10)
      return sendError(res, 422, err('validation', 'Mật khẩu mới cần ít nhất 10 ký tự.', 'The new password needs at least 10 characters.'), log);
    const p = join ? await o.accounts.join(login, str(body.code, 64), password) : await o.accounts.logIn(login, password);
    if (!p) {
      limiter.failed(keys);
      return sendError(
        res,
        401,
        join
          ? err('unauthorized', 'Sai tên đăng nhập hoặc mã tham gia (mã chỉ dùng được một lần, có hạn).', 'Wrong login or join code (a code works once, and expires).')
          : err('unauthorized', 'Sai tên đăng nhập hoặc mật khẩu.', 'Wrong login or password.'),
        log,
      );
    }
    limiter.succeeded(keys);
    const id = sessions.create(p);
    sendJson(res, 200, { result: { login: p.login, name: p.name, role: p.role, communeCode: p.communeCode } }, log, { 'Set-Cookie': setCookie(id) });
  }

  function page(res: ServerResponse, status: number, type: string, text: string): void {
    const buf = Buffer.from(text, 'utf8');
    res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Content-Length': String(buf.length), 'Cache-Control': 'no-store' });
    res.end(buf);
  }

  /**
   * The gate's own routes; true when it answered. `origin` is the address to show in the QR code.
   */
  async function route(req: IncomingMessage, res: ServerResponse, url: URL, origin: string): Promise<boolean> {
    const p = url.pathname;
    const get = req.method === 'GET' || req.method === 'HEAD';
    if (p === '/login' && get) {
      page(res, 200, 'text/html', loginPage(o.tls.fingerprint256));
      return true;
    }
    if ((p === '/login.js' || p === '/admin.js') && get) {
      page(res, 200, 'text/javascript', p === '/login.js' ? LOGIN_SCRIPT : ADMIN_SCRIPT);
      return true;
    }
    if (p === '/auth/login' || p === '/auth/join' || p === '/auth/logout') {
      if (req.method !== 'POST') {
        sendError(res, 405, err('bad_request', 'Chỉ chấp nhận phương thức POST.', 'Only POST is allowed here.'), log, { Allow: 'POST' });
        return true;
      }
      if (p === '/auth/logout') {
        const id = cookieOf(req, SESSION_COOKIE);
        sessions.end(id);
        endStreams((x) => x === id);
        sendJson(res, 200, { result: { loggedOut: true } }, log, { 'Set-Cookie': clearCookie });
      } else await logInOrJoin(req, res, p === '/auth/join');
      return true;
    }
    if (p === '/admin' && get) {
      const who = principal(req);
      if (!who) redirectToLogin(res);
      else if (who.role !== 'admin') sendError(res, 403, err('forbidden', 'Trang này chỉ dành cho quản trị.', 'This page is for administrators only.'), log);
      else page(res, 200, 'text/html', await adminPage(`${origin}/login`, o.tls.fingerprint256, `${who.name} (${who.login})`));
      return true;
    }
    return false;
  }

  function redirectToLogin(res: ServerResponse): void {
    res.writeHead(303, { Location: '/login', 'Cache-Control': 'no-store', 'Content-Length': '0' });
    res.end();
  }

  return {
    route,
    principal,
    refusal,
    redirectToLogin,
    holdStream,
    /** Ends the /events streams whose session has ended since (run at every heartbeat). */
    sweepStreams: () => endStreams((id) => !stands(id)),
    /** For tests and diagnostics. */
    get sessionCount() {
      return sessions.size;
    },
  };
}

export type HallGate = ReturnType<typeof createHallGate>;
