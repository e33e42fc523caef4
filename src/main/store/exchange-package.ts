// Commune packages: a copy of the project (a GeoPackage like any other, and a QuyTap project) trimmed
// to one or more communes' rows — tombstones included, and each kept row's audit history, which is
// what the merge on the other side uses to tell "they changed it" from "we changed it".
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { TABLE_NAMES, TABLES, type FieldDef, type TableName } from '../../shared/model';
import { resolveCompact, textLeavesStateToRow } from './audit-compact';
import { decodeRaw, selectColumns } from './row-codec';
import { registerSqlFunctions } from './sql-functions';
import { layoutOf, q } from './table-columns';

export interface PackageInfo {
  id: string;
  communes: string[] | null;
  createdAt: string;
  createdBy: string;
  source: string;
}

const hasField = (t: TableName, f: string) => (TABLES[t].fields as readonly FieldDef[]).some((x) => x.name === f);

/** What stays in a package of these communes (null = the whole project). */
function keepWhere(table: TableName, communes: string[] | null): string | null {
  if (!communes) return null;
  const list = communes.map((c) => `'${c.replace(/'/g, "''")}'`).join(',');
  if (hasField(table, 'commune_code')) return `commune_code IN (${list})`;
  if (table === 'admin_units') return `code IN (${list})`;
  return null;
}

/** Writes the package next to nothing: VACUUM INTO a new file, then trims the copy. */
export function writePackage(db: Database.Database, out: string, communes: string[] | null, who: { author: string; source: string }): PackageInfo {
  if (existsSync(out)) throw Object.assign(new Error(`exists: ${out}`), { code: 'EEXIST' });
  db.prepare('VACUUM INTO ?').run(out);
  const info: PackageInfo = { id: randomUUID(), communes, createdAt: new Date().toISOString(), createdBy: who.author, source: who.source };
  const p = new Database(out);
  try {
    registerSqlFunctions(p);
    p.transaction(() => {
      if (communes) {
        for (const t of TABLE_NAMES) {
          const keep = keepWhere(t, communes);
          if (keep) p.exec(`DELETE FROM ${q(t)} WHERE NOT (${keep}) OR ${keep.split(' IN ')[0]} IS NULL`);
          else if (t === 'links') continue;
          else if (t === 'attachments') continue;
          else p.exec(`DELETE FROM ${q(t)}`); // the district's base map is not the commune's work
        }
        // Links and attachments follow the rows they belong to.
        const kept = TABLE_NAMES.filter((t) => t !== 'links' && t !== 'attachments')
          .map((t) => `SELECT uuid FROM ${q(t)}`)
          .join(' UNION ALL ');
        p.exec(`DELETE FROM links WHERE from_id NOT IN (${kept}) OR to_id NOT IN (${kept})`);
        p.exec(`DELETE FROM attachments WHERE owner_id NOT IN (${kept})`);
      }
      // The append-only rule protects a project's history; in a package copy, the history of rows
      // that are not in the package is trimmed (the project itself is untouched).
      for (const { name } of p.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'qt_audit_log'").all() as { name: string }[])
        p.exec(`DROP TRIGGER ${q(name)}`);
      const all = TABLE_NAMES.map((t) => `SELECT '${t}' AS t, uuid FROM ${q(t)}`).join(' UNION ALL ');
      p.exec(`DELETE FROM qt_audit_log WHERE (table_name, uuid) NOT IN (SELECT t, uuid FROM (${all}))`);
      p.exec('DELETE FROM qt_edits');
      p.prepare("INSERT INTO qt_meta (key, value) VALUES ('exchange_package', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(JSON.stringify(info));
    })();
    p.exec('VACUUM');
  } catch (e) {
    p.close();
    rmSync(out, { force: true });
    throw e;
  }
  p.close();
  return info;
}

export function readPackageInfo(db: Database.Database): PackageInfo | null {
  const r = db.prepare("SELECT value FROM qt_meta WHERE key = 'exchange_package'").get() as { value: string } | undefined;
  return r ? (JSON.parse(r.value) as PackageInfo) : null;
}

/**
 * Audit 'after' states of every row of a table (oldest first), for the merge; compact insert entries
 * get their state back (audit-compact.ts), and one whose state cannot be known is left out.
 */
export function historyStates(db: Database.Database, table: TableName): Map<string, string[]> {
  const rows = new Map<string, { before: string | null; after: string | null }[]>();
  for (const r of db.prepare('SELECT uuid, before, after FROM qt_audit_log WHERE table_name = ? ORDER BY seq').iterate(table) as Iterable<{ uuid: string; before: string | null; after: string | null }>) {
    const list = rows.get(r.uuid);
    if (list) list.push(r);
    else rows.set(r.uuid, [r]);
  }
  const layout = layoutOf(table);
  const current = db.prepare(`SELECT ${selectColumns(layout)} FROM ${q(table)} WHERE uuid = ?`).raw(true);
  const out = new Map<string, string[]>();
  for (const [uuid, list] of rows) {
    let states = list.filter((e) => e.after !== null).map((e) => e.after!);
    if (states.some(textLeavesStateToRow)) {
      const parsed = list.map((e) => ({ before: e.before === null ? null : (JSON.parse(e.before) as Record<string, unknown>), after: e.after === null ? null : (JSON.parse(e.after) as Record<string, unknown>) }));
      const now = current.get(uuid) as unknown[] | undefined;
      resolveCompact(parsed, now ? decodeRaw(layout, now) : null);
      states = parsed.filter((e) => e.after !== null && e.after.props !== undefined).map((e) => JSON.stringify(e.after));
    }
    out.set(uuid, states);
  }
  return out;
}

/** qt_exchange_log (schema v4): which packages were imported, when, by whom, with what outcome. */
export function logPackageImport(db: Database.Database, e: { packageId: string; author: string; source: string; applied: number; conflicts: number; editId: number | null }): void {
  db.prepare('INSERT INTO qt_exchange_log (package_id, imported_at, author, source, applied, conflicts, edit_id) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    e.packageId,
    new Date().toISOString(),
    e.author,
    e.source,
    e.applied,
    e.conflicts,
    e.editId,
  );
}

export interface ExchangeAccess {
  writePackage(out: string, communes: string[] | null, who: { author: string; source: string }): PackageInfo;
  packageInfo(): PackageInfo | null;
  historyStates(table: TableName): Map<string, string[]>;
  logPackageImport(e: Parameters<typeof logPackageImport>[1]): void;
}

export function exchangeAccess(db: Database.Database): ExchangeAccess {
  return {
    writePackage: (out, communes, who) => writePackage(db, out, communes, who),
    packageInfo: () => readPackageInfo(db),
    historyStates: (table) => historyStates(db, table),
    logPackageImport: (e) => logPackageImport(db, e),
  };
}
