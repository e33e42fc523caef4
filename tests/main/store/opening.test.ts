// Opening files: wrong, damaged and newer files are refused with a clear message and left
// byte-identical; migrations run in order, each in its own transaction.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, openWritable, ProjectStore, type Migration } from '../../../src/main/store';
import { AUTHOR, DAK_NONG_CRS, SETTINGS, tempDir, X0, Y0 } from './helpers';

/** The newest released schema version: test steps are added after it. */
const L = LATEST_SCHEMA_VERSION;

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

function project(): string {
  const path = join(tmp.dir, `o${++n}.gpkg`);
  const s = ProjectStore.create(path, DAK_NONG_CRS, SETTINGS, AUTHOR);
  s.applyEdit({ label: 'Mộ', put: [{ table: 'graves', geometry: { type: 'Point', coordinates: [X0, Y0] }, props: { kind: 'newly_found', verification: 'not_verified', name: 'Mộ Đắk Drô' } }] }, AUTHOR);
  s.close();
  return path;
}

const digest = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

function refused(path: string, options?: Parameters<typeof ProjectStore.open>[1]): ApiError {
  const before = digest(path);
  let err: unknown;
  try {
    ProjectStore.open(path, options).close();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ApiError);
  expect(digest(path)).toBe(before);
  return err as ApiError;
}

function withDb(path: string, fn: (db: Database.Database) => void): void {
  const db = openWritable(path);
  try {
    fn(db);
  } finally {
    db.close();
  }
}

describe('opening', () => {
  it('opens its own project and reads the title without opening for writing', () => {
    const path = project();
    expect(ProjectStore.peekTitle(path)).toBe(SETTINGS.title);
    const s = ProjectStore.open(path);
    expect(s.query('graves').rows[0]!.props.name).toBe('Mộ Đắk Drô');
    s.close();
    expect(ProjectStore.peekTitle(join(tmp.dir, 'missing.gpkg'))).toBeNull();
  });

  it('refuses a text file, naming it, and leaves it byte-identical', () => {
    const path = join(tmp.dir, 'ghi chú.gpkg');
    writeFileSync(path, 'Đây không phải là tệp GeoPackage.\n'.repeat(20));
    const e = refused(path);
    expect(e.code).toBe('bad_request');
    expect(e.vi).toContain('"ghi chú.gpkg"');
    expect(e.vi).toContain('không phải là tệp dự án');
    expect(e.en).toContain('"ghi chú.gpkg" is not a valid QuyTap project');
    expect(existsSync(`${path}-wal`) || existsSync(`${path}-shm`)).toBe(false);
    expect(ProjectStore.peekTitle(path)).toBeNull();
  });

  it('refuses a truncated copy with a clear message and leaves it byte-identical', () => {
    const path = project();
    const cut = join(tmp.dir, 'cut.gpkg');
    const bytes = readFileSync(path);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const e = refused(cut);
    expect(e.code).toBe('bad_request');
    expect(e.vi).toContain('"cut.gpkg"');
    expect(e.vi).toMatch(/bị hỏng hoặc không đầy đủ/);
    expect(e.en).toMatch(/damaged or incomplete/);
  });

  it('refuses a file whose pages are damaged', () => {
    const path = project();
    const bad = join(tmp.dir, 'bad.gpkg');
    const bytes = Buffer.from(readFileSync(path));
    const pageSize = bytes.readUInt16BE(16);
    // wipe the second page (a B-tree page of the schema) but keep the size right
    bytes.fill(0xa5, pageSize, pageSize * 2);
    writeFileSync(bad, bytes);
    expect(refused(bad).code).toBe('bad_request');
  });

  it('refuses missing files and empty files', () => {
    expect(() => ProjectStore.open(join(tmp.dir, 'nowhere.gpkg'))).toThrowError(ApiError);
    const empty = join(tmp.dir, 'empty.gpkg');
    writeFileSync(empty, '');
    expect(refused(empty).code).toBe('bad_request');
  });

  it('refuses a file made by a newer QuyTap, saying so, and does not touch it', () => {
    const path = project();
    withDb(path, (db) => db.prepare("UPDATE qt_meta SET value = '99' WHERE key = 'schema_version'").run());
    const e = refused(path);
    expect(e.code).toBe('bad_request');
    expect(e.vi).toContain('phiên bản QuyTap mới hơn');
    expect(e.vi).toContain('v99');
    expect(e.en).toContain('newer QuyTap');
    expect(e.details).toMatchObject({ found: 99, known: LATEST_SCHEMA_VERSION });
  });

  it('refuses a file whose creation never finished', () => {
    const path = project();
    withDb(path, (db) => db.prepare("UPDATE qt_meta SET value = '0' WHERE key = 'schema_version'").run());
    expect(refused(path).code).toBe('bad_request');
  });
});

