// The browser-mode adapter: the same dispatch() as Electron's IPC, served over HTTP on 127.0.0.1.
// node:http only, no framework.
//
// Threat model and defences (the machine is a shared office PC; any web page the user visits can
// make the browser send requests to 127.0.0.1):
// - A per-launch secret token. It reaches the page only through the URL the CLI prints
//   (http://127.0.0.1:PORT/#token=…; a fragment is never sent to a server nor written to a log). The
//   page sends it as `Authorization: Bearer …` on POST /rpc/<method>, and as ?token= where a header
//   cannot be set (EventSource on GET /events, <img>/GeoTIFF reads on GET /bin/…). Compared in
//   constant time. Referrer-Policy: no-referrer keeps the ?token= URLs out of Referer headers.
// - DNS rebinding: a hostile name resolving to 127.0.0.1 would make requests same-origin for the
//   browser; the Host header then carries that name, so only 127.0.0.1:PORT / localhost:PORT pass.
// - Cross-site requests: any Origin other than our own is refused (403), as is
//   Sec-Fetch-Site: cross-site. /rpc demands Content-Type: application/json, which a cross-site
//   form cannot send without a CORS preflight, and we never answer preflights nor send CORS headers.
// - Resource exhaustion: bodies are capped (Content-Length checked first, streamed bytes counted
//   too); an oversized request gets 413 and its connection is closed, the server keeps serving.
// - Static files: path traversal refused by ./static.ts (decode, resolve, prefix + realpath check).
// Errors are always JSON `{ error: ApiErrorBody }`; stacks go to stderr only (see rpc/dispatch.ts).
//
// The hall mode (`hall` option, quytap serve --hall) puts ./hall-auth.ts in front of the same routes:
// HTTPS with the session's certificate (./tls.ts), accounts and sessions instead of the token, the
// role table checked before every call, and the call attributed to the session's account.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { isMethodName, type ApiErrorBody, type ErrorCode } from '../../shared/api';
import { jsonText } from '../rpc/json-text';
import type { Dispatch } from '../rpc/dispatch';
import { unknownMethodError } from '../rpc/dispatch';
import type { EventBus } from '../rpc/events';
import type { BinaryResponder } from './range';
import { createHallGate, UNAUTHORIZED_HALL, type HallOptions, type HallPrincipal } from './hall-auth';
import * as respond from './respond';
import { BodyTooLarge, err, RawJson } from './respond';
import { securityHeaders } from './security';
import { mimeType, resolveStaticFile } from './static';

export interface HttpServerOptions {
  dispatch: Dispatch;
  /** Events from here are pushed to every GET /events client; `emit` is given to handlers. */
  events: Pick<EventBus, 'emit' | 'subscribe'>;
  /** The built renderer (dist/renderer). Without it only /rpc, /events and /bin are served. */
  staticDir?: string | null;
  host?: string;
  /** 0 = any free port. */
  port?: number;
  /** Default: 32 random bytes, base64url, new at every launch. */
  token?: string;
  binaryResponder?: BinaryResponder | null;
  /** Request body limit for /rpc (default 32 MiB). */
  maxBodyBytes?: number;
  /** SSE heartbeat interval (default 15 s). */
  heartbeatMs?: number;
  /** Who is editing, for CallContext.operator (default ''). */
  operator?: () => string;
  log?: (message: string, detail?: unknown) => void;
  /** The hall server: HTTPS, accounts and sessions instead of the token (see ./hall-auth.ts). */
  hall?: HallOptions;
}

export interface HttpServerHandle {
  /** The URL to open, with the token in the fragment: http://127.0.0.1:PORT/#token=… */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  token: string;
  /** Hall mode only: the SHA-256 fingerprint of the session's certificate. */
  fingerprint256: string | null;
  /** Connected GET /events clients (diagnostics and tests). */
  readonly eventClients: number;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
const MAX_SSE_BUFFER = 8 * 1024 * 1024;

/** The HTTP status of each error code (exported for the contract fuzz test: only `internal` may be a 5xx). */
export const STATUS_OF: Record<ErrorCode, number> = {
  bad_request: 400,
  unknown_method: 404,
  validation: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthorized: 401,
  no_project: 409,
  too_large: 413,
  cancelled: 409,
  internal: 500,
};

const UNAUTHORIZED = err(
  'unauthorized',
  'Thiếu hoặc sai mã truy cập. Hãy mở lại đúng đường dẫn mà chương trình QuyTap in ra khi khởi động.',
  'Missing or wrong access token. Open the exact link QuyTap printed when it started.',
);

export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function startHttpServer(opts: HttpServerOptions): Promise<HttpServerHandle> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? generateToken();
  if (token.length < 16) throw new Error('startHttpServer: token too short (need ≥ 16 characters)');
  const tokenDigest = createHash('sha256').update(token).digest();
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const heartbeatMs = opts.heartbeatMs ?? 15_000;
  const log = opts.log ?? ((m: string, d?: unknown) => console.error(m, d ?? ''));
  const headers = securityHeaders('browser');
  const sseClients = new Set<ServerResponse>();

