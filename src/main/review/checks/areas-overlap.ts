// Two search areas whose interiors overlap. Areas that only touch (a shared edge or corner) are
// fine: neighbouring areas are drawn that way.
import type { FindingInput } from '../../../shared/review/finding';
import { boxPairs } from '../../../shared/review/grid';
import { geometryExtent, type Extent } from '../../../shared/model';
import { finding, geosOf, key, label, labelEn, rowsOf, type CheckEnv } from '../check-data';

const SLIVER = 1e-9;

export function checkAreasOverlap(env: CheckEnv): FindingInput[] {
  const { geos } = env;
  const areas = rowsOf(env, 'search_areas').filter((r) => r.geometry && !env.badGeometry.has(key(r.table, r.id)));
  const boxes: Extent[] = areas.map((r) => geometryExtent(r.geometry!));
  const span = boxes.reduce((s, b) => s + (b[2] - b[0]) + (b[3] - b[1]), 0) / Math.max(1, 2 * boxes.length);
  const pairs = boxPairs(boxes, Math.max(50, span * 2));
  const ptr = (i: number) => geosOf(env, areas[i]);
  const out: FindingInput[] = [];
  for (const [i, j] of pairs) {
    const a = areas[i];
    const b = areas[j];
    if (!geos.interiorsIntersect(ptr(i), ptr(j))) continue;
    const area = geos.intersectionArea(ptr(i), ptr(j));
    // A vertex traced or snapped onto a neighbour's edge is the nearest double to a point on that
    // edge, ~1e-10 m to one side: its sliver of "overlap" is a billionth of either area or less,
    // far below anything drawn at any map scale. Relative, so that it holds in any CRS's units.
    if (area > 0 && area <= SLIVER * Math.min(geos.area(ptr(i)), geos.area(ptr(j)))) continue;
    const e: Extent = [
      Math.max(boxes[i][0], boxes[j][0]),
      Math.max(boxes[i][1], boxes[j][1]),
      Math.min(boxes[i][2], boxes[j][2]),
      Math.min(boxes[i][3], boxes[j][3]),
    ];
    out.push(
      finding(
        'areas.overlap',
        b,
        `${label(b)} chồng lên ${label(a)} (khoảng ${Math.round(area)} m²).`,
        `${labelEn(b)} overlaps ${labelEn(a)} (about ${Math.round(area)} m²).`,
        {
          extent: [e[0] - 20, e[1] - 20, e[2] + 20, e[3] + 20],
          otherTable: a.table,
          otherId: a.id,
        },
      ),
    );
  }
  return out;
}
