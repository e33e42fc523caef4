// The review's pair finders end whatever the coordinates: a grave at [1e18, 1e18] made the walk over
// its neighbouring cells (`x++` at 5e16) stand still and review.run never answered; a box of 10^12 m
// asked for 4·10^20 cells. Each absurd call runs in a worker stopped after a few seconds.
import { describe, expect, it } from 'vitest';
import type { Extent } from '../../../src/shared/model';
import { nearPairs } from '../../../src/shared/review/grid';
import { callInWorker } from '../../support/call-in-worker';
import { seededRandom } from '../../support/seeded-random';

const GRID = 'src/shared/review/grid.ts';

const bruteBoxes = (boxes: Extent[]) => {
  const out: [number, number][] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = 0; j < i; j++) {
      const [a, b] = [boxes[j], boxes[i]];
      if (a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]) out.push([j, i]);
    }
  return out;
};
const sorted = (p: [number, number][]) => p.map(([a, b]) => `${a}-${b}`).sort();

describe('review grid: bounded walks', () => {
  it('nearPairs ends with a point at [1e18, 1e18] and still pairs the others', async () => {
    const pts = [
      [430_000, 1_370_000],
      [1e18, 1e18],
      [430_005, 1_370_000],
      [-1e18, 1e18],
    ];
    expect(await callInWorker<[number, number][]>(GRID, 'nearPairs', [pts, 20], 5000)).toEqual([[0, 2]]);
    // A tiny distance still finds its pair: the cell size has a floor that keeps cell numbers exact.
    expect(nearPairs([[430_000, 1_370_000], [430_000 + 1e-9, 1_370_000]], 1e-8)).toEqual([[0, 1]]);
  });

  it('boxPairs ends for a box of 10^12 m and for one at 1e18, with the pairs brute force finds', async () => {
    const boxes: Extent[] = [
      [0, 0, 100, 100],
      [0, 0, 1e12, 1e12],
      [50, 50, 60, 60],
      [1e18, 1e18, 1e18, 1e18],
      [5e11, 5e11, 5e11 + 10, 5e11 + 10],
      [-1e18, -1e18, 1e18, 1e18],
    ];
    const got = await callInWorker<[number, number][]>(GRID, 'boxPairs', [boxes, 50], 5000);
    expect(sorted(got)).toEqual(sorted(bruteBoxes(boxes)));
  });

  it('boxPairs agrees with brute force on random boxes with a few huge ones among them', async () => {
    const rnd = seededRandom(13);
    const boxes: Extent[] = [];
    for (let i = 0; i < 400; i++) {
      const huge = rnd() < 0.03;
      const x = rnd() * 20_000;
      const y = rnd() * 20_000;
      const w = huge ? rnd() * 1e7 : rnd() * 300;
      const h = huge ? rnd() * 1e7 : rnd() * 300;
      boxes.push([x, y, x + w, y + h]);
    }
    const got = await callInWorker<[number, number][]>(GRID, 'boxPairs', [boxes, 200], 5000);
    expect(new Set(sorted(got)).size).toBe(got.length);
    expect(sorted(got)).toEqual(sorted(bruteBoxes(boxes)));
  });
});
