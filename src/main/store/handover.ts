// The project as ONE file that can be carried away: the WAL checkpointed into the project file, and
// the hand-over copy (VACUUM INTO: a consistent, compact snapshot in rollback-journal mode, so the
// copy alone is the whole project, on a USB stick or a read-only share alike), verified before it
// is published under its name.
import { constants, copyFileSync, existsSync, linkSync, rmSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../shared/api-error';
import { GPKG_APPLICATION_ID } from './gpkg-core';
import { openReadOnly } from './connection';

export interface CheckpointResult {
  /** Every frame of the WAL is in the project file now (and the -wal is empty). */
  complete: boolean;
  /** Frames in the WAL before, or -1 when nothing was tried. */
  frames: number;
}

const WAL_CHECKPOINT_SKIPPED: CheckpointResult = { complete: false, frames: -1 };

/** Size of `<file>-wal` (0 if absent): an empty WAL has nothing to move. */
export function walBytes(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}

/**
 * Moves committed pages from the WAL into the project file. PASSIVE first (never waits, copies what
 * no reader still needs), then TRUNCATE (waits at most the connection's busy timeout for readers of
 * other programs, then empties the -wal). Never inside a transaction: a checkpoint there would
 * copy only what was committed before it, and the caller asked for "everything".
 */
export function checkpointWal(db: Database.Database, path: string): CheckpointResult {
  if (db.inTransaction) return WAL_CHECKPOINT_SKIPPED;
  if (walBytes(path) === 0) return { complete: true, frames: 0 };
  const [passive] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  const [full] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  return { complete: full?.busy === 0, frames: passive?.log ?? -1 };
}

/** The time of the project's last audited change (edits, settings, layouts, review), or null. */
export function lastAuditTime(db: Database.Database): string | null {
  const r = db.prepare('SELECT at FROM qt_audit_log ORDER BY seq DESC LIMIT 1').get() as { at: string } | undefined;
  return r?.at ?? null;
}

/** Rows of every table of the file (GeoPackage tables, R-trees, our own qt_* tables). */
export function tableCounts(db: Database.Database): Record<string, number> {
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
    .pluck()
    .all() as string[];
  const out: Record<string, number> = {};
  for (const n of names) out[n] = Number(db.prepare(`SELECT count(*) FROM "${n.replace(/"/g, '""')}"`).pluck().get());
  return out;
}

function copyFailed(target: string, vi: string, en: string, details: Record<string, unknown> = {}): ApiError {
  const name = basename(target);
  return new ApiError(
    'internal',
    `Không tạo được bản sao bàn giao "${name}": ${vi}. Dự án không bị thay đổi; hãy thử lại.`,
    `Could not write the hand-over copy "${name}": ${en}. The project was not changed; try again.`,
    { path: target, ...details },
  );
}

/** Opens the finished copy read-only and checks it is whole, a GeoPackage, and holds every row. */
export function verifyCopy(path: string, expected: Record<string, number>): void {
  const db = openReadOnly(path);
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw copyFailed(path, `SQLite thấy bản sao hỏng (${String(check)})`, `SQLite finds the copy damaged (${String(check)})`);
    const appId = Number(db.pragma('application_id', { simple: true }));
    if (appId !== GPKG_APPLICATION_ID) throw copyFailed(path, 'bản sao không mang dấu GeoPackage', 'the copy lacks the GeoPackage mark');
    const got = tableCounts(db);
    const wrong = Object.keys(expected).filter((t) => got[t] !== expected[t]);
    if (wrong.length)
      throw copyFailed(path, `số dòng của bản sao khác dự án (${wrong.join(', ')})`, `the copy's row counts differ from the project's (${wrong.join(', ')})`, {
        tables: wrong.map((t) => ({ table: t, project: expected[t], copy: got[t] ?? null })),
      });
  } finally {
    db.close();
  }
}

/**
 * Writes the hand-over copy at `target` (never over an existing file): VACUUM INTO a temporary name
 * beside it, switched to rollback-journal mode, verified against the counts read in the same
 * moment (better-sqlite3 is synchronous and this process is the project's only writer), then
 * published. Returns the counts the copy was checked against.
 */
export function writeVerifiedCopy(db: Database.Database, target: string): Record<string, number> {
  if (existsSync(target)) throw copyFailed(target, 'đã có tệp cùng tên', 'a file of that name exists');
  const partial = `${target}.partial`;
  const clean = () => {
    for (const p of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) rmSync(p, { force: true });
  };
  clean();
  try {
    const counts = tableCounts(db);
    db.prepare('VACUUM INTO ?').run(partial);
    // VACUUM INTO writes a rollback-journal file already; said again so a change of SQLite cannot
    // hand over a WAL-mode file that needs its -shm beside it to be read.
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    verifyCopy(partial, counts);
    publish(partial, target);
    return counts;
  } finally {
    clean();
  }
}

/** Hard link (atomic, fails if the name is taken), else an exclusive copy (FAT32 sticks have no links). */
function publish(tmp: string, target: string): void {
  try {
    linkSync(tmp, target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw copyFailed(target, 'đã có tệp cùng tên', 'a file of that name exists');
    copyFileSync(tmp, target, constants.COPYFILE_EXCL);
  }
}
