// Who changed a row, read from its audit log, so that a refused change can name the person whose
// work it would have overwritten. Asked only when a conflict has already been found.
import type { TableName } from '../../shared/model';
import type { Writer } from './errors';
import type { StatementCache } from './statements';

/**
 * The author of the row's latest audit entry, if that entry made the row's current version; null when
 * the version moved on without one (a tool outside QuyTap wrote the row: the version trigger).
 */
export function lastWriter(stmts: StatementCache, table: TableName, id: string, version: number): Writer | null {
  const r = stmts
    .get("SELECT author, action, json_extract(after, '$.version') AS v FROM qt_audit_log WHERE table_name = ? AND uuid = ? ORDER BY seq DESC LIMIT 1")
    .get(table, id) as { author: string; action: Writer['action']; v: number | null } | undefined;
  return r && r.v === version ? { author: r.author, action: r.action } : null;
}

/**
 * Who changed the row after the journal entry `editId` (its edit, undo or redo) last wrote it: the
 * latest such change by someone other than `author`, else the latest by `author`; null if there is
 * none in the log (a tool outside QuyTap).
 */
export function laterWriter(stmts: StatementCache, table: TableName, id: string, editId: number, author: string): Writer | null {
  const r = stmts
    .get(
      `SELECT author, action FROM qt_audit_log
        WHERE table_name = @table AND uuid = @id
          AND seq > (SELECT coalesce(max(seq), 0) FROM qt_audit_log WHERE table_name = @table AND uuid = @id AND edit_id = @editId)
        ORDER BY author = @author, seq DESC LIMIT 1`,
    )
    .get({ table, id, editId, author }) as Writer | undefined;
  return r ?? null;
}
