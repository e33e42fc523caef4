// An Edit (rows put, rows removed) becomes row operations inside ONE transaction: all of it is
// written, with its audit entries and its undo record, or none of it.
import type Database from 'better-sqlite3';
import {
  isTableName,
  promoteToMulti,
  TABLES,
  validateProps,
  type EditInput,
  type EditResult,
  type Put,
  type Geometry,
  type Props,
  type TableName,
} from '../../shared/model';
import { fieldIssuesError, notFoundRow, conflictError, tableLabelVi, validationError } from './errors';
import { checkGeometry, GeometryError, to2D } from './geometry-codec';
import { EditJournal, touchContents } from './edit-journal';
import { insertRow, readStored, setDeleted, updateRow, type OpContext, type OpOutcome } from './row-ops';
import { BULK_THRESHOLD, BulkWriter, bulkTables } from './bulk-writer';
import type { StatementCache } from './statements';
import type { CrsDomain } from '../../shared/crs/domain';
import { q } from './table-columns';
import { uuid7 } from './uuid7';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function checkAuthor(author: unknown): string {
  if (typeof author !== 'string' || author.trim() === '' || author.length > 200)
    throw validationError('Chưa có tên người sửa: mọi thay đổi phải ghi được ai đã làm.', 'No author name: every change must record who made it.');
  return author.trim().normalize('NFC');
}

export function checkTable(table: unknown): TableName {
  if (typeof table !== 'string' || !isTableName(table)) throw validationError(`Không có bảng "${String(table)}".`, `Unknown table "${String(table)}".`);
  return table;
}

export function checkId(id: unknown): string {
  const s = typeof id === 'string' ? id.toLowerCase() : '';
  if (!UUID_RE.test(s)) throw validationError(`Mã đối tượng không hợp lệ: "${String(id)}".`, `Invalid row id: "${String(id)}".`);
  return s;
}

/** Accepted type, promoted to the table's declared multi type; undefined stays undefined. */
export function checkTableGeometry(table: TableName, g: Geometry | null | undefined): Geometry | null | undefined {
  if (g === undefined || g === null) return g;
  const def = TABLES[table];
  if (def.kind !== 'feature')
    throw validationError(`Bảng ${tableLabelVi(table)} không có hình học trên bản đồ.`, `Table ${def.en} has no geometry.`, { table });
  const accepts = (def as { accepts?: readonly string[] }).accepts ?? [];
  if (!accepts.includes(g.type))
    throw validationError(
      `Bảng ${tableLabelVi(table)} không nhận hình học kiểu ${g.type} (chỉ nhận: ${accepts.join(', ')}).`,
      `Table ${def.en} does not accept ${g.type} geometries (accepts: ${accepts.join(', ')}).`,
      { table, type: g.type, accepts },
    );
  try {
    checkGeometry(g);
  } catch (e) {
    if (e instanceof GeometryError) throw validationError(`Hình học không hợp lệ (${tableLabelVi(table)}): ${e.vi}`, `Invalid geometry (${def.en}): ${e.message}`, { table });
    throw e;
  }
  return to2D(promoteToMulti(g, (def as { geometryType?: string }).geometryType ?? 'GEOMETRY'));
}

function validated(table: TableName, props: Props): void {
  const issues = validateProps(table, props);
  for (const k in props) {
    const v = props[k];
    if (typeof v === 'number' && !Number.isFinite(v)) issues.push({ field: k, vi: `${k}: phải là số hữu hạn`, en: `${k}: must be a finite number` });
  }
  if (issues.length) throw fieldIssuesError(table, issues);
}

/**
 * A deletion must name the version the user saw (the contract requires it; callers inside main are
 * held to it here): deleting whatever the row has become meanwhile would throw away another
 * person's change unseen.
 */
function checkRemoveBase(table: TableName, id: string, baseVersion: unknown): number {
  if (typeof baseVersion === 'number' && Number.isInteger(baseVersion) && baseVersion >= 1) return baseVersion;
  throw validationError(
    `Yêu cầu xóa đối tượng (${tableLabelVi(table)} ${id}) thiếu phiên bản bạn đã xem, nên không xóa: hãy tải lại rồi xóa lại.`,
    `The deletion of ${table} ${id} does not name the version you saw, so nothing was deleted: reload and delete again.`,
    { table, id },
  );
}

export interface EditDeps {
  db: Database.Database;
  stmts: StatementCache;
  journal: EditJournal;
  srsId: number;
  /** The project's CRS domain (src/shared/crs/domain.ts); every geometry written must lie in it. */
  domain: CrsDomain;
  audit: Database.Statement;
  /** The services' rules, run inside the transaction on every row any edit, undo or redo writes (see WriteHook). */
  beforeWrite?: WriteHook | null;
}

/** A row as one write will leave it (or found it). */
export interface RowState {
  props: Props;
  geometry: Geometry | null;
  deleted: boolean;
}

