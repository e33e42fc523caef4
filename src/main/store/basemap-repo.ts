// SQL of the base-map feature. An MBTiles base map becomes a GeoPackage tile pyramid in EPSG:3857
// (tiles table + gpkg_tile_matrix_set + gpkg_tile_matrix + gpkg_contents 'tiles'), so GDAL and QGIS
// read it straight from the project; a GeoTIFF keeps its bytes in 64 KiB rows of qt_basemap_chunks.
// Adding and removing are each ONE transaction with their qt_audit_log entry: a failure half-way
// leaves the project as it was.
import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api-error';
import type { MbtilesTile } from './mbtiles-file';
import { migrateToV5 } from './schema-v5-basemaps';

export const BASEMAP_AUDIT_TABLE = 'qt_basemaps';
export const BASEMAP_ONLINE_AUDIT_ID = '00000000-0000-0000-0000-0000000000b1';

/** Half the Web Mercator world's width: the tile matrix set of every pyramid we write. */
export const WEB_MERCATOR_HALF = 20037508.342789244;

const WEB_MERCATOR_WKT =
  'PROJCS["WGS 84 / Pseudo-Mercator",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],' +
  'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]],' +
  'PROJECTION["Mercator_1SP"],PARAMETER["central_meridian",0],PARAMETER["scale_factor",1],PARAMETER["false_easting",0],PARAMETER["false_northing",0],' +
  'UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],' +
  'EXTENSION["PROJ4","+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs"],AUTHORITY["EPSG","3857"]]';

export interface BasemapInfoJson {
  width?: number | null;
  height?: number | null;
  bands?: number | null;
  stats?: { min: number[]; max: number[] } | null;
  palette?: string[] | null;
  chunkBytes?: number;
  chunks?: number;
  tiles?: number;
}

export interface BasemapRecord {
  id: string;
  name: string;
  kind: 'tiles' | 'geotiff';
  format: string;
  tilesTable: string | null;
  crsCode: string;
  crsProj4: string;
  extent: [number, number, number, number];
  wgs84: [number, number, number, number];
  minZoom: number | null;
  maxZoom: number | null;
  tileSize: number | null;
  sizeBytes: number;
  sha256: string;
  info: BasemapInfoJson;
  sourceFile: string;
  addedAt: string;
  addedBy: string;
  visible: boolean;
  opacity: number;
  position: number;
}

export type NewBasemap = Omit<BasemapRecord, 'tilesTable' | 'addedAt' | 'addedBy' | 'visible' | 'opacity' | 'position'>;

interface Raw {
  id: string;
  name: string;
  kind: 'tiles' | 'geotiff';
  format: string;
  tiles_table: string | null;
  crs_code: string;
  crs_proj4: string;
  min_x: number;
  min_y: number;
  max_x: number;
  max_y: number;
  wgs84: string;
  min_zoom: number | null;
  max_zoom: number | null;
  tile_size: number | null;
  size_bytes: number;
  sha256: string;
  info: string;
  source_file: string;
  added_at: string;
  added_by: string;
  visible: number;
  opacity: number;
  position: number;
}

const toRecord = (r: Raw): BasemapRecord => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  format: r.format,
  tilesTable: r.tiles_table,
  crsCode: r.crs_code,
  crsProj4: r.crs_proj4,
  extent: [r.min_x, r.min_y, r.max_x, r.max_y],
  wgs84: JSON.parse(r.wgs84) as [number, number, number, number],
  minZoom: r.min_zoom,
  maxZoom: r.max_zoom,
  tileSize: r.tile_size,
  sizeBytes: r.size_bytes,
  sha256: r.sha256,
  info: JSON.parse(r.info) as BasemapInfoJson,
  sourceFile: r.source_file,
  addedAt: r.added_at,
  addedBy: r.added_by,
  visible: r.visible === 1,
  opacity: r.opacity,
  position: r.position,
});

/** What the audit log keeps of a base map (no pixels). */
const auditView = (r: BasemapRecord) => ({
  name: r.name,
  kind: r.kind,
  format: r.format,
  table: r.tilesTable,
  crs: r.crsCode,
  extent: r.extent,
  zoom: r.minZoom === null ? null : [r.minZoom, r.maxZoom],
  sizeBytes: r.sizeBytes,
  sha256: r.sha256,
  sourceFile: r.sourceFile,
});

export const notFoundBasemap = (id: string) => new ApiError('not_found', 'Không tìm thấy bản đồ nền này trong dự án.', 'No such base map in the project.', { id });