describe('migrations', () => {
  const v2: Migration = {
    version: L + 1,
    name: 'test: survey date on graves',
    up: (db) => {
      db.exec('ALTER TABLE graves ADD COLUMN surveyed_on DATE');
      db.exec("CREATE TABLE qt_test_v2 (x TEXT); INSERT INTO qt_test_v2 VALUES ('đã chạy')");
    },
  };

  it('runs the steps the file lacks, in order, after keeping a copy of the file as it was', () => {
    const path = project();
    const s = ProjectStore.open(path, { migrations: [...MIGRATIONS, v2] });
    expect(s.info().schemaVersion).toBe(L + 1);
    expect(s.query('graves').rows).toHaveLength(1);
    s.close();
    withDb(path, (db) => {
      expect(db.prepare('SELECT x FROM qt_test_v2').get()).toEqual({ x: 'đã chạy' });
      expect((db.prepare(`SELECT value FROM qt_meta WHERE key = 'migrated_v${L + 1}_at'`).get() as { value: string }).value).toMatch(/^\d{4}-/);
    });
    const copies = readdirSync(tmp.dir).filter((f) => f.startsWith(`o${n}-before-v${L + 1}-`));
    expect(copies).toHaveLength(1);
    const old = ProjectStore.open(join(tmp.dir, copies[0]!));
    expect(old.info().schemaVersion).toBe(L);
    old.close();
    // the app that only knows the released steps now refuses the upgraded file
    expect(refused(path).details).toMatchObject({ found: L + 1, known: L });
  });

  it('rolls a failing step back completely and leaves the file at the last good version', () => {
    const path = project();
    const v3broken: Migration = {
      version: L + 2,
      name: 'test: fails half-way',
      up: (db) => {
        db.exec('CREATE TABLE qt_half (x)');
        throw new Error('bước 3 hỏng');
      },
    };
    expect(() => ProjectStore.open(path, { migrations: [...MIGRATIONS, v2, v3broken] })).toThrow();
    withDb(path, (db) => {
      expect((db.prepare("SELECT value FROM qt_meta WHERE key = 'schema_version'").get() as { value: string }).value).toBe(String(L + 1));
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'qt_half'").get()).toBeUndefined();
    });
  });

  it('refuses a migration list that is out of order', () => {
    const path = project();
    expect(() => ProjectStore.open(path, { migrations: [...MIGRATIONS, { ...v2, version: L + 2 }] })).toThrow(/out of order/);
  });
});

describe('creating', () => {
  it('leaves no file behind when creation fails', () => {
    const path = join(tmp.dir, 'never.gpkg');
    expect(() => ProjectStore.create(path, { ...DAK_NONG_CRS, definition: 'x' }, SETTINGS, AUTHOR)).toThrowError(ApiError);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(tmp.dir).filter((f) => f.includes('never'))).toEqual([]);
  });

  it('copies stay projects: a copied file opens', () => {
    const path = project();
    const copy = join(tmp.dir, 'bản sao.gpkg');
    copyFileSync(path, copy);
    const s = ProjectStore.open(copy);
    expect(s.info().fileName).toBe('bản sao.gpkg');
    s.close();
  });
});
