// Plain plane geometry for the lessons' checks (working CRS, metres): inside a commune, distance to
// its boundary, a point well inside it. Pure and small: the checks run in main and in the tests.
import type { Geometry, Position } from '../model';

type Ring = Position[];

/** The polygons of an area geometry (a point or line has none). */
export function polygonsOf(g: Geometry | null): Ring[][] {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

function inRing(p: Position, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > p[1]! !== yj! > p[1]! && p[0]! < ((xj! - xi!) * (p[1]! - yi!)) / (yj! - yi!) + xi!) inside = !inside;
  }
  return inside;
}

/** Inside an area (holes excluded). */
export function contains(area: Geometry | null, p: Position): boolean {
  return polygonsOf(area).some((poly) => inRing(p, poly[0]!) && !poly.slice(1).some((h) => inRing(p, h)));
}

function segmentDistance(p: Position, a: Position, b: Position): number {
  const dx = b[0]! - a[0]!;
  const dy = b[1]! - a[1]!;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / len2));
  return Math.hypot(p[0]! - (a[0]! + t * dx), p[1]! - (a[1]! + t * dy));
}

/** Distance from a point to the nearest edge of an area's rings. */
export function distanceToBoundary(area: Geometry | null, p: Position): number {
  let best = Infinity;
  for (const poly of polygonsOf(area)) {
    for (const ring of poly) {
      for (let i = 1; i < ring.length; i++) best = Math.min(best, segmentDistance(p, ring[i - 1]!, ring[i]!));
    }
  }
  return best;
}

export const distance = (a: Position, b: Position): number => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);

/**
 * A point well inside an area, rounded to whole metres: the middle of the widest stretch of the
 * horizontal line through the middle of the largest polygon's extent (a centroid may fall outside a
 * crescent-shaped commune).
 */
export function interiorPoint(area: Geometry | null): Position | null {
  let best: { x: number; y: number; width: number } | null = null;
  for (const poly of polygonsOf(area)) {
    const outer = poly[0]!;
    const ys = outer.map((p) => p[1]!);
    const y = Math.round((Math.min(...ys) + Math.max(...ys)) / 2) + 0.5;
    const xs: number[] = [];
    for (const ring of poly) {
      for (let i = 1; i < ring.length; i++) {
        const [x1, y1] = ring[i - 1]!;
        const [x2, y2] = ring[i]!;
        if (y1! > y !== y2! > y) xs.push(x1! + ((y - y1!) * (x2! - x1!)) / (y2! - y1!));
      }
    }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const width = xs[i + 1]! - xs[i]!;
      if (!best || width > best.width) best = { x: (xs[i]! + xs[i + 1]!) / 2, y, width };
    }
  }
  if (!best) return null;
  const p = [Math.round(best.x), Math.round(best.y)];
  return contains(area, p) ? p : null;
}
