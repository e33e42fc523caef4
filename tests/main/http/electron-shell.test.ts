// The Electron shell cannot run on this machine (no Electron binary), so src/main/electron/main.ts
// is exercised here against a fake 'electron' module: hardening options, the protocol handler, the
// IPC sender check and event forwarding. The real thing is also type-checked against electron.d.ts.
import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  // Hoisted above the imports, so a tiny emitter of our own.
  class EE {
    private m = new Map<string, Array<(...a: any[]) => void>>();
    on(e: string, f: (...a: any[]) => void) {
      this.m.set(e, [...(this.m.get(e) ?? []), f]);
      return this;
    }
    once(e: string, f: (...a: any[]) => void) {
      return this.on(e, f);
    }
    emit(e: string, ...a: unknown[]) {
      for (const f of this.m.get(e) ?? []) f(...a);
      return true;
    }
  }
  const state = {
    schemes: [] as unknown[],
    protocolHandler: null as null | ((r: Request) => Promise<Response>),
    ipc: new Map<string, (...a: unknown[]) => unknown>(),
    appEvents: new EE(),
    sandbox: false,
    permissionRequest: null as null | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
    permissionCheck: null as null | ((...a: unknown[]) => boolean),
    devicePermission: null as null | ((...a: unknown[]) => boolean),
    headersReceived: null as null | ((d: unknown, cb: (r: unknown) => void) => void),
    loaded: [] as string[],
    servicesOpts: null as null | { mode: string; projectsDir: string; emit: (e: string, p: unknown) => void },
    opened: 0,
  };
  class FakeWebContents extends EE {
    url = '';
    sent: unknown[][] = [];
    windowOpenHandler: null | (() => unknown) = null;
    send(...a: unknown[]) {
      this.sent.push(a);
    }
    getURL() {
      return this.url;
    }
    isDestroyed() {
      return false;
    }
    setWindowOpenHandler(h: () => unknown) {
      this.windowOpenHandler = h;
    }
  }
  class BrowserWindow extends EE {
    static all: BrowserWindow[] = [];
    static getAllWindows() {
      return BrowserWindow.all;
    }
    webContents = new FakeWebContents();
    constructor(readonly opts: Record<string, unknown>) {
      super();
      BrowserWindow.all.push(this);
      state.appEvents.emit('web-contents-created', {}, this.webContents);
    }
    isDestroyed() {
      return false;
    }
    async loadURL(u: string) {
      this.webContents.url = u;
      state.loaded.push(u);
    }
    show() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
  }
  const app = {
    enableSandbox: () => void (state.sandbox = true),
    requestSingleInstanceLock: () => true,
    on: (ev: string, fn: (...a: unknown[]) => void) => void state.appEvents.on(ev, fn),
    whenReady: () => Promise.resolve(),
    getPath: () => '/tmp/quytap-fake-home',
    getAppPath: () => '/tmp/quytap-fake-app',
    isPackaged: false,
    quit: () => {},
    exit: () => {},
  };
  const protocol = {
    registerSchemesAsPrivileged: (s: unknown[]) => void state.schemes.push(...s),
    handle: (_scheme: string, h: (r: Request) => Promise<Response>) => void (state.protocolHandler = h),
  };
  const ipcMain = { handle: (ch: string, fn: (...a: unknown[]) => unknown) => void state.ipc.set(ch, fn) };
  const session = {
    defaultSession: {
      webRequest: { onHeadersReceived: (fn: typeof state.headersReceived) => void (state.headersReceived = fn) },
      setPermissionRequestHandler: (fn: typeof state.permissionRequest) => void (state.permissionRequest = fn),
      setPermissionCheckHandler: (fn: typeof state.permissionCheck) => void (state.permissionCheck = fn),
      setDevicePermissionHandler: (fn: typeof state.devicePermission) => void (state.devicePermission = fn),
    },
  };
  return { state, app, protocol, ipcMain, session, BrowserWindow };
});

vi.mock('electron', () => ({
  app: fake.app,
  protocol: fake.protocol,
  ipcMain: fake.ipcMain,
  session: fake.session,
  BrowserWindow: fake.BrowserWindow,
}));
vi.mock('../../../src/main/services', async () => {
  const { testHandlers, BIN } = await import('./helpers');
  const { bufferResponse } = await import('../../../src/main/http/range');
  return {
    createServices: async (opts: NonNullable<typeof fake.state.servicesOpts>) => {
      fake.state.servicesOpts = opts;
      return {
        handlers: testHandlers(),
        binaryResponder: (p: string, range: string | undefined) =>
          p === 'data/test.bin' ? bufferResponse(BIN, range) : { status: 404, headers: {}, body: Buffer.alloc(0) },
        openLastOrDemo: async () => void fake.state.opened++,
        close: () => {},
      };
    },
  };
});

