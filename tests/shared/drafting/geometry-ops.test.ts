// Split, merge and validity with jsts: the parts cover the whole, a bow-tie is refused.
import { describe, expect, it } from 'vitest';
import { invalidReason, mergeAreas, splitArea } from '../../../src/renderer/drafting/geometryOps';

const sq = (x: number, y: number, s: number) => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];
const area = (g: { type: string; coordinates: any }): number => {
  const ring = (r: number[][]) => Math.abs(r.slice(0, -1).reduce((s, p, i) => s + p[0]! * r[i + 1]![1]! - r[i + 1]![0]! * p[1]!, 0)) / 2;
  const poly = (p: number[][][]) => ring(p[0]!) - p.slice(1).reduce((s, h) => s + ring(h), 0);
  return g.type === 'Polygon' ? poly(g.coordinates) : g.coordinates.reduce((s: number, p: number[][][]) => s + poly(p), 0);
};

describe('polygon operations', () => {
  it('splits a square with a hole into two parts whose areas add up', () => {
    const g = { type: 'Polygon' as const, coordinates: [sq(0, 0, 100), sq(10, 10, 10)] };
    const r = splitArea(g, [
      [50, -10],
      [50, 110],
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.parts).toHaveLength(2);
    expect(r.parts.map(area).reduce((a, b) => a + b, 0)).toBeCloseTo(100 * 100 - 100, 6);
  });

  it('refuses a line that does not cross the whole area', () => {
    const r = splitArea({ type: 'Polygon', coordinates: [sq(0, 0, 100)] }, [
      [50, -10],
      [50, 50],
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.vi).toMatch(/cắt ngang/);
  });

  it('merges two adjacent squares into one polygon, two apart into a multipolygon', () => {
    const m = mergeAreas({ type: 'Polygon', coordinates: [sq(0, 0, 10)] }, { type: 'Polygon', coordinates: [sq(10, 0, 10)] });
    expect(m.ok && m.geometry.type).toBe('Polygon');
    if (m.ok) expect(area(m.geometry)).toBeCloseTo(200, 6);
    const far = mergeAreas({ type: 'Polygon', coordinates: [sq(0, 0, 10)] }, { type: 'Polygon', coordinates: [sq(50, 0, 10)] });
    expect(far.ok && far.geometry.type).toBe('MultiPolygon');
  });

  it('a bow-tie is invalid and says where, a square is valid', () => {
    const bow = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [10, 10],
          [10, 0],
          [0, 10],
          [0, 0],
        ],
      ],
    };
    // In Vietnamese throughout (JTS words its reasons in English only), with where it happens.
    expect(invalidReason(bow)?.vi).toMatch(/^Vùng không hợp lệ: các cạnh tự cắt nhau \(X=5\.00 Y=5\.00\)/);
    expect(invalidReason(bow)?.en).toMatch(/Self-intersection/);
    const holeOutside = { type: 'Polygon' as const, coordinates: [sq(0, 0, 10), sq(20, 20, 2)] };
    expect(invalidReason(holeOutside)?.vi).toMatch(/lỗ thủng nằm ngoài vùng/);
    expect(invalidReason({ type: 'Polygon', coordinates: [sq(0, 0, 10)] })).toBeNull();
  });
});
