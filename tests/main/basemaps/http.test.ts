// Base maps over real HTTP, wired as `quytap serve` wires them: upload in pieces through /rpc, add,
// then read pixels through /bin/basemaps/… (206 with exact bytes and Content-Range for GeoTIFF
// ranges; tiles; the online proxy with its cache, on a local tile server and offline).
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../../src/main/http/server';
import { createDispatcher } from '../../../src/main/rpc/dispatch';
import { createEventBus } from '../../../src/main/rpc/events';
import { createServices } from '../../../src/main/services';
import { MbtilesFile } from '../../../src/main/store/mbtiles-file';
import { makeTestTiffs, MBTILES_RASTER } from './helpers';

let dir: string;
let services: Awaited<ReturnType<typeof createServices>>;
let server: Awaited<ReturnType<typeof startHttpServer>>;
let projectPath: string;

async function rpc<T = any>(method: string, body: unknown): Promise<T> {
  const res = await fetch(`${server.origin}/rpc/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { result?: T; error?: { en: string } };
  if (!res.ok) throw new Error(`${method}: ${res.status} ${json.error?.en}`);
  return (json as { result: T }).result ?? (json as T);
}

const bin = (path: string, headers: Record<string, string> = {}) => fetch(`${server.origin}/bin/${path}?token=${server.token}`, { headers });

/** Upload through basemaps.uploadChunk in small pieces, as the renderer does with big files. */
async function upload(file: string, name: string, piece = 64 * 1024): Promise<string> {
  const bytes = readFileSync(file);
  const uploadId = randomUUID();
  let kept: string | null = null;
  for (let at = 0; at < bytes.length || at === 0; at += piece) {
    const part = bytes.subarray(at, at + piece);
    const last = at + piece >= bytes.length;
    const r = await rpc<{ received: number; name: string | null }>('basemaps.uploadChunk', { uploadId, name, offset: at, dataBase64: part.toString('base64'), last });
    expect(r.received).toBe(Math.min(at + piece, bytes.length));
    kept = r.name;
    if (last) break;
  }
  return kept!;
}

async function addAndWait(file: string, extra: Record<string, unknown> = {}): Promise<string> {
  const { job } = await rpc<{ job: { id: string } }>('basemaps.add', { file, ...extra });
  return (await services.jobs.wait(job.id)) as string;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quytap-basemap-http-'));
  const events = createEventBus();
  services = await createServices({ mode: 'browser', projectsDir: dir, emit: events.emit });
  server = await startHttpServer({ dispatch: createDispatcher(services.handlers), events, port: 0, binaryResponder: services.binaryResponder, operator: services.operatorName, staticDir: null });
  const info = await rpc('project.create', { fileName: 'http.gpkg', settings: { title: 'HTTP', province: { name: 'Đắk Nông' } } });
  projectPath = info.path;
});
afterAll(async () => {
  await server.close();
  services.close();
});

describe('GeoTIFF bytes over HTTP ranges', () => {
  let id: string;
  let original: Buffer;
  beforeAll(async () => {
    const tiffs = makeTestTiffs(join(dir, 'made'));
    original = readFileSync(tiffs.cog);
    const name = await upload(tiffs.cog, 'anh krong no.tif');
    expect(name).toBe('anh krong no.tif');
    // A second upload with the same name never replaces the first.
    expect(await upload(tiffs.cog, 'anh krong no.tif', 1 << 20)).toBe('anh krong no (2).tif');
    id = await addAndWait(name);
  });

  it('answers a range with 206, the exact bytes and Content-Range', async () => {
    const res = await bin(`basemaps/${id}/file.tif`, { Range: 'bytes=100-1123' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 100-1123/${original.length}`);
    expect(res.headers.get('content-length')).toBe('1024');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-type')).toBe('image/tiff');
    expect(Buffer.from(await res.arrayBuffer()).equals(original.subarray(100, 1124))).toBe(true);
  });

  it('answers a suffix range, an open range, the whole file and an unsatisfiable range', async () => {
    const tail = await bin(`basemaps/${id}/file.tif`, { Range: 'bytes=-10' });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(original.subarray(original.length - 10))).toBe(true);
    const open = await bin(`basemaps/${id}/file.tif`, { Range: `bytes=${original.length - 5}-` });
    expect(open.headers.get('content-range')).toBe(`bytes ${original.length - 5}-${original.length - 1}/${original.length}`);
    const whole = await bin(`basemaps/${id}/file.tif`);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(original)).toBe(true);
    const bad = await bin(`basemaps/${id}/file.tif`, { Range: `bytes=${original.length + 10}-` });
    expect(bad.status).toBe(416);
    expect(bad.headers.get('content-range')).toBe(`bytes */${original.length}`);
  });

  it('needs the token, and knows nothing of other paths', async () => {
    expect((await fetch(`${server.origin}/bin/basemaps/${id}/file.tif`)).status).toBe(401);
    expect((await bin(`basemaps/${randomUUID()}/file.tif`)).status).toBe(404);
    expect((await bin(`basemaps/${id}/../../http.gpkg`)).status).toBe(404);
    expect((await bin(`basemaps/${id}/0/0/0`)).status).toBe(404);
  });
});

