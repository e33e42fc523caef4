// The hall gate's POST /auth/login and /auth/join (hall-auth.ts): the body read as JSON, the
// limit on attempts (rate-limit.ts), the accounts' check and the new session's cookie. Split out
// of createHallGate so that each step is a short function of its own.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loginKey, normalizeLogin } from '../../shared/contract/login-key';
import type { HallAccountsPort } from './hall-auth';
import type { HallSessions } from './hall-session-gate';
import type { LoginLimiter } from './rate-limit';
import { err, readBody, refuseBody, sendError, sendJson, type Log } from './respond';

const MAX_AUTH_BODY = 4096;

export interface LoginDeps {
  accounts: HallAccountsPort;
  sessions: HallSessions;
  limiter: LoginLimiter;
  log: Log;
}

const locked = (ms: number) =>
  err(
    'forbidden',
    `Đăng nhập sai quá nhiều lần: hãy đợi ${Math.ceil(ms / 60_000)} phút rồi thử lại (hoặc nhờ quản trị cấp mã tham gia mới).`,
    `Too many failed log-ins: wait ${Math.ceil(ms / 60_000)} minute(s) and try again (or ask the administrator for a new join code).`,
  );

async function readJson(req: IncomingMessage, res: ServerResponse, log: Log): Promise<Record<string, unknown> | null> {
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

export async function logInOrJoin(d: LoginDeps, req: IncomingMessage, res: ServerResponse, join: boolean): Promise<void> {
  const { log } = d;
  const body = await readJson(req, res, log);
  if (!body) return;
  // As typed (the accounts find it case aside); one limit for all its capitalisations.
  const login = normalizeLogin(str(body.login, 256)); // decomposed, a 64-letter login is longer
  const keys = [`login:${loginKey(login)}`, `ip:${req.socket.remoteAddress ?? ''}`];
  const wait = d.limiter.waitMs(keys);
  if (wait > 0) return sendError(res, 429, locked(wait), log, { 'Retry-After': String(Math.ceil(wait / 1000)) });
  const password = str(body.password, 256);
  if (join && password.length < 10)
    return sendError(res, 422, err('validation', 'Mật khẩu mới cần ít nhất 10 ký tự.', 'The new password needs at least 10 characters.'), log);
  const p = join ? await d.accounts.join(login, str(body.code, 64), password) : await d.accounts.logIn(login, password);
  if (!p) {
    d.limiter.failed(keys);
    return sendError(
      res,
      401,
      join
        ? err('unauthorized', 'Sai tên đăng nhập hoặc mã tham gia (mã chỉ dùng được một lần, có hạn).', 'Wrong login or join code (a code works once, and expires).')
        : err('unauthorized', 'Sai tên đăng nhập hoặc mật khẩu.', 'Wrong login or password.'),
      log,
    );
  }
  d.limiter.succeeded(keys);
  const id = d.sessions.sessions.create(p);
  sendJson(res, 200, { result: { login: p.login, name: p.name, role: p.role, communeCode: p.communeCode } }, log, { 'Set-Cookie': d.sessions.setCookie(id) });
}
