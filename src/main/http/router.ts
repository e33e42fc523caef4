// One request from its arrival to its route: the security headers on every answer; the Host,
// Origin and Sec-Fetch-Site checks (DNS rebinding, cross-site pages) and a well-formed target;
// /healthz; in the hall the gate's own pages and the session; then /rpc, /events, /bin or a static
// file. A route that throws answers 500 with a sentence (the stack goes to the log only).
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { handleBinary } from './binary-route';
import { handleEvents, type EventStreams } from './events-route';
import { UNAUTHORIZED_HALL, type HallGate, type HallPrincipal } from './hall-auth';
import type { Endpoint } from './listen';
import { err } from './respond';
import type { RouteContext } from './route-context';
import { handleRpc } from './rpc-route';
import { securityHeaders } from './security';
import { handleStatic } from './static-route';

const crossSite = (en: string) => err('forbidden', 'Yêu cầu bị từ chối: gửi từ một trang web khác.', en);
const malformedTarget = () => err('bad_request', 'Đường dẫn không hợp lệ.', 'Malformed request target.');

export function requestListener(c: RouteContext, endpoint: Endpoint, streams: EventStreams): RequestListener {
  return (req, res) => {
    route(c, endpoint, streams, req, res).catch((e: unknown) => {
      c.log('[http] request failed', e instanceof Error ? (e.stack ?? e.message) : e);
      if (!res.headersSent) c.sendError(res, 500, err('internal', 'Lỗi nội bộ của máy chủ.', 'Internal server error.'));
      else res.destroy();
    });
  };
}

async function route(c: RouteContext, endpoint: Endpoint, streams: EventStreams, req: IncomingMessage, res: ServerResponse): Promise<void> {
  for (const [k, v] of Object.entries(c.headers)) res.setHeader(k, v);
  const url = checkedUrl(c, endpoint, req, res);
  if (!url) return;
  const p = url.pathname;
  // Liveness for launchers and test runners: says nothing about the project, needs no token.
  if (p === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
    res.writeHead(200, { ...securityHeaders('browser'), 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : 'ok');
    return;
  }
  let who: HallPrincipal | null = null;
  if (c.gate) {
    const caller = await hallCaller(c, c.gate, req, res, url, endpoint.publicOrigin);
    if (!caller) return;
    who = caller;
  }
  if (p.startsWith('/rpc/')) return handleRpc(c, req, res, p, who);
  if (p === '/events') return handleEvents(c, streams, req, res, url, who);
  if (p.startsWith('/bin/')) return handleBinary(c, req, res, url, who);
  return handleStatic(c, req, res, url);
}

/** The request's URL once its Host, Origin and target pass; null when refused (answered). */
function checkedUrl(c: RouteContext, endpoint: Endpoint, req: IncomingMessage, res: ServerResponse): URL | null {
  const refuse = (status: number, body: ReturnType<typeof err>) => {
    c.refuseBody(req, res, status, body);
    return null;
  };
  const hostHeader = (req.headers.host ?? '').toLowerCase();
  if (!endpoint.allowedHosts.has(hostHeader))
    return refuse(403, err('forbidden', 'Yêu cầu bị từ chối: tên máy (Host) không hợp lệ.', 'Request refused: unexpected Host header.'));
  const origin = req.headers.origin;
  if (origin !== undefined && !endpoint.allowedOrigins.has(origin.toLowerCase()))
    return refuse(403, crossSite('Request refused: it comes from another web page (Origin).'));
  if (req.headers['sec-fetch-site'] === 'cross-site') return refuse(403, crossSite('Request refused: cross-site request.'));
  const target = req.url ?? '';
  if (!target.startsWith('/')) return refuse(400, malformedTarget());
  try {
    // Concatenate rather than resolve, so that "//host/x" stays a path.
    return new URL(`http://${hostHeader}${target}`);
  } catch {
    return refuse(400, malformedTarget());
  }
}

/**
 * Hall mode: the gate's own routes (log-in, join, admin page), else the session's account; null
 * when the request has been answered (a gate page, the log-in redirect, or 401).
 */
async function hallCaller(c: RouteContext, gate: HallGate, req: IncomingMessage, res: ServerResponse, url: URL, publicOrigin: string): Promise<HallPrincipal | null> {
  if (await gate.route(req, res, url, publicOrigin)) return null;
  const who = gate.principal(req);
  if (who) return who;
  const page = req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html');
  if (page) gate.redirectToLogin(res);
  else c.refuseBody(req, res, 401, UNAUTHORIZED_HALL);
  return null;
}
