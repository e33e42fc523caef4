// World (working CRS, metres) → paper (mm) and small planar helpers.
import type { Extent, Geometry, Position } from '../model/geometry';

export interface Frame {
  /** Frame position on the page, mm. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** The ground extent the frame shows. */
  extent: Extent;
  scale: number;
}

export function toPaper(f: Frame, e: number, n: number): [number, number] {
  return [f.x + ((e - f.extent[0]) * 1000) / f.scale, f.y + ((f.extent[3] - n) * 1000) / f.scale];
}

/**
 * A ring or line on paper, simplified below print resolution: vertices closer than `tolMm` to the
 * last kept one go, then Douglas–Peucker at `tolMm / 2` (0.05 mm: under a 600 dpi dot, never
 * visible) drops the ones that only wobble along the line.
 */
export function pathOnPaper(f: Frame, coords: Position[], tolMm: number, closed: boolean): number[] {
  const k = 1000 / f.scale;
  const n = coords.length;
  const xs: number[] = [];
  const ys: number[] = [];
  let lx = NaN;
  let ly = NaN;
  for (let i = 0; i < n; i++) {
    const x = f.x + (coords[i][0] - f.extent[0]) * k;
    const y = f.y + (f.extent[3] - coords[i][1]) * k;
    if (i > 0 && i < n - 1 && Math.abs(x - lx) < tolMm && Math.abs(y - ly) < tolMm) continue;
    xs.push(x);
    ys.push(y);
    lx = x;
    ly = y;
  }
  const m = xs.length;
  const keep = new Uint8Array(m);
  keep[0] = 1;
  keep[m - 1] = 1;
  const tol2 = (tolMm / 2) ** 2;
  const stack: number[] = m > 2 ? [0, m - 1] : [];
  while (stack.length) {
    const b = stack.pop()!;
    const a = stack.pop()!;
    const dx = xs[b] - xs[a];
    const dy = ys[b] - ys[a];
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let worstD = tol2;
    for (let i = a + 1; i < b; i++) {
      let d2: number;
      if (len2 === 0) d2 = (xs[i] - xs[a]) ** 2 + (ys[i] - ys[a]) ** 2;
      else {
        const c = dx * (ys[i] - ys[a]) - dy * (xs[i] - xs[a]);
        d2 = (c * c) / len2;
      }
      if (d2 > worstD) {
        worstD = d2;
        worst = i;
      }
    }
    if (worst > 0) {
      keep[worst] = 1;
      stack.push(a, worst, worst, b);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < m; i++) if (keep[i]) out.push(xs[i], ys[i]);
  if (closed && out.length < 6) return [];
  return out;
}

export function polygonsOf(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

export function linesOf(g: Geometry): Position[][] {
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return [];
}

export function extentsIntersect(a: Extent, b: Extent): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

function inRing(x: number, y: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInPolygons(x: number, y: number, polys: Position[][][]): boolean {
  for (const p of polys) {
    if (!inRing(x, y, p[0])) continue;
    if (!p.slice(1).some((h) => inRing(x, y, h))) return true;
  }
  return false;
}

/** A point well inside a polygon: the middle of the widest horizontal span through its middle. */
export function interiorPoint(poly: Position[][]): Position | null {
  const outer = poly[0];
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of outer) {
    minY = Math.min(minY, p[1]);
    maxY = Math.max(maxY, p[1]);
  }
  let best: Position | null = null;
  let bestW = -1;
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
    const y = minY + (maxY - minY) * t + 1e-7;
    const xs: number[] = [];
    for (const ring of poly) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
      }
    }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      if (xs[i + 1] - xs[i] > bestW) {
        bestW = xs[i + 1] - xs[i];
        best = [(xs[i] + xs[i + 1]) / 2, y];
      }
    }
  }
  return best;
}

export function ringArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
  return Math.abs(a / 2);
}

export function rectPath(x: number, y: number, w: number, h: number): number[] {
  return [x, y, x + w, y, x + w, y + h, x, y + h];
}

/** Whether a box and polygons share ground: a vertex inside the box, a box point inside, or crossing edges. */
export function extentTouchesPolygons(e: Extent, polys: Position[][][]): boolean {
  const inBox = (p: Position) => p[0] >= e[0] && p[0] <= e[2] && p[1] >= e[1] && p[1] <= e[3];
  const corners: Position[] = [
    [e[0], e[1]],
    [e[2], e[1]],
    [e[2], e[3]],
    [e[0], e[3]],
  ];
  if (corners.some((c) => pointInPolygons(c[0], c[1], polys)) || pointInPolygons((e[0] + e[2]) / 2, (e[1] + e[3]) / 2, polys)) return true;
  const cross = (a: Position, b: Position, c: Position, d: Position) => {
    const o = (p: Position, q: Position, r: Position) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
    return o(a, b, c) !== o(a, b, d) && o(c, d, a) !== o(c, d, b);
  };
  for (const poly of polys)
    for (const ring of poly)
      for (let i = 0; i < ring.length; i++) {
        if (inBox(ring[i])) return true;
        if (i > 0) for (let j = 0; j < 4; j++) if (cross(ring[i - 1], ring[i], corners[j], corners[(j + 1) % 4])) return true;
      }
  return false;
}
