// A uniform grid over points or boxes: candidate pairs for the pairwise checks (graves too close,
// overlapping areas) without comparing every row with every other.
//
// Every walk over cells is bounded by a count computed first: a box covering more than
// MAX_CELLS_PER_BOX cells, or whose cell numbers are beyond exact integers (|i| > 2^52, where `i++`
// no longer moves), is compared with the others directly instead. One coordinate of 1e18 used to
// make `x++` a no-op and the review never answered.
import type { Extent } from '../model';

export const MAX_CELLS_PER_BOX = 4096;
const SAFE = 2 ** 52;

/** First and last cell of [min, max], or null when the walk could not be done exactly. */
function cellSpan(min: number, max: number, cell: number): [number, number] | null {
  const a = Math.floor(min / cell);
  const b = Math.floor(max / cell);
  return Math.abs(a) <= SAFE && Math.abs(b) <= SAFE && a <= b ? [a, b] : null;
}

const boxesTouch = (o: Extent, b: Extent) => o[0] <= b[2] && b[0] <= o[2] && o[1] <= b[3] && b[1] <= o[3];

/** Pairs (i < j) of boxes whose extents intersect or touch, each pair once. */
export function boxPairs(boxes: readonly Extent[], cell: number): [number, number][] {
  const grid = new Map<string, number[]>();
  const out: [number, number][] = [];
  const seen = new Set<number>();
  /** Boxes too big (or too far out) for the grid, compared with every other box. */
  const big: number[] = [];
  boxes.forEach((b, i) => {
    const xs = cellSpan(b[0], b[2], cell);
    const ys = cellSpan(b[1], b[3], cell);
    const cells = xs && ys ? (xs[1] - xs[0] + 1) * (ys[1] - ys[0] + 1) : Infinity;
    if (!(cells <= MAX_CELLS_PER_BOX)) {
      for (let j = 0; j < i; j++) if (boxesTouch(boxes[j], b)) out.push([j, i]);
      big.push(i);
      return;
    }
    for (const j of big) if (boxesTouch(boxes[j], b)) out.push([j, i]);
    seen.clear();
    for (let x = xs![0]; x <= xs![1]; x++)
      for (let y = ys![0]; y <= ys![1]; y++) {
        const k = `${x}:${y}`;
        let list = grid.get(k);
        if (!list) grid.set(k, (list = []));
        for (const j of list) {
          if (seen.has(j)) continue;
          seen.add(j);
          if (boxesTouch(boxes[j], b)) out.push([j, i]);
        }
        list.push(i);
      }
  });
  return out;
}

/**
 * Pairs (i < j) of points closer than `distance` (strictly), each pair once. Points whose cell
 * number is not an exact integer (beyond any CRS's range: the review reports them on their own)
 * are left out.
 */
export function nearPairs(points: readonly (readonly number[])[], distance: number): [number, number][] {
  if (!(distance > 0)) return [];
  // A cell at least as big as the distance still finds every pair; a floor keeps cell numbers exact.
  const cell = Math.max(distance, 1e-6);
  const grid = new Map<string, number[]>();
  const out: [number, number][] = [];
  const d2 = distance * distance;
  points.forEach((p, i) => {
    const cx = Math.floor(p[0] / cell);
    const cy = Math.floor(p[1] / cell);
    if (!(Math.abs(cx) <= SAFE && Math.abs(cy) <= SAFE)) return;
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        const list = grid.get(`${cx + dx}:${cy + dy}`);
        if (!list) continue;
        for (const j of list) {
          const ddx = points[j][0] - p[0];
          const ddy = points[j][1] - p[1];
          if (ddx * ddx + ddy * ddy < d2) out.push([j, i]);
        }
      }
    const k = `${cx}:${cy}`;
    const own = grid.get(k);
    if (own) own.push(i);
    else grid.set(k, [i]);
  });
  return out;
}
