// A raster MBTiles file (SQLite) read-only, for printing over a base map given as a file (CLI,
// tests). MBTiles numbers tile rows from the bottom (TMS); callers use XYZ (row 0 at the top).
import Database from 'better-sqlite3';
import { ApiError } from '../../shared/api-error';

export interface MbtilesFile {
  name: string;
  format: string;
  minZoom: number;
  maxZoom: number;
  getTile(z: number, x: number, y: number): Uint8Array | null;
  close(): void;
}

export function openMbtilesFile(path: string): MbtilesFile {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.prepare('SELECT 1 FROM tiles LIMIT 1').get();
  } catch (e) {
    throw new ApiError('validation', `Không mở được tệp MBTiles: ${path} (${(e as Error).message}).`, `Cannot open the MBTiles file: ${path} (${(e as Error).message}).`, { path });
  }
  const meta = new Map((db.prepare('SELECT name, value FROM metadata').all() as { name: string; value: string }[]).map((r) => [r.name, r.value]));
  const format = (meta.get('format') ?? 'png').toLowerCase();
  if (format === 'pbf' || format === 'mvt') {
    db.close();
    throw new ApiError('validation', `Tệp MBTiles là bản đồ vector (pbf), không phải ảnh nền: ${path}.`, `The MBTiles file holds vector tiles (pbf), not a raster base map: ${path}.`, { path });
  }
  const range = db.prepare('SELECT MIN(zoom_level) AS lo, MAX(zoom_level) AS hi FROM tiles').get() as { lo: number | null; hi: number | null };
  const minZoom = Number(meta.get('minzoom') ?? range.lo ?? 0);
  const maxZoom = Number(meta.get('maxzoom') ?? range.hi ?? 0);
  const tile = db.prepare('SELECT tile_data AS d FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
  return {
    name: meta.get('name') ?? path.replace(/^.*[\\/]/, ''),
    format,
    minZoom,
    maxZoom,
    getTile: (z, x, y) => {
      const row = tile.get(z, x, 2 ** z - 1 - y) as { d: Buffer } | undefined;
      return row ? new Uint8Array(row.d) : null;
    },
    close: () => db.close(),
  };
}