/** What one row's write will do, shown to the hook before it happens. */
export interface PlannedWrite {
  table: TableName;
  id: string;
  /** The stored row; null for an insert. */
  before: RowState | null;
  /** The row after the write. The hook may set fields of `after.props` (the commune computed from the geometry). */
  after: RowState;
}

/**
 * The ONE place the services' rules on writes live (src/main/review/write-rules.ts: who may write
 * which commune, the approval lock, the commune of each feature from its geometry). The store calls
 * it once per edit, undo or redo — inside the write transaction, so whatever the caller (drawing,
 * import, package merge, a hand-made request) no write escapes it — and then the function it
 * returns for every row before that row is written. Throwing refuses the whole edit.
 */
export type WriteHook = (kind: 'edit' | 'undo' | 'redo', author: string) => ((w: PlannedWrite) => void) | null;

export function newOpContext(deps: EditDeps, author: string, editId: number, label: string, now = new Date().toISOString()): OpContext {
  return { db: deps.db, stmts: deps.stmts, srsId: deps.srsId, domain: deps.domain, now, author, editId, label, audit: deps.audit, bulk: null, replayOf: null, touched: new Map() };
}

/** Accepts the parsed Edit or its input form (defaults filled here), so the CLI and importers need no zod pass. */
/** Batches the writes to tables this edit writes many rows to (see bulk-writer.ts). */
export function bulkFor(ctx: OpContext, tables: unknown[]): BulkWriter | null {
  const big = bulkTables(tables.filter((t): t is TableName => typeof t === 'string' && isTableName(t)));
  if (!big.length) return null;
  const w = new BulkWriter(ctx.db, ctx.stmts, { now: ctx.now, author: ctx.author, editId: ctx.editId, label: ctx.label });
  for (const t of big) w.take(t);
  return w;
}

/**
 * For the batched tables of a large edit: which of the ids it names exist already ([fid, version,
 * deleted], as versionByUuid gives), asked 5,000 at a time instead of one query per row. Inside the
 * edit's write transaction, so nothing can change between this look-up and the writes.
 */
function existingIds(deps: EditDeps, puts: readonly Put[], tables: ReadonlySet<TableName>): Map<TableName, Map<string, number[]>> {
  const out = new Map<TableName, Map<string, number[]>>();
  const wanted = new Map<TableName, string[]>();
  for (const t of tables) {
    out.set(t, new Map());
    wanted.set(t, []);
  }
  for (const p of puts) if (p.id !== undefined && typeof p.id === 'string') wanted.get(p.table as TableName)?.push(p.id.toLowerCase());
  for (const [t, ids] of wanted) {
    const found = out.get(t)!;
    const st = deps.stmts.get(`SELECT uuid, fid, version, deleted FROM ${q(t)} WHERE uuid IN (SELECT value FROM json_each(?))`, true);
    for (let i = 0; i < ids.length; i += 5000)
      for (const r of st.all(JSON.stringify(ids.slice(i, i + 5000))) as [string, number, number, number][]) found.set(r[0], [r[1], r[2], r[3]]);
  }
  return out;
}

