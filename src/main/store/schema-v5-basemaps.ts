// Schema v5: offline raster base maps stored in the project.
// - qt_basemaps: one row per base map (name, kind, CRS, extent, zooms, size, who added it, and the
//   layer list: visibility, opacity, order).
// - An MBTiles base map becomes a standard GeoPackage tile pyramid (gpkg_tile_matrix_set,
//   gpkg_tile_matrix, a tiles table in EPSG:3857, created when added), so GDAL and QGIS read it.
// - A GeoTIFF keeps its exact bytes in qt_basemap_chunks (64 KiB rows): a ranged read fetches only
//   the chunks it needs, and the file can be written out again bit for bit.
// - qt_basemap_online: the optional online XYZ layer (off by default).
import type Database from 'better-sqlite3';

/** Idempotent: files made while this step was still a reserved no-op get the tables on first use. */
export function migrateToV5(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS gpkg_tile_matrix_set (
      table_name TEXT NOT NULL PRIMARY KEY,
      srs_id INTEGER NOT NULL,
      min_x DOUBLE NOT NULL,
      min_y DOUBLE NOT NULL,
      max_x DOUBLE NOT NULL,
      max_y DOUBLE NOT NULL,
      CONSTRAINT fk_gtms_table_name FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
      CONSTRAINT fk_gtms_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
    );
    CREATE TABLE IF NOT EXISTS gpkg_tile_matrix (
      table_name TEXT NOT NULL,
      zoom_level INTEGER NOT NULL,
      matrix_width INTEGER NOT NULL,
      matrix_height INTEGER NOT NULL,
      tile_width INTEGER NOT NULL,
      tile_height INTEGER NOT NULL,
      pixel_x_size DOUBLE NOT NULL,
      pixel_y_size DOUBLE NOT NULL,
      CONSTRAINT pk_ttm PRIMARY KEY (table_name, zoom_level),
      CONSTRAINT fk_tmm_table_name FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name)
    );
    CREATE TABLE IF NOT EXISTS qt_basemaps (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('tiles', 'geotiff')),
      format TEXT NOT NULL,
      tiles_table TEXT,
      crs_code TEXT NOT NULL,
      crs_proj4 TEXT NOT NULL,
      min_x DOUBLE NOT NULL,
      min_y DOUBLE NOT NULL,
      max_x DOUBLE NOT NULL,
      max_y DOUBLE NOT NULL,
      wgs84 TEXT NOT NULL,
      min_zoom INTEGER,
      max_zoom INTEGER,
      tile_size INTEGER,
      size_bytes INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      info TEXT NOT NULL DEFAULT '{}',
      source_file TEXT NOT NULL,
      added_at TEXT NOT NULL,
      added_by TEXT NOT NULL,
      visible INTEGER NOT NULL DEFAULT 1 CHECK (visible IN (0, 1)),
      opacity DOUBLE NOT NULL DEFAULT 1,
      position INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE IF NOT EXISTS qt_basemap_chunks (
      basemap_id TEXT NOT NULL REFERENCES qt_basemaps(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      data BLOB NOT NULL,
      UNIQUE (basemap_id, seq)
    );
    CREATE TABLE IF NOT EXISTS qt_basemap_online (
      id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
      json TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL
    );
  `);
  const has = db.prepare("SELECT 1 FROM gpkg_extensions WHERE table_name = ? AND extension_name = 'quytap_project'");
  const add = db.prepare("INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES (?, NULL, 'quytap_project', ?, 'read-write')");
  for (const [table, what] of [
    ['qt_basemaps', 'QuyTap base maps: offline rasters stored in the project and their layer list'],
    ['qt_basemap_chunks', 'QuyTap base maps: GeoTIFF bytes in 64 KiB chunks'],
    ['qt_basemap_online', 'QuyTap base maps: the optional online XYZ layer'],
  ] as const)
    if (!has.get(table)) add.run(table, what);
}
