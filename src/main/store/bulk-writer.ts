// Large edits (imports, the demo, undo of an import) write rows in batches. Two costs dominate a
// row-by-row write: each statement crossing from JS into SQLite binds every value one by one, and
// the standard R-tree triggers call ST_MinX & co. five times per row, each a JS call that copies
// the blob (~25 µs a row). So for a table an edit writes many rows to:
//  - inserts go out as multi-row INSERTs (64 rows a statement; the values every row shares, time and
//    author, bound once), their audit entries likewise;
//  - the table's geometry triggers are dropped inside the edit's transaction, the index is written
//    from the envelopes we already know (all at the end, in Hilbert order: spatial-order.ts), and the triggers are re-created from their own stored SQL
//    before commit. DDL is transactional in SQLite: a failure or a crash rolls the drop back, and
//    other connections never see the file without its triggers (GDAL does the same for bulk loads).
import type Database from 'better-sqlite3';
import type { Extent, TableName } from '../../shared/model';
import type { StatementCache } from './statements';
import { hilbertOrder } from './spatial-order';
import { bulkLoadRtree } from './rtree-bulk';
import { GEOM_COLUMN, layoutOf, q } from './table-columns';

/** Below this many rows written to one table, row-by-row is fast enough and simpler. */
export const BULK_THRESHOLD = 200;
const BATCH = 64;

/** The triggers that fire on the writes we do (insert, update of geom); fid never changes. */
function geometryTriggers(rtree: string): string[] {
  return [`${rtree}_insert`, `${rtree}_update1`, `${rtree}_update2`];
}

/** Rows waiting for the table's next multi-row INSERT. */
interface PendingRows {
  ids: string[];
  /** per row: geom (feature tables), uuid, then the fields; all rows in one list, as the INSERT binds them */
  values: unknown[];
  envs: (Extent | null)[];
}

const noRows = (): PendingRows => ({ ids: [], values: [], envs: [] });

/** fid and envelope (minx, maxx, miny, maxy: the R-tree's column order) of each row, growing. */
class RtreeEntries {
  fids: number[] = [];
  env = new Float64Array(4 * 1024);
  n = 0;
  push(fid: number, e: Extent): void {
    if ((this.n + 1) * 4 > this.env.length) {
      const bigger = new Float64Array(this.env.length * 2);
      bigger.set(this.env);
      this.env = bigger;
    }
    const o = this.n * 4;
    this.env[o] = e[0];
    this.env[o + 1] = e[2];
    this.env[o + 2] = e[1];
    this.env[o + 3] = e[3];
    this.fids.push(fid);
    this.n++;
  }
}

export interface SharedValues {
  now: string;
  author: string;
  editId: number;
  label: string;
}

