// Schema v2: tables of the review feature. Reserved for that feature's engineer; until it lands this
// step changes nothing (a released step is never edited, so keep it a no-op once shipped).
import type Database from 'better-sqlite3';

export function migrateToV2(_db: Database.Database): void {}
