// Merging a commune package into a project. Rows are matched by UUID; their content (attributes,
// geometry, deleted) is compared, and each side's audit history says who moved on:
//   same content                         → nothing to do (so importing a package twice is a no-op)
//   package content is in OUR past       → we are ahead: keep ours
//   our content is in the PACKAGE's past → they are ahead: take theirs (update, delete, insert)
//   neither                              → both changed since they last agreed: a conflict the user decides
// A row deleted on one side and edited on the other is such a conflict too, decided either way: keep
// the deletion or keep the edited feature (when it is deleted here, keeping theirs restores it with
// their content, as one audited change that undo reverses).
// The rule is symmetric, so two copies edited apart and merged either way end with the same content.
import { ApiError } from '../../shared/api-error';
import { TABLE_NAMES, type EditInput, type EditResult, type Put, type Row, type TableName } from '../../shared/model';
import type { ProjectStore } from '../store';

export interface PackageChange {
  kind: 'insert' | 'update' | 'delete';
  table: TableName;
  id: string;
  theirs: Row;
  ours: Row | null;
}

export interface PackageConflict {
  table: TableName;
  id: string;
  ours: Row;
  theirs: Row;
  /** Ours is deleted and theirs is not: taking theirs restores the row with their content. */
  needsRestore: boolean;
}

export interface MergePlan {
  packageId: string;
  communes: string[] | null;
  changes: PackageChange[];
  conflicts: PackageConflict[];
  unchanged: number;
}

/** Canonical content key: attributes (sorted), geometry, deleted. Versions and times are not content. */
function keyOf(props: Record<string, unknown>, geometry: unknown, deleted: boolean): string {
  const sorted = Object.fromEntries(Object.keys(props).sort().map((k) => [k, props[k] ?? null]));
  return JSON.stringify([sorted, geometry ?? null, deleted]);
}
const rowKey = (r: Row) => keyOf(r.props, r.geometry, r.meta.deleted);
function historyKeys(states: string[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const s of states ?? []) {
    const a = JSON.parse(s) as { props: Record<string, unknown>; geometry: unknown; deleted: boolean };
    out.add(keyOf(a.props, a.geometry, a.deleted));
  }
  return out;
}

function allRows(store: ProjectStore, table: TableName): Row[] {
  const rows: Row[] = [];
  for (let offset = 0; ; offset += 50_000) {
    const r = store.query(table, { includeDeleted: true, limit: 50_000, offset });
    rows.push(...r.rows);
    if (!r.truncated) break;
  }
  return rows;
}

export function planMerge(target: ProjectStore, pkg: ProjectStore): MergePlan {
  const info = pkg.exchange().packageInfo();
  if (!info) throw new ApiError('validation', 'Tệp này không phải gói dữ liệu xã của QuyTap.', 'This file is not a QuyTap commune package.');
  if (pkg.crs.code !== target.crs.code)
    throw new ApiError(
      'validation',
      `Gói dữ liệu dùng hệ toạ độ ${pkg.crs.code}, dự án dùng ${target.crs.code}: không gộp được trực tiếp.`,
      `The package uses ${pkg.crs.code}, the project ${target.crs.code}: cannot merge directly.`,
    );
  const changes: PackageChange[] = [];
  const conflicts: PackageConflict[] = [];
  let unchanged = 0;
  for (const table of TABLE_NAMES) {
    const theirs = allRows(pkg, table);
    if (!theirs.length) continue;
    const ours = new Map(allRows(target, table).map((r) => [r.id, r]));
    const ourHistory = target.exchange().historyStates(table);
    const theirHistory = pkg.exchange().historyStates(table);
    for (const t of theirs) {
      const o = ours.get(t.id);
      if (!o) {
        if (t.meta.deleted) unchanged++; // born and deleted over there: nothing to bring
        else changes.push({ kind: 'insert', table, id: t.id, theirs: t, ours: null });
        continue;
      }
      const kt = rowKey(t);
      const ko = rowKey(o);
      if (kt === ko || historyKeys(ourHistory.get(t.id)).has(kt)) {
        unchanged++;
        continue;
      }
      if (historyKeys(theirHistory.get(t.id)).has(ko)) {
        if (t.meta.deleted) changes.push({ kind: 'delete', table, id: t.id, theirs: t, ours: o });
        else changes.push({ kind: 'update', table, id: t.id, theirs: t, ours: o }); // restores ours when it is a tombstone
        continue;
      }
      conflicts.push({ table, id: t.id, ours: o, theirs: t, needsRestore: o.meta.deleted && !t.meta.deleted });
    }
  }
  return { packageId: info.id, communes: info.communes, changes, conflicts, unchanged };
}

export type Decision = 'ours' | 'theirs';

/**
 * The merge is written by whoever merges, but the history must also say whose work it brings: the
 * label names the package's authors (the commune staff), the first three and a count past that.
 */
function mergeLabel(source: string, applied: number, madeBy: Set<string>): string {
  const names = [...madeBy].sort();
  const who = names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} và ${names.length - 3} người khác`;
  return `Gộp gói dữ liệu ${source} (${applied})${who ? `: thay đổi của ${who}` : ''}`;
}

/** Applies the plan (and the user's decisions on conflicts) as ONE edit; null when nothing changes. */
export function applyMerge(
  target: ProjectStore,
  plan: MergePlan,
  decisions: Record<string, Decision>,
  author: string,
  source: string,
): EditResult | null {
  const undecided = plan.conflicts.filter((c) => !decisions[`${c.table}/${c.id}`]);
  if (undecided.length)
    throw new ApiError('validation', `Còn ${undecided.length} xung đột chưa chọn bên giữ lại.`, `${undecided.length} conflicts are not decided yet.`, {
      undecided: undecided.map((c) => `${c.table}/${c.id}`),
    });
  const put: Put[] = [];
  const madeBy = new Set<string>();
  // Their tombstone comes with the content it holds there, so both copies end with the same row.
  const take = (table: TableName, theirs: Row, ours: Row | null) => {
    if (theirs.meta.updatedBy) madeBy.add(theirs.meta.updatedBy);
    if (theirs.meta.deleted) {
      if (ours && !ours.meta.deleted) put.push({ table, id: theirs.id, baseVersion: ours.meta.version, deleted: true, geometry: theirs.geometry, props: theirs.props });
      return;
    }
    put.push({
      table,
      id: theirs.id,
      ...(ours ? { baseVersion: ours.meta.version } : {}),
      ...(ours?.meta.deleted ? { deleted: false } : {}),
      geometry: theirs.geometry,
      props: theirs.props,
    });
  };
  for (const c of plan.changes) take(c.table, c.theirs, c.ours);
  for (const c of plan.conflicts) {
    if (decisions[`${c.table}/${c.id}`] !== 'theirs') continue;
    take(c.table, c.theirs, c.ours);
  }
  const applied = put.length;
  let result: EditResult | null = null;
  if (applied) {
    const edit: EditInput = { label: mergeLabel(source, applied, madeBy), put };
    result = target.applyEdit(edit, author);
  }
  // Logged only when something happened: importing the same package again leaves the file as it was.
  if (applied || plan.conflicts.length)
    target.exchange().logPackageImport({ packageId: plan.packageId, author, source, applied, conflicts: plan.conflicts.length, editId: result?.editId ?? null });
  return result;
}
