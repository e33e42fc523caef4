// The GEOS wrapper: answers GEOS gives, errors instead of wrong answers, and no leaked memory.
import { describe, expect, it } from 'vitest';
import { loadGeos, toWkb, type Geos, type GeomPtr } from '../../../src/main/review/geos';
import type { Geometry } from '../../../src/shared/model';

const circle = (n: number, r: number): Geometry => {
  const ring = Array.from({ length: n }, (_, i) => [r * Math.cos((i / n) * 2 * Math.PI), r * Math.sin((i / n) * 2 * Math.PI)]);
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
};

/** What GEOS itself holds for a geometry: its WKT, written by GEOS (GEOSGeomToWKT). */
function geosWkt(g: Geos, ptr: GeomPtr): string {
  const m = (g as unknown as { m: { GEOSGeomToWKT(p: number): number; GEOSFree(p: number): void; Module: { UTF8ToString(p: number): string } } }).m;
  const s = m.GEOSGeomToWKT(ptr);
  try {
    return m.Module.UTF8ToString(s);
  } finally {
    m.GEOSFree(s);
  }
}

/** The WKT's shape with every number replaced by #, and its numbers. */
const skeleton = (wkt: string) => wkt.replace(/-?\d+(\.\d+)?(e[-+]?\d+)?/g, '#');
const numbers = (wkt: string) => [...wkt.matchAll(/-?\d+(\.\d+)?(e[-+]?\d+)?/g)].map((x) => Number(x[0]));

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
  it('GEOS reads back exactly the coordinates written, in order, x before y, parts and rings kept', async () => {
    const g = await loadGeos();
    const x0 = 430123.37;
    const y0 = 1370456.81;
    const ring = (dx: number, s: number) => [[x0 + dx, y0], [x0 + dx + s, y0 + 0.5], [x0 + dx + s, y0 + s], [x0 + dx, y0]];
    const hole = [[x0 + 2, y0 + 2], [x0 + 3, y0 + 2.25], [x0 + 3, y0 + 3], [x0 + 2, y0 + 2]];
    const cases: [Geometry, string][] = [
      [{ type: 'Point', coordinates: [x0, y0] }, 'POINT (# #)'],
      [{ type: 'LineString', coordinates: [[x0, y0], [x0 + 1.5, y0 - 2.25], [x0 - 7, y0 + 9]] }, 'LINESTRING (# #, # #, # #)'],
      [{ type: 'MultiLineString', coordinates: [[[x0, y0], [x0 + 1, y0 + 1]], [[x0 + 2, y0 + 2], [x0 + 3, y0 + 3], [x0 + 4, y0 + 2]]] }, 'MULTILINESTRING ((# #, # #), (# #, # #, # #))'],
      [{ type: 'Polygon', coordinates: [ring(0, 10), hole] }, 'POLYGON ((# #, # #, # #, # #), (# #, # #, # #, # #))'],
      [{ type: 'MultiPolygon', coordinates: [[ring(0, 10), hole], [ring(20, 5)]] }, 'MULTIPOLYGON (((# #, # #, # #, # #), (# #, # #, # #, # #)), ((# #, # #, # #, # #)))'],
    ];
    for (const [geom, shape] of cases) {
      const wkt = g.with(geom, (p) => geosWkt(g, p));
      expect(skeleton(wkt), wkt).toBe(shape);
      expect(numbers(wkt)).toEqual((geom.coordinates as unknown[]).flat(3));
    }
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
