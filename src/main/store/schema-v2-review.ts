// Schema v2: the review feature's tables. The acts themselves (submit, return, approve, unlock,
// comments) are recorded in the append-only qt_audit_log, in the same transaction as the change.
import type Database from 'better-sqlite3';

/** Idempotent: files made while this step was still a reserved no-op get the tables on first use. */
export function migrateToV2(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS qt_review_states (
      commune_code TEXT PRIMARY KEY NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'approved')),
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE IF NOT EXISTS qt_review_comments (
      id TEXT PRIMARY KEY NOT NULL,
      commune_code TEXT NOT NULL,
      parent_id TEXT REFERENCES qt_review_comments (id),
      table_name TEXT,
      feature_id TEXT,
      x REAL,
      y REAL,
      text TEXT NOT NULL,
      author TEXT NOT NULL,
      role TEXT NOT NULL,
      created_at TEXT NOT NULL,
      resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
      resolved_by TEXT,
      resolved_at TEXT
    );
    CREATE INDEX IF NOT EXISTS qt_review_comments_commune ON qt_review_comments (commune_code, resolved);
    CREATE INDEX IF NOT EXISTS qt_review_comments_feature ON qt_review_comments (table_name, feature_id);
    CREATE TABLE IF NOT EXISTS qt_review_config (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
  `);
  const ext = db.prepare(
    'INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) SELECT @t, NULL, @e, @d, @s WHERE NOT EXISTS (SELECT 1 FROM gpkg_extensions WHERE table_name = @t AND extension_name = @e)',
  );
  for (const t of ['qt_review_states', 'qt_review_comments', 'qt_review_config'])
    ext.run({ t, e: 'quytap_project', d: 'QuyTap review tables: commune map states, review comments, review settings', s: 'read-write' });
}

export function hasReviewTables(db: Database.Database): boolean {
  const r = db
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('qt_review_states', 'qt_review_comments', 'qt_review_config')")
    .get() as { n: number };
  return r.n === 3;
}
