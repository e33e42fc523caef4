// A new area and its commune boundary: clipped to the inside with jsts, and vertices snapped or
// traced onto the boundary kept inside it, judged by the review's own exact test (GEOS covers, the
// rule commune.crosses) on VN-2000-sized coordinates.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGeos, type Geos } from '../../../src/main/review/geos';
import type { Geometry } from '../../../src/shared/model';
import { clipToCommune, settleOnCommune } from '../../../src/renderer/drafting/geometryOps';

type Polygon = Extract<Geometry, { type: 'Polygon' }>;

/** A wavy commune outline of 240 vertices around a VN-2000 TM-3 position (no round numbers). */
const CX = 561_234.567;
const CY = 1_371_456.789;
const ringOf = (n: number): number[][] => {
  const r = Array.from({ length: n }, (_, i) => {
    const t = (i / n) * 2 * Math.PI;
    const rad = 3000 + 180 * Math.sin(5 * t) + 37.3 * Math.cos(17 * t);
    return [CX + rad * Math.cos(t), CY + rad * Math.sin(t)];
  });
  return [...r, r[0]!];
};
const RING = ringOf(240);
const COMMUNE: Polygon = { type: 'Polygon', coordinates: [RING] };

const lerp = (a: number[], b: number[], t: number) => [a[0]! + (b[0]! - a[0]!) * t, a[1]! + (b[1]! - a[1]!) * t];
const shoelace = (r: number[][]) => Math.abs(r.slice(0, -1).reduce((s, p, i) => s + p[0]! * r[i + 1]![1]! - r[i + 1]![0]! * p[1]!, 0)) / 2;

let geos: Geos;
beforeAll(async () => {
  geos = await loadGeos();
});

/** The review's verdict (src/main/review/checks/commune-membership.ts) for a geometry in COMMUNE. */
function verdict(g: Geometry): 'inside' | 'crosses' | 'outside' {
  return geos.with(COMMUNE, (c) => {
    const p = geos.prepareGeometry(c);
    try {
      return geos.with(g, (x) => (geos.covers(p, x) ? 'inside' : geos.intersects(p, x) ? 'crosses' : 'outside'));
    } finally {
      geos.destroyPrepared(p);
    }
  });
}
const outsideXY = (q: number[]) =>
  geos.with(COMMUNE, (c) => {
    const p = geos.prepareGeometry(c);
    try {
      return !geos.coversXY(p, q[0]!, q[1]!);
    } finally {
      geos.destroyPrepared(p);
    }
  });

/**
 * An area as OpenLayers' trace draws it: from a point clicked (snapped) on edge i, along the
 * boundary's own vertices to a point on edge j, then back through the interior. The points on the
 * edges are interpolated, as Draw and Snap compute them; the fractions are chosen where the nearest
 * double falls OUTSIDE the boundary (as about half of all such points do).
 */
function tracedArea(i: number, j: number): { area: Polygon; start: number[]; end: number[] } {
  const onEdgeOutside = (k: number) => {
    for (let t = 0.137; t < 1; t += 0.0131) {
      const q = lerp(RING[k]!, RING[k + 1]!, t);
      if (outsideXY(q)) return q;
    }
    throw new Error(`no outside rounding on edge ${k}`);
  };
  const start = onEdgeOutside(i);
  const end = onEdgeOutside(j);
  const traced = RING.slice(i + 1, j + 1);
  const inner = [lerp(end, [CX, CY], 0.3), lerp(start, [CX, CY], 0.3)];
  return { area: { type: 'Polygon', coordinates: [[start, ...traced, end, ...inner, start]] }, start, end };
}

