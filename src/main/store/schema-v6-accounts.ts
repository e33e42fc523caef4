// Schema v6: the hall server's accounts (quytap serve --hall). One row per person who may log in to
// the district project: commune staff (with their commune), reviewers, administrators.
// - password_hash: "scrypt$N$r$p$salt$hash" (base64url), made in src/main/http/passwords.ts; NULL
//   until the person joins with their one-time code.
// - join_code_hash: the SHA-256 of the one-time join code (the code itself is shown once to the
//   admin and never stored); cleared by the single UPDATE that consumes it.
// Accounts live in the project so that the district's list travels with the file; no row here is
// ever returned with its hashes (accounts-repo.ts maps rows to AccountInfo without them).
import type Database from 'better-sqlite3';

export function migrateToV6(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS qt_accounts (
      id TEXT PRIMARY KEY NOT NULL,
      login TEXT NOT NULL UNIQUE COLLATE NOCASE,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('commune_staff', 'reviewer', 'admin')),
      commune_code TEXT,
      password_hash TEXT,
      join_code_hash TEXT,
      join_expires_at TEXT,
      disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      -- +1 at every change of credentials or state: a session made before it ends.
      stamp INTEGER NOT NULL DEFAULT 0,
      CHECK (role <> 'commune_staff' OR commune_code IS NOT NULL)
    );
  `);
}

export function hasAccountsTable(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'qt_accounts'").get() !== undefined;
}
