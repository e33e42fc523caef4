// What every route of one server shares: its options, log, body limit, launch-token check, hall
// gate, the security headers and the answer helpers bound to its log. Built once per server by
// startHttpServer (server.ts) and handed to each route (rpc-route.ts, events-route.ts,
// binary-route.ts, static-route.ts, router.ts), which used to close over one long function instead.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiErrorBody } from '../../shared/api';
import { createHallGate, type HallGate } from './hall-auth';
import * as respond from './respond';
import { err, type Log } from './respond';
import { securityHeaders } from './security';
import type { HttpServerOptions } from './server-options';

export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

/** Loopback mode: no token, or the wrong one. */
export const UNAUTHORIZED = err(
  'unauthorized',
  'Thiếu hoặc sai mã truy cập. Hãy mở lại đúng đường dẫn mà chương trình QuyTap in ra khi khởi động.',
  'Missing or wrong access token. Open the exact link QuyTap printed when it started.',
);

export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

export interface RouteContext {
  opts: HttpServerOptions;
  log: Log;
  /** Request body limit for /rpc. */
  maxBody: number;
  /** Whether `given` is the launch token (compared in constant time). */
  tokenOk(given: string | null | undefined): boolean;
  /** Hall mode: log-in, sessions and roles (./hall-auth.ts); null in loopback mode. */
  gate: HallGate | null;
  /** Put on every answer. */
  headers: Record<string, string>;
  sendJson(res: ServerResponse, status: number, body: unknown, extra?: Record<string, string>): void;
  sendError(res: ServerResponse, status: number, body: ApiErrorBody, extra?: Record<string, string>): void;
  refuseBody(req: IncomingMessage, res: ServerResponse, status: number, body: ApiErrorBody): void;
}

/** The constant-time check of the launch token: both sides hashed, so their lengths are equal. */
function tokenCheck(token: string): RouteContext['tokenOk'] {
  const tokenDigest = createHash('sha256').update(token).digest();
  return (given) => {
    if (!given) return false;
    const d = createHash('sha256').update(given).digest(); // equal lengths for timingSafeEqual
    return timingSafeEqual(d, tokenDigest);
  };
}

export function routeContext(opts: HttpServerOptions, token: string): RouteContext {
  const log = opts.log ?? ((m: string, d?: unknown) => console.error(m, d ?? ''));
  return {
    opts,
    log,
    maxBody: opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    tokenOk: tokenCheck(token),
    gate: opts.hall ? createHallGate(opts.hall, log) : null,
    headers: securityHeaders('browser'),
    sendJson: (res, status, body, extra = {}) => respond.sendJson(res, status, body, log, extra),
    sendError: (res, status, body, extra = {}) => respond.sendError(res, status, body, log, extra),
    refuseBody: (req, res, status, body) => respond.refuseBody(req, res, status, body, log),
  };
}
