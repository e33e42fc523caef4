// A commune's conclusion figures against the map's own count: a warning for each figure that
// communeStatistics() (shared/review/statistics.ts) flags, the very flags the sheet's table, the
// review panel and the district report show in red.
import type { FindingInput } from '../../../shared/review/finding';
import { communeStatistics, mapFigure, SOURCE_LABELS } from '../../../shared/review/statistics';
import { TABLES, type StatisticKey } from '../../../shared/model';
import { finding, rowsOf, type CheckEnv } from '../check-data';

const field = (k: StatisticKey) => TABLES.conclusions.fields.find((f) => f.name === k)!;

export function checkStatsMap(env: CheckEnv): FindingInput[] {
  // The project's communes, as the review panel and the district report list them.
  const stats = communeStatistics(env.data.settings.communes, {
    conclusions: rowsOf(env, 'conclusions'),
    graves: rowsOf(env, 'graves'),
    search_areas: rowsOf(env, 'search_areas'),
  });
  const out: FindingInput[] = [];
  for (const s of stats)
    for (const k of s.mismatches) {
      const c = env.byKey.get(`conclusions/${s.conclusionIds[0]}`) ?? null;
      const src = SOURCE_LABELS[s.source];
      out.push(
        finding(
          'stats.map_mismatch',
          c,
          `Xã ${s.communeName}: ${field(k).vi.toLowerCase()} theo ${src.vi.toLowerCase()} là ${s.figures[k]}, bản đồ đếm được ${mapFigure(k, s.map)}.`,
          `${s.communeName}: ${field(k).en.toLowerCase()} is ${s.figures[k]} by the ${src.en}, the map counts ${mapFigure(k, s.map)}.`,
          { communeCode: s.communeCode, extent: env.communes.get(s.communeCode)?.extent ?? null },
        ),
      );
    }
  return out;
}
