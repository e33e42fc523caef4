// Ring-level facts GEOS cannot report because its readers refuse such input outright: empty
// geometries, rings with too few positions, rings whose last position is not the first.
import type { Geometry, Position } from '../model';

export type RingProblem = { kind: 'empty' } | { kind: 'unclosed'; at: Position } | { kind: 'too_short'; at: Position | null };

function rings(g: Geometry): Position[][] {
  switch (g.type) {
    case 'Polygon':
      return g.coordinates;
    case 'MultiPolygon':
      return g.coordinates.flat();
    default:
      return [];
  }
}

function isEmpty(g: Geometry): boolean {
  switch (g.type) {
    case 'Point':
      return !Array.isArray(g.coordinates) || g.coordinates.length < 2;
    case 'LineString':
      return g.coordinates.length === 0;
    case 'MultiLineString':
      return g.coordinates.length === 0 || g.coordinates.every((l) => l.length === 0);
    case 'Polygon':
      return g.coordinates.length === 0 || g.coordinates[0].length === 0;
    case 'MultiPolygon':
      return g.coordinates.length === 0 || g.coordinates.every((p) => p.length === 0 || p[0].length === 0);
  }
}

/** The first structural problem of a geometry, or null when GEOS may judge it. */
export function ringProblem(g: Geometry | null): RingProblem | null {
  if (!g || isEmpty(g)) return { kind: 'empty' };
  for (const r of rings(g)) {
    if (r.length === 0) return { kind: 'empty' };
    const a = r[0];
    const b = r[r.length - 1];
    if (a[0] !== b[0] || a[1] !== b[1]) return { kind: 'unclosed', at: b };
    if (r.length < 4) return { kind: 'too_short', at: a };
  }
  return null;
}
