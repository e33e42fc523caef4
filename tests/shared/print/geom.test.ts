// Paths on paper: what lies outside the frame is cut down to what keeps every visible point's
// fill and stroke the same.
import { describe, expect, it } from 'vitest';
import { flatPathOnPaper, pathOnPaper, type Frame } from '../../../src/shared/print/geom';
import type { BoxMm } from '../../../src/shared/print';

const frame: Frame = { x: 0, y: 0, w: 100, h: 100, extent: [0, 0, 100, 100], scale: 1000 };
const clip: BoxMm = [-3, -3, 103, 103];

/** Even-odd inside test on a flat x, y ring (paper coordinates). */
function inside(ring: number[], x: number, y: number): boolean {
  let c = false;
  for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
    const [xi, yi, xj, yj] = [ring[i], ring[i + 1], ring[j], ring[j + 1]];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

describe('paths on paper', () => {
  // A wiggly ring around a point inside the frame, reaching far outside it (a district boundary on one sheet of a series).
  const ring: number[][] = [];
  for (let i = 0; i < 2000; i++) {
    const a = (i / 2000) * 2 * Math.PI;
    const r = 150 + 60 * Math.sin(a * 7) + (i % 2) * 2;
    ring.push([60 + r * Math.cos(a), 40 + r * Math.sin(a)]);
  }
  ring.push(ring[0]);

  it('keeps far fewer vertices when cut to the frame, and every point of the frame stays inside or outside as before', () => {
    const full = pathOnPaper(frame, ring, 0.1, true);
    const cut = pathOnPaper(frame, ring, 0.1, true, clip);
    expect(cut.length).toBeLessThan(full.length / 10);
    for (let x = -2; x <= 102; x += 4) for (let y = -2; y <= 102; y += 4) expect(inside(cut, x, y)).toBe(inside(full, x, y));
    // What lies inside the clip is kept vertex for vertex.
    const visible = (p: number[]) => p.filter((_, i) => i % 2 === 0 && p[i] >= -3 && p[i] <= 103 && p[i + 1] >= -3 && p[i + 1] <= 103).length;
    expect(visible(cut)).toBe(visible(full));
  });

  it('flat runs give the same path as positions', () => {
    const flat = ring.flatMap((p) => [p[0], p[1]]);
    expect(flatPathOnPaper(frame, flat, 0, ring.length, 0.1, true, clip)).toEqual(pathOnPaper(frame, ring, 0.1, true, clip));
    expect(flatPathOnPaper(frame, flat, 10, 500, 0.1, false)).toEqual(pathOnPaper(frame, ring.slice(10, 500), 0.1, false));
  });

  it('a ring wholly in one zone outside the frame vanishes; a line crossing the frame keeps its ends outside', () => {
    expect(pathOnPaper(frame, [[-50, 10], [-40, 30], [-60, 50], [-55, 5], [-50, 10]], 0.1, true, clip)).toEqual([]);
    const line = pathOnPaper(frame, [[-80, 50], [-70, 52], [-60, 49], [-10, 50], [50, 50], [110, 50], [150, 55], [170, 48]], 0.1, false, clip);
    expect(line[0]).toBe(-80);
    expect(line[line.length - 2]).toBe(170);
  });
});
