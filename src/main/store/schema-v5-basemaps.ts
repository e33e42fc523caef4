// Schema v5: offline raster base maps stored inside the project (reserved; filled by the base-map feature).
import type Database from 'better-sqlite3';

export function migrateToV5(_db: Database.Database): void {}
