// The GEOS wrapper: answers GEOS gives, errors instead of wrong answers, and no leaked memory.
import { describe, expect, it } from 'vitest';
import { loadGeos, toWkb } from '../../../src/main/review/geos';
import type { Geometry } from '../../../src/shared/model';

const circle = (n: number, r: number): Geometry => {
  const ring = Array.from({ length: n }, (_, i) => [r * Math.cos((i / n) * 2 * Math.PI), r * Math.sin((i / n) * 2 * Math.PI)]);
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
};

describe('geos wrapper', () => {
  it('writes ISO WKB GEOS reads back (all five geometry types)', async () => {
    const g = await loadGeos();
    const shapes: Geometry[] = [
      { type: 'Point', coordinates: [1, 2] },
      { type: 'LineString', coordinates: [[0, 0], [1, 1]] },
      { type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]], [[2, 2], [3, 3]]] },
      circle(8, 10),
      { type: 'MultiPolygon', coordinates: [(circle(8, 10) as { coordinates: number[][][] }).coordinates] },
    ];
    for (const s of shapes) expect(g.with(s, (p) => g.invalidReason(p))).toBeNull();
    expect(toWkb({ type: 'Point', coordinates: [1, 2] })).toHaveLength(21);
  });
  it('a geometry GEOS cannot read is an error, not an answer', async () => {
    const g = await loadGeos();
    // An unclosed ring: the WKB is well formed, GEOS refuses the LinearRing (the checks catch it before).
    expect(() => g.read({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] })).toThrow(/GEOS could not read the geometry: .*closed/i);
    // …and stays usable afterwards.
    expect(g.with(circle(6, 1), (p) => g.invalidReason(p))).toBeNull();
  });
  it('frees what it allocates: 3,000 reads of a 2,000-vertex polygon do not grow the WASM heap', async () => {
    const g = await loadGeos();
    const big = circle(2000, 500);
    const other = circle(2000, 400);
    const o = g.read(other);
    for (let i = 0; i < 50; i++) g.with(big, (p) => g.intersectionArea(p, o)); // settle the heap first
    const before = g.heapBytes();
    for (let i = 0; i < 3000; i++)
      g.with(big, (p) => {
        g.invalidReason(p);
        g.interiorsIntersect(p, o);
        return g.intersectionArea(p, o);
      });
    g.destroy(o);
    // Leaking one copy per loop would need 3,000 × 32 kB ≈ 96 MB more.
    expect(g.heapBytes()).toBe(before);
  });
});
