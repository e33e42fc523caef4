// Most polygons an import checks are one small ring without holes (a search area: ~12 vertices).
// Handing each to GEOS costs ~15–30 µs in marshalling into WebAssembly and building its topology
// graph; 10,000 of them were a third of preparing the file. For such a ring validity is only this: closed,
// at least three distinct corners, and simple (no two edges meet except neighbours at their shared
// vertex). That is decided here when it can be decided for certain — exact bounding-box tests, and
// orientation signs taken only when they clear a floating-point error bound — and the answer is
// only ever "valid". Anything else (holes, several parts, repeated or collinear vertices, edges that
// touch or cross, a sign too close to call, large rings) goes to GEOS, which also words the reason.
import type { Geometry, Position } from '../../shared/model';

/** Above this many vertices the pairwise test costs more than GEOS's sweep. */
export const MAX_SIMPLE_VERTICES = 64;

// Shewchuk's bound for the sign of a 2×2 orientation determinant computed in doubles.
const ORIENT_BOUND = (3 + 16 * Number.EPSILON) * Number.EPSILON;

/** Sign of the turn a → b → c (1 left, -1 right), or 0 when it is collinear or too close to call. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const l = (ax - cx) * (by - cy);
  const r = (ay - cy) * (bx - cx);
  const det = l - r;
  const bound = ORIENT_BOUND * (Math.abs(l) + Math.abs(r));
  return det > bound ? 1 : det < -bound ? -1 : 0;
}

/**
 * True only when the ring (closed, first position repeated last) is certainly simple: no repeated
 * consecutive positions, no three consecutive ones collinear, and no two non-adjacent edges meeting.
 */
function certainlySimpleRing(ring: readonly Position[]): boolean {
  const n = ring.length - 1; // edges; edge i runs from ring[i] to ring[i + 1]
  if (n < 3 || n > MAX_SIMPLE_VERTICES) return false;
  const first = ring[0]!;
  const last = ring[n]!;
  if (first[0] !== last[0] || first[1] !== last[1]) return false;
  for (const p of ring) if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) return false;
  // Neighbouring edges share one vertex; they overlap beyond it only if they are collinear there.
  for (let i = 0; i < n; i++) {
    const a = ring[i === 0 ? n - 1 : i - 1]!;
    const b = ring[i]!;
    const c = ring[i + 1]!;
    if (orient(a[0]!, a[1]!, b[0]!, b[1]!, c[0]!, c[1]!) === 0) return false;
  }
  for (let i = 0; i < n; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    const ax0 = Math.min(a[0]!, b[0]!);
    const ax1 = Math.max(a[0]!, b[0]!);
    const ay0 = Math.min(a[1]!, b[1]!);
    const ay1 = Math.max(a[1]!, b[1]!);
    // Edges i and j are neighbours when j = i + 1, or i = 0 and j = n - 1.
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      const c = ring[j]!;
      const d = ring[j + 1]!;
      if (Math.max(c[0]!, d[0]!) < ax0 || Math.min(c[0]!, d[0]!) > ax1 || Math.max(c[1]!, d[1]!) < ay0 || Math.min(c[1]!, d[1]!) > ay1) continue;
      const o1 = orient(a[0]!, a[1]!, b[0]!, b[1]!, c[0]!, c[1]!);
      const o2 = orient(a[0]!, a[1]!, b[0]!, b[1]!, d[0]!, d[1]!);
      const o3 = orient(c[0]!, c[1]!, d[0]!, d[1]!, a[0]!, a[1]!);
      const o4 = orient(c[0]!, c[1]!, d[0]!, d[1]!, b[0]!, b[1]!);
      // A zero is a touch, an overlap or a sign too close to call: not certain.
      if (o1 === 0 || o2 === 0 || o3 === 0 || o4 === 0) return false;
      // Both ends of each edge on opposite sides of the other: they cross.
      if (o1 !== o2 && o3 !== o4) return false;
    }
  }
  return true;
}

/**
 * True when `g` is certainly valid by GEOS's (OGC) rules without asking GEOS: a polygon of one
 * certainly simple ring, alone or as the only member of a multipolygon. False means "ask GEOS",
 * not "invalid".
 */
export function certainlyValidPolygon(g: Geometry): boolean {
  if (g.type === 'Polygon') return g.coordinates.length === 1 && certainlySimpleRing(g.coordinates[0]!);
  if (g.type === 'MultiPolygon') return g.coordinates.length === 1 && g.coordinates[0]!.length === 1 && certainlySimpleRing(g.coordinates[0]![0]!);
  return false;
}
