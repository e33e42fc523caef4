// Schema version 1: the GeoPackage core, one table per entry of TABLES, and our qt_* tables.
import type Database from 'better-sqlite3';
import { TABLE_NAMES, TABLES, type TableName } from '../../shared/model';
import { createGpkgCoreTables, insertWorkingSrs, NOW_SQL } from './gpkg-core';
import { createRtree } from './rtree';
import { GEOM_COLUMN, layoutOf, q, sqlType } from './table-columns';
import type { WorkingCrs } from './working-crs';

/** Also used by later steps that add a table of TABLES to files made before it existed. */
export function createProjectTable(db: Database.Database, table: TableName, srsId: number): void {
  const l = layoutOf(table);
  const cols: string[] = [`"fid" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL`];
  if (l.geometryType) cols.push(`${q(GEOM_COLUMN)} ${l.geometryType}`);
  // No DEFAULT for uuid: GDAL would read an expression default as a string literal and insert
  // that same text in every row it adds. A QGIS user adding a feature gets a NOT NULL error instead.
  cols.push(`"uuid" TEXT NOT NULL UNIQUE`);
  for (const f of l.fields) cols.push(`${q(f.name)} ${sqlType(f)}`);
  if (l.hasData) cols.push(`"data" BLOB`);
  cols.push(
    `"created_at" DATETIME NOT NULL DEFAULT (${NOW_SQL})`,
    `"created_by" TEXT NOT NULL DEFAULT ''`,
    `"updated_at" DATETIME NOT NULL DEFAULT (${NOW_SQL})`,
    `"updated_by" TEXT NOT NULL DEFAULT ''`,
    `"version" INTEGER NOT NULL DEFAULT 1`,
    `"deleted" BOOLEAN NOT NULL DEFAULT 0`,
  );
  db.exec(`CREATE TABLE ${q(table)} (\n  ${cols.join(',\n  ')}\n)`);

  const def = TABLES[table];
  db.prepare('INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES (?, ?, ?, ?, ?)').run(
    table,
    l.geometryType ? 'features' : 'attributes',
    def.vi,
    def.en,
    l.geometryType ? srsId : null,
  );
  if (l.geometryType) {
    db.prepare('INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) VALUES (?, ?, ?, ?, 0, 0)').run(
      table,
      GEOM_COLUMN,
      l.geometryType,
      srsId,
    );
    createRtree(db, table, GEOM_COLUMN);
  }

  if (l.hasCommuneCode) db.exec(`CREATE INDEX ${q(`idx_${table}_commune_code`)} ON ${q(table)} ("commune_code")`);
  // Tombstones are few: counting them through this index lets info() count live rows without
  // reading every row of a 100,000-feature table.
  db.exec(`CREATE INDEX ${q(`idx_${table}_deleted`)} ON ${q(table)} ("deleted")`);
  if (table === 'links') {
    db.exec(`CREATE INDEX "idx_links_from" ON "links" ("from_table", "from_id", "deleted")`);
    db.exec(`CREATE INDEX "idx_links_to" ON "links" ("to_table", "to_id", "deleted")`);
  }
  if (table === 'attachments') db.exec(`CREATE INDEX "idx_attachments_owner" ON "attachments" ("owner_table", "owner_id", "deleted")`);

  createVersionTrigger(db, table);
}

/**
 * Other tools update rows without knowing our optimistic versions; bumping the version when they
 * leave it unchanged makes a client holding the old version get a conflict instead of silently
 * overwriting their change. Our own writes always set a new version, so this never fires for them.
 */
export function createVersionTrigger(db: Database.Database, table: TableName): void {
  const l = layoutOf(table);
  const watched = [...(l.geometryType ? [GEOM_COLUMN] : []), ...l.fields.map((f) => f.name), 'deleted'].map(q).join(', ');
  db.exec(`
    CREATE TRIGGER ${q(`qt_${table}_version`)} AFTER UPDATE OF ${watched} ON ${q(table)}
      WHEN NEW."version" = OLD."version"
    BEGIN
      UPDATE ${q(table)} SET "version" = OLD."version" + 1, "updated_at" = ${NOW_SQL} WHERE "fid" = NEW."fid";
    END;
  `);
}

function createInternalTables(db: Database.Database): void {
  db.exec(`
    CREATE TABLE qt_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      json TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL
    );

    CREATE TABLE qt_audit_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      author TEXT NOT NULL,
      table_name TEXT NOT NULL,
      uuid TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'restore')),
      edit_id INTEGER,
      label TEXT NOT NULL DEFAULT '',
      before TEXT,
      after TEXT
    );
    CREATE INDEX qt_audit_log_row ON qt_audit_log (table_name, uuid, seq);
    CREATE TRIGGER qt_audit_log_no_update BEFORE UPDATE ON qt_audit_log
    BEGIN
      SELECT RAISE(ABORT, 'qt_audit_log is append-only: rows cannot be changed');
    END;
    CREATE TRIGGER qt_audit_log_no_delete BEFORE DELETE ON qt_audit_log
    BEGIN
      SELECT RAISE(ABORT, 'qt_audit_log is append-only: rows cannot be deleted');
    END;

    -- AUTOINCREMENT: ids of discarded redo entries are never reused, so audit edit_ids stay unambiguous.
    CREATE TABLE qt_edits (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      author TEXT NOT NULL,
      label TEXT NOT NULL DEFAULT '',
      forward TEXT NOT NULL,
      inverse TEXT NOT NULL,
      undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
    );
    CREATE INDEX qt_edits_undone ON qt_edits (undone, id);
  `);
  // Declared through the standard extension mechanism so other tools know these tables are ours.
  const ext = db.prepare('INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES (?, NULL, ?, ?, ?)');
  for (const t of ['qt_meta', 'qt_settings', 'qt_audit_log', 'qt_edits'])
    ext.run(t, 'quytap_project', 'QuyTap project tables: schema version, settings, append-only audit log, undo history', 'read-write');
}

export function migrateToV1(db: Database.Database, crs: WorkingCrs): void {
  createGpkgCoreTables(db);
  insertWorkingSrs(db, crs);
  for (const t of TABLE_NAMES) createProjectTable(db, t, crs.srsId);
  createInternalTables(db);
}