const quoteIdent = (name: string) => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`bad identifier ${name}`);
  return `"${name}"`;
};

export interface OnlineConfigJson {
  enabled: boolean;
  url: string;
  attribution: string;
  visible: boolean;
  opacity: number;
}

export class BasemapRepo {
  constructor(private readonly db: Database.Database) {
    // A file migrated while v5 was still a no-op gets the tables here.
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'qt_basemaps'").get()) db.transaction(() => migrateToV5(db))();
  }

  list(): BasemapRecord[] {
    return (this.db.prepare('SELECT * FROM qt_basemaps ORDER BY position, added_at, id').all() as Raw[]).map(toRecord);
  }

  get(id: string): BasemapRecord | null {
    const r = this.db.prepare('SELECT * FROM qt_basemaps WHERE id = ?').get(id) as Raw | undefined;
    return r ? toRecord(r) : null;
  }

  /** A tile in XYZ numbering (row 0 at the top, as GeoPackage stores it); null where there is none. */
  tile(id: string, z: number, x: number, y: number): Buffer | null {
    const rec = this.get(id);
    if (!rec || rec.kind !== 'tiles' || !rec.tilesTable) return null;
    const r = this.db.prepare(`SELECT tile_data FROM ${quoteIdent(rec.tilesTable)} WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?`).get(z, x, y) as
      | { tile_data: Buffer }
      | undefined;
    return r?.tile_data ?? null;
  }

  /** Bytes [offset, offset + length) of a stored GeoTIFF, reading only the chunks that hold them. */
  read(id: string, offset: number, length: number): Buffer {
    const rec = this.get(id);
    if (!rec || rec.kind !== 'geotiff') throw notFoundBasemap(id);
    const chunk = rec.info.chunkBytes ?? 0;
    const end = Math.min(offset + length, rec.sizeBytes);
    if (chunk <= 0 || offset >= end) return Buffer.alloc(0);
    const first = Math.floor(offset / chunk);
    const last = Math.floor((end - 1) / chunk);
    const out = Buffer.alloc(end - offset);
    const rows = this.db.prepare('SELECT seq, data FROM qt_basemap_chunks WHERE basemap_id = ? AND seq BETWEEN ? AND ? ORDER BY seq').iterate(id, first, last) as IterableIterator<{
      seq: number;
      data: Buffer;
    }>;
    let filled = 0;
    for (const { seq, data } of rows) {
      const base = seq * chunk;
      const from = Math.max(offset, base);
      const to = Math.min(end, base + data.length);
      if (to > from) {
        data.copy(out, from - offset, from - base, to - base);
        filled += to - from;
      }
    }
    if (filled !== out.length) throw new ApiError('internal', 'Dữ liệu bản đồ nền trong dự án bị thiếu.', 'The base map’s stored bytes are incomplete.', { id, offset, length });
    return out;
  }

  private audit(id: string, action: 'insert' | 'update' | 'delete', author: string, label: string, before: unknown, after: unknown, at: string) {
    this.db
      .prepare('INSERT INTO qt_audit_log (at, author, table_name, uuid, action, edit_id, label, before, after) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)')
      .run(at, author, BASEMAP_AUDIT_TABLE, id, action, label, before == null ? null : JSON.stringify(before), after == null ? null : JSON.stringify(after));
  }

  /** Audit entries of the base maps (and of the online layer), oldest first. */
  history(): { at: string; author: string; uuid: string; action: string; label: string }[] {
    return this.db.prepare('SELECT at, author, uuid, action, label FROM qt_audit_log WHERE table_name = ? ORDER BY seq').all(BASEMAP_AUDIT_TABLE) as {
      at: string;
      author: string;
      uuid: string;
      action: string;
      label: string;
    }[];
  }

  private insertRecord(b: NewBasemap, table: string | null, author: string, at: string): BasemapRecord {
    // A new base map goes on top of the others (right beneath the vector layers).
    this.db.prepare('UPDATE qt_basemaps SET position = position + 1').run();
    this.db
      .prepare(
        `INSERT INTO qt_basemaps (id, name, kind, format, tiles_table, crs_code, crs_proj4, min_x, min_y, max_x, max_y, wgs84, min_zoom, max_zoom, tile_size,
           size_bytes, sha256, info, source_file, added_at, added_by, visible, opacity, position)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 0)`,
      )
      .run(
        b.id,
        b.name,
        b.kind,
        b.format,
        table,
        b.crsCode,
        b.crsProj4,
        ...b.extent,
        JSON.stringify(b.wgs84),
        b.minZoom,
        b.maxZoom,
        b.tileSize,
        b.sizeBytes,
        b.sha256,
        JSON.stringify(b.info),
        b.sourceFile,
        at,
        author,
      );
    const rec = this.get(b.id)!;
    this.audit(b.id, 'insert', author, `Thêm bản đồ nền: ${b.name}`, null, auditView(rec), at);
    return rec;
  }

