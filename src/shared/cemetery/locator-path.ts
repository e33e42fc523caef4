// The path drawn on the locator sheet from the gate to the plot. Honest about what it is: nobody
// surveyed the paths, so it is a suggestion built from the plan alone: from the gate to the end of
// the plot's row nearer the gate, along the row in the gap beside it, then to the plot. With fewer
// than two plots in the row (no row direction to follow) it is the straight line, and says so.

type XY = [number, number];

export interface LocatorPath {
  points: XY[];
  kind: 'along_row' | 'straight';
}

const sub = (a: XY, b: XY): XY => [a[0] - b[0], a[1] - b[1]];
const dot = (a: XY, b: XY) => a[0] * b[0] + a[1] * b[1];
const add = (a: XY, b: XY, k = 1): XY => [a[0] + b[0] * k, a[1] + b[1] * k];

/** `rowCentres`: the centres of every plot of the target's row (the target's own among them). */
export function locatorPath(gate: XY, target: { centre: XY; ring: readonly XY[] }, rowCentres: readonly XY[]): LocatorPath {
  const far = rowCentres.reduce<[XY, XY, number]>(
    (best, a) => rowCentres.reduce<[XY, XY, number]>((b, c) => (Math.hypot(...sub(a, c)) > b[2] ? [a, c, Math.hypot(...sub(a, c))] : b), best),
    [target.centre, target.centre, 0],
  );
  if (rowCentres.length < 2 || far[2] < 1e-6) return { points: [gate, target.centre], kind: 'straight' };
  const u: XY = [(far[1][0] - far[0][0]) / far[2], (far[1][1] - far[0][1]) / far[2]];
  let n: XY = [-u[1], u[0]];
  if (dot(sub(gate, target.centre), n) < 0) n = [-n[0], -n[1]];
  // Out of the plot into the gap on the gate's side: the plot's half depth across the row, plus 0.5 m.
  const half = Math.max(...target.ring.map((p) => Math.abs(dot(sub(p, target.centre), n))));
  const off = half + 0.5;
  // The row's two ends, a metre beyond its outer plots, in the gap; the one nearer the gate.
  const ends = [add(far[0], u, -1), add(far[1], u, 1)].map((e) => add(add(target.centre, u, dot(sub(e, target.centre), u)), n, off));
  const entry = Math.hypot(...sub(ends[0]!, gate)) <= Math.hypot(...sub(ends[1]!, gate)) ? ends[0]! : ends[1]!;
  const beside = add(target.centre, n, off);
  return { points: [gate, entry, beside, target.centre], kind: 'along_row' };
}
