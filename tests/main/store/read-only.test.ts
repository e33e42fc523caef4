// A project whose file or folder cannot be written (a write-protected USB stick, a shared folder
// without rights): opened read-only where SQLite can read it, refused in one sentence where it
// cannot; never called damaged; edits and backups fail once with that sentence, and closing never
// throws. Run in a child process as "nobody" when the tests run as root (root writes anyway).
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../src/main/store';
import { bundleFixture, openToOthers, runFixtureJson } from './child-process';
import { AUTHOR, DAK_NONG_CRS, SETTINGS, tempDir, X0, Y0 } from './helpers';

const tmp = tempDir('quytap-ro-');
afterAll(() => {
  chmodSync(tmp.dir, 0o755);
  tmp.cleanup();
});
let CHILD = '';
beforeAll(async () => {
  openToOthers(tmp.dir);
  CHILD = await bundleFixture('read-only-child', tmp.dir);
});
let n = 0;

interface ErrorOut {
  code: string;
  vi: string;
  en: string;
}
interface Outcome {
  open?: ErrorOut;
  readOnly?: boolean;
  graves?: number;
  edit?: 'ok' | ErrorOut;
  backup?: 'ok' | ErrorOut;
  backupMs?: number;
  close?: 'ok' | ErrorOut;
  rawBackup?: 'ok' | ErrorOut;
  rawBackupMs?: number;
}

const graves = (count: number) =>
  Array.from({ length: count }, (_, j) => ({ table: 'graves' as const, geometry: { type: 'Point' as const, coordinates: [X0 + j, Y0] }, props: { kind: 'newly_found', verification: 'not_verified' } }));

/** A folder of its own holding one project of `rows` graves; the backups folder is writable. */
function projectIn(rows: number): { dir: string; path: string; backups: string } {
  const dir = join(tmp.dir, `d${++n}`);
  mkdirSync(dir);
  const path = join(dir, 'Krông Nô.gpkg');
  const s = ProjectStore.create(path, DAK_NONG_CRS, SETTINGS, AUTHOR);
  s.applyEdit({ label: 'Mộ', put: graves(rows) }, AUTHOR);
  s.close();
  const backups = join(tmp.dir, `b${n}`);
  mkdirSync(backups);
  chmodSync(backups, 0o777);
  return { dir, path, backups };
}

const READ_ONLY_SENTENCE = /chỉ đọc.*chép sang thư mục có quyền ghi/;

function expectNotDamaged(e: ErrorOut): void {
  expect(e.vi).not.toMatch(/hỏng/);
  expect(e.en).not.toMatch(/damaged/);
}

describe('a read-only project', () => {
  it('a read-only file opens read-only; an edit and a backup each fail once in one sentence; closing does not throw', async () => {
    const { dir, path, backups } = projectIn(3000); // more pages than one backup step copies
    chmodSync(dir, 0o777);
    chmodSync(path, 0o444);
    const r = await runFixtureJson<Outcome>(CHILD, [path, backups], { unprivileged: true });
    expect(r).not.toHaveProperty('open');
    expect(r.readOnly).toBe(true);
    expect(r.graves).toBe(3000);
    expect(r.edit).toMatchObject({ code: 'forbidden', vi: expect.stringMatching(READ_ONLY_SENTENCE) });
    expect(r.backup).toMatchObject({ code: 'forbidden', vi: expect.stringContaining('chỉ đọc') });
    expect(r.backupMs).toBeLessThan(1000);
    expect(r.close).toBe('ok');
    // SQLite's backup of the read-only file starts over at every step: bounded, not spinning
    expect(r.rawBackup).toMatchObject({ code: 'internal', vi: expect.stringContaining('Không sao lưu được') });
    expect(r.rawBackupMs).toBeLessThan(3000);
  });

  it('in a read-only folder without its WAL index, is refused with that sentence, never called damaged', async () => {
    const { dir, path, backups } = projectIn(3);
    chmodSync(dir, 0o755);
    const r = await runFixtureJson<Outcome>(CHILD, [path, backups], { unprivileged: true });
    expect(r.open).toMatchObject({ code: 'forbidden', vi: expect.stringMatching(READ_ONLY_SENTENCE) });
    expectNotDamaged(r.open!);
  });

  it('in a read-only folder after a crash (-wal and -shm beside it), opens read-only with every committed row', async () => {
    const { path, backups } = projectIn(3);
    // the files as a kill leaves them: pages in the WAL only
    const writer = ProjectStore.open(path);
    (writer as unknown as { db: Database.Database }).db.pragma('wal_autocheckpoint = 0');
    writer.applyEdit({ label: 'nhập', put: graves(2000) }, AUTHOR);
    const crashed = join(tmp.dir, `crashed${n}`);
    mkdirSync(crashed);
    const copy = join(crashed, 'Krông Nô.gpkg');
    for (const suffix of ['', '-wal', '-shm']) copyFileSync(`${path}${suffix}`, `${copy}${suffix}`);
    writer.close();
    for (const suffix of ['', '-wal', '-shm']) chmodSync(`${copy}${suffix}`, 0o644);
    chmodSync(crashed, 0o755);
    const r = await runFixtureJson<Outcome>(CHILD, [copy, backups], { unprivileged: true });
    expect(r).not.toHaveProperty('open');
    expect(r).toMatchObject({ readOnly: true, graves: 2003, edit: { code: 'forbidden', vi: expect.stringMatching(READ_ONLY_SENTENCE) }, close: 'ok' });
  });
});
