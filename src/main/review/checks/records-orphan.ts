// Records linked to nothing (a martyr, a form or a conclusion no feature refers to) and links
// whose other end no longer exists (deleted or never there).
import type { FindingInput } from '../../../shared/review/finding';
import { communeOf, finding, key, label, labelEn, rowsOf, zoomExtent, type CheckEnv } from '../check-data';

export function checkRecordsOrphan(env: CheckEnv): FindingInput[] {
  const out: FindingInput[] = [];
  for (const table of ['martyrs', 'info_forms', 'conclusions'] as const)
    for (const row of rowsOf(env, table)) {
      if ((env.linked.get(key(row.table, row.id)) ?? []).length) continue;
      out.push(
        finding(
          'records.orphan',
          row,
          `${label(row)} không liên kết với đối tượng nào.`,
          `${labelEn(row)} is linked to nothing.`,
          { extent: null },
        ),
      );
    }
  for (const l of rowsOf(env, 'links')) {
    const from = env.byKey.get(key(String(l.props.from_table), String(l.props.from_id)));
    const to = env.byKey.get(key(String(l.props.to_table), String(l.props.to_id)));
    if (from && to) continue;
    const alive = from ?? to;
    const missing = from
      ? `${String(l.props.to_table)} ${String(l.props.to_id).slice(0, 8)}`
      : `${String(l.props.from_table)} ${String(l.props.from_id).slice(0, 8)}`;
    out.push(
      finding(
        'links.dangling',
        l,
        `Liên kết${alive ? ` của ${label(alive)}` : ''} trỏ tới ${missing} không còn tồn tại.`,
        `A link${alive ? ` of ${labelEn(alive)}` : ''} points to ${missing}, which no longer exists.`,
        {
          communeCode: alive ? communeOf(alive) : null,
          extent: zoomExtent(alive?.geometry ?? null),
          otherTable: alive?.table ?? null,
          otherId: alive?.id ?? null,
        },
      ),
    );
  }
  return out;
}
