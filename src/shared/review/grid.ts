// A uniform grid over points or boxes: candidate pairs for the pairwise checks (graves too close,
// overlapping areas) without comparing every row with every other.
import type { Extent } from '../model';

/** Pairs (i < j) of boxes whose extents intersect or touch, each pair once. */
export function boxPairs(boxes: readonly Extent[], cell: number): [number, number][] {
  const grid = new Map<string, number[]>();
  const out: [number, number][] = [];
  const seen = new Set<number>();
  boxes.forEach((b, i) => {
    const x0 = Math.floor(b[0] / cell);
    const x1 = Math.floor(b[2] / cell);
    const y0 = Math.floor(b[1] / cell);
    const y1 = Math.floor(b[3] / cell);
    seen.clear();
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) {
        const k = `${x}:${y}`;
        let list = grid.get(k);
        if (!list) grid.set(k, (list = []));
        for (const j of list) {
          if (seen.has(j)) continue;
          seen.add(j);
          const o = boxes[j];
          if (o[0] <= b[2] && b[0] <= o[2] && o[1] <= b[3] && b[1] <= o[3]) out.push([j, i]);
        }
        list.push(i);
      }
  });
  return out;
}

/** Pairs (i < j) of points closer than `distance` (strictly), each pair once. */
export function nearPairs(points: readonly (readonly number[])[], distance: number): [number, number][] {
  if (!(distance > 0)) return [];
  const cell = distance;
  const grid = new Map<string, number[]>();
  const out: [number, number][] = [];
  const d2 = distance * distance;
  points.forEach((p, i) => {
    const cx = Math.floor(p[0] / cell);
    const cy = Math.floor(p[1] / cell);
    for (let x = cx - 1; x <= cx + 1; x++)
      for (let y = cy - 1; y <= cy + 1; y++) {
        const list = grid.get(`${x}:${y}`);
        if (!list) continue;
        for (const j of list) {
          const dx = points[j][0] - p[0];
          const dy = points[j][1] - p[1];
          if (dx * dx + dy * dy < d2) out.push([j, i]);
        }
      }
    const k = `${cx}:${cy}`;
    const own = grid.get(k);
    if (own) own.push(i);
    else grid.set(k, [i]);
  });
  return out;
}
