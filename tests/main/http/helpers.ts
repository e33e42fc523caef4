import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApiError } from '../../../src/shared/api';
import { startHttpServer, type HttpServerOptions } from '../../../src/main/http/server';
import { bufferResponse } from '../../../src/main/http/range';
import { createDispatcher, type Handlers } from '../../../src/main/rpc/dispatch';
import { createEventBus } from '../../../src/main/rpc/events';

export const SECRET = 'TOP-SECRET-STACK-DETAIL';
export const BIN = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Small real handlers. */
export function testHandlers(): Handlers {
  const h: Partial<Handlers> = {
    'app.info': (_i, ctx) => ({
      version: '0.0.0-test',
      mode: 'browser',
      operator: ctx.operator ? { name: ctx.operator, role: 'commune_staff', communeCode: null } : null,
    }),
    'session.setOperator': async (input) => {
      await sleep(Math.random() * 20);
      return input;
    },
    'crs.list': () => [],
    'project.backup': () => {
      throw new Error(SECRET);
    },
    'rows.get': ({ id }) => {
      throw new ApiError('not_found', `Không tìm thấy ${id}`, `No row ${id}`);
    },
    'edits.state': () => ({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null }),
  };
  return h as Handlers;
}

export interface TestServer {
  base: string;
  token: string;
  port: number;
  bus: ReturnType<typeof createEventBus>;
  staticDir: string;
  tmp: string;
  handle: Awaited<ReturnType<typeof startHttpServer>>;
  logs: unknown[][];
  rpc(
    method: string,
    body: unknown,
    init?: { token?: string | null; headers?: Record<string, string>; rawBody?: string | Buffer },
  ): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestServer(
  over: Partial<HttpServerOptions> = {},
  handlers: Handlers = testHandlers(),
): Promise<TestServer> {
  const tmp = await mkdtemp(path.join(tmpdir(), 'quytap-http-'));
  const staticDir = path.join(tmp, 'renderer');
  await mkdir(path.join(staticDir, 'assets'), { recursive: true });
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>QuyTap</title>');
  await writeFile(path.join(staticDir, 'assets', 'app-1234.js'), 'console.log("quytap")');
  await writeFile(path.join(staticDir, 'assets', 'style.css'), 'body{}');
  await writeFile(path.join(tmp, 'secret.txt'), 'SECRET-OUTSIDE-ROOT');
  const logs: unknown[][] = [];
  const log = (...a: unknown[]) => void logs.push(a);
  const bus = createEventBus({ log });
  const dispatch = createDispatcher(handlers, { log });
  const handle = await startHttpServer({
    dispatch,
    events: bus,
    staticDir,
    port: 0,
    operator: () => 'Người thử',
    binaryResponder: (p, range) =>
      p === 'data/test.bin'
        ? bufferResponse(BIN, range, { 'Content-Type': 'image/tiff' })
        : { status: 404, headers: {}, body: Buffer.from('no') },
    log,
    ...over,
  });
  const base = handle.origin;
  return {
    base,
    token: handle.token,
    port: handle.port,
    bus,
    staticDir,
    tmp,
    handle,
    logs,
    rpc(method, body, init = {}) {
      const token = init.token === undefined ? handle.token : init.token;
      return fetch(`${base}/rpc/${method}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...init.headers,
        },
        body: typeof init.rawBody === 'object' ? new Uint8Array(init.rawBody) : (init.rawBody ?? JSON.stringify(body)),
      });
    },
    async close() {
      await handle.close();
      await rm(tmp, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with an exact request line and headers (fetch normalises paths and forbids Host). */
export function raw(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { Host: `127.0.0.1:${port}`, ...opts.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}
