// What a `project.changed` event tells every client about an edit: the rows written, each with its
// version and where it is now, so that a map redraws only those rows' tiles instead of reading the
// whole table again. Read right after the edit committed, from the rows themselves.
import type { EditResult, TableName } from '../../shared/model';
import { geometryExtent } from '../../shared/model';
import { CHANGED_ROWS_MAX, type ChangedRow } from '../../shared/contract/presence';
import type { ProjectStore } from '../store';

export interface ProjectChange {
  tables: TableName[];
  editId: number | null;
  rows?: ChangedRow[];
  author?: string;
}

/** The event of an edit's result: its tables always, its rows (with extents) unless there are too many. */
export function changeOf(store: ProjectStore, result: EditResult, author?: string): ProjectChange {
  const tables = [...new Set(result.rows.map((x) => x.table))];
  const out: ProjectChange = { tables, editId: result.editId, ...(author ? { author } : {}) };
  // An import of thousands of rows: the clients read the tables again, as before.
  if (result.rows.length > CHANGED_ROWS_MAX) return out;
  out.rows = result.rows.map((r) => {
    const row = r.deleted ? null : store.get(r.table, r.id);
    const extent = row?.geometry && !row.meta.deleted ? geometryExtent(row.geometry) : null;
    return { table: r.table, id: r.id, version: r.version, deleted: r.deleted, extent: extent ? [extent[0], extent[1], extent[2], extent[3]] : null };
  });
  return out;
}
