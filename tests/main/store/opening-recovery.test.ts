// Opening after a crash, a kill or a full disk: damage is judged by SQLite after it has recovered
// the WAL, never from the header's page count; an outside lock answers at once; a full disk says so.
import { closeSync, copyFileSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openReadOnly, openWritable, ProjectStore } from '../../../src/main/store';
import { backupDirOf, backupStamp, backupTo } from '../../../src/main/store/backup';
import { AUTHOR, DAK_NONG_CRS, SETTINGS, tempDir, X0, Y0, thrownApiError as caught } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;

const graves = (count: number, tag: string) =>
  Array.from({ length: count }, (_, j) => ({
    table: 'graves' as const,
    geometry: { type: 'Point' as const, coordinates: [X0 + j, Y0] },
    props: { kind: 'newly_found', verification: 'not_verified', name: `Mộ ${tag} ${j}`, commune_code: tag },
  }));

function project(rows = 1): string {
  const path = join(tmp.dir, `r${++n}.gpkg`);
  const s = ProjectStore.create(path, DAK_NONG_CRS, SETTINGS, AUTHOR);
  s.applyEdit({ label: 'đầu', put: graves(rows, 'đầu') }, AUTHOR);
  s.close();
  return path;
}


const dbOf = (s: ProjectStore) => (s as unknown as { db: Database.Database }).db;

