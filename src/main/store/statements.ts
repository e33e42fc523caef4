// Prepared statements, compiled once per connection: preparing costs more than running a small
// statement, and an import runs the same insert 100,000 times.
import type Database from 'better-sqlite3';
import type { TableName } from '../../shared/model';
import { selectColumns } from './row-codec';
import { GEOM_COLUMN, layoutOf, q, type TableLayout } from './table-columns';

export interface TableStatements {
  layout: TableLayout;
  insert: Database.Statement;
  /** full replacement of geometry and fields, guarded by the version the caller read */
  update: Database.Statement;
  setDeleted: Database.Statement;
  /** tombstone flag and content in one write (a restore that brings other content back, or its undo) */
  setDeletedWith: Database.Statement;
  byUuid: Database.Statement;
  versionByUuid: Database.Statement;
}

export class StatementCache {
  private readonly tables = new Map<TableName, TableStatements>();
  private readonly dynamic = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly maxDynamic = 256,
  ) {}

  table(name: TableName): TableStatements {
    let s = this.tables.get(name);
    if (!s) {
      const l = layoutOf(name);
      const t = q(name);
      const geom = l.geometryType ? [q(GEOM_COLUMN)] : [];
      const fields = l.fields.map((f) => q(f.name));
      const insertCols = [...geom, 'uuid', ...fields, 'created_at', 'created_by', 'updated_at', 'updated_by', 'version', 'deleted'];
      const setCols = [...geom, ...fields, 'updated_at', 'updated_by', 'version'];
      s = {
        layout: l,
        insert: this.db.prepare(`INSERT INTO ${t} (${insertCols.join(', ')}) VALUES (${insertCols.map(() => '?').join(', ')})`),
        update: this.db.prepare(`UPDATE ${t} SET ${setCols.map((c) => `${c} = ?`).join(', ')} WHERE fid = ? AND version = ?`),
        setDeleted: this.db.prepare(`UPDATE ${t} SET deleted = ?, updated_at = ?, updated_by = ?, version = ? WHERE fid = ? AND version = ?`),
        setDeletedWith: this.db.prepare(`UPDATE ${t} SET ${[...setCols.slice(0, -3), 'deleted', ...setCols.slice(-3)].map((c) => `${c} = ?`).join(', ')} WHERE fid = ? AND version = ?`),
        byUuid: this.db.prepare(`SELECT ${selectColumns(l)} FROM ${t} WHERE uuid = ?`).raw(true),
        versionByUuid: this.db.prepare(`SELECT fid, version, deleted FROM ${t} WHERE uuid = ?`).raw(true),
      };
      this.tables.set(name, s);
    }
    return s;
  }

  /** Statements whose SQL depends on the query's shape (filters, bbox); least recently used evicted. */
  get(sql: string, raw = false): Database.Statement {
    const key = `${raw ? 'r' : 'o'}${sql}`;
    let st = this.dynamic.get(key);
    if (st) {
      this.dynamic.delete(key);
    } else {
      st = this.db.prepare(sql);
      if (raw) st.raw(true);
      if (this.dynamic.size >= this.maxDynamic) this.dynamic.delete(this.dynamic.keys().next().value!);
    }
    this.dynamic.set(key, st);
    return st;
  }
}
