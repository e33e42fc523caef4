// Schema step: the campaign (issue 18). Files made before it get the villages feature table and
// the conclusions' new fields (the village concluded, attendees by body, outcome). Files made
// after it already have both (v1 creates every table of TABLES as it is now), so each part is
// added only where missing. The campaign's plan (target, due dates) lives in the settings.
import type Database from 'better-sqlite3';
import { TABLES, type FieldDef } from '../../shared/model';
import { createProjectTable, createVersionTrigger } from './schema-v1';
import { q, sqlType } from './table-columns';

const tableExists = (db: Database.Database, name: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

export function migrateToV9Campaign(db: Database.Database, srsId: number): void {
  if (!tableExists(db, 'villages')) createProjectTable(db, 'villages', srsId);
  const have = new Set((db.prepare('SELECT name FROM pragma_table_info(?)').all('conclusions') as { name: string }[]).map((r) => r.name));
  const missing = (TABLES.conclusions.fields as readonly FieldDef[]).filter((f) => !have.has(f.name));
  if (!missing.length) return;
  for (const f of missing) db.exec(`ALTER TABLE "conclusions" ADD COLUMN ${q(f.name)} ${sqlType(f)}`);
  // The version trigger names its columns: made again so that a change of the new ones bumps it too.
  db.exec('DROP TRIGGER IF EXISTS "qt_conclusions_version"');
  createVersionTrigger(db, 'conclusions');
}
