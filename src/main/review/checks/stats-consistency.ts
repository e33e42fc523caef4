// A conclusion whose figures contradict each other (recovered + not recovered ≠ initially buried).
import type { FindingInput } from '../../../shared/review/finding';
import { inconsistency } from '../../../shared/review/statistics';
import { finding, label, labelEn, rowsOf, type CheckEnv } from '../check-data';

export function checkStatsConsistency(env: CheckEnv): FindingInput[] {
  const out: FindingInput[] = [];
  for (const row of rowsOf(env, 'conclusions')) {
    const bad = inconsistency(row);
    if (!bad) continue;
    const code =
      typeof row.props.commune_code === 'string'
        ? row.props.commune_code
        : typeof row.props.unit_code === 'string'
          ? row.props.unit_code
          : null;
    out.push(
      finding(
        'stats.inconsistent',
        row,
        bad.notRecovered === null
          ? `${label(row)}: số đã quy tập (${bad.recovered}) lớn hơn số chôn cất ban đầu (${bad.initially}).`
          : `${label(row)}: đã quy tập ${bad.recovered} + chưa quy tập ${bad.notRecovered} = ${bad.recovered + bad.notRecovered}, khác số chôn cất ban đầu ${bad.initially}.`,
        bad.notRecovered === null
          ? `${labelEn(row)}: recovered (${bad.recovered}) exceeds initially buried (${bad.initially}).`
          : `${labelEn(row)}: recovered ${bad.recovered} + not recovered ${bad.notRecovered} = ${bad.recovered + bad.notRecovered}, not the ${bad.initially} initially buried.`,
        { communeCode: code, extent: null },
      ),
    );
  }
  return out;
}
