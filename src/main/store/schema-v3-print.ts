// Schema v3: the print feature's saved sheet layouts (paper, area, scale, texts, block positions),
// one JSON document per named layout. Changes are audited in qt_audit_log like settings are.
import type Database from 'better-sqlite3';

/** Idempotent: files made while this step was still a reserved no-op get the table on first use. */
export function migrateToV3(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS qt_print_layouts (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      settings TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
    );
  `);
  const has = db.prepare("SELECT 1 FROM gpkg_extensions WHERE table_name = 'qt_print_layouts' AND extension_name = 'quytap_project'").get();
  if (!has)
    db.prepare('INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES (?, NULL, ?, ?, ?)').run(
      'qt_print_layouts',
      'quytap_project',
      'QuyTap print tables: saved sheet layouts',
      'read-write',
    );
}