export class BulkWriter {
  private readonly restore: string[] = [];
  /** tables whose R-tree we maintain ourselves for the rest of the transaction */
  readonly manualRtree = new Set<TableName>();
  /** tables whose inserts are batched */
  readonly batched = new Set<TableName>();
  private readonly pending = new Map<TableName, PendingRows>();
  private readonly rtreePending = new Map<TableName, RtreeEntries>();
  private readonly batchStatements = new Map<string, Database.Statement>();
  private audits: unknown[] = [];
  private auditCount = 0;
  /** the table and action every queued audit entry shares, none of them with a `before`; else null */
  private auditRun: { table: string; action: string } | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly stmts: StatementCache,
    private readonly shared: SharedValues,
  ) {}

  /** Call inside the transaction, before the table's rows are written. */
  take(table: TableName): void {
    this.batched.add(table);
    const rtree = layoutOf(table).rtree;
    if (!rtree || this.manualRtree.has(table)) return;
    const names = geometryTriggers(rtree);
    const rows = this.db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${names.map(() => '?').join(', ')})`)
      .all(...names) as { name: string; sql: string }[];
    // Only the complete standard set is taken over; anything unexpected stays with the triggers.
    if (rows.length !== names.length) return;
    for (const r of rows) {
      this.db.exec(`DROP TRIGGER ${q(r.name)}`);
      this.restore.push(r.sql);
    }
    this.manualRtree.add(table);
  }

  /**
   * Where the next row inserted into `table` puts its values (geom for feature tables, uuid, then the
   * fields), straight into the batch's list; rowQueued then completes the row. A throw in between
   * leaves a partial row, but also fails the edit, whose transaction and writer are then discarded.
   */
  rowValues(table: TableName): unknown[] {
    let p = this.pending.get(table);
    if (!p) this.pending.set(table, (p = noRows()));
    return p.values;
  }

  rowQueued(table: TableName, id: string, env: Extent | null): void {
    const p = this.pending.get(table)!;
    p.ids.push(id);
    p.envs.push(env);
    if (p.ids.length >= BATCH) this.flushTable(table);
  }

  queueAudit(table: TableName, id: string, action: string, before: string | null, after: string | null): void {
    if (before !== null) this.auditRun = null;
    else if (this.auditCount === 0) this.auditRun = { table, action };
    else if (this.auditRun && (this.auditRun.table !== table || this.auditRun.action !== action)) this.auditRun = null;
    this.audits.push(table, id, action, before, after);
    if (++this.auditCount >= BATCH) this.flushAudits();
  }

  private flushAudits(): void {
    if (!this.auditCount) return;
    const values = this.audits;
    const n = this.auditCount;
    const run = this.auditRun;
    this.audits = [];
    this.auditCount = 0;
    if (run) {
      // A batch of one action on one table with no `before` (an import's inserts): those values are
      // bound once for the batch, leaving two per row (binding is most of the cost of these INSERTs).
      const perRow: unknown[] = new Array(2 * n);
      for (let i = 0; i < n; i++) {
        perRow[2 * i] = values[5 * i + 1];
        perRow[2 * i + 1] = values[5 * i + 4];
      }
      this.batchStatement('qt_audit_log/run', n, () =>
        `INSERT INTO qt_audit_log (at, author, table_name, uuid, action, edit_id, label, before, after) VALUES ${Array(n)
          .fill('(@now, @author, @table, ?, @action, @editId, @label, NULL, ?)')
          .join(', ')}`,
      ).run({ ...this.shared, table: run.table, action: run.action }, perRow);
      return;
    }
    this.batchStatement('qt_audit_log', n, () =>
      `INSERT INTO qt_audit_log (at, author, table_name, uuid, action, edit_id, label, before, after) VALUES ${Array(n)
        .fill('(@now, @author, ?, ?, ?, @editId, @label, ?, ?)')
        .join(', ')}`,
    ).run(this.shared, values);
  }

  /**
   * The multi-row INSERT of n rows into a table, prepared once per writer: building its SQL (some KiB)
   * and looking it up in the shared cache by that text cost more per batch than a Map hit.
   */
  private batchStatement(table: string, n: number, sql: () => string): Database.Statement {
    const key = `${table}:${n}`;
    let st = this.batchStatements.get(key);
    if (!st) this.batchStatements.set(key, (st = this.stmts.get(sql())));
    return st;
  }

  /** After an update of `geom` on a table whose R-tree is ours. */
  writeRtree(table: TableName, fid: number, env: Extent | null): void {
    const rtree = q(layoutOf(table).rtree!);
    if (!env) this.stmts.get(`DELETE FROM ${rtree} WHERE id = ?`).run(fid);
    else
      this.stmts
        .get(`INSERT OR REPLACE INTO ${rtree} (id, minx, maxx, miny, maxy) VALUES (?, ?, ?, ?, ?)`)
        .run(fid, env[0], env[2], env[1], env[3]);
  }

  private flushTable(table: TableName): void {
    const rows = this.pending.get(table);
    if (!rows?.ids.length) return;
    this.pending.set(table, noRows());
    const l = layoutOf(table);
    const n = rows.ids.length;
    const insert = this.batchStatement(table, n, () => {
      const cols = [...(l.geometryType ? [q(GEOM_COLUMN)] : []), 'uuid', ...l.fields.map((f) => q(f.name))];
      const rowSql = `(${cols.map(() => '?').join(', ')}, @now, @author, @now, @author, 1, 0)`;
      return `INSERT INTO ${q(table)} (${cols.join(', ')}, created_at, created_by, updated_at, updated_by, version, deleted) VALUES ${Array(n).fill(rowSql).join(', ')}`;
    });
    const last = Number(insert.run({ now: this.shared.now, author: this.shared.author }, rows.values).lastInsertRowid);
    // One INSERT of n rows under our write lock gives them consecutive fids (AUTOINCREMENT: each is
    // the largest so far + 1). Checked at both ends rather than asked back with RETURNING, which
    // costs more than the insert's binding.
    const uuidAt = this.stmts.get(`SELECT uuid FROM ${q(table)} WHERE fid = ?`, true);
    const consecutive =
      (uuidAt.get(last - n + 1) as [string] | undefined)?.[0] === rows.ids[0] &&
      (uuidAt.get(last) as [string] | undefined)?.[0] === rows.ids[n - 1];
    const fidOf = (i: number): number =>
      consecutive
        ? last - n + 1 + i
        : Number((this.stmts.get(`SELECT fid FROM ${q(table)} WHERE uuid = ?`, true).get(rows.ids[i]) as [number])[0]);

    if (this.manualRtree.has(table)) {
      let entries = this.rtreePending.get(table);
      if (!entries) this.rtreePending.set(table, (entries = new RtreeEntries()));
      for (let i = 0; i < n; i++) {
        const env = rows.envs[i];
        if (env) entries.push(fidOf(i), env);
      }
    }
  }

  /**
   * The R-tree entries of the rows inserted, written once all are known: packed into a rebuilt tree
   * when the index is empty or small next to them (rtree-bulk.ts), else inserted in Hilbert order.
   */
  private flushRtree(table: TableName): void {
    const e = this.rtreePending.get(table);
    this.rtreePending.delete(table);
    if (!e?.n) return;
    const rtree = layoutOf(table).rtree!;
    if (bulkLoadRtree(this.db, rtree, e.fids, e.env, e.n)) return;
    const insert = this.stmts.get(`INSERT OR REPLACE INTO ${q(rtree)} (id, minx, maxx, miny, maxy) VALUES (?, ?, ?, ?, ?)`);
    const env = e.env;
    for (const i of hilbertOrder(env, e.n)) insert.run(e.fids[i], env[i * 4], env[i * 4 + 1], env[i * 4 + 2], env[i * 4 + 3]);
  }

  /** Call inside the transaction, after the last row was written: flushes and restores triggers. */
  finish(): void {
    for (const t of this.pending.keys()) this.flushTable(t);
    for (const t of [...this.rtreePending.keys()]) this.flushRtree(t);
    this.flushAudits();
    for (const sql of this.restore.splice(0)) this.db.exec(sql);
    this.manualRtree.clear();
    this.batched.clear();
  }
}

/** Tables an edit writes at least BULK_THRESHOLD rows to. */
export function bulkTables(tables: Iterable<TableName>): TableName[] {
  const counts = new Map<TableName, number>();
  for (const t of tables) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= BULK_THRESHOLD).map(([t]) => t);
}