  private ensureWebMercatorSrs(): void {
    if (this.db.prepare('SELECT 1 FROM gpkg_spatial_ref_sys WHERE srs_id = 3857').get()) return;
    this.db
      .prepare('INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition, description) VALUES (?, 3857, ?, 3857, ?, ?)')
      .run('WGS 84 / Pseudo-Mercator', 'EPSG', WEB_MERCATOR_WKT, 'Web Mercator, used by tiled base maps');
  }

  private freeIdentifier(name: string): string {
    const taken = this.db.prepare('SELECT 1 FROM gpkg_contents WHERE identifier = ?');
    for (let i = 1; ; i++) {
      const n = i === 1 ? name : `${name} (${i})`;
      if (!taken.get(n)) return n;
    }
  }

  /**
   * One transaction: the tile table, its GeoPackage registration and every tile (MBTiles rows are
   * TMS, bottom-up; GeoPackage rows are top-down), then the qt_basemaps row and its audit entry.
   * `check` sees every tile and throws to refuse the whole file.
   */
  addTiles(b: NewBasemap, batches: () => Iterable<MbtilesTile[]>, check: (t: MbtilesTile) => string, author: string): BasemapRecord {
    if (b.minZoom === null || b.maxZoom === null || !b.tileSize) throw new Error('tile pyramid without zooms or tile size');
    const table = `basemap_${b.id.replace(/-/g, '').slice(0, 12)}`;
    const q = quoteIdent(table);
    return this.db.transaction(() => {
      const at = new Date().toISOString();
      this.ensureWebMercatorSrs();
      this.db.exec(`CREATE TABLE ${q} (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        zoom_level INTEGER NOT NULL,
        tile_column INTEGER NOT NULL,
        tile_row INTEGER NOT NULL,
        tile_data BLOB NOT NULL,
        UNIQUE (zoom_level, tile_column, tile_row))`);
      const [minX, minY, maxX, maxY] = b.extent;
      this.db
        .prepare("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'tiles', ?, ?, ?, ?, ?, ?, ?, 3857)")
        .run(table, this.freeIdentifier(b.name), `Bản đồ nền QuyTap · QuyTap base map (${b.sourceFile})`, at, minX, minY, maxX, maxY);
      this.db
        .prepare('INSERT INTO gpkg_tile_matrix_set (table_name, srs_id, min_x, min_y, max_x, max_y) VALUES (?, 3857, ?, ?, ?, ?)')
        .run(table, -WEB_MERCATOR_HALF, -WEB_MERCATOR_HALF, WEB_MERCATOR_HALF, WEB_MERCATOR_HALF);
      const matrix = this.db.prepare(
        'INSERT INTO gpkg_tile_matrix (table_name, zoom_level, matrix_width, matrix_height, tile_width, tile_height, pixel_x_size, pixel_y_size) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (let z = b.minZoom!; z <= b.maxZoom!; z++) {
        const n = 2 ** z;
        const px = (2 * WEB_MERCATOR_HALF) / (n * b.tileSize!);
        matrix.run(table, z, n, n, b.tileSize, b.tileSize, px, px);
      }
      const put = this.db.prepare(`INSERT INTO ${q} (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)`);
      let webp = false;
      for (const batch of batches())
        for (const t of batch) {
          if (check(t) === 'webp') webp = true;
          put.run(t.zoom, t.column, 2 ** t.zoom - 1 - t.tmsRow, t.data);
        }
      // WebP tiles are a GeoPackage extension: declared, so readers know to expect them.
      if (webp)
        this.db
          .prepare("INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES (?, 'tile_data', 'gpkg_webp', 'http://www.geopackage.org/spec/#extension_tiles_webp', 'read-write')")
          .run(table);
      return this.insertRecord(b, table, author, at);
    })();
  }

