// The renderer's HTTP client, run in Node against the real server with minimal stand-ins for the
// browser globals it touches (location, history, sessionStorage, EventSource).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api';
import { createHttpClient, readToken, TOKEN_STORAGE_KEY } from '../../../src/renderer/api/http-client';
import { createBridgeClient, type QuyTapBridge } from '../../../src/renderer/api/index';
import { sleep, startTestServer, type TestServer } from './helpers';

/** Just enough of EventSource: named events over fetch. */
class FetchEventSource {
  static instances: FetchEventSource[] = [];
  private listeners = new Map<string, Set<(e: { data: string }) => void>>();
  private ac = new AbortController();
  readyState = 0;
  constructor(readonly url: string) {
    FetchEventSource.instances.push(this);
    void this.run();
  }
  private async run() {
    try {
      const res = await fetch(this.url, { signal: this.ac.signal });
      if (res.status !== 200) {
        this.readyState = 2;
        return;
      }
      this.readyState = 1;
      const reader = res.body!.getReader();
      const dec = new TextDecoder();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buf += dec.decode(value, { stream: true });
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, i);
          buf = buf.slice(i + 2);
          let name = 'message';
          let data = '';
          for (const line of frame.split('\n')) {
            if (line.startsWith('event: ')) name = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (data) for (const l of this.listeners.get(name) ?? []) l({ data });
        }
      }
    } catch {
      this.readyState = 2;
    }
  }
  addEventListener(name: string, l: (e: { data: string }) => void) {
    if (!this.listeners.has(name)) this.listeners.set(name, new Set());
    this.listeners.get(name)!.add(l);
  }
  close() {
    this.readyState = 2;
    this.ac.abort();
  }
}

function installBrowserGlobals(href: string) {
  const url = new URL(href);
  const store = new Map<string, string>();
  const g = globalThis as Record<string, unknown>;
  g.location = {
    get hash() {
      return url.hash;
    },
    get pathname() {
      return url.pathname;
    },
    get search() {
      return url.search;
    },
    get origin() {
      return url.origin;
    },
    get href() {
      return url.href;
    },
  };
  g.history = {
    state: null,
    replaceState: (_s: unknown, _t: string, next: string) => {
      const n = new URL(next, url);
      url.hash = n.hash;
      url.pathname = n.pathname;
      url.search = n.search;
    },
  };
  g.sessionStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
  g.EventSource = FetchEventSource;
  return { url, store };
}

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});
afterEach(() => {
  for (const k of ['location', 'history', 'sessionStorage', 'EventSource']) delete (globalThis as Record<string, unknown>)[k];
  FetchEventSource.instances = [];
});

describe('renderer HTTP client', () => {
  it('takes the token from the fragment once, stores it for the tab and scrubs it from the URL', () => {
    const { url, store } = installBrowserGlobals(`${s.base}/?x=1#token=${s.token}&view=map`);
    expect(readToken()).toBe(s.token);
    expect(store.get(TOKEN_STORAGE_KEY)).toBe(s.token);
    expect(url.href).toBe(`${s.base}/?x=1#view=map`);
    // Reload: the fragment is gone, the tab's sessionStorage still has it.
    expect(readToken()).toBe(s.token);
  });

  it('invokes methods with the bearer token and returns results', async () => {
    installBrowserGlobals(`${s.base}/#token=${s.token}`);
    const client = createHttpClient();
    expect(client.token).toBe(s.token);
    const info = await client.invoke('app.info', {});
    expect(info.version).toBe('0.0.0-test');
    expect(await client.invoke('crs.list', undefined)).toEqual([]);
    const op = await client.invoke('session.setOperator', { name: 'Phạm D' });
    expect(op).toEqual({ name: 'Phạm D', role: 'commune_staff', communeCode: null });
    expect(client.binUrl('rasters/a b.tif')).toBe(`${s.base}/bin/rasters/a%20b.tif?token=${encodeURIComponent(s.token)}`);
  });

  it('turns error bodies into ApiError', async () => {
    installBrowserGlobals(`${s.base}/#token=${s.token}`);
    const client = createHttpClient();
    const e1 = await client.invoke('session.setOperator', { name: '' }).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(ApiError);
    expect((e1 as ApiError).code).toBe('validation');
    const e2 = await client.invoke('project.backup', {}).catch((e: unknown) => e);
    expect((e2 as ApiError).code).toBe('internal');
    const e3 = await client.invoke('nope' as never, {} as never).catch((e: unknown) => e);
    expect((e3 as ApiError).code).toBe('unknown_method');
    const wrong = createHttpClient({ token: 'wrong-token-wrong-token' });
    const e4 = await wrong.invoke('app.info', {}).catch((e: unknown) => e);
    expect((e4 as ApiError).code).toBe('unauthorized');
    expect((e4 as ApiError).vi).toMatch(/mã truy cập/);
  });

  it('lets network failures through as fetch TypeErrors', async () => {
    installBrowserGlobals(`http://127.0.0.1:1/#token=abc`);
    const client = createHttpClient();
    await expect(client.invoke('app.info', {})).rejects.toBeInstanceOf(TypeError);
  });

  it('subscribes to events over one shared EventSource and unsubscribes', async () => {
    installBrowserGlobals(`${s.base}/#token=${s.token}`);
    const client = createHttpClient();
    const changed: unknown[] = [];
    const progress: unknown[] = [];
    const off1 = client.on('project.changed', (p) => changed.push(p));
    const off2 = client.on('job.progress', (p) => progress.push(p.state));
    const off3 = client.on('project.changed', () => {
      throw new Error('a bad handler does not stop the others');
    });
    expect(FetchEventSource.instances).toHaveLength(1);
    for (let i = 0; i < 100 && s.handle.eventClients === 0; i++) await sleep(10);
    s.bus.emit('project.changed', { tables: ['graves'], editId: 1 });
    s.bus.emit('job.progress', { id: 'j', kind: 'k', state: 'done', done: 1, total: 1, message: '', error: null });
    for (let i = 0; i < 100 && (changed.length < 1 || progress.length < 1); i++) await sleep(10);
    expect(changed).toEqual([{ tables: ['graves'], editId: 1 }]);
    expect(progress).toEqual(['done']);
    off1();
    off2();
    expect(FetchEventSource.instances[0]!.readyState).not.toBe(2);
    off3();
    expect(FetchEventSource.instances[0]!.readyState).toBe(2); // closed with the last subscriber
    for (let i = 0; i < 100 && s.handle.eventClients > 0; i++) await sleep(10);
    expect(s.handle.eventClients).toBe(0);
  });
});

describe('renderer bridge client (Electron preload envelope)', () => {
  it('unwraps results and turns error envelopes into ApiError', async () => {
    const calls: unknown[] = [];
    const bridge: QuyTapBridge = {
      invoke: async (method, input) => {
        calls.push([method, input]);
        if (method === 'crs.list') return { ok: true, result: [] };
        if (method === 'app.info') return { ok: false, error: { code: 'no_project', vi: 'Chưa mở dự án', en: 'No project' } };
        return { weird: true } as never;
      },
      on: (_e, _h) => () => {},
    };
    const c = createBridgeClient(bridge);
    expect(c.mode).toBe('electron');
    expect(await c.invoke('crs.list', {})).toEqual([]);
    await expect(c.invoke('app.info', {})).rejects.toMatchObject({ code: 'no_project', vi: 'Chưa mở dự án' });
    await expect(c.invoke('edits.state', {})).rejects.toMatchObject({ code: 'internal' });
    expect(c.binUrl('/tiles/1/2/3.png')).toBe('quytap://app/bin/tiles/1/2/3.png');
  });
});
