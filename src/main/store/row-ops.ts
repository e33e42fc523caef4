// The four row operations every change is made of (insert, update, delete = tombstone, restore).
// Each one checks the version it expects, writes the row, appends its audit entry and returns the
// operation that undoes it, so an edit, its undo and its redo all go through the same code.
// Must run inside a transaction opened by the caller.
import type Database from 'better-sqlite3';
import { geometryExtent, type Extent, type Geometry, type Props, type TableName } from '../../shared/model';
import { conflictError, deletedRowError, notFoundRow, tableLabelVi, validationError } from './errors';
import { encodeGpkgGeometry } from './geometry-codec';
import { decodeRaw, toSqlValue, type Snapshot, type StoredRow } from './row-codec';
import { compactInsertJson, leavesStateToRow, resolveCompact } from './audit-compact';
import { lastWriter } from './row-writers';
import type { BulkWriter } from './bulk-writer';
import type { StatementCache } from './statements';
import type { CrsDomain } from '../../shared/crs/domain';
import { checkInDomain } from './domain-check';

/**
 * Ops as kept in qt_edits (a run of inserts is kept as one op over many ids: edit-journal.ts reads
 * both forms). Inverses (and so replays) are only ever update, delete and restore.
 */
export type StoredOp =
  | { op: 'insert'; table: TableName; id: string; row?: { props: Props; geometry: Geometry | null } }
  | { op: 'update'; table: TableName; id: string; baseVersion: number; row: { props: Props; geometry: Geometry | null } }
  /** With `row`, the content is written together with the tombstone flag (a restore to other content, or its undo). */
  | { op: 'delete' | 'restore'; table: TableName; id: string; baseVersion: number; row?: { props: Props; geometry: Geometry | null } };

export interface OpContext {
  db: Database.Database;
  stmts: StatementCache;
  srsId: number;
  /** Where the project's CRS has positions: every geometry written is checked against it. */
  domain: CrsDomain;
  now: string;
  author: string;
  editId: number;
  label: string;
  audit: Database.Statement;
  /** set during large edits: batched inserts, R-tree written without the triggers */
  bulk: BulkWriter | null;
  /** The journal entry being undone or redone; null for a user's edit. */
  replayOf: number | null;
  /** envelope of geometries written, per feature table (to keep gpkg_contents' extent honest) */
  touched: Map<TableName, Extent | null>;
}

export interface OpOutcome {
  result: { table: TableName; id: string; version: number; deleted: boolean };
  /**
   * JSON of the op as applied: what it did, not the content it wrote (that is in this edit's audit
   * entries; repeating it here would double the file's growth on an import). Redo never reads this:
   * undo replaces it with the full ops that redo needs from the undone state.
   * Absent for an insert: the journal writes runs of inserts as one op (edit-journal.ts).
   */
  forward?: string;
  /** JSON of the op that restores the previous state exactly; absent for an insert (its inverse is known) */
  inverse?: string;
}

function touch(ctx: OpContext, table: TableName, e: Extent | null): void {
  const prev = ctx.touched.get(table) ?? null;
  if (!e) {
    if (!ctx.touched.has(table)) ctx.touched.set(table, null);
    return;
  }
  if (!prev) {
    ctx.touched.set(table, [e[0], e[1], e[2], e[3]]);
    return;
  }
  // The context's own copy, widened in place (one array per table, not one per row).
  if (e[0] < prev[0]) prev[0] = e[0];
  if (e[1] < prev[1]) prev[1] = e[1];
  if (e[2] > prev[2]) prev[2] = e[2];
  if (e[3] > prev[3]) prev[3] = e[3];
}

/**
 * Fields in table order, '' in non-text fields as null, text in Unicode NFC (Vietnamese typed with
 * different keyboards arrives composed or decomposed; both mean the same and must compare equal):
 * exactly what reading the row back gives.
 */
export function normaliseProps(ctx: OpContext, table: TableName, props: Props): Props {
  const out: Props = {};
  for (const f of ctx.stmts.table(table).layout.fields) {
    const v = props[f.name];
    out[f.name] = v === undefined || v === null || (v === '' && f.type !== 'text') ? null : typeof v === 'string' ? nfc(v) : v;
  }
  return out;
}

const NON_ASCII = /[^\0-\x7f]/;

