// Schema step: the verification queue (issue 18 item 5). Each request names the row it is about
// (a martyr record, grave or information form) and carries its current state; every step of its
// life (sent, taken up, decided, returned) is an entry of the append-only qt_audit_log written in
// the same transaction, which is where the history shown to commune and district is read from.
import type Database from 'better-sqlite3';

export const VERIFICATION_TABLE = 'qt_verification_requests';

export function migrateToVerification(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS ${VERIFICATION_TABLE} (
      id TEXT PRIMARY KEY NOT NULL,
      target_table TEXT NOT NULL CHECK (target_table IN ('martyrs', 'graves', 'info_forms')),
      target_id TEXT NOT NULL,
      target_label TEXT NOT NULL DEFAULT '',
      commune_code TEXT,
      question TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('sent', 'in_progress', 'verified', 'cannot_verify', 'returned')),
      sent_by TEXT NOT NULL,
      sent_at TEXT NOT NULL,
      taken_by TEXT,
      taken_at TEXT,
      decided_by TEXT,
      decided_at TEXT,
      grounds TEXT NOT NULL DEFAULT '',
      result TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX IF NOT EXISTS qt_verification_commune ON ${VERIFICATION_TABLE} (commune_code, state);
    CREATE INDEX IF NOT EXISTS qt_verification_target ON ${VERIFICATION_TABLE} (target_table, target_id);
  `);
  db.prepare(
    'INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) SELECT @t, NULL, @e, @d, @s WHERE NOT EXISTS (SELECT 1 FROM gpkg_extensions WHERE table_name = @t AND extension_name = @e)',
  ).run({ t: VERIFICATION_TABLE, e: 'quytap_project', d: 'QuyTap verification queue: rows sent to the district verification team, and its decisions', s: 'read-write' });
}
