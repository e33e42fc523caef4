// The hall's /events streams end with their session: a real HTTPS server on an ephemeral port in
// front of the real services, streams read with node:https. Log-out ends the session's streams at
// once; expiry and a disabled account end them at the server's next heartbeat; other sessions'
// streams stay open.
import { request, type RequestOptions } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServerHandle } from '../../../src/main/http/server';
import type { SessionOptions } from '../../../src/main/http/sessions';
import { sessionCertificate, type SessionCertificate } from '../../../src/main/http/tls';
import { createDispatcher } from '../../../src/main/rpc/dispatch';
import { createEventBus } from '../../../src/main/rpc/events';
import { bootServices } from '../../support/boot-services';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PASSWORD = { lan: 'can-bo-xa-a-2026', hoa: 'can-bo-xa-b-2026' };

let env: Awaited<ReturnType<typeof bootServices>>;
let cert: SessionCertificate;
const servers: HttpServerHandle[] = [];
let lanId: string;

async function hall(heartbeatMs: number, sessions?: SessionOptions): Promise<HttpServerHandle> {
  const events = createEventBus();
  const h = await startHttpServer({
    dispatch: createDispatcher(env.services.handlers),
    events,
    port: 0,
    heartbeatMs,
    log: () => undefined,
    hall: { accounts: env.services.hallAccounts, tls: cert, sessions },
  });
  servers.push(h);
  return h;
}

const base = (h: HttpServerHandle, path: string, method: string, cookie?: string): RequestOptions => ({
  host: '127.0.0.1',
  port: h.port,
  path,
  method,
  ca: cert.cert,
  agent: false,
  headers: cookie ? { cookie } : {},
});

async function logIn(h: HttpServerHandle, login: 'lan' | 'hoa'): Promise<string> {
  const body = JSON.stringify({ login, password: PASSWORD[login] });
  const res = await new Promise<IncomingMessage>((ok, ko) => {
    const req = request({ ...base(h, '/auth/login', 'POST'), headers: { 'content-type': 'application/json' } }, ok);
    req.on('error', ko);
    req.end(body);
  });
  res.resume();
  expect(res.statusCode).toBe(200);
  return String((res.headers['set-cookie'] as string[])[0]).split(';')[0]!;
}

async function logOut(h: HttpServerHandle, cookie: string): Promise<void> {
  const res = await new Promise<IncomingMessage>((ok, ko) => {
    const req = request({ ...base(h, '/auth/logout', 'POST', cookie), headers: { cookie, 'content-type': 'application/json' } }, ok);
    req.on('error', ko);
    req.end('{}');
  });
  res.resume();
  expect(res.statusCode).toBe(200);
}

/** An open GET /events: its status, and whether (and when) the server ended it. */
async function stream(h: HttpServerHandle, cookie: string) {
  const res = await new Promise<IncomingMessage>((ok, ko) => {
    const req = request(base(h, '/events', 'GET', cookie), ok);
    req.on('error', ko);
    req.end();
  });
  let text = '';
  let ended = false;
  res.setEncoding('utf8');
  res.on('data', (c: string) => (text += c));
  const end = new Promise<void>((ok) => {
    res.on('end', ok);
    res.on('close', ok);
  }).then(() => void (ended = true));
  return { status: res.statusCode, text: () => text, ended: () => ended, end, close: () => res.destroy() };
}

/** Waits until `f()` holds (or `ms` pass), then says whether it held. */
async function within(ms: number, f: () => boolean): Promise<boolean> {
  const until = Date.now() + ms;
  while (!f() && Date.now() < until) await sleep(10);
  return f();
}

beforeAll(async () => {
  cert = await sessionCertificate(['127.0.0.1', 'localhost']);
  env = await bootServices({ prefix: 'quytap-hall-events-' });
  await env.call('project.create', {
    fileName: 'huyen.gpkg',
    settings: { title: 'HUYỆN', province: { code: '67', name: 'Đắk Nông' }, communes: [{ code: '24682', name: 'Xã A' }, { code: '24683', name: 'Xã B' }] },
  });
  const lan = await env.call('accounts.create', { login: 'lan', name: 'Chị Lan', role: 'commune_staff', communeCode: '24682', password: PASSWORD.lan });
  lanId = lan.account.id;
  await env.call('accounts.create', { login: 'hoa', name: 'Anh Hòa', role: 'commune_staff', communeCode: '24683', password: PASSWORD.hoa });
}, 60_000);

afterAll(async () => {
  for (const s of servers) await s.close();
  env?.services.close();
});

describe('an /events stream ends with its session', () => {
  it('log-out ends that session\'s streams at once (no heartbeat needed); another session\'s stream stays', async () => {
    const h = await hall(60_000);
    const lan = await logIn(h, 'lan');
    const hoa = await logIn(h, 'hoa');
    const mine = await stream(h, lan);
    const theirs = await stream(h, hoa);
    expect([mine.status, theirs.status]).toEqual([200, 200]);
    expect(await within(2000, () => h.eventClients === 2)).toBe(true);
    await logOut(h, lan);
    expect(await within(2000, () => mine.ended())).toBe(true);
    expect(h.eventClients).toBe(1);
    expect(theirs.ended()).toBe(false);
    const again = await stream(h, lan);
    expect(again.status).toBe(401);
    theirs.close();
    again.close();
  });

  it('an expired session\'s stream ends at the next heartbeat; a younger session\'s stays', async () => {
    let clock = 1_000_000;
    const h = await hall(40, { maxAgeMs: 60_000, now: () => clock });
    const lan = await logIn(h, 'lan');
    const old = await stream(h, lan);
    clock += 30_000;
    const hoa = await logIn(h, 'hoa');
    const young = await stream(h, hoa);
    expect([old.status, young.status]).toEqual([200, 200]);
    await sleep(150); // heartbeats pass: both sessions stand
    expect([old.ended(), young.ended()]).toEqual([false, false]);
    clock += 31_000; // lan's session is 61 s old, hoa's 31 s
    expect(await within(2000, () => old.ended())).toBe(true);
    await sleep(150);
    expect(young.ended()).toBe(false);
    expect(h.eventClients).toBe(1);
    young.close();
  });

  it('an open stream is no activity: the session still goes idle, and its stream ends', async () => {
    let clock = 5_000_000;
    const h = await hall(40, { idleMs: 10_000, now: () => clock });
    const s = await stream(h, await logIn(h, 'lan'));
    expect(s.status).toBe(200);
    clock += 9_000;
    await sleep(150); // heartbeats look at the session without refreshing it
    expect(s.ended()).toBe(false);
    clock += 2_000;
    expect(await within(2000, () => s.ended())).toBe(true);
  });

  it('disabling the account ends its streams at the next heartbeat', async () => {
    const h = await hall(40);
    const lan = await logIn(h, 'lan');
    const s = await stream(h, lan);
    expect(s.status).toBe(200);
    await sleep(120);
    expect(s.ended()).toBe(false);
    await env.call('accounts.setDisabled', { id: lanId, disabled: true });
    try {
      expect(await within(2000, () => s.ended())).toBe(true);
      expect(await within(500, () => h.eventClients === 0)).toBe(true);
    } finally {
      await env.call('accounts.setDisabled', { id: lanId, disabled: false });
    }
  });
});
