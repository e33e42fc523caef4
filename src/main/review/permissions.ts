// Who may change which rows. Run by the store for every row of every write (write-rules.ts installs
// it as the store's write hook), so no caller can forget it:
// - an approved commune's rows are locked for everyone until a reviewer unlocks the map;
// - a submitted commune's rows are frozen for its staff (and anyone not a reviewer) until the
//   district returns the map. A reviewer may still correct a submitted map (a serious review fixes
//   a typo rather than sending the map back for it), and that correction is recorded like any edit:
//   the audit log keeps it, and review.changesSince lists it as changed since the submission;
// - commune staff write only inside their own commune: the rows stored there, and features whose
//   commune (computed from the geometry) is theirs.
import { ApiError } from '../../shared/api-error';
import type { Operator } from '../../shared/api';
import { TABLES, type Props, type Row, type TableName } from '../../shared/model';
import { isReviewer } from '../../shared/review/state';
import type { PlannedWrite } from '../store';

/** How a write touches a commune: the row stored there, the row placed there, a linked row there. */
export type Touch = { code: string | null; how: 'stored' | 'placed' | 'given' | 'linked' };

// Asked for every row a write touches (40,000 times for an import of graves): looked up, not searched.
const WITH_COMMUNE = new Set((Object.keys(TABLES) as TableName[]).filter((t) => TABLES[t].fields.some((f) => f.name === 'commune_code')));
const hasCommune = (t: TableName) => WITH_COMMUNE.has(t);
const code = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Feature tables whose commune is computed from the geometry (admin_units are the communes themselves). */
export const placedByGeometry = (t: TableName): boolean => t !== 'admin_units' && TABLES[t].kind === 'feature' && hasCommune(t);

/** The communes a write touches. `placed` is true when the write hook computed the after-commune from the geometry. */
export function communesTouched(w: PlannedWrite, placed: boolean, get: (table: TableName, id: string) => Row | null): Touch[] {
  const out: Touch[] = [];
  const end = (t: unknown, id: unknown) => {
    if (typeof t !== 'string' || typeof id !== 'string' || !(t in TABLES)) return;
    try {
      const r = get(t as TableName, id);
      const c = r ? code(r.props.commune_code) : null;
      if (c) out.push({ code: c, how: 'linked' });
    } catch {
      // A malformed id in a link is the store's to refuse, not ours.
    }
  };
  const before: Props = w.before?.props ?? {};
  const after: Props = w.after.props;
  if (w.table === 'admin_units') {
    // A commune's boundary decides which features are its own: changing it changes that commune's map.
    for (const p of [before, after]) if (p.level === 'commune' && code(p.code)) out.push({ code: code(p.code), how: 'stored' });
  } else if (hasCommune(w.table)) {
    const was = code(before.commune_code);
    if (was) out.push({ code: was, how: 'stored' });
    const now = code(after.commune_code);
    if (placed) out.push({ code: now, how: 'placed' });
    else if (now && now !== was) out.push({ code: now, how: 'given' });
  } else if (w.table === 'attachments') {
    // A file attached to a feature or record belongs to that row's commune.
    end(after.owner_table, after.owner_id);
    end(before.owner_table, before.owner_id);
  } else if (w.table === 'links') {
    end(after.from_table, after.from_id);
    end(after.to_table, after.to_id);
    end(before.from_table, before.from_id);
    end(before.to_table, before.to_id);
  }
  return out;
}

export interface CommuneStates {
  approved: ReadonlySet<string>;
  submitted: ReadonlySet<string>;
  names: ReadonlyMap<string, string>;
}

export function editRefusal(op: Operator | null, touched: readonly Touch[], s: CommuneStates): ApiError | null {
  const name = (c: string) => s.names.get(c) ?? c;
  for (const { code: c } of touched) {
    if (c && s.approved.has(c))
      return new ApiError(
        'forbidden',
        `Bản đồ xã ${name(c)} đã được phê duyệt và đang khóa: không ai được sửa. Cán bộ thẩm định phải mở khóa trước (việc mở khóa được ghi lại).`,
        `The map of ${name(c)} is approved and locked: nobody may edit it. A reviewer must unlock it first (the unlock is recorded).`,
        { communeCode: c, reason: 'approved' },
      );
  }
  if (!isReviewer(op))
    for (const { code: c } of touched)
      if (c && s.submitted.has(c))
        return new ApiError(
          'forbidden',
          `Bản đồ xã ${name(c)} đã trình duyệt; chờ huyện trả lại để sửa. Nếu cần sửa gấp, hãy đề nghị cán bộ thẩm định trả lại bản đồ.`,
          `The map of ${name(c)} has been submitted; wait for the district to return it before editing. If it cannot wait, ask the reviewer to return the map.`,
          { communeCode: c, reason: 'submitted' },
        );
  const mine = op?.role === 'commune_staff' ? op.communeCode : null;
  if (!mine) return null;
  for (const t of touched) {
    if (t.code === mine) continue;
    if (t.how === 'placed' && t.code === null)
      return new ApiError(
        'forbidden',
        `Vị trí này nằm ngoài mọi xã của dự án: cán bộ xã ${name(mine)} chỉ vẽ, sửa đối tượng nằm trong xã ${name(mine)}.`,
        `This position lies outside every commune of the project: staff of ${name(mine)} draw and edit only features inside ${name(mine)}.`,
        { communeCode: null, reason: 'outside_communes' },
      );
    if (t.how === 'placed')
      return new ApiError(
        'forbidden',
        `Vị trí này thuộc xã ${name(t.code!)}, không thuộc xã ${name(mine)}: cán bộ xã ${name(mine)} chỉ vẽ, sửa đối tượng nằm trong xã ${name(mine)}.`,
        `This position lies in ${name(t.code!)}, not in ${name(mine)}: staff of ${name(mine)} draw and edit only features inside ${name(mine)}.`,
        { communeCode: t.code, reason: 'other_commune' },
      );
    return new ApiError(
      'forbidden',
      `Cán bộ xã ${name(mine)} không được sửa đối tượng của xã ${name(t.code!)}.`,
      `Staff of ${name(mine)} may not change features of ${name(t.code!)}.`,
      { communeCode: t.code, reason: 'other_commune' },
    );
  }
  return null;
}
