import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, raw, sleep, startTestServer, type TestServer } from './helpers';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ heartbeatMs: 100 });
});
afterAll(async () => {
  await s.close();
});

describe('static files', () => {
  it('serves index.html at / with the right MIME type and no token', async () => {
    const res = await fetch(`${s.base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<title>QuyTap</title>');
  });

  it('serves assets with their MIME types, hashed assets as immutable', async () => {
    const js = await fetch(`${s.base}/assets/app-1234.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(await js.text()).toBe('console.log("quytap")');
    const css = await fetch(`${s.base}/assets/style.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const head = await fetch(`${s.base}/assets/style.css`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('6');
    expect((await fetch(`${s.base}/missing.js`)).status).toBe(404);
  });

  it('never serves anything outside the root (path traversal)', async () => {
    const attempts = [
      '/../secret.txt',
      '/../../package.json',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/%2e%2e%5csecret.txt',
      '/assets/%00../secret.txt',
      '//secret.txt',
      '/.%2e/secret.txt',
      `/${'..%2f'.repeat(12)}etc/passwd`,
      '/%252e%252e/secret.txt',
      '/%c0%ae%c0%ae/secret.txt',
    ];
    for (const path of attempts) {
      const res = await raw(s.port, { path });
      expect(res.body, path).not.toContain('SECRET-OUTSIDE-ROOT');
      expect(res.body, path).not.toContain('root:');
      expect([400, 403, 404], path).toContain(res.status);
    }
  });
});

/** Read SSE frames from a fetch body. */
async function* frames(res: Response): AsyncGenerator<string> {
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let buf = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buf += dec.decode(value, { stream: true });
    let i: number;
    while ((i = buf.indexOf('\n\n')) >= 0) {
      yield buf.slice(0, i);
      buf = buf.slice(i + 2);
    }
  }
}

describe('GET /events (Server-Sent Events)', () => {
  it('refuses a missing or wrong token', async () => {
    expect((await fetch(`${s.base}/events`)).status).toBe(401);
    expect((await fetch(`${s.base}/events?token=nope`)).status).toBe(401);
    expect((await fetch(`${s.base}/events?token=${s.token}`, { method: 'POST' })).status).toBe(405);
  });

  it('delivers emitted events to every client, with heartbeats, and forgets closed clients', async () => {
    const ac1 = new AbortController();
    const ac2 = new AbortController();
    const r1 = await fetch(`${s.base}/events?token=${encodeURIComponent(s.token)}`, { signal: ac1.signal });
    const r2 = await fetch(`${s.base}/events?token=${encodeURIComponent(s.token)}`, { signal: ac2.signal });
    expect(r1.status).toBe(200);
    expect(r1.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(s.handle.eventClients).toBe(2);

    const it1 = frames(r1);
    const it2 = frames(r2);
    expect((await it1.next()).value).toContain(': connected');
    expect((await it2.next()).value).toContain(': connected');

    s.bus.emit('project.changed', { tables: ['graves', 'search_areas'], editId: 12 });
    const job = {
      id: 'j1',
      kind: 'import',
      state: 'running' as const,
      done: 1,
      total: 2,
      message: 'Đang nhập "tệp"\nmới',
      error: null,
    };
    s.bus.emit('job.progress', job);

    const got: string[] = [];
    while (got.length < 2) {
      const f = (await it1.next()).value as string;
      if (!f.startsWith(':')) got.push(f);
    }
    expect(got[0]).toBe('event: project.changed\ndata: {"tables":["graves","search_areas"],"editId":12}');
    expect(got[1]!.split('\n')).toHaveLength(2); // newlines inside payloads stay escaped
    expect(JSON.parse(got[1]!.split('\n')[1]!.slice('data: '.length))).toEqual(job);

    // Heartbeat comments keep the connection alive (interval shortened for the test).
    let sawPing = false;
    for (let i = 0; i < 10 && !sawPing; i++) sawPing = ((await it2.next()).value as string).includes(': ping');
    expect(sawPing).toBe(true);

    ac1.abort();
    ac2.abort();
    for (let i = 0; i < 50 && s.handle.eventClients > 0; i++) await sleep(10);
    expect(s.handle.eventClients).toBe(0);
    // Emitting with nobody listening is fine.
    s.bus.emit('project.changed', { tables: [], editId: null });
  });
});

describe('GET /bin/… (binary responder, byte ranges)', () => {
  const url = (p: string, token = s.token) => `${s.base}/bin/${p}?token=${encodeURIComponent(token)}`;

  it('needs the token', async () => {
    expect((await fetch(`${s.base}/bin/data/test.bin`)).status).toBe(401);
    expect((await fetch(url('data/test.bin', 'bad'))).status).toBe(401);
  });

  it('answers 200 with the whole body without Range', async () => {
    const res = await fetch(url('data/test.bin'));
    expect(res.status).toBe(200);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-type')).toBe('image/tiff');
    expect(res.headers.get('content-length')).toBe('1000');
    expect(Buffer.from(await res.arrayBuffer()).equals(BIN)).toBe(true);
  });

  it('answers 206 for a satisfiable range', async () => {
    const cases: Array<[string, number, number]> = [
      ['bytes=0-99', 0, 99],
      ['bytes=990-', 990, 999],
      ['bytes=-10', 990, 999],
      ['bytes=500-5000', 500, 999],
    ];
    for (const [range, a, b] of cases) {
      const res = await fetch(url('data/test.bin'), { headers: { Range: range } });
      expect(res.status, range).toBe(206);
      expect(res.headers.get('content-range')).toBe(`bytes ${a}-${b}/1000`);
      expect(res.headers.get('content-length')).toBe(String(b - a + 1));
      expect(Buffer.from(await res.arrayBuffer()).equals(BIN.subarray(a, b + 1))).toBe(true);
    }
  });

  it('answers 416 for an unsatisfiable range', async () => {
    const res = await fetch(url('data/test.bin'), { headers: { Range: 'bytes=1000-' } });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe('bytes */1000');
  });

  it('passes the decoded path and answers what the responder says; HEAD has no body', async () => {
    expect((await fetch(url('data/other.bin'))).status).toBe(404);
    expect((await fetch(url('data%2Ftest.bin'))).status).toBe(200);
    const head = await fetch(url('data/test.bin'), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('1000');
    expect((await fetch(url('data/test.bin'), { method: 'POST' })).status).toBe(405);
  });

  it('turns a throwing responder into a generic 500', async () => {
    const t = await startTestServer({
      binaryResponder: () => {
        throw new Error('disk exploded at /secret/path');
      },
    });
    const res = await fetch(`${t.base}/bin/x?token=${t.token}`);
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('/secret/path');
    await t.close();
  });
});