  let port = 0; // known once listening; every check below runs after that
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();
  let publicOrigin = '';

  const tokenOk = (given: string | null | undefined): boolean => {
    if (!given) return false;
    const d = createHash('sha256').update(given).digest(); // equal lengths for timingSafeEqual
    return timingSafeEqual(d, tokenDigest);
  };

  const sendJson = (res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) =>
    respond.sendJson(res, status, body, log, extra);
  const sendError = (res: ServerResponse, status: number, body: ApiErrorBody, extra: Record<string, string> = {}) =>
    respond.sendError(res, status, body, log, extra);
  const refuseBody = (req: IncomingMessage, res: ServerResponse, status: number, body: ApiErrorBody) =>
    respond.refuseBody(req, res, status, body, log);
  const readBody = (req: IncomingMessage) => respond.readBody(req, maxBody);
  const gate = opts.hall ? createHallGate(opts.hall, log) : null;

  const tooLarge = () =>
    err(
      'too_large',
      `Dữ liệu gửi lên quá lớn (giới hạn ${Math.round(maxBody / 1024 / 1024)} MiB).`,
      `The request body is too large (limit ${Math.round(maxBody / 1024 / 1024)} MiB).`,
    );

  async function handleRpc(req: IncomingMessage, res: ServerResponse, pathname: string, who: HallPrincipal | null): Promise<void> {
    if (req.method !== 'POST') {
      return sendError(res, 405, err('bad_request', 'Chỉ chấp nhận phương thức POST.', 'Only POST is allowed here.'), {
        Allow: 'POST',
      });
    }
    const auth = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!who && !tokenOk(auth?.[1])) return refuseBody(req, res, 401, UNAUTHORIZED);

    let method: string;
    try {
      method = decodeURIComponent(pathname.slice('/rpc/'.length));
    } catch {
      method = pathname.slice('/rpc/'.length);
    }
    if (!isMethodName(method)) return refuseBody(req, res, 404, unknownMethodError(method).toBody());

