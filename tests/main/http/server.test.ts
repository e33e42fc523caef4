import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorBody } from '../../../src/shared/api';
import { startHttpServer } from '../../../src/main/http/server';
import { createDispatcher } from '../../../src/main/rpc/dispatch';
import { createEventBus } from '../../../src/main/rpc/events';
import { raw, SECRET, sleep, startTestServer, testHandlers, type TestServer } from './helpers';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});

async function errorOf(res: Response): Promise<ApiErrorBody> {
  const body = (await res.json()) as { error: ApiErrorBody };
  expect(body.error).toBeDefined();
  expect(typeof body.error.vi).toBe('string');
  expect(typeof body.error.en).toBe('string');
  return body.error;
}

describe('HTTP adapter: start-up', () => {
  it('prints a loopback URL with a fresh base64url token in the fragment', async () => {
    expect(s.handle.url).toBe(`http://127.0.0.1:${s.port}/#token=${s.token}`);
    expect(s.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = await startHttpServer({ dispatch: createDispatcher(testHandlers()), events: createEventBus() });
    expect(other.token).not.toBe(s.token);
    expect(other.port).not.toBe(s.port);
    await other.close();
  });
});

describe('HTTP adapter: /rpc', () => {
  it('answers a valid call with {result}, with the operator and security headers', async () => {
    const res = await s.rpc('app.info', {});
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      result: {
        version: '0.0.0-test',
        mode: 'browser',
        operator: { name: 'Người thử', role: 'commune_staff', communeCode: null },
      },
    });
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('accepts an empty body for methods without input, and applies input defaults', async () => {
    const res = await s.rpc('crs.list', undefined, { rawBody: '' });
    expect(await res.json()).toEqual({ result: [] });
    const op = await s.rpc('session.setOperator', { name: 'Lê Văn C' });
    expect(await op.json()).toEqual({ result: { name: 'Lê Văn C', role: 'commune_staff', communeCode: null } });
  });

  it('refuses a missing or wrong token with 401, in constant time, and keeps serving', async () => {
    for (const token of [null, 'wrong', s.token.slice(0, -1), `${s.token}x`]) {
      const res = await s.rpc('app.info', {}, { token });
      expect(res.status).toBe(401);
      expect((await errorOf(res)).code).toBe('unauthorized');
    }
    const basic = await s.rpc('app.info', {}, { token: null, headers: { Authorization: `Basic ${s.token}` } });
    expect(basic.status).toBe(401);
    expect((await s.rpc('app.info', {})).status).toBe(200);
  });

  it('a permission refusal is 403 forbidden with its own reason; only a bad token is 401 unauthorized', async () => {
    // The page shows the access-token warning for 401 alone (src/renderer/errors.ts): a locked
    // commune's refusal must not arrive looking like one.
    const locked = new ApiError('forbidden', 'Bản đồ xã Nam Đà đã được phê duyệt và đang khóa.', 'The map of Nam Đà is approved and locked.', { reason: 'approved' });
    const h = await startHttpServer({
      dispatch: createDispatcher({
        ...testHandlers(),
        'edits.undo': () => {
          throw locked;
        },
      }),
      events: createEventBus(),
      token: 'a-token-for-this-test-only',
    });
    try {
      const call = (token: string) =>
        fetch(`${h.origin}/rpc/edits.undo`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: '{}' });
      const refused = await call('a-token-for-this-test-only');
      expect(refused.status).toBe(403);
      expect(await errorOf(refused)).toEqual(locked.toBody());
      const badToken = await call('not-the-token-at-all');
      expect(badToken.status).toBe(401);
      expect((await errorOf(badToken)).code).toBe('unauthorized');
    } finally {
      await h.close();
    }
  });

  it('answers 404 unknown_method for a method not in the contract', async () => {
    for (const m of ['nope.nothing', '__proto__', 'constructor', '%E1%BB%87']) {
      const res = await s.rpc(m, {});
      expect(res.status).toBe(404);
      expect((await errorOf(res)).code).toBe('unknown_method');
    }
  });

  it('answers 400 bad_request for malformed JSON or invalid UTF-8', async () => {
    for (const rawBody of ['{"name": ', 'not json', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])]) {
      const res = await s.rpc('session.setOperator', null, { rawBody });
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe('bad_request');
    }
  });

  it('answers 422 validation with readable messages', async () => {
    const res = await s.rpc('session.setOperator', { name: '' });
    expect(res.status).toBe(422);
    const e = await errorOf(res);
    expect(e.code).toBe('validation');
    expect(e.en).toContain('name:');
    expect(Array.isArray(e.details)).toBe(true);
  });

  it('answers 415 for a wrong Content-Type and 405 for a wrong HTTP method', async () => {
    const res = await s.rpc('app.info', {}, { headers: { 'Content-Type': 'text/plain' } });
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe('bad_request');
    const form = await s.rpc('app.info', {}, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    const get = await fetch(`${s.base}/rpc/app.info`, { headers: { Authorization: `Bearer ${s.token}` } });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    await errorOf(get);
    const put = await fetch(`${s.base}/index.html`, { method: 'PUT', body: 'x' });
    expect(put.status).toBe(405);
    const options = await fetch(`${s.base}/rpc/app.info`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(options.status).toBe(403);
    expect(options.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('maps ApiError to its status and body, and hides non-ApiError exceptions', async () => {
    const nf = await s.rpc('rows.get', { table: 'graves', id: '123e4567-e89b-12d3-a456-426614174000' });
    expect(nf.status).toBe(404);
    expect(await errorOf(nf)).toEqual({
      code: 'not_found',
      vi: 'Không tìm thấy 123e4567-e89b-12d3-a456-426614174000',
      en: 'No row 123e4567-e89b-12d3-a456-426614174000',
    });

    const res = await s.rpc('project.backup', {});
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/\bat .*\.ts:\d+/);
    expect((JSON.parse(text) as { error: ApiErrorBody }).error.code).toBe('internal');
    expect(JSON.stringify(s.logs)).toContain(SECRET); // logged for us, on stderr
  });

  it('refuses requests from another Origin with 403 (and accepts our own)', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${s.port + 1}`, `https://127.0.0.1:${s.port}`]) {
      const res = await s.rpc('app.info', {}, { headers: { Origin: origin } });
      expect(res.status, origin).toBe(403);
      expect((await errorOf(res)).code).toBe('forbidden');
    }
    const sse = await fetch(`${s.base}/events?token=${s.token}`, { headers: { Origin: 'http://evil.example' } });
    expect(sse.status).toBe(403);
    const xsite = await s.rpc('app.info', {}, { headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(xsite.status).toBe(403);
    for (const origin of [`http://127.0.0.1:${s.port}`, `http://localhost:${s.port}`]) {
      expect((await s.rpc('app.info', {}, { headers: { Origin: origin } })).status).toBe(200);
    }
  });

  it('refuses a foreign Host header with 403 (DNS rebinding) and accepts localhost', async () => {
    for (const host of ['evil.example', `evil.example:${s.port}`, `127.0.0.1:${s.port + 1}`, `127.0.0.1`, `[::1]:${s.port}`]) {
      const res = await raw(s.port, { path: '/index.html', headers: { Host: host } });
      expect(res.status, JSON.stringify(host)).toBe(403);
      expect(JSON.parse(res.body).error.code).toBe('forbidden');
    }
    // No Host header at all (HTTP/1.0 style): refused too.
    const noHost = await new Promise<string>((resolve, reject) => {
      const sock = connect(s.port, '127.0.0.1', () => sock.end('GET /index.html HTTP/1.0\r\n\r\n'));
      let data = '';
      sock.on('data', (c) => (data += c.toString()));
      sock.on('end', () => resolve(data));
      sock.on('error', reject);
    });
    expect(noHost).toMatch(/^HTTP\/1\.[01] 40[03] /);
    const ok = await raw(s.port, { path: '/index.html', headers: { Host: `localhost:${s.port}` } });
    expect(ok.status).toBe(200);
    const bad = await raw(s.port, {
      method: 'POST',
      path: '/rpc/app.info',
      headers: { Host: `attacker.test:${s.port}`, Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(bad.status).toBe(403);
  });

  it('handles concurrent requests independently', async () => {
    const names = Array.from({ length: 60 }, (_, i) => `Người ${i}`);
    const results = await Promise.all(
      names.map((name) => s.rpc('session.setOperator', { name }).then((r) => r.json() as Promise<{ result: { name: string } }>)),
    );
    expect(results.map((r) => r.result.name)).toEqual(names);
  });

  it('aborts the handler signal when the client disconnects', async () => {
    let aborted: boolean | null = null;
    const bus = createEventBus();
    const h = testHandlers();
    h['crs.list'] = (_i, ctx) =>
      new Promise((resolve) => {
        ctx.signal!.addEventListener('abort', () => {
          aborted = true;
          resolve([]);
        });
      });
    const srv = await startHttpServer({ dispatch: createDispatcher(h), events: bus });
    const ac = new AbortController();
    const p = fetch(`${srv.origin}/rpc/crs.list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${srv.token}` },
      body: '{}',
      signal: ac.signal,
    }).catch(() => null);
    await sleep(50);
    ac.abort();
    await p;
    for (let i = 0; i < 50 && !aborted; i++) await sleep(10);
    expect(aborted).toBe(true);
    await srv.close();
  });
});

describe('HTTP adapter: body limits', () => {
  let small: TestServer;
  beforeAll(async () => {
    small = await startTestServer({ maxBodyBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await small.close();
  });

  it('refuses a declared Content-Length over the limit with 413 and keeps serving', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(200 * 1024) });
    const res = await small.rpc('session.setOperator', null, { rawBody: body }).catch((e: unknown) => e);
    expect(res).toBeInstanceOf(Response);
    expect((res as Response).status).toBe(413);
    expect((await errorOf(res as Response)).code).toBe('too_large');
    expect((await small.rpc('app.info', {})).status).toBe(200);
  });

  it('counts streamed bytes when there is no Content-Length (chunked) and answers 413', async () => {
    const result = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: small.port,
          method: 'POST',
          path: '/rpc/session.setOperator',
          headers: {
            Host: `127.0.0.1:${small.port}`,
            'Content-Type': 'application/json',
            Authorization: `Bearer ${small.token}`,
            'Transfer-Encoding': 'chunked',
          },
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString() }));
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      let sent = 0;
      // Keep writing until the server answers; never more than 4 MiB.
      const pump = () => {
        while (sent < 4 * 1024 * 1024 && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      req.write('{"name":"');
      pump();
    }).catch((e: unknown) => ({ status: -1, body: String(e) }));
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body).error.code).toBe('too_large');
    expect((await small.rpc('app.info', {})).status).toBe(200);
    expect(small.handle.eventClients).toBe(0);
  });

  it('accepts a body just under the limit', async () => {
    const name = 'y'.repeat(50);
    const res = await small.rpc('session.setOperator', { name, communeCode: null, role: 'admin' });
    expect(res.status).toBe(200);
  });

  it('enforces the default 32 MiB limit with a real 33 MiB upload', async () => {
    const body = Buffer.alloc(33 * 1024 * 1024, 0x20);
    const res = await s.rpc('session.setOperator', null, { rawBody: body }).catch((e: unknown) => e);
    expect(res).toBeInstanceOf(Response);
    expect((res as Response).status).toBe(413);
    expect((await errorOf(res as Response)).code).toBe('too_large');
    expect((await s.rpc('app.info', {})).status).toBe(200);
  });
});

describe('HTTP adapter: /healthz', () => {
  it('answers 200 without a token and reveals nothing else', async () => {
    const res = await fetch(`http://127.0.0.1:${s.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
    const post = await fetch(`http://127.0.0.1:${s.port}/healthz`, { method: 'POST' });
    expect(post.status).not.toBe(200);
  });
});
