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

  it('merging the two halves of a split gives back the area without the cut’s vertices, holes too', () => {
    // In VN-2000 metres, with a slanted cut: its ends on the boundary are rounded intersections.
    const x0 = 431_234.5;
    const y0 = 1_367_350.25;
    const before = { type: 'Polygon' as const, coordinates: [sq(x0, y0, 100), sq(x0 + 40, y0 + 40, 20)] };
    const cut = splitArea(before, [
      [x0 - 10, y0 - 7],
      [x0 + 110, y0 + 103.3],
    ]);
    if (!cut.ok) throw new Error(cut.en);
    expect(cut.parts).toHaveLength(2);
    const m = mergeAreas(cut.parts[0]!, cut.parts[1]!);
    if (!m.ok) throw new Error(m.en);
    expect(m.geometry.type).toBe('Polygon');
    const corners = (r: number[][]) =>
      r
        .slice(0, -1)
        .map((p) => `${p[0]},${p[1]}`)
        .sort();
    const rings = m.geometry.coordinates as number[][][];
    expect(rings).toHaveLength(2);
    expect(corners(rings[0]!)).toEqual(corners(before.coordinates[0]!));
    expect(corners(rings[1]!)).toEqual(corners(before.coordinates[1]!));
    expect(area(m.geometry)).toBeCloseTo(area(before), 6);
    expect(invalidReason(m.geometry)).toBeNull();
  });

  it('a merge keeps real corners where the areas met, and vertices only one area had', () => {
    // A 20 × 5 strip against a 10 × 10 square: (10, 0) was where they met on a straight edge, (10, 5)
    // is a corner of the result. The square's own vertex (5, 0) on its edge stays: the user put it there.
    const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [5, 0], [10, 0], [10, 10], [0, 10], [0, 0]]] };
    const strip = { type: 'Polygon' as const, coordinates: [[[10, 0], [20, 0], [20, 5], [10, 5], [10, 0]]] };
    const m = mergeAreas(square, strip);
    if (!m.ok) throw new Error(m.en);
    const vertices = (m.geometry.coordinates as number[][][])[0]!.slice(0, -1).map((p) => `${p[0]},${p[1]}`);
    expect(vertices).toContain('5,0');
    expect(vertices).toContain('10,5');
    expect(vertices).not.toContain('10,0');
    expect(vertices).toHaveLength(7);
    expect(area(m.geometry)).toBeCloseTo(150, 9);
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