    const ctype = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (ctype !== 'application/json') {
      return refuseBody(
        req,
        res,
        415,
        err(
          'bad_request',
          'Nội dung yêu cầu phải là JSON (Content-Type: application/json).',
          'The request body must be JSON (Content-Type: application/json).',
        ),
      );
    }
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > maxBody) return refuseBody(req, res, 413, tooLarge());

    let raw: Buffer;
    try {
      raw = await readBody(req);
    } catch (e) {
      if (e instanceof BodyTooLarge) return refuseBody(req, res, 413, tooLarge());
      res.destroy(); // the client went away mid-upload: nobody to answer
      return;
    }

    let input: unknown = undefined;
    if (raw.length > 0) {
      try {
        input = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
      } catch {
        return sendError(
          res,
          400,
          err('bad_request', 'Nội dung yêu cầu không phải JSON hợp lệ.', 'The request body is not valid JSON.'),
        );
      }
    }

    // Hall: the role table, before the dispatcher; the call is then the session account's.
    const refused = who && gate!.refusal(who, method, input);
    if (refused) return sendError(res, 403, refused);
    // The handler may stop work when the client disconnects before the answer.
    const ac = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) ac.abort();
    });
    const out = await opts.dispatch(method, input, {
      operator: who ? who.name : (opts.operator?.() ?? ''),
      ...(who ? { caller: { accountId: who.accountId, name: who.name, role: who.role, communeCode: who.communeCode } } : {}),
      signal: ac.signal,
      emit: opts.events.emit,
    });
    if (res.destroyed) return;
    if (out.ok)
      sendJson(res, 200, out.result !== null && typeof out.result === 'object' ? new RawJson(`{"result":${jsonText(out.result)}}`) : { result: out.result });
    else sendError(res, STATUS_OF[out.error.code] ?? 500, out.error);
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, url: URL, who: HallPrincipal | null): void {
    if (req.method !== 'GET')
      return sendError(res, 405, err('bad_request', 'Chỉ chấp nhận GET.', 'Only GET is allowed here.'), { Allow: 'GET' });
    if (!who && !tokenOk(url.searchParams.get('token'))) return sendError(res, 401, UNAUTHORIZED);
    req.socket.setNoDelay(true);
    req.socket.setKeepAlive(true);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 3000\n: connected\n\n');
    sseClients.add(res);
    if (who) gate!.holdStream(req, res); // the stream ends with its session
    const drop = () => sseClients.delete(res);
    res.on('close', drop);
    req.on('close', drop);
  }

  function writeEvent(name: string, payload: unknown): void {
    if (sseClients.size === 0) return;
    let frame: string;
    try {
      frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    } catch (e) {
      log(`[http] event "${name}" not serialisable`, e);
      return;
    }
    for (const res of sseClients) {
      if (res.destroyed || res.writableEnded) {
        sseClients.delete(res);
        continue;
      }
      // A client that stopped reading must not make us buffer without bound.
      if (res.writableLength > MAX_SSE_BUFFER) {
        sseClients.delete(res);
        res.destroy();
        continue;
      }
      res.write(frame);
    }
  }

  async function handleBinary(req: IncomingMessage, res: ServerResponse, url: URL, who: HallPrincipal | null): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(res, 405, err('bad_request', 'Chỉ chấp nhận GET.', 'Only GET is allowed here.'), { Allow: 'GET, HEAD' });
    }
    if (!who && !tokenOk(url.searchParams.get('token'))) return sendError(res, 401, UNAUTHORIZED);
    if (!opts.binaryResponder) return sendError(res, 404, err('not_found', 'Không có dữ liệu này.', 'Not found.'));
    let path: string;
    try {
      path = decodeURIComponent(url.pathname.slice('/bin/'.length));
    } catch {
      return sendError(res, 400, err('bad_request', 'Đường dẫn không hợp lệ.', 'Malformed path.'));
    }
    if (path.includes('\0')) return sendError(res, 400, err('bad_request', 'Đường dẫn không hợp lệ.', 'Malformed path.'));
    let out: Awaited<ReturnType<BinaryResponder>>;
    try {
      out = await opts.binaryResponder(path, req.headers.range);
    } catch (e) {
      log(`[http] binary responder failed for "${path.slice(0, 200)}"`, e instanceof Error ? (e.stack ?? e.message) : e);
      return sendError(res, 500, err('internal', 'Lỗi nội bộ khi đọc dữ liệu.', 'Internal error while reading data.'));
    }
    const outHeaders: Record<string, string> = { 'Cache-Control': 'no-store' };
    for (const [k, v] of Object.entries(out.headers)) {
      // The responder may set content headers; it cannot weaken the security headers.
      if (!Object.keys(headers).some((h) => h.toLowerCase() === k.toLowerCase())) outHeaders[k] = v;
    }
    outHeaders['Content-Length'] = String(out.body.length);
    res.writeHead(out.status, outHeaders);
    res.end(req.method === 'HEAD' ? undefined : out.body);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(res, 405, err('bad_request', 'Chỉ chấp nhận GET.', 'Only GET is allowed here.'), { Allow: 'GET, HEAD' });
    }
    const notFound = () => sendError(res, 404, err('not_found', 'Không tìm thấy trang này.', 'Not found.'));
    if (!opts.staticDir) return notFound();
    const file = await resolveStaticFile(opts.staticDir, url.pathname);
    if (!file) {
      if (url.pathname === '/' || url.pathname === '/index.html') {
        return sendError(
          res,
          404,
          err(
            'not_found',
            'Chưa có giao diện: hãy chạy "npm run build:renderer".',
            'The user interface is not built: run "npm run build:renderer".',
          ),
        );
      }
      return notFound();
    }
    const { size } = await stat(file);
    // Vite's hashed assets never change; the page itself is revalidated every time.
    const immutable = url.pathname.startsWith('/assets/');
    res.writeHead(200, {
      'Content-Type': mimeType(file),
      'Content-Length': String(size),
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);

    const hostHeader = (req.headers.host ?? '').toLowerCase();
    if (!allowedHosts.has(hostHeader)) {
      return refuseBody(
        req,
        res,
        403,
        err('forbidden', 'Yêu cầu bị từ chối: tên máy (Host) không hợp lệ.', 'Request refused: unexpected Host header.'),
      );
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin.toLowerCase())) {
      return refuseBody(
        req,
        res,
        403,
        err(
          'forbidden',
          'Yêu cầu bị từ chối: gửi từ một trang web khác.',
          'Request refused: it comes from another web page (Origin).',
        ),
      );
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') {
      return refuseBody(
        req,
        res,
        403,
        err('forbidden', 'Yêu cầu bị từ chối: gửi từ một trang web khác.', 'Request refused: cross-site request.'),
      );
    }
    const target = req.url ?? '';
    if (!target.startsWith('/'))
      return refuseBody(req, res, 400, err('bad_request', 'Đường dẫn không hợp lệ.', 'Malformed request target.'));
    let url: URL;
    try {
      // Concatenate rather than resolve, so that "//host/x" stays a path.
      url = new URL(`http://${hostHeader}${target}`);
    } catch {
      return refuseBody(req, res, 400, err('bad_request', 'Đường dẫn không hợp lệ.', 'Malformed request target.'));
    }

    const p = url.pathname;
    // Liveness for launchers and test runners: says nothing about the project, needs no token.
    if (p === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { ...securityHeaders('browser'), 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : 'ok');
      return;
    }
    let who: HallPrincipal | null = null;
    if (gate) {
      if (await gate.route(req, res, url, publicOrigin)) return;
      who = gate.principal(req);
      if (!who) {
        const page = req.method === 'GET' && (p === '/' || p === '/index.html');
        return page ? gate.redirectToLogin(res) : refuseBody(req, res, 401, UNAUTHORIZED_HALL);
      }
    }
    if (p.startsWith('/rpc/')) return handleRpc(req, res, p, who);
    if (p === '/events') return handleEvents(req, res, url, who);
    if (p.startsWith('/bin/')) return handleBinary(req, res, url, who);
    return handleStatic(req, res, url);
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((e: unknown) => {
      log('[http] request failed', e instanceof Error ? (e.stack ?? e.message) : e);
      if (!res.headersSent) sendError(res, 500, err('internal', 'Lỗi nội bộ của máy chủ.', 'Internal server error.'));
      else res.destroy();
    });
  };
  const server: Server = opts.hall
    ? createHttpsServer({ key: opts.hall.tls.key, cert: opts.hall.tls.cert, minVersion: 'TLSv1.2' }, onRequest)
    : createServer(onRequest);
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const hostNames = new Set(['127.0.0.1', 'localhost', host.toLowerCase(), ...(opts.hall?.names ?? []).map((n) => n.toLowerCase())]);
  allowedHosts = new Set([...hostNames].map((h) => `${h.includes(':') ? `[${h}]` : h}:${port}`));
  const scheme = opts.hall ? 'https' : 'http';
  allowedOrigins = new Set([...allowedHosts].map((h) => `${scheme}://${h}`));
  server.on('error', (e) => log('[http] server error', e));

  const unsubscribe = opts.events.subscribe((name, payload) => writeEvent(name, payload));
  const heartbeat = setInterval(() => {
    gate?.sweepStreams();
    for (const res of sseClients) if (!res.destroyed && !res.writableEnded) res.write(': ping\n\n');
  }, heartbeatMs);
  heartbeat.unref();

  const shownHost = host === '0.0.0.0' ? (opts.hall?.names?.[0] ?? '127.0.0.1') : host;
  publicOrigin = `${scheme}://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  let closed: Promise<void> | null = null;
  return {
    url: opts.hall ? `${publicOrigin}/login` : `${publicOrigin}/#token=${token}`,
    origin: publicOrigin,
    port,
    token,
    fingerprint256: opts.hall?.tls.fingerprint256 ?? null,
    get eventClients() {
      return sseClients.size;
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        unsubscribe();
        for (const res of sseClients) res.end();
        sseClients.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
