// qt_edits: one row per edit. `inverse` holds the ops that undo it, with the content to restore.
// `forward` first records what the edit did (ops without content: that is in the audit log under
// the same edit_id); an undo replaces it with the ops that redo the edit from the undone state, and
// a redo replaces `inverse` likewise. Both always apply to the file's current state: versions only
// grow, so ops recorded once would no longer match after an undo/redo round trip.
import type Database from 'better-sqlite3';
import type { TableName, UndoState } from '../../shared/model';
import { NOW_SQL } from './gpkg-core';
import type { OpContext, OpOutcome, StoredOp } from './row-ops';
import type { StatementCache } from './statements';

/** Undo depth kept in the file; older edits stay in the audit log but can no longer be undone. */
export const UNDO_DEPTH = 500;

export interface JournalEntry {
  id: number;
  label: string;
  forward: string;
  inverse: string;
}

/**
 * A run of inserts into one table, as kept in qt_edits: one op naming every row instead of one op
 * per row (an import of 40,000 rows wrote 7 MB of JSON in per-row ops, 3 MB like this). Forward
 * `{"op":"insert","table":…,"ids":[…],"version":1}`, inverse `{"op":"delete",…,"ids":[…],"baseVersion":1}`
 * with the ids last-first. Files written before hold per-row ops only; readOps reads both.
 */
interface InsertRun {
  op: 'insert' | 'delete';
  table: TableName;
  ids: string[];
  version?: number;
  baseVersion?: number;
}

/**
 * The same run for a streamed import (applyInsertStream), naming its rows by the edit's insert audit
 * entries instead of listing them: `{"op":"insert","table":…,"audit":{"edit":…,"after":…},"version":1}`,
 * the rows being the inserts into that table audited under that edit after that seq, in seq order
 * (the inverse last-first). The audit log is append-only, so the list is fixed once committed. Two
 * lists of 80,000 ids were the largest step of the import's peak memory (+30 MB).
 */
interface AuditedInsertRun {
  op: 'insert' | 'delete';
  table: TableName;
  audit: { edit: number; after: number };
  version?: number;
  baseVersion?: number;
}

/** The ids of an AuditedInsertRun, in seq order or last-first. */
export type AuditedIds = (table: TableName, edit: number, after: number, order: 'ASC' | 'DESC') => string[];

/**
 * The JSON list of a side of these outcomes: `forward` in the order applied, `inverse` last-first (a
 * later op on a row is undone before an earlier one). Consecutive inserts into a table are one op.
 */
export function opsJson(outcomes: readonly OpOutcome[], side: 'forward' | 'inverse'): string {
  const parts: string[] = [];
  const n = outcomes.length;
  for (let k = 0; k < n; ) {
    const o = outcomes[side === 'forward' ? k : n - 1 - k]!;
    const own = o[side];
    if (own !== undefined) {
      parts.push(own);
      k++;
      continue;
    }
    const table = o.result.table;
    const ids: string[] = [];
    for (; k < n; k++) {
      const r = outcomes[side === 'forward' ? k : n - 1 - k]!;
      if (r[side] !== undefined || r.result.table !== table) break;
      ids.push(r.result.id);
    }
    const list = JSON.stringify(ids);
    parts.push(
      side === 'forward'
        ? `{"op":"insert","table":${JSON.stringify(table)},"ids":${list},"version":1}`
        : `{"op":"delete","table":${JSON.stringify(table)},"ids":${list},"baseVersion":1}`,
    );
  }
  return `[${parts.join(',')}]`;
}

/** The ops of a qt_edits list, runs of inserts (and their inverse) given back one op per row. */
export function readOps(json: string, audited?: AuditedIds): StoredOp[] {
  const out: StoredOp[] = [];
  for (const o of JSON.parse(json) as (StoredOp | InsertRun | AuditedInsertRun)[]) {
    if (!('ids' in o) && !('audit' in o)) {
      out.push(o);
      continue;
    }
    let ids: string[];
    if ('ids' in o) ids = o.ids;
    else if (audited) ids = audited(o.table, o.audit.edit, o.audit.after, o.op === 'delete' ? 'DESC' : 'ASC');
    else throw new Error(`journal op ${o.op} ${o.table} names its rows by the audit log, and no reader of it was given`);
    if (o.op === 'delete') for (const id of ids) out.push({ op: 'delete', table: o.table, id, baseVersion: o.baseVersion! });
    else for (const id of ids) out.push({ op: 'insert', table: o.table, id });
  }
  return out;
}

/**
 * Each operator has their own undo and redo stack (qt_edits.author: the name the edit was recorded
 * under, as checkAuthor gives it): undo takes back the caller's own latest edit, never another
 * person's later one. Entries of several operators interleave in the table; a replay whose rows
 * someone else changed since is refused by the row versions (undo-redo.ts).
 */
export class EditJournal {
  constructor(
    private readonly db: Database.Database,
    private readonly stmts: StatementCache,
  ) {}

