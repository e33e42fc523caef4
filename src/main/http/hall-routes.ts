// The hall gate's own routes (hall-auth.ts): the log-in and admin pages, their scripts and
// /auth/*. Split out of createHallGate so that the gate's function only wires its parts together.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HallOptions } from './hall-auth';
import { logInOrJoin, type LoginDeps } from './hall-login';
import { ADMIN_SCRIPT, adminPage, LOGIN_SCRIPT, loginPage } from './hall-pages';
import { err, sendError, sendJson } from './respond';

export interface RouteDeps extends LoginDeps {
  tls: HallOptions['tls'];
}

function page(res: ServerResponse, status: number, type: string, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Content-Length': String(buf.length), 'Cache-Control': 'no-store' });
  res.end(buf);
}

export function redirectToLogin(res: ServerResponse): void {
  res.writeHead(303, { Location: '/login', 'Cache-Control': 'no-store', 'Content-Length': '0' });
  res.end();
}

/**
 * The gate's own routes; true when it answered. `origin` is the address to show in the QR code.
 */
export async function hallRoute(d: RouteDeps, req: IncomingMessage, res: ServerResponse, url: URL, origin: string): Promise<boolean> {
  const p = url.pathname;
  const get = req.method === 'GET' || req.method === 'HEAD';
  if (p === '/login' && get) {
    page(res, 200, 'text/html', loginPage(d.tls.fingerprint256));
    return true;
  }
  if ((p === '/login.js' || p === '/admin.js') && get) {
    page(res, 200, 'text/javascript', p === '/login.js' ? LOGIN_SCRIPT : ADMIN_SCRIPT);
    return true;
  }
  if (p === '/auth/login' || p === '/auth/join' || p === '/auth/logout') {
    await authRoute(d, req, res, p);
    return true;
  }
  if (p === '/admin' && get) {
    await adminRoute(d, req, res, origin);
    return true;
  }
  return false;
}

async function authRoute(d: RouteDeps, req: IncomingMessage, res: ServerResponse, p: string): Promise<void> {
  if (req.method !== 'POST') {
    sendError(res, 405, err('bad_request', 'Chỉ chấp nhận phương thức POST.', 'Only POST is allowed here.'), d.log, { Allow: 'POST' });
    return;
  }
  if (p === '/auth/logout') {
    d.sessions.logOut(req);
    sendJson(res, 200, { result: { loggedOut: true } }, d.log, { 'Set-Cookie': d.sessions.clearCookie });
  } else await logInOrJoin(d, req, res, p === '/auth/join');
}

async function adminRoute(d: RouteDeps, req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  const who = d.sessions.principal(req);
  if (!who) redirectToLogin(res);
  else if (who.role !== 'admin') sendError(res, 403, err('forbidden', 'Trang này chỉ dành cho quản trị.', 'This page is for administrators only.'), d.log);
  else page(res, 200, 'text/html', await adminPage(`${origin}/login`, d.tls.fingerprint256, `${who.name} (${who.login})`));
}
