// "fit" picks a round scale at which the area still fits: the smallest round denominator at or above
// what the frame needs, never one rounded down (the area would spill over the frame's edge).
import { describe, expect, it } from 'vitest';
import { fitRoundScale, MAX_SCALE, roundScaleAtLeast } from '../../../src/shared/print/scale';

describe('round scales', () => {
  it('rounds up to 1:1,000 steps to 1:10,000 and to 1:5,000 steps above, exact values kept', () => {
    const cases: [number, number][] = [
      [1, 1000],
      [1000, 1000],
      [1001, 2000],
      [4100, 5000],
      [4999.5, 5000],
      [9001, 10000],
      [10000, 10000],
      [10001, 15000],
      [12345, 15000],
      [25000, 25000],
      [25000.5, 30000],
      [26000, 30000],
    ];
    for (const [n, s] of cases) expect(roundScaleAtLeast(n), String(n)).toBe(s);
  });

  it('fit: 6 km across a 277 × 190 mm frame needs 1:21,661… → 1:25,000, and the area fits at it', () => {
    const s = fitRoundScale(6000, 3000, 277, 190)!;
    expect(s).toBe(25000);
    expect((6000 * 1000) / s).toBeLessThanOrEqual(277);
    // The height decides when it is the tighter side: 4 km in 190 mm needs 1:21,053 → 1:25,000 too;
    // 1.5 km in 190 mm needs 1:7,895 → 1:8,000.
    expect(fitRoundScale(1000, 4000, 277, 190)).toBe(25000);
    expect(fitRoundScale(1000, 1500, 277, 190)).toBe(8000);
    // Beyond 1:1,000,000 there is no fitting scale.
    expect(fitRoundScale(300_000, 1000, 277, 190)).toBeNull();
    expect(fitRoundScale(277_000, 1000, 277, 190)).toBe(MAX_SCALE);
  });
});
