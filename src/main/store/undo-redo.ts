// Undo and redo replay the journal's ops in a new transaction. Each operator undoes and redoes only
// their own edits (edit-journal.ts). Every op checks the row's version, so if anyone changed the row
// since, the whole undo fails with a conflict naming who, and changes nothing.
import { ApiError } from '../../shared/api-error';
import type { EditResult } from '../../shared/model';
import { bulkFor, checkAuthor, newOpContext, type EditDeps, type PlannedWrite } from './apply-edit';
import { readOps, touchContents, type JournalEntry } from './edit-journal';
import { replayConflictError } from './errors';
import { applyStoredOp, readStored, type OpContext, type OpOutcome, type StoredOp } from './row-ops';
import { laterWriter } from './row-writers';

export function undo(deps: EditDeps, authorIn: string): EditResult | null {
  return replay(deps, authorIn, 'undo');
}

export function redo(deps: EditDeps, authorIn: string): EditResult | null {
  return replay(deps, authorIn, 'redo');
}

function replay(deps: EditDeps, authorIn: string, kind: 'undo' | 'redo'): EditResult | null {
  const author = checkAuthor(authorIn);
  return deps.db
    .transaction(() => {
      const entry = kind === 'undo' ? deps.journal.lastDone(author) : deps.journal.firstUndone(author);
      if (!entry) return null;
      const ops = readOps(kind === 'undo' ? entry.inverse : entry.forward, deps.journal.auditedIds);
      const label = `${kind === 'undo' ? 'Hoàn tác' : 'Làm lại'}: ${entry.label}`;
      const ctx = { ...newOpContext(deps, author, entry.id, label), replayOf: entry.id };
      ctx.bulk = bulkFor(ctx, ops.map((op) => op.table));
      const check = deps.beforeWrite?.(kind, author) ?? null;
      const applied: OpOutcome[] = ops.map((op) => {
        if (check) adopt(op, planned(ctx, op), check);
        return applyOrRefuse(ctx, op, entry, kind);
      });
      ctx.bulk?.finish();
      if (kind === 'undo') deps.journal.markUndone(entry.id, applied);
      else deps.journal.markRedone(entry.id, applied);
      touchContents(ctx);
      return { editId: entry.id, rows: applied.map((o) => o.result) };
    })
    .immediate();
}

/**
 * The replayed op as the write hook sees it. An op that carries content hands the hook that content
 * itself, so what the hook sets (the commune from the geometry) is what gets written; a bare delete
 * or restore writes the stored content back unchanged.
 */
function planned(ctx: OpContext, op: StoredOp): PlannedWrite {
  const s = readStored(ctx, op.table, op.id);
  const before = s ? { props: s.props, geometry: s.geometry, deleted: s.deleted } : null;
  const deleted = op.op === 'delete' ? true : op.op === 'restore' || op.op === 'insert' ? false : (s?.deleted ?? false);
  const content = op.row ?? { props: { ...(s?.props ?? {}) }, geometry: s?.geometry ?? null };
  return { table: op.table, id: op.id, before, after: { props: content.props, geometry: content.geometry, deleted } };
}

/**
 * Shows the hook the row and, when it changed the content of a bare restore (the commune of a row
 * brought back where the boundaries now say otherwise), restores with that content: what is written
 * is what the hook judged.
 */
function adopt(op: StoredOp, w: PlannedWrite, check: (w: PlannedWrite) => void): void {
  if (op.op !== 'restore' || op.row) return check(w);
  const before = JSON.stringify(w.after.props);
  check(w);
  if (JSON.stringify(w.after.props) !== before) op.row = { props: w.after.props, geometry: w.after.geometry };
}

/** A row's conflict becomes the sentence that says whose later change stops the undo. */
function applyOrRefuse(ctx: OpContext, op: StoredOp, entry: JournalEntry, kind: 'undo' | 'redo'): OpOutcome {
  try {
    return applyStoredOp(ctx, op);
  } catch (e) {
    if (!(e instanceof ApiError) || (e.code !== 'conflict' && e.code !== 'not_found')) throw e;
    const d = e.details as { table?: unknown; id?: unknown } | undefined;
    if (d?.table !== op.table || d?.id !== op.id) throw e;
    const by = laterWriter(ctx.stmts, op.table, op.id, entry.id, ctx.author);
    throw replayConflictError(kind, entry.label, op.table, op.id, by, by?.author === ctx.author, e);
  }
}