  /** Starts a new edit: the author's redo stack goes (a new edit makes it meaningless); others' stay. */
  begin(at: string, author: string, label: string): number {
    this.stmts.get('DELETE FROM qt_edits WHERE undone = 1 AND author = ?').run(author);
    return Number(this.stmts.get("INSERT INTO qt_edits (at, author, label, forward, inverse, undone) VALUES (?, ?, ?, '[]', '[]', 0)").run(at, author, label).lastInsertRowid);
  }

  /** Records what the edit did; the author's undo history keeps its UNDO_DEPTH latest edits. */
  finish(editId: number, outcomes: OpOutcome[]): void {
    this.finishWith(editId, opsJson(outcomes, 'forward'), opsJson(outcomes, 'inverse'));
  }

  /**
   * finish() for an edit that only inserted rows into one table, each with its audit entry (a
   * streamed import): one AuditedInsertRun each way, naming the inserts audited after `afterSeq`.
   */
  finishInserts(editId: number, table: TableName, afterSeq: number): void {
    const run = (op: 'insert' | 'delete') =>
      JSON.stringify([{ op, table, audit: { edit: editId, after: afterSeq }, ...(op === 'insert' ? { version: 1 } : { baseVersion: 1 }) }]);
    this.finishWith(editId, run('insert'), run('delete'));
  }

  /** The rows of an AuditedInsertRun (readOps' `audited`). */
  readonly auditedIds: AuditedIds = (table, edit, after, order) =>
    this.stmts
      .get(`SELECT uuid FROM qt_audit_log WHERE seq > ? AND edit_id = ? AND table_name = ? AND action = 'insert' ORDER BY seq ${order === 'DESC' ? 'DESC' : 'ASC'}`, true)
      .all(after, edit, table)
      .map((r) => (r as [string])[0]);

  private finishWith(editId: number, forward: string, inverse: string): void {
    this.stmts.get('UPDATE qt_edits SET forward = ?, inverse = ? WHERE id = ?').run(forward, inverse, editId);
    this.trim(editId);
  }

  /** The author's undo history keeps its UNDO_DEPTH latest edits. */
  private trim(editId: number): void {
    this.stmts
      .get(
        `DELETE FROM qt_edits WHERE undone = 0 AND author = (SELECT author FROM qt_edits WHERE id = @id)
           AND id <= (SELECT id FROM qt_edits WHERE undone = 0 AND author = (SELECT author FROM qt_edits WHERE id = @id) ORDER BY id DESC LIMIT 1 OFFSET @depth)`,
      )
      .run({ id: editId, depth: UNDO_DEPTH });
  }

  /** The author's latest edit not undone: what their undo takes back. */
  lastDone(author: string): JournalEntry | null {
    return (this.stmts.get('SELECT id, label, forward, inverse FROM qt_edits WHERE undone = 0 AND author = ? ORDER BY id DESC LIMIT 1').get(author) as JournalEntry | undefined) ?? null;
  }

  /** The author's most recently undone edit (the lowest id: a new edit of theirs clears the rest). */
  firstUndone(author: string): JournalEntry | null {
    return (this.stmts.get('SELECT id, label, forward, inverse FROM qt_edits WHERE undone = 1 AND author = ? ORDER BY id ASC LIMIT 1').get(author) as JournalEntry | undefined) ?? null;
  }

  /** After an undo: what was applied is now the way forward again. */
  markUndone(id: number, redoOps: OpOutcome[]): void {
    this.stmts.get('UPDATE qt_edits SET undone = 1, forward = ? WHERE id = ?').run(opsJson(redoOps, 'inverse'), id);
  }

  markRedone(id: number, applied: OpOutcome[]): void {
    this.stmts.get('UPDATE qt_edits SET undone = 0, inverse = ? WHERE id = ?').run(opsJson(applied, 'inverse'), id);
  }

  /** What this author's undo and redo would do. */
  state(author: string): UndoState {
    // Labels only: an import's ops are megabytes of JSON.
    const u = this.stmts.get('SELECT label FROM qt_edits WHERE undone = 0 AND author = ? ORDER BY id DESC LIMIT 1').get(author) as { label: string } | undefined;
    const r = this.stmts.get('SELECT label FROM qt_edits WHERE undone = 1 AND author = ? ORDER BY id ASC LIMIT 1').get(author) as { label: string } | undefined;
    return { canUndo: u !== undefined, canRedo: r !== undefined, undoLabel: u ? u.label : null, redoLabel: r ? r.label : null };
  }
}

/** Keeps gpkg_contents' extent and last_change true after rows were written. */
export function touchContents(ctx: OpContext): void {
  for (const [table, e] of ctx.touched as Map<TableName, [number, number, number, number] | null>) {
    if (e)
      ctx.stmts
        .get(
          `UPDATE gpkg_contents SET last_change = ${NOW_SQL},
             min_x = min(coalesce(min_x, @minx), @minx), min_y = min(coalesce(min_y, @miny), @miny),
             max_x = max(coalesce(max_x, @maxx), @maxx), max_y = max(coalesce(max_y, @maxy), @maxy)
           WHERE table_name = @table`,
        )
        .run({ minx: e[0], miny: e[1], maxx: e[2], maxy: e[3], table });
    else ctx.stmts.get(`UPDATE gpkg_contents SET last_change = ${NOW_SQL} WHERE table_name = ?`).run(table);
  }
}