describe('an area drawn along the commune boundary', () => {
  it('traced onto the boundary, it crosses by rounding alone; settled, the review finds it inside and its traced part IS the boundary', () => {
    const { area, start, end } = tracedArea(20, 41);
    expect(verdict(area)).toBe('crosses'); // what staff met: an error that blocks submission
    const settled = settleOnCommune(area, COMMUNE) as Polygon;
    expect(verdict(settled)).toBe('inside');
    const ring = settled.coordinates[0]!;
    // The boundary's vertices are kept to the last bit; the two clicked points moved by rounding only.
    expect(ring.slice(1, 22)).toEqual(RING.slice(21, 42));
    expect(Math.hypot(ring[0]![0]! - start[0]!, ring[0]![1]! - start[1]!)).toBeLessThan(1e-6);
    expect(Math.hypot(ring[22]![0]! - end[0]!, ring[22]![1]! - end[1]!)).toBeLessThan(1e-6);
    expect(ring.slice(23, -1)).toEqual(area.coordinates[0]!.slice(23, -1));
    expect(ring.at(-1)).toEqual(ring[0]);
  });

  it('clipped as well, it stays the same area with the same boundary vertices', () => {
    const { area } = tracedArea(100, 133);
    const r = clipToCommune(area, COMMUNE, 'Nâm Nung');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.removedShare).toBeLessThan(1e-9);
    const settled = settleOnCommune(r.geometry, COMMUNE) as Polygon;
    expect(verdict(settled)).toBe('inside');
    const out = settled.coordinates[0]!.map((p) => `${p[0]},${p[1]}`);
    for (const v of RING.slice(101, 134)) expect(out).toContain(`${v[0]},${v[1]}`);
    expect(shoelace(settled.coordinates[0]!)).toBeCloseTo(shoelace(area.coordinates[0]!), 3);
  });

  it('leaves a vertex that is really outside (1 cm) where it was drawn', () => {
    const a = RING[60]!;
    const b = RING[61]!;
    const m = lerp(a, b, 0.5);
    const len = Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!);
    // 1 cm to the outside of the edge (away from the centre).
    const n = [(b[1]! - a[1]!) / len, -(b[0]! - a[0]!) / len];
    const sign = Math.sign((m[0]! - CX) * n[0]! + (m[1]! - CY) * n[1]!);
    const q = [m[0]! + sign * 0.01 * n[0]!, m[1]! + sign * 0.01 * n[1]!];
    const area: Polygon = { type: 'Polygon', coordinates: [[q, lerp(q, [CX, CY], 0.2), lerp(a, [CX, CY], 0.1), q]] };
    expect(verdict(area)).toBe('crosses');
    expect(settleOnCommune(area, COMMUNE)).toBe(area);
  });
});

describe('clipping a new area to the commune', () => {
  const square = (x: number, y: number, s: number): Polygon => ({
    type: 'Polygon',
    coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]],
  });

  it('a square half outside the commune is cut to the part inside', () => {
    // Centred on the eastmost vertex's x: about half of it lies beyond the boundary.
    const east = RING.reduce((m, p) => (p[0]! > m[0]! ? p : m));
    const sq = square(east[0]! - 200, east[1]! - 200, 400);
    expect(verdict(sq)).toBe('crosses');
    const r = clipToCommune(sq, COMMUNE, 'Nâm Nung');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.geometry.type).toBe('Polygon');
    const inside = settleOnCommune(r.geometry, COMMUNE) as Polygon;
    expect(verdict(inside)).toBe('inside');
    const kept = shoelace(inside.coordinates[0]!) / (400 * 400);
    expect(kept).toBeGreaterThan(0.3);
    expect(kept).toBeLessThan(0.7);
    expect(r.removedShare).toBeCloseTo(1 - kept, 6);
  });

  it('an area already inside comes back untouched', () => {
    const sq = square(CX - 100, CY - 100, 200);
    const r = clipToCommune(sq, COMMUNE, 'Nâm Nung');
    expect(r).toEqual({ ok: true, geometry: sq, removedShare: 0 });
  });

  it('refuses, saying why, an area wholly outside and one the boundary would cut into two pieces', () => {
    const far = clipToCommune(square(CX + 10_000, CY, 100), COMMUNE, 'Nâm Nung');
    expect(far.ok).toBe(false);
    if (!far.ok) expect(far.vi).toMatch(/hoàn toàn ngoài xã Nâm Nung/);
    // A U-shaped commune and a bar across both its arms: inside, the bar is two pieces.
    const u: Polygon = {
      type: 'Polygon',
      coordinates: [[[CX, CY], [CX + 900, CY], [CX + 900, CY + 900], [CX + 600, CY + 900], [CX + 600, CY + 300], [CX + 300, CY + 300], [CX + 300, CY + 900], [CX, CY + 900], [CX, CY]]],
    };
    const band = square(CX - 100, CY + 500, 1100);
    band.coordinates[0]![2]![1] = band.coordinates[0]![3]![1] = CY + 700;
    const two = clipToCommune(band, u, 'Nâm Nung');
    expect(two.ok).toBe(false);
    if (!two.ok) {
      expect(two.vi).toMatch(/thành 2 phần rời nhau/);
      expect(two.en).toMatch(/\d+ separate pieces/);
    }
  });
});
