// Opening checks. Before SQLite: only what the bytes say for sure (is it SQLite at all, is it a
// GeoPackage), so a wrong file is refused without SQLite ever touching it. Damage is judged by
// SQLite only, AFTER it has opened the file and recovered from the WAL: a project killed during a
// checkpoint has a main file shorter than its header says, with the missing pages safe in the WAL,
// and must never be called damaged.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api-error';
import { latestBackup } from './backup';
import { openReadOnly } from './connection';
import { busyError, corruptFile, isSqliteError, notAProject } from './errors';
import { GPKG_APPLICATION_ID } from './gpkg-core';
import { hasMetaTable, readSchemaVersion } from './migrations';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** The first `bytes` bytes of a file (fewer if it is shorter), read without opening it as a database. */
export function readHeader(path: string, bytes = 100): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

export interface ProjectFileFacts {
  schemaVersion: number;
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** A WAL with frames in it: the file was not closed cleanly, and its newest pages may be there only. */
export function hasWalContent(path: string): boolean {
  return sizeOf(`${path}-wal`) > 0;
}

/**
 * Throws a clear ApiError unless `path` looks like a GeoPackage: a regular file with SQLite's magic
 * and application_id 'GPKG'. Reads bytes only. An empty main file with a WAL is left to SQLite (a
 * database created in WAL mode may have all its pages in the WAL).
 */
export function preflightProjectFile(path: string): void {
  if (!existsSync(path))
    throw new ApiError('not_found', `Không tìm thấy tệp "${basename(path)}".`, `File "${basename(path)}" does not exist.`, { path });
  const st = statSync(path);
  if (!st.isFile()) throw notAProject(path, 'not a regular file');
  if (st.size === 0 && hasWalContent(path)) return;
  const h = readHeader(path);
  if (h.length < 100 || !h.subarray(0, 16).equals(SQLITE_MAGIC)) throw notAProject(path, 'not an SQLite database');
  if (h.readUInt32BE(68) !== GPKG_APPLICATION_ID) throw notAProject(path, 'application_id is not GPKG');
}

/**
 * True when the main file is shorter than its header's page count, with no WAL or rollback journal
 * that could hold the rest: likely a truncated copy. Only a reason to run SQLite's check, never a
 * verdict (the missing tail may hold only free pages).
 */
export function looksTruncated(path: string): boolean {
  if (hasWalContent(path) || sizeOf(`${path}-journal`) > 0) return false;
  const h = readHeader(path);
  if (h.length < 100) return false;
  const rawPageSize = h.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = h.readUInt32BE(28);
  // The in-header page count is only trustworthy when its "version-valid-for" matches the change counter.
  return h.readUInt32BE(24) === h.readUInt32BE(92) && pageCount > 0 && sizeOf(path) < pageSize * pageCount;
}

/**
 * An error met while opening, in the opener's words: SQLite's own verdict of damage (CORRUPT,
 * NOTADB) as the damaged-file error, another program's lock as "could not be opened"; others pass.
 */
export function damageOf(e: unknown, path: string): unknown {
  if (isSqliteError(e) && (e.code.startsWith('SQLITE_CORRUPT') || e.code === 'SQLITE_NOTADB')) return corruptFile(path, e.message, latestBackup(path));
  if (isSqliteError(e) && (e.code.startsWith('SQLITE_BUSY') || e.code.startsWith('SQLITE_LOCKED'))) return busyError(e.code, true);
  return e;
}

/**
 * On a connection SQLite has opened (and so recovered from the WAL): quick_check if asked, then
 * qt_meta and the schema version. Damage is reported only from here.
 */
export function checkOpenedProject(db: Database.Database, path: string, opts: { quickCheck: boolean }): ProjectFileFacts {
  try {
    if (opts.quickCheck) {
      const rows = db.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
      const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
      if (problems.length) throw corruptFile(path, `quick_check: ${problems.join('; ')}`, latestBackup(path));
    }
    if (!hasMetaTable(db)) throw notAProject(path, 'GeoPackage without qt_meta (not made by QuyTap)');
    return { schemaVersion: readSchemaVersion(db) };
  } catch (e) {
    throw damageOf(e, path);
  }
}

/**
 * For file lists (peekTitle): a read-only look that never writes. Returns null when SQLite cannot
 * read the file this way (a read-only folder without the WAL's index, for instance); that says
 * nothing about damage.
 */
export function inspectProjectFile(path: string): ProjectFileFacts | null {
  preflightProjectFile(path);
  let db;
  try {
    db = openReadOnly(path);
  } catch {
    return null;
  }
  try {
    return checkOpenedProject(db, path, { quickCheck: false });
  } finally {
    db.close();
  }
}
