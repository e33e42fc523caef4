// Schema v8: the plan inside a cemetery (issue 19), the feature table `cemetery_plots` of TABLES.
// A file made by this version already has it (v1 creates every table of TABLES); an older file gets
// it here, made by the same code, so both files end with the same table, R-tree and triggers.
import type Database from 'better-sqlite3';
import { createProjectTable } from './schema-v1';
import type { WorkingCrs } from './working-crs';

export function migrateToV8Cemetery(db: Database.Database, crs: WorkingCrs): void {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cemetery_plots'").get() !== undefined;
  if (!exists) createProjectTable(db, 'cemetery_plots', crs.srsId);
}