describe('a project killed inside a checkpoint', () => {
  /**
   * The state a kill during a checkpoint leaves: the checkpoint wrote the main file's page 1 (whose
   * header counts the new pages) but not yet the pages that extend the file; those are in the WAL.
   */
  function cutCheckpoint(): { path: string; rows: number } {
    const path = project();
    const writer = ProjectStore.open(path);
    dbOf(writer).pragma('wal_autocheckpoint = 0');
    writer.applyEdit({ label: 'nhập', put: graves(3000, 'nhập') }, AUTHOR);
    // the files as a kill now would leave them (the writer's close would checkpoint them)
    const copy = join(tmp.dir, `killed-${n}.gpkg`);
    copyFileSync(path, copy);
    copyFileSync(`${path}-wal`, `${copy}-wal`);
    writer.close();
    const wal = readFileSync(`${copy}-wal`);
    const pageSize = wal.readUInt32BE(8);
    let page1 = -1;
    for (let off = 32; off + 24 + pageSize <= wal.length; off += 24 + pageSize) if (wal.readUInt32BE(off) === 1) page1 = off + 24;
    const fd = openSync(copy, 'r+');
    writeSync(fd, wal, page1, pageSize, 0);
    closeSync(fd);
    return { path: copy, rows: 3001 };
  }

  it('opens with every committed row although the main file is shorter than its header says', () => {
    const { path, rows } = cutCheckpoint();
    const h = readFileSync(path).subarray(0, 100);
    expect(statSync(path).size).toBeLessThan(h.readUInt16BE(16) * h.readUInt32BE(28)); // what the old check called damaged
    const s = ProjectStore.open(path);
    expect(s.readOnly).toBe(false);
    expect(s.info().layers.find((l) => l.table === 'graves')!.count).toBe(rows);
    s.close();
    const db = openReadOnly(path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});

describe('a damaged project', () => {
  it('is called damaged only by SQLite, says the file was kept, and offers the latest backup without opening it', async () => {
    const path = project(20);
    const s = ProjectStore.open(path);
    const backup = await s.backup(backupDirOf(path), 3);
    s.close();
    const bytes = Buffer.from(readFileSync(path));
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0xa5, pageSize, pageSize * 2); // the schema's second page
    writeFileSync(path, bytes);
    const e = caught(() => ProjectStore.open(path));
    expect(e.code).toBe('bad_request');
    expect(e.vi).toMatch(/bị hỏng/);
    expect(e.vi).toContain('giữ nguyên tệp');
    expect(e.vi).toContain(backup.split('/').at(-1)!);
    expect(e.details).toMatchObject({ path, latestBackup: { path: backup } });
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('a truncated copy without a WAL is judged by SQLite too, and still refused', () => {
    const path = project(2000);
    const cut = join(tmp.dir, 'cut-short.gpkg');
    const bytes = readFileSync(path);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const e = caught(() => ProjectStore.open(cut));
    expect(e.vi).toMatch(/bị hỏng hoặc không đầy đủ/);
    expect(e.details).toMatchObject({ latestBackup: null });
    expect(e.vi).toContain('Không có bản sao lưu');
  });
});

describe('another program holding the write lock', () => {
  it('makes a write answer at once with a retryable error while reads go on', () => {
    const path = project(5);
    const s = ProjectStore.open(path);
    const outside = openWritable(path);
    outside.exec('BEGIN IMMEDIATE');
    try {
      const t0 = performance.now();
      const e = caught(() => s.applyEdit({ label: 'bị chặn', put: graves(1, 'chặn') }, AUTHOR));
      expect(performance.now() - t0).toBeLessThan(500);
      expect(e.code).toBe('conflict');
      expect(e.vi).toContain('đang bị chương trình khác khóa');
      expect(e.details).toMatchObject({ retryable: true });
      const t1 = performance.now();
      expect(s.info().layers.find((l) => l.table === 'graves')!.count).toBe(5);
      expect(performance.now() - t1).toBeLessThan(500);
    } finally {
      outside.exec('ROLLBACK');
      outside.close();
    }
    // once the other program lets go, the same write goes through
    s.applyEdit({ label: 'sau', put: graves(1, 'sau') }, AUTHOR);
    expect(s.info().layers.find((l) => l.table === 'graves')!.count).toBe(6);
    s.close();
  });
});

describe('a full disk', () => {
  it('refuses the write in one sentence, keeps what was saved, and writes again once there is room', () => {
    const path = project(5);
    const s = ProjectStore.open(path);
    const pages = Number(dbOf(s).pragma('page_count', { simple: true }));
    dbOf(s).pragma(`max_page_count = ${pages}`); // SQLite's own SQLITE_FULL, as on a full disk
    const e = caught(() => s.applyEdit({ label: 'lớn', put: graves(3000, 'lớn') }, AUTHOR));
    expect(e.vi).toContain('Ổ đĩa chứa tệp dự án đã đầy');
    expect(e.details).toMatchObject({ sqlite: 'SQLITE_FULL', diskFull: true });
    expect(s.info().layers.find((l) => l.table === 'graves')!.count).toBe(5);
    dbOf(s).pragma('max_page_count = 4294967294');
    s.applyEdit({ label: 'lớn', put: graves(3000, 'lớn') }, AUTHOR);
    expect(s.info().layers.find((l) => l.table === 'graves')!.count).toBe(3005);
    s.close();
  });
});

describe('a backup that cannot progress', () => {
  it('fails once, soon, leaving no partial file, instead of spinning', async () => {
    const path = project(5);
    const source = openWritable(path);
    const dir = join(tmp.dir, 'stalled-backups');
    mkdirSync(dir);
    const now = new Date(2019, 5, 20, 7, 5, 9);
    // another program holds the file the backup writes into: every step meets SQLITE_BUSY, which
    // better-sqlite3 retries for ever
    const partial = join(dir, `r${n}-${backupStamp(now)}.gpkg.partial`);
    const other = new Database(partial);
    other.exec('CREATE TABLE x (y); BEGIN EXCLUSIVE; INSERT INTO x VALUES (1)');
    try {
      const t0 = performance.now();
      await expect(backupTo(source, path, dir, 3, now, 300)).rejects.toMatchObject({ code: 'internal', details: { stalled: true } });
      expect(performance.now() - t0).toBeLessThan(3000);
      expect(readdirSync(dir).filter((f) => !f.endsWith('-journal'))).toEqual([]);
    } finally {
      other.exec('ROLLBACK');
      other.close();
      source.close();
    }
  });
});
