// The district hall server (quytap serve --hall) as a hostile LAN sees it: a real HTTPS server on
// 127.0.0.1 (random port) in front of the real services and a real project file, reached with
// node:https trusting only the session's certificate. Request loops are bounded (one pass over the
// contract's methods).
import { existsSync, readFileSync } from 'node:fs';
import { request, Agent } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../src/shared/api';
import { startHttpServer, type HttpServerHandle } from '../../../src/main/http/server';
import type { HallOptions } from '../../../src/main/http/hall-auth';
import { sessionCertificate, type SessionCertificate } from '../../../src/main/http/tls';
import { createDispatcher } from '../../../src/main/rpc/dispatch';
import { createEventBus } from '../../../src/main/rpc/events';
import { bootServices } from '../../support/boot-services';

const A = '24682';
const B = '24683';
const square = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'MultiPolygon' as const,
  coordinates: [[[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]],
});
const IN_A = [430500, 1370500];
const IN_B = [431500, 1370500];

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

let env: Awaited<ReturnType<typeof bootServices>>;
let cert: SessionCertificate;
const servers: HttpServerHandle[] = [];
const agent = new Agent({ keepAlive: true, maxSockets: 4 });

async function hall(over: Partial<HallOptions> = {}): Promise<HttpServerHandle> {
  const events = createEventBus();
  const h = await startHttpServer({
    dispatch: createDispatcher(env.services.handlers),
    events,
    host: '127.0.0.1',
    port: 0,
    binaryResponder: env.services.binaryResponder,
    log: () => undefined,
    hall: { accounts: env.services.hallAccounts, tls: cert, ...over },
  });
  servers.push(h);
  return h;
}

