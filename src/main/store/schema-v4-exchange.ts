// Schema v4: the exchange feature's table. qt_exchange_log records each commune package imported
// (which package, when, by whom, how many rows changed, how many conflicts were left to the user).
import type Database from 'better-sqlite3';

/** Idempotent: files made while this step was still a reserved no-op get the table on first use. */
export function migrateToV4(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS qt_exchange_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      package_id TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      author TEXT NOT NULL,
      source TEXT NOT NULL,
      applied INTEGER NOT NULL,
      conflicts INTEGER NOT NULL,
      edit_id INTEGER
    );
    CREATE INDEX IF NOT EXISTS qt_exchange_log_package ON qt_exchange_log (package_id);
  `);
  db.prepare(
    "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) SELECT 'qt_exchange_log', NULL, 'quytap_project', 'QuyTap exchange log: commune packages imported', 'read-write' WHERE NOT EXISTS (SELECT 1 FROM gpkg_extensions WHERE table_name = 'qt_exchange_log' AND extension_name = 'quytap_project')",
  ).run();
}
