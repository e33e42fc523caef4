// Opening SQLite connections the one way the project does it.
import Database from 'better-sqlite3';
import { registerSqlFunctions } from './sql-functions';

/**
 * How long a statement waits for another program's lock before failing with SQLITE_BUSY. Kept
 * short: better-sqlite3 is synchronous, so while it waits the whole app (every request, every
 * window) waits with it. A write that meets an outside lock answers a clear "try again" at once
 * instead; readers never wait in WAL mode. QuyTap's own writers are one process (project-lock.ts).
 */
export const BUSY_TIMEOUT_MS = 100;

/**
 * Read-write connection: WAL (readers never block the writer, a crash never leaves a half-written
 * page), synchronous = FULL (a committed edit survives power loss too, not only a process crash;
 * better-sqlite3 is built with WAL's default at NORMAL, so it must be set explicitly), foreign keys,
 * and the SQL functions that R-tree triggers call. Works on any GeoPackage, ours or GDAL's.
 */
export function openWritable(path: string, opts: { mustExist: boolean } = { mustExist: true }): Database.Database {
  const db = new Database(path, { fileMustExist: opts.mustExist, timeout: BUSY_TIMEOUT_MS });
  try {
    registerSqlFunctions(db);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Page cache of 64 MiB (default 2 MiB): an import of 100,000 rows inserts random UUIDs into the
    // uuid index and (table, uuid) into the audit index; with the default cache every such insert
    // re-reads index pages from the OS. Memory is plentiful on the desktops this runs on.
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Read-only connection for inspecting a file we may not touch (opening checks, tests). */
export function openReadOnly(path: string): Database.Database {
  const db = new Database(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  registerSqlFunctions(db);
  return db;
}
