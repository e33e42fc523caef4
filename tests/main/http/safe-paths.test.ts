// The outside review's path attacks, replayed over real HTTP against the real services (as `quytap
// serve` wires them): names built from commune codes or file names never lead a write out of its
// folder, odd text is a 4xx with a Vietnamese sentence before anything is written, and a link put in
// the exports folder is not served. Every attack scans the whole temporary root before and after.
import { existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '../../../src/main/http/server';
import { createDispatcher } from '../../../src/main/rpc/dispatch';
import { createEventBus } from '../../../src/main/rpc/events';
import { createServices } from '../../../src/main/services';
import { REAL } from '../io/helpers';

let root: string;
let projects: string;
let exportsDir: string;
let outside: string;
let services: Awaited<ReturnType<typeof createServices>>;
let server: Awaited<ReturnType<typeof startHttpServer>>;

async function rpc(method: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${server.origin}/rpc/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

async function ok(method: string, body: unknown): Promise<any> {
  const r = await rpc(method, body);
  if (r.status !== 200) throw new Error(`${method}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.result;
}

const bin = (path: string) => fetch(`${server.origin}/bin/${path}?token=${server.token}`);

/** Every entry under the root, links not followed. */
function scan(dir = root): Set<string> {
  const out = new Set<string>();
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    out.add(relative(root, p));
    if (lstatSync(p).isDirectory()) for (const q of scan(p)) out.add(q);
  }
  return out;
}

/** What appeared since `before`, leaving out the open project's own journal files. */
function added(before: Set<string>): string[] {
  return [...scan()].filter((p) => !before.has(p) && !/\.gpkg-(wal|shm|journal)$/.test(p)).sort();
}

/** A refusal: a 4xx, a structured error whose Vietnamese sentence names what is wrong. */
function expectRefused(r: { status: number; json: any }, vi: RegExp): void {
  expect(r.status).toBeGreaterThanOrEqual(400);
  expect(r.status).toBeLessThan(500);
  expect(r.json.error).toMatchObject({ code: expect.any(String), vi: expect.stringMatching(vi), en: expect.any(String) });
  expect(r.json.error.vi).not.toMatch(/ENOENT|Error:|at \//);
}

/**
 * Commune codes that, joined with "-" into the old package name, walked from the exports folder to
 * `target` (each code within the old 32-character limit): "-" segments are undone by the "/.." after them.
 */
function traversalCodes(target: string): string[] {
  const ups = '/..'.repeat(exportsDir.split(sep).length + 2) + '/';
  const parts = target.split(sep).filter(Boolean);
  return [ups.slice(0, 31), ...parts.map((p, i) => `/../${p}${i === parts.length - 1 ? '' : '/'}`)];
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'quytap-paths-'));
  projects = join(root, 'projects');
  outside = join(root, 'outside');
  mkdirSync(projects);
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.txt'), 'BÍ MẬT ngoài thư mục');
  const events = createEventBus();
  services = await createServices({ mode: 'browser', projectsDir: projects, emit: events.emit });
  server = await startHttpServer({ dispatch: createDispatcher(services.handlers), events, binaryResponder: services.binaryResponder, operator: services.operatorName, staticDir: null });
  const info = await ok('project.create', { fileName: 'xa.gpkg', settings: { title: 'Xã thử', province: { code: '67', name: 'Đắk Nông' }, communes: [{ code: '24682', name: 'Đắk Drô' }] } });
  exportsDir = join(projects, 'exports');
  expect(info.path).toBe(join(projects, 'xa.gpkg'));
  // Some rows, so that exports have something to write.
  await ok('exchange.upload', { name: '67.json', dataBase64: readFileSync(REAL('daohoangson-dvhcvn/67.json')).toString('base64') });
  const { job } = await ok('exchange.import', { files: ['67.json'], layer: 'level2s', table: 'admin_units', defaults: { level: 'district' } });
  await services.jobs.wait(job.id);
  mkdirSync(exportsDir, { recursive: true });
}, 60_000);

afterAll(async () => {
  await server.close();
  services.close();
  rmSync(root, { recursive: true, force: true });
});

describe('exchange.packageExport: commune codes never reach the file system as paths', () => {
  it('a traversal in the commune codes is a 4xx with a Vietnamese sentence; nothing is written anywhere', async () => {
    const codes = traversalCodes(join(outside, 'y'));
    expect(codes.every((c) => c.length <= 32)).toBe(true);
    const before = scan();
    const r = await rpc('exchange.packageExport', { communes: codes });
    expectRefused(r, /Mã xã không hợp lệ: mã xã phải là mã đơn vị hành chính/);
    expect(added(before)).toEqual([]);
    expect(readdirSync(outside)).toEqual(['secret.txt']);
  });

  it('a NUL in a commune code is refused before anything is written (no copy of the project outside)', async () => {
    const codes = traversalCodes(join(outside, 'y'));
    codes[codes.length - 1] += '\u0000x';
    const before = scan();
    expectRefused(await rpc('exchange.packageExport', { communes: codes }), /Mã xã không hợp lệ/);
    expectRefused(await rpc('exchange.packageExport', { communes: ['24682\u0000'] }), /Mã xã không hợp lệ/);
    expect(added(before)).toEqual([]);
  });

  it('lone surrogates, control characters and separators in a code are refused', async () => {
    const before = scan();
    for (const code of ['2468\ud800', '24682\u0007', '24682\u0085', 'a/b', '..', '', 'x'.repeat(33)])
      expectRefused(await rpc('exchange.packageExport', { communes: [code] }), /Mã xã không hợp lệ/);
    expectRefused(await rpc('exchange.export', { format: 'geojson', communes: ['../24682'] }), /Mã xã không hợp lệ/);
    expect(added(before)).toEqual([]);
  });

  it('a normal commune package is still written in the exports folder, named with its commune code, and served', async () => {
    const before = scan();
    const pk = await ok('exchange.packageExport', { communes: ['24682'] });
    expect(pk.fileName).toMatch(/^goi-xa-24682-\d{8}-\d{6}\.gpkg$/);
    expect(added(before)).toEqual([join('projects', 'exports', pk.fileName)]);
    const res = await bin(`exports/${encodeURIComponent(pk.fileName)}`);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    // The package says which communes it holds.
    const up = await ok('exchange.upload', { name: pk.fileName, dataBase64: bytes.toString('base64') });
    expect((await ok('exchange.packagePreview', { file: up.name })).communes).toEqual(['24682']);
  });

  it('many communes give a short name that still starts with the first codes', async () => {
    const codes = Array.from({ length: 40 }, (_, i) => String(24600 + i));
    const pk = await ok('exchange.packageExport', { communes: codes });
    expect(pk.fileName).toMatch(/^goi-xa-24600-24601-24602-va-37-xa-khac-\d{8}-\d{6}\.gpkg$/);
    expect(existsSync(join(exportsDir, pk.fileName))).toBe(true);
  });
});

describe('file names sent by the caller', () => {
  const odd = ['a\u0001b.geojson', 'a\ud800b.geojson', 'b\udc00.geojson', 'c\u0085.geojson', 'd\u007f.geojson', 'e\u202egpj.exe', 'f\u0000.geojson', 'CON.geojson', '.an.geojson', '...', 'g/../h.geojson'];

  it('exchange.export: NUL, lone surrogates, control characters … are a 4xx; no file is written', async () => {
    const before = scan();
    for (const fileName of odd) {
      const r = await rpc('exchange.export', { format: 'geojson', tables: ['admin_units'], fileName });
      expectRefused(r, /Tên tệp không dùng được/);
    }
    // Jobs run after the answer: give any that was started the time to write.
    await new Promise((r) => setTimeout(r, 200));
    expect(added(before)).toEqual([]);
  });

  it('exchange.upload and basemaps.uploadChunk refuse them too, before writing a byte', async () => {
    const before = scan();
    const dataBase64 = Buffer.from('{}').toString('base64');
    for (const name of odd) {
      expectRefused(await rpc('exchange.upload', { name, dataBase64 }), /Tên tệp không dùng được/);
      expectRefused(await rpc('basemaps.uploadChunk', { uploadId: '0b9a3c1e-2f4d-4a6b-8c7d-9e0f1a2b3c4d', name, offset: 0, dataBase64, last: true }), /Tên tệp không dùng được/);
    }
    expect(added(before)).toEqual([]);
  });

  it('print.pdf refuses them before drawing anything', async () => {
    const before = scan();
    for (const fileName of ['a\ud800b', 'c\u0085', 'nul', 'e\u202efdp.exe'])
      expectRefused(await rpc('print.pdf', { settings: { paper: 'A4', area: { kind: 'all' } }, fileName }), /Tên tệp không dùng được/);
    await new Promise((r) => setTimeout(r, 200));
    expect(added(before)).toEqual([]);
  });

  it('a well-formed name is kept in NFC, and an export never writes through a link standing at its name', async () => {
    // A link in the exports folder named as the export asked for, pointing outside (to nothing yet).
    symlinkSync(join(outside, 'ban.gpkg'), join(exportsDir, 'ban.gpkg'));
    const r = await ok('exchange.export', { format: 'gpkg', tables: ['admin_units'], fileName: 'ban.gpkg' });
    await services.jobs.wait(r.job.id);
    expect(r.fileName).toBe('ban (2).gpkg');
    expect(existsSync(join(outside, 'ban.gpkg'))).toBe(false);
    expect(lstatSync(join(exportsDir, 'ban (2).gpkg')).isFile()).toBe(true);
    // "Xã" typed as X + a + combining tilde (NFD) comes out as one precomposed letter.
    const n = await ok('exchange.export', { format: 'geojson', tables: ['admin_units'], fileName: 'Xa\u0303 Đắk Drô.geojson' });
    await services.jobs.wait(n.job.id);
    expect(n.fileName).toBe('X\u00e3 Đắk Drô.geojson');
    expect(existsSync(join(exportsDir, 'X\u00e3 Đắk Drô.geojson'))).toBe(true);
  });
});

describe('GET /bin/exports/… serves only plain files of the exports folder', () => {
  it('a link placed in the exports folder is not followed, nor listed', async () => {
    symlinkSync(join(outside, 'secret.txt'), join(exportsDir, 'secret.geojson'));
    const res = await bin('exports/secret.geojson');
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('BÍ MẬT');
    const files = await ok('exchange.files', {});
    expect(files.exports.map((f: { name: string }) => f.name)).not.toContain('secret.geojson');
  });

  it('a linked folder inside exports, and paths out of it, are 404', async () => {
    symlinkSync(outside, join(exportsDir, 'ngoai'));
    for (const p of ['exports/ngoai/secret.txt', 'exports/ngoai', 'exports/../outside/secret.txt', `exports/${encodeURIComponent('..')}/xa.gpkg`]) {
      const res = await bin(p);
      expect(res.status, p).toBe(404);
      expect(await res.text()).not.toContain('BÍ MẬT');
    }
  });

  it('a hard link placed in the exports folder is refused like a symlink: not served (a sentence instead), nor listed', async () => {
    linkSync(join(outside, 'secret.txt'), join(exportsDir, 'hard.geojson'));
    expect(lstatSync(join(exportsDir, 'hard.geojson')).nlink).toBe(2);
    const res = await bin('exports/hard.geojson');
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text).not.toContain('BÍ MẬT');
    expect(text).toMatch(/liên kết/);
    expect(text).toMatch(/link/);
    const files = await ok('exchange.files', {});
    expect(files.exports.map((f: { name: string }) => f.name)).not.toContain('hard.geojson');
  });

  it('a plain export is still served', async () => {
    writeFileSync(join(exportsDir, 'that.csv'), 'a,b\n1,2\n');
    const res = await bin('exports/that.csv');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('a,b\n1,2\n');
  });
});

describe('the imports folder is read only through plain files of its own', () => {
  const imports = () => join(projects, 'imports');

  it('a symlink or a hard link there is refused with a sentence by every reader, and not listed', async () => {
    writeFileSync(join(outside, 'diem.csv'), 'x,y,ten\n500000,1350000,BÍ MẬT\n');
    symlinkSync(join(outside, 'diem.csv'), join(imports(), 'mem.csv'));
    linkSync(join(outside, 'diem.csv'), join(imports(), 'cung.csv'));
    for (const [file, why] of [
      ['mem.csv', /là một liên kết tới tệp khác/],
      ['cung.csv', /là một liên kết cứng \(tệp có 2 tên\)/],
    ] as const) {
      const r = await rpc('exchange.preview', { files: [file] });
      expectRefused(r, why);
      expect(r.status).toBe(403);
      expect(JSON.stringify(r.json)).not.toContain('BÍ MẬT');
      expectRefused(await rpc('cemetery.registerColumns', { file }), why);
      expectRefused(await rpc('basemaps.add', { file }), why);
    }
    const files = await ok('exchange.files', {});
    const names = files.imports.map((f: { name: string }) => f.name);
    expect(names).toContain('67.json');
    expect(names).not.toContain('mem.csv');
    expect(names).not.toContain('cung.csv');
  });

  it('a Shapefile whose .dbf beside it is a link is refused too', async () => {
    writeFileSync(join(imports(), 'ranh.shp'), Buffer.alloc(100));
    linkSync(join(outside, 'diem.csv'), join(imports(), 'ranh.dbf'));
    expectRefused(await rpc('exchange.preview', { files: ['ranh.shp'] }), /"ranh.dbf" trong thư mục nhập là một liên kết cứng/);
  });

  it('a plain file there is still read', async () => {
    writeFileSync(join(imports(), 'that.csv'), 'x,y\n500000,1350000\n');
    const r = await ok('exchange.preview', { files: ['that.csv'] });
    expect(r.fileName).toBe('that.csv');
  });
});

describe('project.create names its file like any other', () => {
  it('odd names are a 4xx before anything is written', async () => {
    const before = scan();
    for (const fileName of ['a\u0001.gpkg', 'b\ud800.gpkg', 'c\u0085.gpkg', 'nul.gpkg'])
      expectRefused(await rpc('project.create', { fileName, settings: { title: 'Thử', province: { code: '67', name: 'Đắk Nông' } } }), /Tên tệp không dùng được/);
    expect(added(before)).toEqual([]);
  });

  it('a link standing at the name is not written through', async () => {
    symlinkSync(join(outside, 'evil.gpkg'), join(projects, 'evil.gpkg'));
    const r = await rpc('project.create', { fileName: 'evil.gpkg', settings: { title: 'Thử', province: { code: '67', name: 'Đắk Nông' } } });
    expectRefused(r, /liên kết/);
    expect(existsSync(join(outside, 'evil.gpkg'))).toBe(false);
    expect((await ok('project.info', {})).path).toBe(join(projects, 'xa.gpkg'));
  });
});
