// Undo and redo replay the journal's ops in a new transaction. Every op checks the row's version,
// so if anything changed the row since, the whole undo fails with a conflict and changes nothing.
import type { EditResult } from '../../shared/model';
import { bulkFor, checkAuthor, newOpContext, type EditDeps } from './apply-edit';
import { readOps, touchContents } from './edit-journal';
import { applyStoredOp, type OpOutcome } from './row-ops';

export function undo(deps: EditDeps, authorIn: string): EditResult | null {
  const author = checkAuthor(authorIn);
  return deps.db
    .transaction(() => {
      const entry = deps.journal.lastDone();
      if (!entry) return null;
      const ops = readOps(entry.inverse);
      const ctx = { ...newOpContext(deps, author, entry.id, `Hoàn tác: ${entry.label}`), replayOf: entry.id };
      ctx.bulk = bulkFor(ctx, ops.map((op) => op.table));
      const applied: OpOutcome[] = ops.map((op) => applyStoredOp(ctx, op));
      ctx.bulk?.finish();
      deps.journal.markUndone(entry.id, applied);
      touchContents(ctx);
      return { editId: entry.id, rows: applied.map((o) => o.result) };
    })
    .immediate();
}

export function redo(deps: EditDeps, authorIn: string): EditResult | null {
  const author = checkAuthor(authorIn);
  return deps.db
    .transaction(() => {
      const entry = deps.journal.firstUndone();
      if (!entry) return null;
      const ops = readOps(entry.forward);
      const ctx = { ...newOpContext(deps, author, entry.id, `Làm lại: ${entry.label}`), replayOf: entry.id };
      ctx.bulk = bulkFor(ctx, ops.map((op) => op.table));
      const applied: OpOutcome[] = ops.map((op) => applyStoredOp(ctx, op));
      ctx.bulk?.finish();
      deps.journal.markRedone(entry.id, applied);
      touchContents(ctx);
      return { editId: entry.id, rows: applied.map((o) => o.result) };
    })
    .immediate();
}
