// Looks at a file's bytes before SQLite opens it for writing, so that a wrong or damaged file is
// refused without SQLite ever touching it (a read-write open could roll back a journal or convert it).
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiError } from '../../shared/api';
import { openReadOnly } from './connection';
import { corruptFile, notAProject } from './errors';
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

/**
 * Throws a clear ApiError unless `path` is an intact QuyTap GeoPackage. Only ever reads the file.
 * Checks, cheapest first: SQLite magic, application_id 'GPKG', file size against the page count in
 * the header (truncated copies are the common damage), then a read-only open, SQLite's quick_check
 * and the presence of qt_meta.
 */
export function inspectProjectFile(path: string, opts: { quickCheck: boolean } = { quickCheck: true }): ProjectFileFacts {
  if (!existsSync(path))
    throw new ApiError('not_found', `Không tìm thấy tệp "${basename(path)}".`, `File "${basename(path)}" does not exist.`, { path });
  const st = statSync(path);
  if (!st.isFile()) throw notAProject(path, 'not a regular file');
  const h = readHeader(path);
  if (h.length < 100 || !h.subarray(0, 16).equals(SQLITE_MAGIC)) throw notAProject(path, 'not an SQLite database');
  if (h.readUInt32BE(68) !== GPKG_APPLICATION_ID) throw notAProject(path, 'application_id is not GPKG');
  const rawPageSize = h.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = h.readUInt32BE(28);
  // The in-header page count is only trustworthy when its "version-valid-for" matches the change counter.
  if (h.readUInt32BE(24) === h.readUInt32BE(92) && pageCount > 0 && st.size < pageSize * pageCount)
    throw corruptFile(path, `file has ${st.size} bytes, header says ${pageSize * pageCount}`);

  let db;
  try {
    db = openReadOnly(path);
  } catch (e) {
    throw corruptFile(path, (e as Error).message);
  }
  try {
    if (opts.quickCheck) {
      const r = db.pragma('quick_check(1)', { simple: true });
      if (r !== 'ok') throw corruptFile(path, `quick_check: ${String(r)}`);
    }
    if (!hasMetaTable(db)) throw notAProject(path, 'GeoPackage without qt_meta (not made by QuyTap)');
    return { schemaVersion: readSchemaVersion(db) };
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw corruptFile(path, (e as Error).message);
  } finally {
    db.close();
  }
}
