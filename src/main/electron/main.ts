// The Electron shell: the ONLY module (with ./preload.ts) that imports 'electron'. It stays thin:
// window, protocol, IPC loop, events; everything else is the same Node code the tests exercise.
//
// Security posture (DESIGN.md "Electron hardening from the start"):
// - The renderer is sandboxed (app.enableSandbox + sandbox: true), context-isolated, without Node
//   integration, with webSecurity on. It reaches the main side only through the preload bridge,
//   whose one channel 'quytap:rpc' goes through dispatch() (zod-validated input AND output).
// - The page is served from our own privileged scheme quytap://app/ (not file://, whose origin is
//   shared by every local file) with a strict CSP set on every response, also through
//   webRequest.onHeadersReceived for anything else loaded over http(s).
// - Navigation away from quytap://app/ (top frame, sub-frames, redirects), new windows, <webview>,
//   and every permission request, permission check and device request (camera, geolocation,
//   notifications, USB/HID/serial, …) are denied.
// - Packaged builds flip Electron's fuses (electron-builder.yml electronFuses): no run-as-node,
//   NODE_OPTIONS or --inspect; code only from the integrity-checked app.asar.
// - IPC checks the sender: our window's top frame, showing our app URL. A frame that somehow
//   navigated elsewhere cannot call the contract.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session, type IpcMainInvokeEvent, type Session } from 'electron';
import type { EventName } from '../../shared/api';
import type { BinaryResponder, BinaryResponse } from '../http/range';
import { contentSecurityPolicy, securityHeaders } from '../http/security';
import { mimeType, resolveStaticFile } from '../http/static';
import { validateOutputExceptFeatures } from '../services/drafting';
import { createDispatcher, type DispatchResult, type Handlers } from '../rpc/dispatch';
import { createEventBus } from '../rpc/events';
import { createServices } from '../services';

/** What this shell needs from ../services (src/main/services/index.ts). */
export interface ShellServices {
  handlers: Handlers;
  /** Backs quytap://app/bin/<path> (and quytap://bin/<path>); same responder as HTTP GET /bin/. */
  binaryResponder: BinaryResponder;
  /**
   * Open the most recent project that still exists, else (first launch) the demo, building it if
   * needed. If the last project cannot be opened, nothing else is opened in its place: the page's
   * first project.info answers why, then the start screen shows.
   */
  openLastOrDemo(): Promise<void>;
  /** Close the open project (flush, release the file). Called once at quit. */
  close(): void;
  /** Optional: the current operator's name, passed as CallContext.operator. */
  currentOperator?(): string;
}
export type CreateServices = (opts: {
  mode: 'electron';
  projectsDir: string;
  emit: (event: string, payload: unknown) => void;
  demoDataDir?: string;
}) => Promise<ShellServices>;

// Type-checks the services module against what the shell expects.
const create: CreateServices = createServices;

export const SCHEME = 'quytap';
const APP_HOST = 'app';
const APP_URL = `${SCHEME}://${APP_HOST}/index.html`;
const RPC_CHANNEL = 'quytap:rpc';
const EVENT_CHANNEL = 'quytap:event';
const CSP = contentSecurityPolicy('electron');
const HEADERS = securityHeaders('electron');

/** dist-electron/main.cjs → dist/renderer (also inside the packaged asar). */
const RENDERER_DIR = path.join(__dirname, '..', 'dist', 'renderer');
const PRELOAD = path.join(__dirname, 'preload.cjs');

// Must run before 'ready'. standard: relative URLs and a real origin (quytap://app); secure: treated
// like https (secure context); supportFetchAPI + stream: fetch() with Range for GeoTIFF reads.
// Not bypassCSP, not corsEnabled: the scheme gets no privilege over the page's own CSP.
protocol.registerSchemesAsPrivileged([
  { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
]);
app.enableSandbox();

function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

const log = (message: string, detail?: unknown) => console.error(message, detail ?? '');

type ResponseBody = ConstructorParameters<typeof Response>[0];
function bodyOf(buf: Buffer): ResponseBody {
  return buf as unknown as ResponseBody; // a Uint8Array view; Response accepts it without a copy
}

function toResponse(out: BinaryResponse, method: string): Response {
  const headers = new Headers();
  for (const [k, v] of Object.entries(out.headers)) {
    if (k.toLowerCase() !== 'content-length') headers.set(k, v);
  }
  for (const [k, v] of Object.entries(HEADERS)) headers.set(k, v);
  const status = out.status >= 200 && out.status <= 599 ? out.status : 500;
  const noBody = method === 'HEAD' || status === 204 || status === 304;
  return new Response(noBody ? null : bodyOf(out.body), { status, headers });
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...HEADERS } });
}