  /** One transaction: every chunk of the file, then the qt_basemaps row and its audit entry. */
  addGeotiff(b: NewBasemap, chunks: () => Iterable<Buffer>, author: string): BasemapRecord {
    return this.db.transaction(() => {
      const at = new Date().toISOString();
      // The row first: chunks reference it (foreign key).
      const rec = this.insertRecord(b, null, author, at);
      const put = this.db.prepare('INSERT INTO qt_basemap_chunks (basemap_id, seq, data) VALUES (?, ?, ?)');
      let seq = 0;
      let total = 0;
      for (const c of chunks()) {
        put.run(b.id, seq++, c);
        total += c.length;
      }
      if (total !== b.sizeBytes) throw new Error(`file changed while being stored (${total} bytes read, ${b.sizeBytes} expected)`);
      return rec;
    })();
  }

  update(id: string, patch: { name?: string; visible?: boolean; opacity?: number }, author: string): BasemapRecord {
    return this.db.transaction(() => {
      const before = this.get(id);
      if (!before) throw notFoundBasemap(id);
      if (patch.visible !== undefined) this.db.prepare('UPDATE qt_basemaps SET visible = ? WHERE id = ?').run(patch.visible ? 1 : 0, id);
      if (patch.opacity !== undefined) this.db.prepare('UPDATE qt_basemaps SET opacity = ? WHERE id = ?').run(patch.opacity, id);
      if (patch.name !== undefined && patch.name !== before.name) {
        this.db.prepare('UPDATE qt_basemaps SET name = ? WHERE id = ?').run(patch.name, id);
        const after = this.get(id)!;
        // Visibility and opacity are view state; a new name is part of what the project says.
        this.audit(id, 'update', author, `Đổi tên bản đồ nền: ${before.name} → ${patch.name}`, auditView(before), auditView(after), new Date().toISOString());
      }
      return this.get(id)!;
    })();
  }

  /** First id = top. Ids not listed keep their relative order below the listed ones. */
  reorder(ids: readonly string[]): BasemapRecord[] {
    return this.db.transaction(() => {
      const all = this.list();
      const known = new Set(all.map((r) => r.id));
      for (const id of ids) if (!known.has(id)) throw notFoundBasemap(id);
      const order = [...new Set(ids), ...all.map((r) => r.id).filter((id) => !ids.includes(id))];
      const set = this.db.prepare('UPDATE qt_basemaps SET position = ? WHERE id = ?');
      order.forEach((id, i) => set.run(i, id));
      return this.list();
    })();
  }

  remove(id: string, author: string): void {
    this.db.transaction(() => {
      const before = this.get(id);
      if (!before) throw notFoundBasemap(id);
      if (before.tilesTable) {
        const t = before.tilesTable;
        this.db.prepare('DELETE FROM gpkg_tile_matrix WHERE table_name = ?').run(t);
        this.db.prepare('DELETE FROM gpkg_tile_matrix_set WHERE table_name = ?').run(t);
        this.db.prepare('DELETE FROM gpkg_extensions WHERE table_name = ?').run(t);
        this.db.prepare('DELETE FROM gpkg_contents WHERE table_name = ?').run(t);
        this.db.exec(`DROP TABLE IF EXISTS ${quoteIdent(t)}`);
      }
      this.db.prepare('DELETE FROM qt_basemap_chunks WHERE basemap_id = ?').run(id);
      this.db.prepare('DELETE FROM qt_basemaps WHERE id = ?').run(id);
      this.audit(id, 'delete', author, `Xóa bản đồ nền: ${before.name}`, auditView(before), null, new Date().toISOString());
    })();
  }

  online(defaults: OnlineConfigJson): OnlineConfigJson {
    const r = this.db.prepare('SELECT json FROM qt_basemap_online WHERE id = 1').get() as { json: string } | undefined;
    return r ? { ...defaults, ...(JSON.parse(r.json) as Partial<OnlineConfigJson>) } : defaults;
  }

  setOnline(next: OnlineConfigJson, defaults: OnlineConfigJson, author: string): OnlineConfigJson {
    return this.db.transaction(() => {
      const before = this.online(defaults);
      const at = new Date().toISOString();
      this.db
        .prepare('INSERT INTO qt_basemap_online (id, json, updated_at, updated_by) VALUES (1, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at, updated_by = excluded.updated_by')
        .run(JSON.stringify(next), at, author);
      // Turning remote content on or off, or pointing it elsewhere, is recorded; opacity is not.
      if (before.enabled !== next.enabled || before.url !== next.url) {
        const label = next.enabled ? `Bật bản đồ nền trực tuyến: ${next.url}` : 'Tắt bản đồ nền trực tuyến';
        this.audit(BASEMAP_ONLINE_AUDIT_ID, 'update', author, label, { enabled: before.enabled, url: before.url }, { enabled: next.enabled, url: next.url }, at);
      }
      return next;
    })();
  }
}