/** ASCII text is NFC already; asking ICU about each of an import's code-list values costs more than looking. */
function nfc(v: string): string {
  return NON_ASCII.test(v) ? v.normalize('NFC') : v;
}

export function readStored(ctx: OpContext, table: TableName, id: string): StoredRow | null {
  const s = ctx.stmts.table(table);
  const r = s.byUuid.get(id) as unknown[] | undefined;
  return r ? decodeRaw(s.layout, r) : null;
}

function audit(ctx: OpContext, table: TableName, id: string, action: string, before: string | null, after: string | null): void {
  if (ctx.bulk?.batched.has(table)) ctx.bulk.queueAudit(table, id, action, before, after);
  else ctx.audit.run(ctx.now, ctx.author, table, id, action, ctx.editId, ctx.label, before, after);
}

function stateKey(s: { props: Props; geometry: Geometry | null; deleted: boolean }): string {
  return JSON.stringify([s.props, s.geometry, s.deleted]);
}

/**
 * Is the row as the caller expects? A user's edit must name the exact version it saw. Undo and redo
 * replay ops whose versions were current when they were recorded; since versions only ever grow,
 * undoing two edits of the same row in a row would otherwise always conflict. So a replay also
 * accepts the row when its content is exactly what this journal entry last left it as (its latest
 * audit entry): then nobody changed it since, whatever its version number says.
 */
function baseMatches(ctx: OpContext, table: TableName, stored: StoredRow, baseVersion: number): boolean {
  if (stored.version === baseVersion) return true;
  if (ctx.replayOf === null) return false;
  const r = ctx.stmts
    .get('SELECT seq, after FROM qt_audit_log WHERE table_name = ? AND uuid = ? AND edit_id = ? ORDER BY seq DESC LIMIT 1')
    .get(table, stored.id, ctx.replayOf) as { seq: number; after: string | null } | undefined;
  if (!r?.after) return false;
  const after = JSON.parse(r.after) as Snapshot & Record<string, unknown>;
  if (leavesStateToRow(after)) {
    const next = ctx.stmts
      .get('SELECT before FROM qt_audit_log WHERE table_name = ? AND uuid = ? AND seq > ? AND before IS NOT NULL ORDER BY seq LIMIT 1')
      .get(table, stored.id, r.seq) as { before: string } | undefined;
    resolveCompact([{ before: null, after }, ...(next ? [{ before: JSON.parse(next.before) as Record<string, unknown>, after: null }] : [])], stored);
    if (leavesStateToRow(after)) return false;
  }
  return stateKey(after) === stateKey(stored);
}

/** The conflict for a row that is not as the caller saw it, naming who changed it since. */
function staleError(ctx: OpContext, table: TableName, stored: StoredRow, baseVersion: number): Error {
  return conflictError(table, stored.id, baseVersion, stored.version, lastWriter(ctx.stmts, table, stored.id, stored.version));
}

/** '{"props":…,"geometry":…}': the part of a snapshot worth stringifying only once per row */
function contentJson(props: Props, geometry: Geometry | null): string {
  return JSON.stringify({ props, geometry });
}

/** A Snapshot's JSON (same keys, same order) from its content and its envelope values. */
function snapJson(content: string, version: number, deleted: boolean, createdAt: string, createdBy: string, updatedAt: string, updatedBy: string): string {
  return (
    `${content.slice(0, -1)},"version":${version},"deleted":${deleted},"createdAt":${JSON.stringify(createdAt)},` +
    `"createdBy":${JSON.stringify(createdBy)},"updatedAt":${JSON.stringify(updatedAt)},"updatedBy":${JSON.stringify(updatedBy)}}`
  );
}

/** snapJson's tail for a new row (version 1, not deleted, created = updated = now by author), made once per edit. */
let newRowTail = { now: '', author: '', tail: '' };

function newRowJson(ctx: OpContext, content: string): string {
  if (newRowTail.now !== ctx.now || newRowTail.author !== ctx.author)
    newRowTail = { now: ctx.now, author: ctx.author, tail: snapJson('{}', 1, false, ctx.now, ctx.author, ctx.now, ctx.author).slice(1) };
  return content.slice(0, -1) + newRowTail.tail;
}

function storedJson(s: StoredRow, content = contentJson(s.props, s.geometry)): string {
  return snapJson(content, s.version, s.deleted, s.createdAt, s.createdBy, s.updatedAt, s.updatedBy);
}