/** quytap://app/<file> → dist/renderer; quytap://app/bin/<path> and quytap://bin/<path> → responder. */
function protocolHandler(responder: BinaryResponder) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return textResponse(400, 'Bad request');
    }
    let binPath: string | null = null;
    if (url.host === 'bin') binPath = url.pathname.slice(1);
    else if (url.host === APP_HOST && url.pathname.startsWith('/bin/')) binPath = url.pathname.slice('/bin/'.length);

    if (binPath !== null) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(binPath);
      } catch {
        return textResponse(400, 'Bad request');
      }
      try {
        return toResponse(await responder(decoded, request.headers.get('range') ?? undefined), request.method);
      } catch (e) {
        log(`[electron] binary responder failed for "${decoded.slice(0, 200)}"`, e);
        return textResponse(500, 'Internal error');
      }
    }

    if (url.host !== APP_HOST) return textResponse(404, 'Not found');
    const file = await resolveStaticFile(RENDERER_DIR, url.pathname, { checkRealpath: !app.isPackaged });
    if (!file) return textResponse(404, 'Not found');
    const data = await readFile(file);
    return new Response(request.method === 'HEAD' ? null : bodyOf(data), {
      status: 200,
      headers: { 'Content-Type': mimeType(file), 'Cache-Control': 'no-cache', ...HEADERS },
    });
  };
}

function hardenSession(ses: Session): void {
  // The CSP also for anything served over http(s) (devtools excluded by Electron itself).
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-security-policy') delete headers[k];
    headers['Content-Security-Policy'] = [CSP];
    callback({ responseHeaders: headers });
  });
  // Deny every permission (camera, microphone, geolocation, notifications, clipboard-read, …).
  // If copying coordinates through navigator.clipboard is wanted later, allow exactly
  // 'clipboard-sanitized-write' for isAppUrl(requestingOrigin) here.
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

function hardenContents(): void {
  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    // will-navigate sees only the top frame: a sub-frame (the page has none) may not leave the app either.
    contents.on('will-frame-navigate', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

let mainWindow: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'QuyTap',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  return win;
}

/** Only our own window's top frame, showing our app, may call the contract. */
function trustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!mainWindow || event.sender !== mainWindow.webContents) return false;
  return isAppUrl(frame.url);
}

const FORBIDDEN: DispatchResult = {
  ok: false,
  error: {
    code: 'forbidden',
    vi: 'Yêu cầu không đến từ giao diện của chương trình.',
    en: 'The request does not come from the application page.',
  },
};

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    // One instance at a time: two processes editing the same project file is asking for trouble.
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  hardenContents();
  await app.whenReady();
  hardenSession(session.defaultSession);

  const bus = createEventBus({ log });
  // Same default folder as the CLI (`quytap serve`), so both see the same projects.
  const projectsDir = process.env.QUYTAP_PROJECTS_DIR ?? path.join(app.getPath('home'), 'QuyTap');
  const services = await create({
    mode: 'electron',
    projectsDir,
    emit: (event, payload) => bus.emit(event as EventName, payload as never),
    // The demo's boundary files ship in assets/demo (inside the asar when packaged: assets/** is packaged).
    demoDataDir: process.env.QUYTAP_DEMO_DATA || path.join(app.getAppPath(), 'assets', 'demo'),
  });
  const dispatch = createDispatcher(services.handlers, { log, validateOutput: validateOutputExceptFeatures });

  let closed = false;
  const closeServices = () => {
    if (closed) return;
    closed = true;
    try {
      services.close();
    } catch (e) {
      log('[electron] closing services failed', e);
    }
  };
  app.on('before-quit', closeServices);
  app.on('window-all-closed', () => {
    closeServices();
    app.quit();
  });

  protocol.handle(SCHEME, protocolHandler(services.binaryResponder));

  // One generic loop over the contract: no per-method channel anywhere.
  ipcMain.handle(RPC_CHANNEL, async (event, method: unknown, input: unknown): Promise<DispatchResult> => {
    if (!trustedSender(event)) return FORBIDDEN;
    return dispatch(String(method), input, { operator: services.currentOperator?.() ?? '', emit: bus.emit });
  });

  bus.subscribe((name, payload) => {
    for (const win of BrowserWindow.getAllWindows()) {
      const wc = win.webContents;
      if (win.isDestroyed() || wc.isDestroyed() || !isAppUrl(wc.getURL())) continue;
      wc.send(EVENT_CHANNEL, name, payload);
    }
  });

  mainWindow = createWindow();
  // The page asks for project.info once at start, so open the project first. Opening the last
  // project takes milliseconds; building the demo on a first launch takes a few seconds.
  try {
    await services.openLastOrDemo();
  } catch (e) {
    log('[electron] could not open the last project or the demo; the start screen will show', e);
  }
  await mainWindow.loadURL(APP_URL);
}

process.on('unhandledRejection', (reason) => log('[electron] unhandled rejection', reason));
main().catch((e: unknown) => {
  log('[electron] start-up failed', e);
  app.exit(1);
});
