// Reading an MBTiles file (an SQLite database of map tiles) for the base-map feature. Only ever
// reads: the file sits in the imports folder and belongs to the user.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../shared/api-error';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export interface MbtilesTile {
  zoom: number;
  column: number;
  /** TMS numbering as stored in MBTiles: row 0 at the bottom. */
  tmsRow: number;
  data: Buffer;
}

export function mbtilesError(path: string, vi: string, en: string, details?: unknown): ApiError {
  const name = basename(path);
  return new ApiError('validation', `Tệp "${name}": ${vi}`, `"${name}": ${en}`, { path, ...(details && typeof details === 'object' ? details : {}) });
}

/** Whether the file starts like an SQLite database (MBTiles, GeoPackage). */
export function looksLikeSqlite(head: Uint8Array): boolean {
  return head.length >= 16 && Buffer.from(head.buffer, head.byteOffset, 16).equals(SQLITE_MAGIC);
}

function checkHeader(path: string): void {
  const fd = openSync(path, 'r');
  const h = Buffer.alloc(100);
  let n: number;
  try {
    n = readSync(fd, h, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (n < 100 || !looksLikeSqlite(h))
    throw mbtilesError(path, 'không phải tệp MBTiles (không phải cơ sở dữ liệu SQLite).', 'is not an MBTiles file (not an SQLite database).');
  const raw = h.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const pages = h.readUInt32BE(28);
  const size = statSync(path).size;
  // The in-header page count is trustworthy only when "version-valid-for" matches the change counter.
  if (h.readUInt32BE(24) === h.readUInt32BE(92) && pages > 0 && size < pageSize * pages)
    throw mbtilesError(
      path,
      `tệp bị cắt cụt (có ${size} byte, phần đầu tệp ghi ${pageSize * pages} byte). Hãy chép lại tệp từ nguồn.`,
      `the file is truncated (${size} bytes, its header says ${pageSize * pages}). Copy it again from its source.`,
    );
}

export class MbtilesFile {
  private constructor(
    private readonly db: Database.Database,
    readonly path: string,
  ) {}

  /** Opens read-only after checking the header; a damaged file gives a clear ApiError. */
  static open(path: string): MbtilesFile {
    checkHeader(path);
    let db: Database.Database;
    try {
      db = new Database(path, { readonly: true, fileMustExist: true });
    } catch (e) {
      throw mbtilesError(path, 'không mở được tệp SQLite.', 'cannot be opened as SQLite.', { reason: (e as Error).message });
    }
    const f = new MbtilesFile(db, path);
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").all() as { name: string }[];
      const names = new Set(tables.map((t) => t.name));
      if (!names.has('tiles'))
        throw mbtilesError(path, 'không có bảng "tiles": đây không phải tệp MBTiles.', 'has no "tiles" table: not an MBTiles file.');
      return f;
    } catch (e) {
      f.close();
      throw f.translate(e);
    }
  }

  /** SQLite errors while reading (a damaged page) become a clear ApiError. */
  translate(e: unknown): unknown {
    if (e instanceof ApiError) return e;
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_'))
      return mbtilesError(
        this.path,
        `tệp bị hỏng, không đọc được (${code}). Hãy chép lại tệp từ nguồn.`,
        `the file is damaged and cannot be read (${code}). Copy it again from its source.`,
        { reason: (e as Error).message },
      );
    return e;
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw this.translate(e);
    }
  }

  /** The metadata table as name → value (empty when the file has none). */
  metadata(): Record<string, string> {
    return this.guard(() => {
      const has = this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'metadata'").get();
      if (!has) return {};
      const rows = this.db.prepare('SELECT name, value FROM metadata').all() as { name: unknown; value: unknown }[];
      return Object.fromEntries(rows.filter((r) => typeof r.name === 'string').map((r) => [String(r.name), r.value == null ? '' : String(r.value)]));
    });
  }

  /** Tile count and zoom range as the tiles themselves say. */
  summary(): { count: number; minZoom: number | null; maxZoom: number | null } {
    return this.guard(() => {
      const r = this.db.prepare('SELECT count(*) AS n, min(zoom_level) AS lo, max(zoom_level) AS hi FROM tiles').get() as { n: number; lo: number | null; hi: number | null };
      return { count: r.n, minZoom: r.lo, maxZoom: r.hi };
    });
  }

  /** Column/row ranges per zoom (for the tile extent when metadata has no bounds). */
  ranges(): { zoom: number; minCol: number; maxCol: number; minRow: number; maxRow: number }[] {
    return this.guard(
      () =>
        this.db
          .prepare('SELECT zoom_level AS zoom, min(tile_column) AS minCol, max(tile_column) AS maxCol, min(tile_row) AS minRow, max(tile_row) AS maxRow FROM tiles GROUP BY zoom_level ORDER BY zoom_level')
          .all() as { zoom: number; minCol: number; maxCol: number; minRow: number; maxRow: number }[],
    );
  }

  firstTile(): MbtilesTile | null {
    return this.guard(() => {
      const r = this.db.prepare('SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles ORDER BY zoom_level LIMIT 1').get() as RawTile | undefined;
      return r ? toTile(r) : null;
    });
  }

  /** Every tile, in batches (the caller yields between them to report progress and see a cancel). */
  *batches(size = 500): Generator<MbtilesTile[]> {
    const stmt = this.db.prepare('SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles');
    let batch: MbtilesTile[] = [];
    try {
      for (const r of stmt.iterate() as IterableIterator<RawTile>) {
        batch.push(toTile(r));
        if (batch.length >= size) {
          yield batch;
          batch = [];
        }
      }
    } catch (e) {
      throw this.translate(e);
    }
    if (batch.length) yield batch;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

interface RawTile {
  zoom_level: unknown;
  tile_column: unknown;
  tile_row: unknown;
  tile_data: unknown;
}

function toTile(r: RawTile): MbtilesTile {
  const data = Buffer.isBuffer(r.tile_data) ? r.tile_data : typeof r.tile_data === 'string' ? Buffer.from(r.tile_data, 'latin1') : Buffer.alloc(0);
  return { zoom: Number(r.zoom_level), column: Number(r.tile_column), tmsRow: Number(r.tile_row), data };
}
