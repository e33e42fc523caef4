// Where a line's name can stand: along the line, turned to its local direction (kept upright), in
// slots repeated along long lines, each slot with several positions to try around its middle.
import { linesOf, toPaper, type Frame } from './geom';
import type { PrintFeature } from './input';
import type { BoxMm } from './display-list';

/** A long line is named again every this many millimetres of paper. */
export const LINE_REPEAT_MM = 150;

export interface LineSpot {
  x: number;
  y: number;
  /** Counter-clockwise, degrees, in [-90, 90]: the text never reads upside down. */
  angleDeg: number;
}

/** The feature's lines on paper, cut into the runs that lie inside the frame. */
function runsInFrame(f: Frame, feature: PrintFeature): number[][][] {
  const runs: number[][][] = [];
  const inFrame = (p: number[]) => p[0] >= f.x && p[0] <= f.x + f.w && p[1] >= f.y && p[1] <= f.y + f.h;
  for (const line of linesOf(feature.geometry)) {
    let run: number[][] = [];
    for (const q of line) {
      const p = toPaper(f, q[0], q[1]);
      if (inFrame(p)) run.push(p);
      else if (run.length) {
        runs.push(run);
        run = [];
      }
    }
    if (run.length >= 2) runs.push(run);
  }
  return runs.filter((r) => r.length >= 2);
}

/** Cumulative length at each vertex. */
function measures(run: number[][]): number[] {
  const m = [0];
  for (let i = 1; i < run.length; i++) m.push(m[i - 1] + Math.hypot(run[i][0] - run[i - 1][0], run[i][1] - run[i - 1][1]));
  return m;
}

/** The first vertex index i ≥ 1 with m[i] ≥ s (binary search: rivers have thousands of vertices). */
function indexAt(m: number[], s: number): number {
  let lo = 1;
  let hi = m.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (m[mid] < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function pointAt(run: number[][], m: number[], s: number): [number, number] {
  const i = indexAt(m, s);
  const d = m[i] - m[i - 1];
  const t = d ? Math.min(1, Math.max(0, (s - m[i - 1]) / d)) : 0;
  return [run[i - 1][0] + (run[i][0] - run[i - 1][0]) * t, run[i - 1][1] + (run[i][1] - run[i - 1][1]) * t];
}

/** Upright angle (counter-clockwise on paper, y down) of the direction from a to b. */
export function uprightAngle(a: [number, number], b: [number, number]): number {
  let deg = (-Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI;
  if (deg > 90) deg -= 180;
  if (deg < -90) deg += 180;
  return deg;
}

/**
 * The spot whose text spans [s - w/2, s + w/2] of the run, turned along the chord there; null when
 * the line bends away from the chord by more than `bend` (the straight text would leave the line).
 */
function spotAt(run: number[][], m: number[], s: number, w: number, bend: number): LineSpot | null {
  const a = pointAt(run, m, s - w / 2);
  const b = pointAt(run, m, s + w / 2);
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  if (len < w * 0.7) return null;
  for (let i = indexAt(m, s - w / 2); i < run.length && m[i] < s + w / 2; i++) {
    if (m[i] <= s - w / 2) continue;
    const off = Math.abs((b[0] - a[0]) * (a[1] - run[i][1]) - (a[0] - run[i][0]) * (b[1] - a[1])) / len;
    if (off > bend) return null;
  }
  const c = pointAt(run, m, s);
  return { x: c[0], y: c[1], angleDeg: uprightAngle(a, b) };
}

/**
 * Slots of spots for a name `w` mm long and `h` mm high: one slot per LINE_REPEAT_MM of the line
 * inside the frame (at least one per run long enough), each listing positions from its middle out.
 */
export function lineSlots(frame: Frame, feature: PrintFeature, w: number, h: number, where?: (x: number, y: number) => boolean): LineSpot[][] {
  const slots: LineSpot[][] = [];
  const step = Math.max(w * 0.4, 3);
  for (const run of runsInFrame(frame, feature)) {
    const m = measures(run);
    const L = m[m.length - 1];
    if (L < w) continue;
    const n = Math.max(1, Math.round(L / LINE_REPEAT_MM));
    const span = L / n;
    for (let k = 0; k < n; k++) {
      const mid = (k + 0.5) * span;
      const spots: LineSpot[] = [];
      for (let j = 0; j * step <= span / 2; j++) {
        for (const s of j ? [mid + j * step, mid - j * step] : [mid]) {
          if (s < w / 2 || s > L - w / 2) continue;
          // A straight text on a bent line: first where the line is nearly straight, then bends of a letter's height.
          const spot = spotAt(run, m, s, w, h * 0.6) ?? spotAt(run, m, s, w, h * 1.5);
          if (spot && (!where || where(spot.x, spot.y))) spots.push(spot);
        }
      }
      if (spots.length) slots.push(spots);
    }
  }
  return slots;
}

/** The text's footprint as a chain of small boxes along it (one box of a slanted text is mostly air). */
export function alongBoxes(x: number, y: number, w: number, h: number, deg: number): BoxMm[] {
  const r = (deg * Math.PI) / 180;
  const [ux, uy] = [Math.cos(r), -Math.sin(r)];
  const n = Math.max(1, Math.ceil(w / h));
  const seg = w / n;
  const c = Math.abs(ux);
  const sn = Math.abs(uy);
  const hw = (seg * c + h * sn) / 2;
  const hh = (seg * sn + h * c) / 2;
  const out: BoxMm[] = [];
  for (let i = 0; i < n; i++) {
    const t = -w / 2 + (i + 0.5) * seg;
    const cx = x + ux * t;
    const cy = y + uy * t;
    out.push([cx - hw, cy - hh, cx + hw, cy + hh]);
  }
  return out;
}