function opHead(op: string, table: TableName, id: string): string {
  return `{"op":"${op}","table":"${table}","id":"${id}"`;
}

const envelope = (g: Geometry | null): Extent | null => (g ? geometryExtent(g) : null);

/** `knownNew`: the caller has just checked that the id is unused (or generated it). */
export function insertRow(ctx: OpContext, table: TableName, id: string, props: Props, geometry: Geometry | null, knownNew = false): OpOutcome {
  const s = ctx.stmts.table(table);
  if (!knownNew) {
    const existing = s.versionByUuid.get(id) as number[] | undefined;
    if (existing) throw conflictError(table, id, null, existing[1]!);
  }
  const p = normaliseProps(ctx, table, props);
  const g = s.layout.geometryType ? geometry : null;
  const env = envelope(g);
  checkInDomain(ctx.domain, table, id, p, g, env);
  // In a batched (large) edit the row itself keeps its state for the audit entry: audit-compact.ts.
  const batched = ctx.bulk?.batched.has(table) ?? false;
  const after = batched ? compactInsertJson(s.layout.hasCommuneCode ? ((p.commune_code ?? null) as string | null) : undefined) : newRowJson(ctx, contentJson(p, g));
  const values: unknown[] = batched ? ctx.bulk!.rowValues(table) : [];
  if (s.layout.geometryType) values.push(g ? encodeGpkgGeometry(g, ctx.srsId) : null);
  values.push(id);
  for (const f of s.layout.fields) values.push(toSqlValue(f, p[f.name]));
  if (batched) ctx.bulk!.rowQueued(table, id, env);
  else s.insert.run(...values, ctx.now, ctx.author, ctx.now, ctx.author, 1, 0);
  audit(ctx, table, id, 'insert', null, after);
  touch(ctx, table, env);
  return { result: { table, id, version: 1, deleted: false } };
}

function attachmentDataPinned(ctx: OpContext, stored: StoredRow, next: Props): void {
  const pinned = ctx.db.prepare('SELECT data IS NOT NULL AS has FROM attachments WHERE fid = ?').get(stored.fid) as { has: number } | undefined;
  if (!pinned?.has) return;
  if (next.sha256 !== stored.props.sha256 || next.size !== stored.props.size)
    throw validationError(
      'Không được đổi SHA-256 hoặc dung lượng của tệp đính kèm đã có nội dung; hãy thêm một tệp đính kèm mới.',
      'The SHA-256 or size of an attachment that already holds its file cannot change; add a new attachment instead.',
      { table: 'attachments', id: stored.id },
    );
}

/** Replaces fields and geometry. `stored` may be passed when the caller has just read it. */
export function updateRow(
  ctx: OpContext,
  table: TableName,
  id: string,
  baseVersion: number,
  props: Props,
  geometry: Geometry | null,
  stored: StoredRow | null = readStored(ctx, table, id),
): OpOutcome {
  const s = ctx.stmts.table(table);
  if (!stored) throw notFoundRow(table, id);
  if (stored.deleted) throw deletedRowError(table, id, stored.version, lastWriter(ctx.stmts, table, id, stored.version));
  if (!baseMatches(ctx, table, stored, baseVersion)) throw staleError(ctx, table, stored, baseVersion);
  const p = normaliseProps(ctx, table, props);
  if (s.layout.hasData) attachmentDataPinned(ctx, stored, p);
  const env = envelope(s.layout.geometryType ? geometry : null);
  checkInDomain(ctx.domain, table, id, p, geometry, env, stored.geometry);
  const version = stored.version + 1;
  const values: unknown[] = [];
  if (s.layout.geometryType) values.push(geometry ? encodeGpkgGeometry(geometry, ctx.srsId) : null);
  for (const f of s.layout.fields) values.push(toSqlValue(f, p[f.name]));
  values.push(ctx.now, ctx.author, version, stored.fid, stored.version);
  if (s.update.run(...values).changes !== 1) throw conflictError(table, id, baseVersion, stored.version);
  if (ctx.bulk?.manualRtree.has(table)) ctx.bulk.writeRtree(table, stored.fid, env);
  touch(ctx, table, env);
  const before = storedJson(stored);
  const after = snapJson(contentJson(p, geometry), version, false, stored.createdAt, stored.createdBy, ctx.now, ctx.author);
  audit(ctx, table, id, 'update', before, after);
  return {
    result: { table, id, version, deleted: false },
    forward: `${opHead('update', table, id)},"baseVersion":${stored.version},"version":${version}}`,
    inverse: `${opHead('update', table, id)},"baseVersion":${version},"row":${before}}`,
  };
}

