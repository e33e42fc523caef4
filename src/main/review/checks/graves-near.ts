// Graves closer than the project's distance: in two communes it is probably one grave counted by
// both (an error); twice in one commune it may be a duplicate or two real graves side by side.
import type { FindingInput } from '../../../shared/review/finding';
import { nearPairs } from '../../../shared/review/grid';
import { communeOf, finding, key, label, labelEn, rowsOf, type CheckEnv } from '../check-data';

export function checkGravesNear(env: CheckEnv): FindingInput[] {
  const graves = rowsOf(env, 'graves').filter((r) => r.geometry?.type === 'Point' && !env.badGeometry.has(key(r.table, r.id)));
  const pts = graves.map((r) => r.geometry!.coordinates as number[]);
  const d = env.data.minGraveDistance;
  const out: FindingInput[] = [];
  for (const [i, j] of nearPairs(pts, d)) {
    const a = graves[i];
    const b = graves[j];
    const dist = Math.hypot(pts[i][0] - pts[j][0], pts[i][1] - pts[j][1]);
    const ca = communeOf(a);
    const cb = communeOf(b);
    const e = [
      Math.min(pts[i][0], pts[j][0]) - 25,
      Math.min(pts[i][1], pts[j][1]) - 25,
      Math.max(pts[i][0], pts[j][0]) + 25,
      Math.max(pts[i][1], pts[j][1]) + 25,
    ] as [number, number, number, number];
    const extra = { extent: e, otherTable: a.table, otherId: a.id };
    if (ca !== cb)
      out.push(
        finding(
          'graves.near_other_commune',
          b,
          `${label(b)} (xã ${cb ?? '?'}) cách ${label(a)} của xã ${ca ?? '?'} ${dist.toFixed(1)} m (< ${d} m): có thể một mộ được hai xã cùng ghi.`,
          `${labelEn(b)} (commune ${cb ?? '?'}) is ${dist.toFixed(1)} m from ${labelEn(a)} of commune ${ca ?? '?'} (< ${d} m): perhaps one grave counted by both.`,
          extra,
        ),
      );
    else
      out.push(
        finding(
          'graves.near_same_commune',
          b,
          `${label(b)} cách ${label(a)} ${dist.toFixed(1)} m (< ${d} m): kiểm tra có ghi trùng không.`,
          `${labelEn(b)} is ${dist.toFixed(1)} m from ${labelEn(a)} (< ${d} m): check for a duplicate.`,
          extra,
        ),
      );
  }
  return out;
}
