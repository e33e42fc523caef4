// Logins with capitals on a real hall server (HTTPS on 127.0.0.1, random port, a real project
// file): an account is kept as the administrator typed it ("Lan", "Ánh.Lê") and logs in whatever
// capitals or Unicode form its owner types (shared/contract/login-key.ts); "ánh.lê" cannot be made
// beside "Ánh.Lê"; a join code works the same way. (ASCII "Lan" typed "lan" worked before through
// the column's COLLATE NOCASE; "Ánh" typed "ánh", or typed decomposed, did not.)
import { request, Agent } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServerHandle } from '../../../src/main/http/server';
import { sessionCertificate, type SessionCertificate } from '../../../src/main/http/tls';
import { createDispatcher } from '../../../src/main/rpc/dispatch';
import { createEventBus } from '../../../src/main/rpc/events';
import { bootServices } from '../../support/boot-services';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: any;
}

let env: Awaited<ReturnType<typeof bootServices>>;
let cert: SessionCertificate;
let server: HttpServerHandle;
let adminCookie: string;
const agent = new Agent({ keepAlive: true, maxSockets: 4 });
const servers: HttpServerHandle[] = [];
const nfd = (s: string) => s.normalize('NFD');

async function hall(): Promise<HttpServerHandle> {
  const h = await startHttpServer({
    dispatch: createDispatcher(env.services.handlers),
    events: createEventBus(),
    host: '127.0.0.1',
    port: 0,
    binaryResponder: env.services.binaryResponder,
    log: () => undefined,
    hall: { accounts: env.services.hallAccounts, tls: cert },
  });
  servers.push(h);
  return h;
}

function post(h: HttpServerHandle, path: string, body: unknown, cookie?: string): Promise<Answer> {
  const buf = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: h.port,
        path,
        method: 'POST',
        ca: cert.cert,
        agent,
        headers: { 'content-type': 'application/json', 'content-length': String(buf.length), ...(cookie ? { cookie } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      },
    );
    req.on('error', reject);
    req.end(buf);
  });
}

const logIn = (h: HttpServerHandle, login: string, password: string) => post(h, '/auth/login', { login, password });
const create = (login: string, password?: string) => post(server, '/rpc/accounts.create', { login, name: `Người ${login}`, role: 'reviewer', password }, adminCookie);

beforeAll(async () => {
  cert = await sessionCertificate(['127.0.0.1', 'localhost']);
  env = await bootServices({ prefix: 'quytap-hall-logins-' });
  await env.call('project.create', { fileName: 'huyen.gpkg', settings: { title: 'HUYỆN', province: { code: '67', name: 'Đắk Nông' }, communes: [{ code: '24682', name: 'Xã A' }] } });
  const first = (await env.services.hallAccounts.bootstrapAdmin())!;
  server = await hall();
  expect((await post(server, '/auth/join', { login: first.login, code: first.joinCode, password: 'quan-tri-huyen-2026' })).status).toBe(200);
  const r = await logIn(server, 'admin', 'quan-tri-huyen-2026');
  adminCookie = String((r.headers['set-cookie'] as string[])[0]).split(';')[0]!;
}, 60_000);

afterAll(async () => {
  for (const s of servers) await s.close();
  agent.destroy();
  env?.services.close();
});

describe('hall logins with capitals', () => {
  it('an account made with capitals logs in as typed, in other capitals and decomposed; the answer keeps its capitals', async () => {
    for (const login of ['Lan', 'Ánh.Lê']) expect((await create(login, 'mat-khau-cua-toi-1')).json.result.account.login).toBe(login);
    const tries: [string, string][] = [
      ['Lan', 'Lan'],
      ['lan', 'Lan'],
      [' LAN ', 'Lan'],
      ['Ánh.Lê', 'Ánh.Lê'],
      ['ánh.lê', 'Ánh.Lê'],
      ['ÁNH.LÊ', 'Ánh.Lê'],
      [nfd('Ánh.Lê'), 'Ánh.Lê'],
    ];
    for (const [typed, stored] of tries) {
      const r = await logIn(server, typed, 'mat-khau-cua-toi-1');
      expect(r.status, typed).toBe(200);
      expect(r.json.result.login, typed).toBe(stored);
    }
    expect((await logIn(server, 'anh.le', 'mat-khau-cua-toi-1')).status).toBe(401); // accents are not capitals
  });

  it('refuses a second account whose login differs only in capitals (409, a sentence)', async () => {
    for (const twin of ['lan', 'ánh.lê', nfd('ÁNH.LÊ')]) {
      const r = await create(twin, 'mat-khau-khac-2');
      expect(r.status, twin).toBe(409);
      expect(r.json.error.vi).toMatch(/đã có người dùng/);
    }
    const list = (await post(server, '/rpc/accounts.list', {}, adminCookie)).json.result.map((a: { login: string }) => a.login);
    expect(list.sort()).toEqual(['Lan', 'admin', 'Ánh.Lê'].sort());
  });

  it('a join code is taken in any capitals', async () => {
    const made = await create('Đức');
    const code = made.json.result.joinCode as string;
    const r = await post(server, '/auth/join', { login: 'đức', code, password: 'mat-khau-cua-duc' });
    expect(r.status).toBe(200);
    expect(r.json.result.login).toBe('Đức');
    expect((await logIn(server, 'ĐỨC', 'mat-khau-cua-duc')).status).toBe(200);
  });

});
