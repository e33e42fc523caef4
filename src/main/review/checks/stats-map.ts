// A commune's conclusion figures against the map's own count (family-cared graves, the one figure
// with one symbol per grave on the map). Shown side by side in the statistics table too.
import type { FindingInput } from '../../../shared/review/finding';
import { communeStatistics } from '../../../shared/review/statistics';
import { finding, rowsOf, type CheckEnv } from '../check-data';
import { communesInScope } from './base-boundary';

export function checkStatsMap(env: CheckEnv): FindingInput[] {
  const stats = communeStatistics(communesInScope(env), {
    conclusions: rowsOf(env, 'conclusions'),
    graves: rowsOf(env, 'graves'),
    search_areas: rowsOf(env, 'search_areas'),
  });
  const out: FindingInput[] = [];
  for (const s of stats) {
    if (!s.mismatches.includes('family_cared')) continue;
    const c = env.byKey.get(`conclusions/${s.conclusionIds[0]}`) ?? null;
    out.push(
      finding(
        'stats.map_mismatch',
        c,
        `Xã ${s.communeName}: kết luận ghi ${s.figures.family_cared} mộ do gia đình chăm sóc, bản đồ có ${s.map.gravesFamilyCared} ký hiệu mộ loại này.`,
        `${s.communeName}: the conclusion says ${s.figures.family_cared} family-cared graves, the map has ${s.map.gravesFamilyCared} such grave symbols.`,
        { communeCode: s.communeCode, extent: env.communes.get(s.communeCode)?.extent ?? null },
      ),
    );
  }
  return out;
}
