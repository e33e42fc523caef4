// What a newly drawn shape becomes before its form opens: refused when invalid, cut to the focused
// commune when clipping is on (areas only), and its vertices put on the boundary by snapping or
// tracing settled just inside it for the review's exact test. Pure: the operations are passed in.
import type { Geometry } from '../../shared/model/geometry';
import type { Commune } from './communes';
import type * as GeometryOps from './geometryOps';

type Ops = Pick<typeof GeometryOps, 'invalidReason' | 'clipToCommune' | 'settleOnCommune'>;
type Why = { vi: string; en: string };

/** removedShare: the share of the drawn area clipping cut away (0 when it cut nothing). */
export type DrawnShape = ({ ok: true; geometry: Geometry } | { ok: false; why: Why }) & { removedShare: number };

export function drawnShape(ops: Ops, drawn: Geometry, commune: Pick<Commune, 'name' | 'geometry'> | null, clip: boolean): DrawnShape {
  const bad = ops.invalidReason(drawn);
  if (bad) return { ok: false, why: bad, removedShare: 0 };
  let geometry = drawn;
  let removedShare = 0;
  const boundary = commune?.geometry ?? null;
  if (boundary && clip && (drawn.type === 'Polygon' || drawn.type === 'MultiPolygon')) {
    const r = ops.clipToCommune(drawn, boundary, commune!.name);
    if (!r.ok) return { ok: false, why: { vi: r.vi, en: r.en }, removedShare: 0 };
    geometry = r.geometry;
    removedShare = r.removedShare;
  }
  if (boundary) geometry = ops.settleOnCommune(geometry, boundary);
  const still = geometry === drawn ? null : ops.invalidReason(geometry);
  return still ? { ok: false, why: still, removedShare } : { ok: true, geometry, removedShare };
}