function send(h: HttpServerHandle, method: string, path: string, o: { body?: unknown; cookie?: string | null; headers?: Record<string, string> } = {}): Promise<Answer> {
  const body = o.body === undefined ? undefined : Buffer.from(JSON.stringify(o.body));
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: h.port,
        path,
        method,
        ca: cert.cert,
        agent,
        headers: {
          ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}),
          ...(o.cookie ? { cookie: o.cookie } : {}),
          ...o.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = JSON.parse(text);
          } catch {
            /* a page */
          }
          resolve({ status: res.statusCode!, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const rpc = (h: HttpServerHandle, cookie: string | null, method: string, body: unknown = {}, headers: Record<string, string> = {}) =>
  send(h, 'POST', `/rpc/${method}`, { body, cookie, headers });

/** Logs in; the cookie to send back ("name=value"). */
async function logIn(h: HttpServerHandle, login: string, password: string): Promise<string> {
  const r = await send(h, 'POST', '/auth/login', { body: { login, password } });
  expect(r.status, r.text).toBe(200);
  const set = String((r.headers['set-cookie'] as string[])[0]);
  expect(set).toMatch(/HttpOnly/);
  expect(set).toMatch(/SameSite=Strict/);
  expect(set).toMatch(/Secure/);
  // 12 h unless the test set its own session lifetime.
  expect(set).toMatch(/Max-Age=(43200|1)(;|$)/);
  return set.split(';')[0]!;
}

const PASSWORDS = { admin: 'quan-tri-huyen-2026', lan: 'can-bo-xa-a-2026', binh: 'tham-dinh-2026!' };
let server: HttpServerHandle;
let adminCookie: string;
let lanCookie: string;
let binhCookie: string;
let lanId: string;

beforeAll(async () => {
  cert = await sessionCertificate(['127.0.0.1', 'localhost']);
  env = await bootServices({ prefix: 'quytap-hall-' });
  await env.call('project.create', {
    fileName: 'huyen.gpkg',
    settings: { title: 'HUYỆN', province: { code: '67', name: 'Đắk Nông' }, communes: [{ code: A, name: 'Xã A' }, { code: B, name: 'Xã B' }] },
  });
  await env.call('edits.apply', {
    label: 'Ranh giới',
    put: [
      { table: 'admin_units', geometry: square(430000, 1370000, 431000, 1371000), props: { code: A, name: 'Xã A', level: 'commune' } },
      { table: 'admin_units', geometry: square(431000, 1370000, 432000, 1371000), props: { code: B, name: 'Xã B', level: 'commune' } },
    ],
  });
  // The first administrator: the join code the server prints at its first start.
  const first = (await env.services.hallAccounts.bootstrapAdmin())!;
  server = await hall();
  const joined = await send(server, 'POST', '/auth/join', { body: { login: first.login, code: first.joinCode, password: PASSWORDS.admin } });
  expect(joined.status, joined.text).toBe(200);
  adminCookie = await logIn(server, 'admin', PASSWORDS.admin);
  const lan = await rpc(server, adminCookie, 'accounts.create', { login: 'lan', name: 'Chị Lan (xã A)', role: 'commune_staff', communeCode: A, password: PASSWORDS.lan });
  expect(lan.status, lan.text).toBe(200);
  lanId = lan.json.result.account.id;
  const binh = await rpc(server, adminCookie, 'accounts.create', { login: 'binh', name: 'Anh Bình (thẩm định)', role: 'reviewer', password: PASSWORDS.binh });
  expect(binh.status, binh.text).toBe(200);
  lanCookie = await logIn(server, 'lan', PASSWORDS.lan);
  binhCookie = await logIn(server, 'binh', PASSWORDS.binh);
}, 60_000);

afterAll(async () => {
  for (const s of servers) await s.close();
  agent.destroy();
  env?.services.close();
});

describe('no session, no access', () => {
  it('answers 401 on every method of the contract, /events and /bin, and sends the page to /login', async () => {
    const seen: string[] = [];
    for (const m of METHOD_NAMES) {
      const r = await rpc(server, null, m, {});
      if (r.status !== 401 || r.json?.error?.code !== 'unauthorized') seen.push(`${m}: ${r.status}`);
    }
    expect(seen).toEqual([]);
    for (const path of ['/bin/exports/a.geojson', '/bin/print/a.pdf', '/bin/basemaps/x/0/0/0.png', '/events', '/assets/index.js']) {
      const r = await send(server, 'GET', path);
      expect(r.status, path).toBe(401);
    }
    // The loopback mode's token opens nothing here.
    expect((await rpc(server, null, 'app.info', {}, { authorization: `Bearer ${server.token}` })).status).toBe(401);
    const page = await send(server, 'GET', '/');
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe('/login');
    const login = await send(server, 'GET', '/login');
    expect(login.status).toBe(200);
    expect(login.text).toContain(cert.fingerprint256);
  });

  it('refuses a cookie of another server session, a made-up one, and an expired or idle one', async () => {
    const other = await hall();
    expect((await rpc(other, lanCookie, 'app.info')).status).toBe(401);
    expect((await rpc(server, '__Host-quytap=' + 'A'.repeat(43), 'app.info')).status).toBe(401);
    const short = await hall({ sessions: { maxAgeMs: 300 } });
    const c = await logIn(short, 'lan', PASSWORDS.lan);
    expect((await rpc(short, c, 'app.info')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 400));
    expect((await rpc(short, c, 'app.info')).status).toBe(401);
    const idle = await hall({ sessions: { idleMs: 300 } });
    const d = await logIn(idle, 'lan', PASSWORDS.lan);
    await new Promise((r) => setTimeout(r, 400));
    expect((await rpc(idle, d, 'app.info')).status).toBe(401);
  });

  it('refuses a request from a foreign Origin even with a valid session', async () => {
    const r = await rpc(server, adminCookie, 'app.info', {}, { origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    const ok = await rpc(server, adminCookie, 'app.info', {}, { origin: `https://127.0.0.1:${server.port}` });
    expect(ok.status).toBe(200);
  });
});

describe('log-in is rate limited', () => {
  it('answers 429 with a sentence after 5 wrong passwords, even for the right one', async () => {
    const h = await hall();
    for (let i = 0; i < 5; i++) expect((await send(h, 'POST', '/auth/login', { body: { login: 'binh', password: `sai-${i}-mat-khau` } })).status).toBe(401);
    const right = await send(h, 'POST', '/auth/login', { body: { login: 'binh', password: PASSWORDS.binh } });
    expect(right.status).toBe(429);
    expect(right.json.error.vi).toMatch(/phút/);
    expect(right.json.error.en).toMatch(/Too many failed log-ins/);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(right.headers['set-cookie']).toBeUndefined();
    // The same address is locked for other accounts too (per IP).
    expect((await send(h, 'POST', '/auth/login', { body: { login: 'lan', password: PASSWORDS.lan } })).status).toBe(429);
  });
});

describe('who acts is the session’s account', () => {
  it('answers app.info with the account, never with a name set by the client', async () => {
    const r = await rpc(server, lanCookie, 'app.info');
    expect(r.json.result.operator).toEqual({ name: 'Chị Lan (xã A)', role: 'commune_staff', communeCode: A });
    const forged = await rpc(server, lanCookie, 'session.setOperator', { name: 'Quản trị', role: 'admin', communeCode: null });
    expect(forged.status).toBe(403);
    expect((await rpc(server, lanCookie, 'app.info')).json.result.operator.role).toBe('commune_staff');
  });

  it('keeps commune staff to their commune, even with a forged operator in the body', async () => {
    const inB = await rpc(server, lanCookie, 'edits.apply', {
      label: 'Mộ ở xã B',
      operator: { name: 'Quản trị', role: 'admin', communeCode: null },
      put: [{ table: 'graves', geometry: { type: 'Point', coordinates: IN_B }, props: { kind: 'newly_found', verification: 'not_verified' } }],
    });
    expect(inB.status, inB.text).toBe(403);
    const inA = await rpc(server, lanCookie, 'edits.apply', {
      label: 'Mộ ở xã A',
      author: 'Người khác',
      put: [{ table: 'graves', geometry: { type: 'Point', coordinates: IN_A }, props: { kind: 'newly_found', verification: 'not_verified' } }],
    });
    expect(inA.status, inA.text).toBe(200);
    const id = inA.json.result.rows[0].id;
    const history = await rpc(server, binhCookie, 'history.of', { table: 'graves', id });
    expect(history.json.result.map((e: { author: string }) => e.author)).toEqual(['Chị Lan (xã A)']);
    const row = await rpc(server, adminCookie, 'rows.get', { table: 'graves', id });
    expect(row.json.result.meta.createdBy).toBe('Chị Lan (xã A)');
  });

  it('lets only reviewers and administrators return, approve or unlock, whatever the body says', async () => {
    for (const act of ['approve', 'return', 'unlock'] as const) {
      const r = await rpc(server, lanCookie, 'review.act', { communeCode: A, act, note: 'x', operator: { role: 'reviewer' }, role: 'admin' });
      expect(r.status, act).toBe(403);
      expect(r.json.error.code).toBe('forbidden');
    }
    const notMine = await rpc(server, lanCookie, 'review.act', { communeCode: B, act: 'submit' });
    expect(notMine.status).toBe(403);
    // A reviewer passes the role table (the map is a draft: the state machine refuses, not the role).
    const byReviewer = await rpc(server, binhCookie, 'review.act', { communeCode: A, act: 'approve' });
    expect(byReviewer.status).toBe(409);
  });

  it('signs comments and review acts with the account', async () => {
    const c = await rpc(server, lanCookie, 'review.comment.add', { communeCode: A, text: 'Đã sửa', x: IN_A[0], y: IN_A[1], author: 'Giả mạo' });
    expect(c.status, c.text).toBe(200);
    expect(c.json.result.author).toBe('Chị Lan (xã A)');
    expect((await rpc(server, lanCookie, 'review.comment.resolve', { id: c.json.result.id, resolved: true })).status).toBe(403);
    expect((await rpc(server, binhCookie, 'review.comment.resolve', { id: c.json.result.id, resolved: true })).status).toBe(200);
  });

  it('keeps accounts.* and project settings to the administrator', async () => {
    for (const cookie of [lanCookie, binhCookie]) {
      expect((await rpc(server, cookie, 'accounts.list')).status).toBe(403);
      expect((await rpc(server, cookie, 'accounts.create', { login: 'x1', name: 'X', role: 'admin', password: 'mot-mat-khau-dai' })).status).toBe(403);
      expect((await rpc(server, cookie, 'project.updateSettings', { title: 'ĐỔI' })).status).toBe(403);
    }
    // Switching the hall's project is nobody's, not even the administrator's.
    expect((await rpc(server, adminCookie, 'project.close')).status).toBe(403);
  });
});

describe('the admin page', () => {
  it('shows the address as an SVG QR code and the fingerprint to the administrator only', async () => {
    const page = await send(server, 'GET', '/admin', { cookie: adminCookie });
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<svg[^>]*viewBox/);
    expect(page.text).toContain(`https://127.0.0.1:${server.port}/login`);
    expect(page.text).toContain(cert.fingerprint256);
    expect((await send(server, 'GET', '/admin', { cookie: lanCookie })).status).toBe(403);
    expect((await send(server, 'GET', '/admin')).status).toBe(303);
  });
});

describe('accounts', () => {
  it('lists accounts without any hash or code', async () => {
    const r = await rpc(server, adminCookie, 'accounts.list');
    expect(r.status).toBe(200);
    expect(r.json.result.map((a: { login: string }) => a.login).sort()).toEqual(['admin', 'binh', 'lan']);
    expect(r.text).not.toMatch(/scrypt|password_?hash|join_?code_?hash/i);
    for (const a of r.json.result) expect(Object.keys(a).sort()).toEqual(['communeCode', 'createdAt', 'createdBy', 'disabled', 'hasPassword', 'id', 'joinCodeUntil', 'login', 'name', 'role']);
  });

  it('resets a password: the old one and the sessions made with it end', async () => {
    const tam = await rpc(server, adminCookie, 'accounts.create', { login: 'tam', name: 'Chị Tâm', role: 'commune_staff', communeCode: B, password: 'mat-khau-cu-123' });
    const id = tam.json.result.account.id;
    const old = await logIn(server, 'tam', 'mat-khau-cu-123');
    const reset = await rpc(server, adminCookie, 'accounts.resetPassword', { id, password: 'mat-khau-moi-456' });
    expect(reset.status).toBe(200);
    expect(reset.json.result.joinCode).toBeNull();
    expect((await rpc(server, old, 'app.info')).status).toBe(401);
    expect((await send(server, 'POST', '/auth/login', { body: { login: 'tam', password: 'mat-khau-cu-123' } })).status).toBe(401);
    await logIn(server, 'tam', 'mat-khau-moi-456');
  });

  it('disables an account: its session ends at once and it cannot log in', async () => {
    const c = await logIn(server, 'lan', PASSWORDS.lan);
    const off = await rpc(server, adminCookie, 'accounts.setDisabled', { id: lanId, disabled: true });
    expect(off.json.result.disabled).toBe(true);
    expect((await rpc(server, c, 'app.info')).status).toBe(401);
    expect((await send(server, 'POST', '/auth/login', { body: { login: 'lan', password: PASSWORDS.lan } })).status).toBe(401);
    await rpc(server, adminCookie, 'accounts.setDisabled', { id: lanId, disabled: false });
    // The last way in is not closed by mistake: an administrator cannot disable their own account.
    const me = (await rpc(server, adminCookie, 'accounts.list')).json.result.find((a: { login: string }) => a.login === 'admin');
    const self = await rpc(server, adminCookie, 'accounts.setDisabled', { id: me.id, disabled: true });
    expect(self.status).toBe(403);
    expect(self.json.error.vi).toMatch(/tự khóa/);
    lanCookie = await logIn(server, 'lan', PASSWORDS.lan);
  });

  it('keeps no password nor join code in the project file, only their hashes', async () => {
    const made = await rpc(server, adminCookie, 'accounts.create', { login: 'khanh', name: 'Anh Khánh', role: 'reviewer' });
    const code = made.json.result.joinCode as string;
    await rpc(server, adminCookie, 'accounts.create', { login: 'son', name: 'Anh Sơn', role: 'reviewer', password: 'mat-khau-rat-rieng-tu' });
    const path = (await rpc(server, adminCookie, 'project.info')).json.result.path as string;
    const bytes = Buffer.concat([readFileSync(path), existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`) : Buffer.alloc(0)]).toString('latin1');
    expect(bytes).toContain('scrypt$32768$8$1$'); // the hashes are there…
    expect(bytes).not.toContain('mat-khau-rat-rieng-tu'); // …the secrets are not
    expect(bytes).not.toContain(code);
    expect(bytes).not.toContain(code.replace('-', ''));
  });

  it('attributes calls made at the same time by two accounts each to its own', async () => {
    const put = (cookie: string, x: number) =>
      rpc(server, cookie, 'edits.apply', { label: 'cùng lúc', put: [{ table: 'graves', geometry: { type: 'Point', coordinates: [x, 1370600] }, props: { kind: 'newly_found', verification: 'not_verified' } }] });
    const answers = await Promise.all([put(lanCookie, 430100), put(binhCookie, 431700), put(lanCookie, 430200), put(binhCookie, 430300)]);
    const by = await Promise.all(answers.map(async (a) => (await rpc(server, adminCookie, 'rows.get', { table: 'graves', id: a.json.result.rows[0].id })).json.result.meta.createdBy));
    expect(by).toEqual(['Chị Lan (xã A)', 'Anh Bình (thẩm định)', 'Chị Lan (xã A)', 'Anh Bình (thẩm định)']);
  });

  it('a one-time join code works once', async () => {
    const made = await rpc(server, adminCookie, 'accounts.create', { login: 'hoa', name: 'Chị Hoa', role: 'reviewer' });
    const code = made.json.result.joinCode as string;
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(made.json.result.account.hasPassword).toBe(false);
    const first = await send(server, 'POST', '/auth/join', { body: { login: 'hoa', code: code.toLowerCase(), password: 'mat-khau-cua-hoa' } });
    expect(first.status, first.text).toBe(200);
    const again = await send(server, 'POST', '/auth/join', { body: { login: 'hoa', code, password: 'mat-khau-khac-nua' } });
    expect(again.status).toBe(401);
    await logIn(server, 'hoa', 'mat-khau-cua-hoa');
  });
});