/**
 * Tombstone (deleted = 1) or its reverse; the row, its geometry and its attachment bytes stay. With
 * `content`, the fields and geometry are replaced in the same write: a deleted row brought back as
 * another copy of the project edited it (package merge), and the undo of that.
 */
export function setDeleted(
  ctx: OpContext,
  table: TableName,
  id: string,
  deleted: boolean,
  baseVersion: number,
  content?: { props: Props; geometry: Geometry | null },
): OpOutcome {
  const s = ctx.stmts.table(table);
  const stored = readStored(ctx, table, id);
  if (!stored) throw notFoundRow(table, id);
  if (deleted && stored.deleted) throw deletedRowError(table, id, stored.version, lastWriter(ctx.stmts, table, id, stored.version));
  if (!deleted && !stored.deleted) {
    if (stored.version !== baseVersion) throw staleError(ctx, table, stored, baseVersion);
    throw validationError(`Đối tượng này (${tableLabelVi(table)}) chưa bị xóa nên không khôi phục được.`, `This row (${table}) is not deleted, so it cannot be restored.`, { table, id });
  }
  // Deleting (or bringing back) a row someone changed since the caller saw it would lose that change unseen.
  if (!baseMatches(ctx, table, stored, baseVersion)) throw staleError(ctx, table, stored, baseVersion);
  const version = stored.version + 1;
  const props = content ? normaliseProps(ctx, table, content.props) : stored.props;
  const geometry = content ? (s.layout.geometryType ? content.geometry : null) : stored.geometry;
  if (content) {
    if (s.layout.hasData) attachmentDataPinned(ctx, stored, props);
    checkInDomain(ctx.domain, table, id, props, geometry, envelope(geometry), stored.geometry);
    const values: unknown[] = [];
    if (s.layout.geometryType) values.push(geometry ? encodeGpkgGeometry(geometry, ctx.srsId) : null);
    for (const f of s.layout.fields) values.push(toSqlValue(f, props[f.name]));
    values.push(deleted ? 1 : 0, ctx.now, ctx.author, version, stored.fid, stored.version);
    if (s.setDeletedWith.run(...values).changes !== 1) throw conflictError(table, id, stored.version, stored.version);
    if (ctx.bulk?.manualRtree.has(table)) ctx.bulk.writeRtree(table, stored.fid, envelope(s.layout.geometryType ? geometry : null));
  } else if (s.setDeleted.run(deleted ? 1 : 0, ctx.now, ctx.author, version, stored.fid, stored.version).changes !== 1) throw conflictError(table, id, stored.version, stored.version);
  touch(ctx, table, envelope(!deleted && s.layout.geometryType ? geometry : null));
  const storedContent = contentJson(stored.props, stored.geometry);
  const before = storedJson(stored, storedContent);
  const after = snapJson(content ? contentJson(props, geometry) : storedContent, version, deleted, stored.createdAt, stored.createdBy, ctx.now, ctx.author);
  audit(ctx, table, id, deleted ? 'delete' : 'restore', before, after);
  // Undoing a change of content must put the old content back: the inverse then carries it.
  const back = content ? `,"row":${storedContent}` : '';
  return {
    result: { table, id, version, deleted },
    forward: `${opHead(deleted ? 'delete' : 'restore', table, id)},"baseVersion":${stored.version},"version":${version}}`,
    inverse: `${opHead(deleted ? 'restore' : 'delete', table, id)},"baseVersion":${version}${back}}`,
  };
}

/** Replays a stored op (undo / redo). */
export function applyStoredOp(ctx: OpContext, op: StoredOp): OpOutcome {
  switch (op.op) {
    case 'insert':
      if (!op.row) throw new Error(`journal op insert ${op.table}/${op.id} has no content to replay`);
      return insertRow(ctx, op.table, op.id, op.row.props, op.row.geometry);
    case 'update':
      return updateRow(ctx, op.table, op.id, op.baseVersion, op.row.props, op.row.geometry);
    case 'delete':
      return setDeleted(ctx, op.table, op.id, true, op.baseVersion, op.row);
    case 'restore':
      return setDeleted(ctx, op.table, op.id, false, op.baseVersion, op.row);
  }
}