export function applyEdit(deps: EditDeps, edit: EditInput, authorIn: string): EditResult {
  const author = checkAuthor(authorIn);
  const puts = edit?.put ?? [];
  const removes = edit?.remove ?? [];
  if (puts.length + removes.length === 0) throw validationError('Thay đổi rỗng: không có gì để lưu.', 'Empty edit: nothing to save.');
  const label = typeof edit.label === 'string' ? edit.label.slice(0, 200) : '';

  return deps.db
    .transaction(() => {
      const now = new Date().toISOString();
      const editId = deps.journal.begin(now, author, label);
      const ctx = newOpContext(deps, author, editId, label, now);
      const check = deps.beforeWrite?.('edit', author) ?? null;
      ctx.bulk = bulkFor(ctx, [...puts.map((p) => p.table), ...removes.map((r) => r.table)]);
      const known = ctx.bulk ? existingIds(deps, puts, ctx.bulk.batched) : null;
      const outcomes: OpOutcome[] = new Array(puts.length + removes.length);
      const seen = new Set<string>();
      const once = (table: TableName, id: string) => {
        const k = `${table}/${id}`;
        if (seen.has(k))
          throw validationError(`Một thay đổi không được sửa cùng một đối tượng hai lần (${tableLabelVi(table)} ${id}).`, `An edit may touch a row only once (${table} ${id}).`, {
            table,
            id,
          });
        seen.add(k);
      };
      let n = 0;
      for (const put of puts) {
        const table = checkTable(put.table);
        const s = deps.stmts.table(table);
        const id = put.id === undefined ? uuid7() : checkId(put.id);
        // An id made here is new and unique by construction: only ids the caller named can repeat.
        if (put.id !== undefined) once(table, id);
        const patch = (put.props ?? {}) as Props;
        const geometry = checkTableGeometry(table, put.geometry);
        // Ids we generate are new by construction (and the UNIQUE index would catch the impossible).
        const existing = put.id === undefined ? undefined : known?.has(table) ? known.get(table)!.get(id) : (s.versionByUuid.get(id) as number[] | undefined);
        if (!existing) {
          if (put.baseVersion !== undefined || put.deleted !== undefined) throw notFoundRow(table, id);
          const props: Props = {};
          for (const f of s.layout.fields) props[f.name] = null;
          Object.assign(props, patch);
          check?.({ table, id, before: null, after: { props, geometry: geometry ?? null, deleted: false } });
          validated(table, props);
          outcomes[n++] = insertRow(ctx, table, id, props, geometry ?? null, true);
        } else {
          // A put on an existing id without the version the user saw is a retried insert or a
          // blind overwrite: refuse it rather than guess.
          if (put.baseVersion === undefined) throw conflictError(table, id, null, existing[1]!);
          const stored = readStored(ctx, table, id);
          const props = { ...stored!.props, ...patch };
          const g = geometry === undefined ? stored!.geometry : geometry;
          check?.({ table, id, before: stored!, after: { props, geometry: g, deleted: put.deleted ?? stored!.deleted } });
          validated(table, props);
          if (put.deleted === undefined) outcomes[n++] = updateRow(ctx, table, id, put.baseVersion, props, g, stored);
          else outcomes[n++] = setDeleted(ctx, table, id, put.deleted, put.baseVersion, { props, geometry: g });
        }
      }
      for (const rm of removes) {
        const table = checkTable(rm.table);
        const id = checkId(rm.id);
        once(table, id);
        const stored = check ? readStored(ctx, table, id) : null;
        if (stored) check!({ table, id, before: stored, after: { props: { ...stored.props }, geometry: stored.geometry, deleted: true } });
        outcomes[n++] = setDeleted(ctx, table, id, true, checkRemoveBase(table, id, rm.baseVersion));
      }
      ctx.bulk?.finish();
      deps.journal.finish(editId, outcomes);
      touchContents(ctx);
      return { editId, rows: outcomes.map((o) => o.result) };
    })
    .immediate();
}

/** A row an import streams in: a new row of the stream's table (ids are generated). */
export interface StreamedRow {
  geometry?: Geometry | null;
  props?: Props;
}

/**
 * An import streamed through ONE edit: the same checks, write hook, rows, audit entries and undo
 * record as applyEdit's inserts, in one IMMEDIATE transaction, but the rows are taken one at a time
 * from `rows` while they are written (in the bulk writer's batches) instead of from a list held
 * whole. `rows` may throw at any point (a bad record near the end of a file): the transaction is
 * then rolled back and the project is as it was. `label(n)` names the edit by its row count, known
 * only at the end: the journal starts with label(expected) and is corrected if the count differs.
 */
export function applyInsertStream(
  deps: EditDeps,
  table: TableName,
  rows: Iterable<StreamedRow>,
  authorIn: string,
  label: (count: number) => string,
  expected: number,
): { editId: number; count: number } {
  const author = checkAuthor(authorIn);
  checkTable(table);
  return deps.db
    .transaction(() => {
      const now = new Date().toISOString();
      const first = label(expected).slice(0, 200);
      const editId = deps.journal.begin(now, author, first);
      const ctx = newOpContext(deps, author, editId, first, now);
      const check = deps.beforeWrite?.('edit', author) ?? null;
      if (expected >= BULK_THRESHOLD) {
        ctx.bulk = new BulkWriter(ctx.db, ctx.stmts, { now, author, editId, label: first });
        ctx.bulk.take(table);
      }
      const s = deps.stmts.table(table);
      // Nothing of the rows is kept once written: the journal takes their ids from this edit's audit
      // entries, the ones after this (inside the write transaction, nobody else appends meanwhile).
      const afterSeq = (deps.stmts.get('SELECT coalesce(max(seq), 0) FROM qt_audit_log', true).get() as [number])[0];
      let count = 0;
      for (const row of rows) {
        const id = uuid7();
        const geometry = checkTableGeometry(table, row.geometry);
        const props: Props = {};
        for (const f of s.layout.fields) props[f.name] = null;
        Object.assign(props, row.props ?? {});
        check?.({ table, id, before: null, after: { props, geometry: geometry ?? null, deleted: false } });
        validated(table, props);
        insertRow(ctx, table, id, props, geometry ?? null, true);
        count++;
      }
      if (!count) throw validationError('Thay đổi rỗng: không có gì để lưu.', 'Empty edit: nothing to save.');
      ctx.bulk?.finish();
      const final = label(count).slice(0, 200);
      if (final !== first) {
        deps.stmts.get('UPDATE qt_edits SET label = ? WHERE id = ?').run(final, editId);
        deps.stmts.get('UPDATE qt_audit_log SET label = ? WHERE seq > ? AND edit_id = ?').run(final, afterSeq, editId);
      }
      deps.journal.finishInserts(editId, table, afterSeq);
      touchContents(ctx);
      return { editId, count };
    })
    .immediate();
}
