// Who may change which rows: commune staff only their own commune's, nobody an approved (locked)
// commune's. Checked on the main side before edits.apply, edits.undo and edits.redo write anything.
import { ApiError, type Operator } from '../../shared/api';
import { TABLES, type Props, type Row, type TableName } from '../../shared/model';

export interface TouchedRow {
  table: TableName;
  id: string | null;
  /** The props the write brings (a patch for updates); null when it brings none (delete, restore). */
  props: Props | null;
}

const hasCommune = (t: TableName) => TABLES[t].fields.some((f) => f.name === 'commune_code');
const code = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The commune codes a write touches: the row's stored commune, the one it is moved to, a link's ends'. */
export function communesTouched(rows: readonly TouchedRow[], get: (table: TableName, id: string) => Row | null): Set<string> {
  const out = new Set<string>();
  const add = (v: unknown) => {
    const c = code(v);
    if (c) out.add(c);
  };
  const end = (t: unknown, id: unknown) => {
    if (typeof t !== 'string' || typeof id !== 'string' || !(t in TABLES)) return;
    try {
      const r = get(t as TableName, id);
      if (r) add(r.props.commune_code);
    } catch {
      // A malformed id in a link is the store's to refuse, not ours.
    }
  };
  for (const r of rows) {
    const stored = r.id ? get(r.table, r.id) : null;
    if (hasCommune(r.table)) {
      add(stored?.props.commune_code);
      if (r.props && 'commune_code' in r.props) add(r.props.commune_code);
    } else if (r.table === 'attachments') {
      // A file attached to a feature or record belongs to that row's commune.
      const p = { ...(stored?.props ?? {}), ...(r.props ?? {}) };
      end(p.owner_table, p.owner_id);
      if (stored) end(stored.props.owner_table, stored.props.owner_id);
    } else if (r.table === 'links') {
      const p = { ...(stored?.props ?? {}), ...(r.props ?? {}) };
      end(p.from_table, p.from_id);
      end(p.to_table, p.to_id);
      if (stored) {
        end(stored.props.from_table, stored.props.from_id);
        end(stored.props.to_table, stored.props.to_id);
      }
    }
  }
  return out;
}

export function editRefusal(
  op: Operator | null,
  touched: Set<string>,
  approved: Set<string>,
  names: Map<string, string>,
): ApiError | null {
  const name = (c: string) => names.get(c) ?? c;
  for (const c of touched) {
    if (approved.has(c))
      return new ApiError(
        'forbidden',
        `Bản đồ xã ${name(c)} đã được phê duyệt và đang khóa: không ai được sửa. Cán bộ thẩm định phải mở khóa trước (việc mở khóa được ghi lại).`,
        `The map of ${name(c)} is approved and locked: nobody may edit it. A reviewer must unlock it first (the unlock is recorded).`,
        { communeCode: c, reason: 'approved' },
      );
  }
  if (op?.role === 'commune_staff' && op.communeCode) {
    for (const c of touched)
      if (c !== op.communeCode)
        return new ApiError(
          'forbidden',
          `Cán bộ xã ${name(op.communeCode)} không được sửa đối tượng của xã ${name(c)}.`,
          `Staff of ${name(op.communeCode)} may not change features of ${name(c)}.`,
          { communeCode: c, reason: 'other_commune' },
        );
  }
  return null;
}
