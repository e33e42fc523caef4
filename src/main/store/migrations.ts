// Our own schema version lives in qt_meta (GeoPackage owns PRAGMA user_version). Each step runs in
// its own transaction together with the version bump, so a crash leaves the file at a whole version.
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api-error';
import { migrateToV1 } from './schema-v1';
import { migrateToV2 } from './schema-v2-review';
import { migrateToV3 } from './schema-v3-print';
import { migrateToV4 } from './schema-v4-exchange';
import { migrateToV5 } from './schema-v5-basemaps';
import { migrateToV6 } from './schema-v6-accounts';
import { migrateToVerification } from './schema-v7-verification';
import { migrateToV8Cemetery } from './schema-v8-cemetery';
import { migrateToV9Campaign } from './schema-v9-campaign';
import { WorkingCrsSchema, type WorkingCrs } from './working-crs';

export interface MigrationContext {
  crs: WorkingCrs;
}

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database, ctx: MigrationContext): void;
}

/** Append only. Never edit a released step: files in the field were made by it. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'create GeoPackage, project tables, audit log, undo history', up: (db, ctx) => migrateToV1(db, ctx.crs) },
  { version: 2, name: 'review: commune map states, comments, operators', up: (db) => migrateToV2(db) },
  { version: 3, name: 'print: saved sheet layouts', up: (db) => migrateToV3(db) },
  { version: 4, name: 'exchange: commune packages and merge state', up: (db) => migrateToV4(db) },
  { version: 5, name: 'base maps: offline rasters (MBTiles tiles, GeoTIFF bytes) stored in the project', up: (db) => migrateToV5(db) },
  { version: 6, name: 'accounts: who may log in to the hall server (hashed passwords, one-time join codes)', up: (db) => migrateToV6(db) },
  { version: 7, name: 'verification: the queue of rows sent to the district verification team, and its decisions', up: (db) => migrateToVerification(db) },
  { version: 8, name: 'cemetery plans: plots (section, row, number) and gates inside a cemetery', up: (db, ctx) => migrateToV8Cemetery(db, ctx.crs) },
  { version: 9, name: 'campaign: villages, conclusion attendees and outcome', up: (db, ctx) => migrateToV9Campaign(db, ctx.crs.srsId) },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function createMetaTable(db: Database.Database): void {
  db.exec('CREATE TABLE qt_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)');
}

export function hasMetaTable(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'qt_meta'").get() !== undefined;
}

export function getMeta(db: Database.Database, key: string): string | null {
  const r = db.prepare('SELECT value FROM qt_meta WHERE key = ?').get(key) as { value: string } | undefined;
  return r ? r.value : null;
}

export function setMeta(db: Database.Database, key: string, value: string): void {
  db.prepare('INSERT INTO qt_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function readSchemaVersion(db: Database.Database): number {
  const v = Number(getMeta(db, 'schema_version'));
  return Number.isInteger(v) && v >= 0 ? v : 0;
}

export function readWorkingCrs(db: Database.Database): WorkingCrs {
  return WorkingCrsSchema.parse(JSON.parse(getMeta(db, 'crs') ?? 'null'));
}

export function newerSchemaError(path: string, found: number, known: number): ApiError {
  const name = basename(path);
  return new ApiError(
    'bad_request',
    `Tệp "${name}" được tạo bởi phiên bản QuyTap mới hơn (lược đồ dữ liệu v${found}; phiên bản này chỉ đọc được đến v${known}). Hãy cập nhật QuyTap rồi mở lại. Tệp không bị thay đổi.`,
    `"${name}" was made by a newer QuyTap (data schema v${found}; this version knows up to v${known}). Update QuyTap and open it again. The file was not changed.`,
    { path, found, known },
  );
}

function checkOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list out of order at ${m.version} (expected ${i + 1})`);
  });
}

export function pendingMigrations(current: number, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  checkOrdered(migrations);
  return migrations.filter((m) => m.version > current);
}

/** Runs every step above the file's version, each in one IMMEDIATE transaction. Returns versions applied. */
export function runMigrations(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const applied: number[] = [];
  for (const m of pendingMigrations(readSchemaVersion(db), migrations)) {
    db.transaction(() => {
      // Re-read inside the lock: another process may have migrated meanwhile.
      if (readSchemaVersion(db) >= m.version) return;
      m.up(db, { crs: readWorkingCrs(db) });
      setMeta(db, 'schema_version', String(m.version));
      setMeta(db, `migrated_v${m.version}_at`, new Date().toISOString());
      applied.push(m.version);
    }).immediate();
  }
  return applied;
}
