// World (working CRS, metres) → paper (mm) and small planar helpers.
import type { Extent, Geometry, Position } from '../model/geometry';
import type { BoxMm } from './display-list';

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

// Scratch space for one ring or line on paper, reused: a heavy sheet has a million vertices, and
// growing fresh arrays for each line would leave tens of MB of garbage behind.
let sx = new Float64Array(4096);
let sy = new Float64Array(4096);
let keepBuf = new Uint8Array(4096);
let zone = new Uint8Array(4096);
const stack: number[] = [];

function room(n: number): void {
  if (sx.length >= n) return;
  const size = Math.max(n, sx.length * 2);
  sx = new Float64Array(size);
  sy = new Float64Array(size);
  keepBuf = new Uint8Array(size);
  zone = new Uint8Array(size);
}

/**
 * Appends a point on paper, unless it lies too close to the last one kept. With `clip` (the
 * frame, a little enlarged), a run of points in one zone outside it (left, above-left, above, …;
 * each zone is convex) keeps only its first and last: the path changes only where nothing is
 * visible, and the loop cut off lies in a convex zone without any visible point, so no winding
 * number inside changes (fills stay exact). A district boundary crossing a series sheet keeps its
 * visible part only.
 */
function push(m: number, x: number, y: number, clip: BoxMm | undefined): number {
  const z = clip ? (x < clip[0] ? 1 : x > clip[2] ? 2 : 0) | (y < clip[1] ? 4 : y > clip[3] ? 8 : 0) : 0;
  if (z && m >= 2 && zone[m - 1] === z && zone[m - 2] === z) m--;
  sx[m] = x;
  sy[m] = y;
  zone[m] = z;
  return m + 1;
}

/**
 * Douglas–Peucker at `tolMm / 2` over the m points in the scratch arrays (0.05 mm: under a 600 dpi
 * dot, never visible): drops the vertices that only wobble along the line.
 */
function simplified(m: number, tolMm: number, closed: boolean): number[] {
  if (m === 0) return [];
  const keep = keepBuf;
  keep.fill(0, 0, m);
  keep[0] = 1;
  keep[m - 1] = 1;
  const tol2 = (tolMm / 2) ** 2;
  stack.length = 0;
  if (m > 2) stack.push(0, m - 1);
  let kept = m > 1 ? 2 : 1;
  while (stack.length) {
    const b = stack.pop()!;
    const a = stack.pop()!;
    const dx = sx[b] - sx[a];
    const dy = sy[b] - sy[a];
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let worstD = tol2;
    for (let i = a + 1; i < b; i++) {
      let d2: number;
      if (len2 === 0) d2 = (sx[i] - sx[a]) ** 2 + (sy[i] - sy[a]) ** 2;
      else {
        const c = dx * (sy[i] - sy[a]) - dy * (sx[i] - sx[a]);
        d2 = (c * c) / len2;
      }
      if (d2 > worstD) {
        worstD = d2;
        worst = i;
      }
    }
    if (worst > 0) {
      keep[worst] = 1;
      kept++;
      stack.push(a, worst, worst, b);
    }
  }
  if (closed && kept < 3) return [];
  const out: number[] = new Array(2 * kept);
  let j = 0;
  for (let i = 0; i < m; i++)
    if (keep[i]) {
      out[j++] = sx[i];
      out[j++] = sy[i];
    }
  return out;
}

/**
 * A ring or line on paper, simplified below print resolution: vertices closer than `tolMm` to the
 * last kept one go, then Douglas–Peucker at `tolMm / 2`.
 */
export function pathOnPaper(f: Frame, coords: Position[], tolMm: number, closed: boolean, clip?: BoxMm): number[] {
  const k = 1000 / f.scale;
  const n = coords.length;
  room(n);
  let m = 0;
  let lx = NaN;
  let ly = NaN;
  for (let i = 0; i < n; i++) {
    const x = f.x + (coords[i][0] - f.extent[0]) * k;
    const y = f.y + (f.extent[3] - coords[i][1]) * k;
    if (i > 0 && i < n - 1 && Math.abs(x - lx) < tolMm && Math.abs(y - ly) < tolMm) continue;
    m = push(m, x, y, clip);
    lx = x;
    ly = y;
  }
  return simplified(m, tolMm, closed);
}

/** The same from positions [from, to) of a flat x, y array (main's packed rows: no Position arrays made). */
export function flatPathOnPaper(f: Frame, xy: ArrayLike<number>, from: number, to: number, tolMm: number, closed: boolean, clip?: BoxMm): number[] {
  const k = 1000 / f.scale;
  room(to - from);
  let m = 0;
  let lx = NaN;
  let ly = NaN;
  for (let i = from; i < to; i++) {
    const x = f.x + (xy[2 * i] - f.extent[0]) * k;
    const y = f.y + (f.extent[3] - xy[2 * i + 1]) * k;
    if (i > from && i < to - 1 && Math.abs(x - lx) < tolMm && Math.abs(y - ly) < tolMm) continue;
    m = push(m, x, y, clip);
    lx = x;
    ly = y;
  }
  return simplified(m, tolMm, closed);
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

// Box of a ring, kept as long as the ring is: a district's communes are tested against every
// label and every frame of a series, and their boundaries have thousands of vertices.
const ringBoxes = new WeakMap<Position[], Extent>();
function ringBox(ring: Position[]): Extent {
  let b = ringBoxes.get(ring);
  if (!b) {
    b = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of ring) {
      if (p[0] < b[0]) b[0] = p[0];
      if (p[1] < b[1]) b[1] = p[1];
      if (p[0] > b[2]) b[2] = p[0];
      if (p[1] > b[3]) b[3] = p[1];
    }
    ringBoxes.set(ring, b);
  }
  return b;
}

export function pointInPolygons(x: number, y: number, polys: Position[][][]): boolean {
  for (const p of polys) {
    const b = ringBox(p[0]);
    if (x < b[0] || x > b[2] || y < b[1] || y > b[3]) continue;
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
