// Large edits maintain the R-tree themselves instead of through the standard triggers. The triggers
// call ST_MinX & co. five times per row, each a JS call that copies the blob: ~25 µs a row, most of
// an import's time. Inside the edit's transaction the geometry triggers are dropped, the index is
// written from the envelopes we already know, and the triggers are re-created from their own stored
// SQL before commit. DDL is transactional in SQLite: a failure or a crash rolls the drop back, and
// other connections never see the file without its triggers (GDAL does the same for bulk loads).
import type Database from 'better-sqlite3';
import type { Extent, Geometry, TableName } from '../../shared/model';
import { geometryExtent } from '../../shared/model';
import type { StatementCache } from './statements';
import { GEOM_COLUMN, layoutOf, q } from './table-columns';

/** Below this many geometry writes to one table, the triggers' cost does not matter. */
export const BULK_RTREE_THRESHOLD = 200;

/** The triggers that fire on the writes we do (insert, update of geom); fid never changes. */
function suspendedTriggerNames(rtree: string): string[] {
  return [`${rtree}_insert`, `${rtree}_update1`, `${rtree}_update2`];
}

export class ManualRtree {
  private readonly restore: string[] = [];
  readonly tables = new Set<TableName>();

  constructor(
    private readonly db: Database.Database,
    private readonly stmts: StatementCache,
  ) {}

  /** Call inside the transaction, before the table's rows are written. */
  suspend(table: TableName): void {
    const rtree = layoutOf(table).rtree;
    if (!rtree || this.tables.has(table)) return;
    const names = suspendedTriggerNames(rtree);
    const rows = this.db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${names.map(() => '?').join(', ')})`).all(...names) as {
      name: string;
      sql: string;
    }[];
    // Only the complete standard set is taken over; anything unexpected stays with the triggers.
    if (rows.length !== names.length) return;
    for (const r of rows) {
      this.db.exec(`DROP TRIGGER ${q(r.name)}`);
      this.restore.push(r.sql);
    }
    this.tables.add(table);
  }

  /** After an insert or an update of `geom` on a suspended table. */
  write(table: TableName, fid: number, g: Geometry | null): void {
    const rtree = q(layoutOf(table).rtree!);
    if (!g) {
      this.stmts.get(`DELETE FROM ${rtree} WHERE id = ?`).run(fid);
      return;
    }
    const e: Extent = geometryExtent(g);
    this.stmts.get(`INSERT OR REPLACE INTO ${rtree} (id, minx, maxx, miny, maxy) VALUES (?, ?, ?, ?, ?)`).run(fid, e[0], e[2], e[1], e[3]);
  }

  /** Call inside the transaction, after the last row was written. */
  resume(): void {
    for (const sql of this.restore.splice(0)) this.db.exec(sql);
    this.tables.clear();
  }
}

/** Tables that an edit writes geometries to at least BULK_RTREE_THRESHOLD times. */
export function bulkTables(ops: Iterable<{ table: TableName; writesGeometry: boolean }>): TableName[] {
  const counts = new Map<TableName, number>();
  for (const o of ops) if (o.writesGeometry && layoutOf(o.table).geometryType) counts.set(o.table, (counts.get(o.table) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= BULK_RTREE_THRESHOLD).map(([t]) => t);
}

export { GEOM_COLUMN };
