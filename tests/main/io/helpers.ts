// Fixtures for the exchange tests: a fresh Đắk Nông project per test, GDAL as the outside judge,
// and a hash of every table to prove a refused import changed nothing.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { ProjectStore } from '../../../src/main/store';
import { crsForStore } from '../../../src/main/services/crs';

export const REAL = (p: string) => resolve(process.cwd(), '../shared/data/real', p);
export const AUTHOR = 'Trần Thị Lan';
export const DAK_NONG_PROJ4 =
  '+proj=tmerc +lat_0=0 +lon_0=108.5 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 ' +
  '+towgs84=-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278 +units=m +no_defs';

export function tempDir(prefix = 'quytap-io-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function newProject(dir: string, name = 'p.gpkg'): ProjectStore {
  return ProjectStore.create(
    join(dir, name),
    crsForStore('EPSG:9218').store,
    { title: 'Thử nhập dữ liệu', province: { code: '67', name: 'Đắk Nông' }, communes: [{ code: '24682', name: 'Đắk Drô' }] },
    AUTHOR,
  );
}

export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}
export const HAS_GDAL = hasCommand('ogrinfo') && hasCommand('ogr2ogr');

export function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** A digest of every row of every table (read through a separate read-only connection). */
export function hashAllTables(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const h = createHash('sha256');
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    for (const { name } of tables) {
      h.update(`#${name}\n`);
      for (const row of db
        .prepare(`SELECT * FROM "${name.replace(/"/g, '""')}" ORDER BY rowid`)
        .raw()
        .iterate() as Iterable<unknown[]>)
        h.update(
          JSON.stringify(row, (_k, v) => (v instanceof Buffer ? v.toString('base64') : typeof v === 'bigint' ? String(v) : v)),
        );
    }
    return h.digest('hex');
  } finally {
    db.close();
  }
}

/** A new project in a new folder for every test of the calling file, closed and removed after it. */
export function freshProjectPerTest(): { readonly dir: string; readonly store: ProjectStore } {
  let current: { dir: string; cleanup: () => void; store: ProjectStore } | null = null;
  beforeEach(() => {
    const t = tempDir();
    current = { ...t, store: newProject(t.dir) };
  });
  afterEach(() => {
    current?.store.close();
    current?.cleanup();
    current = null;
  });
  return {
    get dir() {
      return current!.dir;
    },
    get store() {
      return current!.store;
    },
  };
}
