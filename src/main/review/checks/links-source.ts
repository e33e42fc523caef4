// A grave or a search area must rest on something: an information form (phiếu mẫu 01) or an area
// conclusion linked to it, in either direction.
import type { FindingInput } from '../../../shared/review/finding';
import { finding, key, label, labelEn, rowsOf, type CheckEnv } from '../check-data';

const SOURCES = new Set(['info_forms', 'conclusions']);

export function checkLinksSource(env: CheckEnv): FindingInput[] {
  const out: FindingInput[] = [];
  for (const table of ['graves', 'search_areas'] as const) {
    for (const row of rowsOf(env, table)) {
      const others = env.linked.get(key(row.table, row.id)) ?? [];
      if (others.some((o) => SOURCES.has(o.table))) continue;
      out.push(
        finding(
          'links.no_source',
          row,
          `${label(row)} chưa liên kết với phiếu thông tin hoặc kết luận địa bàn nào.`,
          `${labelEn(row)} is linked to no information form or area conclusion.`,
        ),
      );
    }
  }
  return out;
}