describe('MBTiles tiles over HTTP', () => {
  it('serves each tile in XYZ numbering with its image type, 404 where there is none', async () => {
    const name = await upload(MBTILES_RASTER, 'world.mbtiles');
    const id = await addAndWait(name);
    const src = MbtilesFile.open(MBTILES_RASTER);
    const tiles = [...src.batches()].flat();
    src.close();
    for (const t of tiles) {
      const res = await bin(`basemaps/${id}/${t.zoom}/${t.column}/${2 ** t.zoom - 1 - t.tmsRow}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await res.arrayBuffer()).equals(t.data)).toBe(true);
    }
    expect((await bin(`basemaps/${id}/3/0/0`)).status).toBe(404);
    expect((await bin(`basemaps/${id}/file.tif`)).status).toBe(404);
  });
});

describe('the online XYZ layer', () => {
  let tileServer: Server;
  let tileBase: string;
  const requests: string[] = [];
  let tilePng: Buffer;

  beforeAll(async () => {
    const src = MbtilesFile.open(MBTILES_RASTER);
    tilePng = src.firstTile()!.data;
    src.close();
    tileServer = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url?.startsWith('/tiles/5/')) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'image/png' }).end(tilePng);
    });
    await new Promise<void>((r) => tileServer.listen(0, '127.0.0.1', r));
    tileBase = `http://127.0.0.1:${(tileServer.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => tileServer.close(() => r())));

  it('is off by default: nothing is fetched', async () => {
    const list = await rpc('basemaps.list', {});
    expect(list.online).toMatchObject({ enabled: false, url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' });
    expect(list.online.attribution).toMatch(/OpenStreetMap/);
    expect((await bin('basemaps/online/1/0/0')).status).toBe(404);
  });

  it('refuses plain http to another machine and templates without {z}/{x}/{y}', async () => {
    await expect(rpc('basemaps.online.set', { enabled: true, url: 'http://tiles.example.com/{z}/{x}/{y}.png' })).rejects.toThrow(/Only https/);
    await expect(rpc('basemaps.online.set', { enabled: true, url: 'https://tiles.example.com/{z}/{x}.png' })).rejects.toThrow(/lacks \{y\}/);
    await expect(rpc('basemaps.online.set', { enabled: true, url: 'https://user:pw@tiles.example.com/{z}/{x}/{y}.png' })).rejects.toThrow(/user name/);
  });

  it('fetches through main, caches beside the project, and serves the cache when the server is gone', async () => {
    const on = await rpc('basemaps.online.set', { enabled: true, url: `${tileBase}/tiles/{z}/{x}/{y}.png` });
    expect(on.enabled).toBe(true);
    const first = await bin('basemaps/online/2/1/3');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await first.arrayBuffer()).equals(tilePng)).toBe(true);
    expect(requests).toContain('/tiles/2/1/3.png');
    const again = await bin('basemaps/online/2/1/3');
    expect(again.status).toBe(200);
    expect(requests.filter((r) => r === '/tiles/2/1/3.png')).toHaveLength(1);
    expect((await bin('basemaps/online/5/1/1')).status).toBe(404);
    expect((await bin('basemaps/online/2/9/0')).status).toBe(404);
    const status = (await rpc('basemaps.list', {})).online.status;
    expect(status).toMatchObject({ state: 'ok', cachedTiles: 1 });
    expect(existsSync(join(dir, 'http-ban-do-nen-truc-tuyen'))).toBe(true);

    // The hall has no internet: the cached tile still shows, others answer 504 and the status says why.
    await new Promise<void>((r) => tileServer.close(() => r()));
    tileServer.closeAllConnections();
    expect((await bin('basemaps/online/2/1/3')).status).toBe(200);
    expect((await bin('basemaps/online/2/2/2')).status).toBe(504);
    const offline = (await rpc('basemaps.list', {})).online.status;
    expect(offline.state).toBe('offline');
    expect(offline.message.vi).toMatch(/Không kết nối được máy chủ bản đồ/);
    // Everything else still works.
    expect((await rpc('basemaps.list', {})).items.length).toBeGreaterThan(0);
    await new Promise<void>((r) => tileServer.listen(0, '127.0.0.1', r));
  });

  it('turning it off is recorded and stops fetching', async () => {
    const off = await rpc('basemaps.online.set', { enabled: false });
    expect(off.status.state).toBe('off');
    const n = requests.length;
    expect((await bin('basemaps/online/3/3/3')).status).toBe(404);
    expect(requests.length).toBe(n);
    expect(projectPath).toMatch(/http\.gpkg$/);
  });
});