let win: InstanceType<typeof fake.BrowserWindow>;
beforeAll(async () => {
  await import('../../../src/main/electron/main');
  for (let i = 0; i < 200 && fake.state.loaded.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
  win = fake.BrowserWindow.all[0]!;
});
afterAll(() => {
  vi.restoreAllMocks();
});

describe('Electron shell (fake electron)', () => {
  it('registers the quytap scheme as standard and secure, without bypassing CSP, and enables the sandbox', () => {
    expect(fake.state.schemes).toEqual([
      { scheme: 'quytap', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
    expect((fake.state.schemes[0] as { privileges: Record<string, unknown> }).privileges.bypassCSP).toBeUndefined();
    expect(fake.state.sandbox).toBe(true);
  });

  it('creates a hardened window, opens the project first and loads quytap://app/', () => {
    const wp = win.opts.webPreferences as Record<string, unknown>;
    expect(wp).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(String(wp.preload)).toMatch(/preload\.cjs$/);
    expect(fake.state.opened).toBe(1);
    expect(fake.state.loaded).toEqual(['quytap://app/index.html']);
    expect(fake.state.servicesOpts).toMatchObject({ mode: 'electron' });
  });

  it('denies navigation away from the app, new windows and permissions; sets the CSP header', () => {
    const nav = (url: string) => {
      const ev = { url, preventDefault: vi.fn() };
      win.webContents.emit('will-navigate', ev);
      return ev.preventDefault.mock.calls.length > 0;
    };
    expect(nav('https://evil.example/')).toBe(true);
    expect(nav('file:///etc/passwd')).toBe(true);
    expect(nav('quytap://bin/x')).toBe(true);
    expect(nav('quytap://app/index.html#x')).toBe(false);
    expect(win.webContents.windowOpenHandler!()).toEqual({ action: 'deny' });
    let granted: boolean | null = null;
    fake.state.permissionRequest!(win.webContents, 'geolocation', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect(fake.state.permissionCheck!()).toBe(false);
    expect(fake.state.devicePermission!({ deviceType: 'usb', origin: 'quytap://app' })).toBe(false);
    let out: { responseHeaders: Record<string, string[]> } | null = null;
    fake.state.headersReceived!(
      { responseHeaders: { 'content-security-policy': ['default-src *'] } },
      (r) => (out = r as typeof out),
    );
    expect(Object.keys(out!.responseHeaders)).toEqual(['Content-Security-Policy']);
    expect(out!.responseHeaders['Content-Security-Policy']![0]).toContain("img-src 'self' data: blob: quytap:");
  });

  it('denies redirects and sub-frame navigation away from the app, and every <webview>', () => {
    const prevented = (event: string, url: string) => {
      const ev = { url, preventDefault: vi.fn() };
      win.webContents.emit(event, ev);
      return ev.preventDefault.mock.calls.length > 0;
    };
    for (const event of ['will-redirect', 'will-frame-navigate']) {
      expect(prevented(event, 'https://evil.example/')).toBe(true);
      expect(prevented(event, 'quytap://bin/x')).toBe(true);
      expect(prevented(event, 'quytap://app/index.html')).toBe(false);
    }
    expect(prevented('will-attach-webview', 'quytap://app/index.html')).toBe(true);
  });

  it('dispatches IPC calls from our top frame only', async () => {
    const handler = fake.state.ipc.get('quytap:rpc')!;
    const call = (
      frame: { url: string; parent: unknown } | null,
      method: string,
      input: unknown,
      sender: unknown = win.webContents,
    ) =>
      handler({ sender, senderFrame: frame }, method, input) as Promise<{
        ok: boolean;
        result?: unknown;
        error?: { code: string };
      }>;
    const top = { url: 'quytap://app/index.html', parent: null };
    expect(await call(top, 'crs.list', {})).toEqual({ ok: true, result: [] });
    expect(await call(top, 'session.setOperator', { name: '' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await call(top, 'nope', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await call({ url: 'https://evil.example/', parent: null }, 'crs.list', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call({ url: 'quytap://app/index.html', parent: top }, 'crs.list', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(null, 'crs.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(top, 'crs.list', {}, new EventEmitter())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('forwards events to the window', () => {
    fake.state.servicesOpts!.emit('project.changed', { tables: ['graves'], editId: 3 });
    fake.state.servicesOpts!.emit('project.changed', { tables: ['bogus'], editId: 3 }); // invalid: dropped
    expect(win.webContents.sent).toEqual([['quytap:event', 'project.changed', { tables: ['graves'], editId: 3 }]]);
  });

  it('serves quytap://app/bin/… and quytap://bin/… through the binary responder, with ranges and the CSP', async () => {
    const h = fake.state.protocolHandler!;
    const r1 = await h(new Request('quytap://app/bin/data/test.bin', { headers: { Range: 'bytes=10-19' } }));
    expect(r1.status).toBe(206);
    expect(r1.headers.get('content-range')).toBe('bytes 10-19/1000');
    expect(r1.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(Buffer.from(await r1.arrayBuffer())).toEqual(Buffer.from(Array.from({ length: 10 }, (_, i) => 10 + i)));
    const r2 = await h(new Request('quytap://bin/data%2Ftest.bin'));
    expect(r2.status).toBe(200);
    expect((await r2.arrayBuffer()).byteLength).toBe(1000);
    expect((await h(new Request('quytap://bin/other'))).status).toBe(404);
    expect((await h(new Request('quytap://app/bin/data/test.bin', { method: 'POST', body: 'x' }))).status).toBe(405);
    // Static files: nothing outside the renderer folder (which does not exist in this test).
    expect((await h(new Request('quytap://app/%2e%2e/%2e%2e/package.json'))).status).toBe(404);
    expect((await h(new Request('quytap://other/index.html'))).status).toBe(404);
  });
});
