// Does a feature show inside a sheet's frame? Judged by its geometry, not its bounding box: a
// province boundary whose box covers a series sheet but whose line passes beside it draws nothing
// there, and the legend must not list it.
import type { Extent } from '../model/geometry';
import type { PrintFeature } from './input';
import { linesOf, polygonsOf } from './geom';

/** A feature's rings or lines as flat x, y runs (packed features are read without unpacking). */
function runsOf(f: PrintFeature, closed: boolean): { xy: ArrayLike<number>; from: number; to: number }[] {
  const flat = f.flatGeometry?.();
  if (flat) {
    const out: { xy: ArrayLike<number>; from: number; to: number }[] = [];
    for (let i = 1; i < flat.bounds.length; i++) out.push({ xy: flat.xy, from: flat.bounds[i - 1], to: flat.bounds[i] });
    return out;
  }
  return (closed ? polygonsOf(f.geometry).flat() : linesOf(f.geometry)).map((r) => ({ xy: r.flat(), from: 0, to: r.length }));
}

/** Segment (a, b) meets the box e (Liang–Barsky). */
export function segmentMeetsBox(ax: number, ay: number, bx: number, by: number, e: Extent): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  const edges: [number, number][] = [
    [-dx, ax - e[0]],
    [dx, e[2] - ax],
    [-dy, ay - e[1]],
    [dy, e[3] - ay],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
  }
  return true;
}

/** Whether any line (or ring) of the feature passes through the box. */
function outlineMeets(runs: ReturnType<typeof runsOf>, e: Extent): boolean {
  for (const { xy, from, to } of runs) {
    if (to - from === 1) {
      const [x, y] = [xy[2 * from], xy[2 * from + 1]];
      if (x >= e[0] && x <= e[2] && y >= e[1] && y <= e[3]) return true;
    }
    for (let i = from + 1; i < to; i++) if (segmentMeetsBox(xy[2 * i - 2], xy[2 * i - 1], xy[2 * i], xy[2 * i + 1], e)) return true;
  }
  return false;
}

/** Even-odd point in the rings (holes and several polygons alike). */
function insideRings(runs: ReturnType<typeof runsOf>, x: number, y: number): boolean {
  let inside = false;
  for (const { xy, from, to } of runs)
    for (let i = from, j = to - 1; i < to; j = i++) {
      const [xi, yi, xj, yj] = [xy[2 * i], xy[2 * i + 1], xy[2 * j], xy[2 * j + 1]];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

/**
 * Whether the feature (its extent `box`) shows in the ground box `e`: a line through it, an area's
 * outline through it, or (for a filled area) the box inside the area.
 */
export function featureMeetsExtent(f: PrintFeature, box: Extent, kind: 'line' | 'area', filled: boolean, e: Extent): boolean {
  // Wholly inside the box: shown, without reading a vertex.
  if (box[0] >= e[0] && box[2] <= e[2] && box[1] >= e[1] && box[3] <= e[3]) return true;
  const runs = runsOf(f, kind === 'area');
  if (outlineMeets(runs, e)) return true;
  return kind === 'area' && filled && insideRings(runs, (e[0] + e[2]) / 2, (e[1] + e[3]) / 2);
}
