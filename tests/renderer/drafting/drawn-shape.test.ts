// A shape just drawn, before its form opens (drawnShape.ts), with the real polygon operations:
// refused when invalid, clipped to the focused commune only when asked and only for areas, its
// vertices on the boundary settled inside, and left as drawn when no commune is focused.
import { describe, expect, it } from 'vitest';
import type { Geometry } from '../../../src/shared/model/geometry';
import * as ops from '../../../src/renderer/drafting/geometryOps';
import { drawnShape } from '../../../src/renderer/drafting/drawnShape';

const X = 561_234.567;
const Y = 1_371_456.789;
const square = (x: number, y: number, s: number): Geometry => ({ type: 'Polygon', coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] });
const COMMUNE = { name: 'Nâm Nung', geometry: square(X, Y, 1000) };
const ring = (g: Geometry) => (g.type === 'Polygon' ? (g.coordinates[0] as number[][]) : []);
const maxX = (g: Geometry) => Math.max(...ring(g).map((p) => p[0]!));

describe('drawnShape', () => {
  it('a self-crossing area is refused with the reason, before any clipping', () => {
    const bow: Geometry = { type: 'Polygon', coordinates: [[[X, Y], [X + 10, Y + 10], [X + 10, Y], [X, Y + 10], [X, Y]]] };
    const r = drawnShape(ops, bow, COMMUNE, true);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.why.vi).toMatch(/tự cắt/);
    expect(r.removedShare).toBe(0);
  });
  it('with clipping, an area half outside is cut to the commune and the share cut away is told', () => {
    const half = square(X + 900, Y + 100, 200);
    const r = drawnShape(ops, half, COMMUNE, true);
    expect(r.ok).toBe(true);
    expect(r.removedShare).toBeCloseTo(0.5, 2);
    if (r.ok) expect(maxX(r.geometry)).toBeLessThanOrEqual(X + 1000);
  });
  it('without clipping it is kept whole', () => {
    const half = square(X + 900, Y + 100, 200);
    const r = drawnShape(ops, half, COMMUNE, false);
    expect(r.ok).toBe(true);
    expect(r.removedShare).toBe(0);
    if (r.ok) expect(maxX(r.geometry)).toBeCloseTo(X + 1100, 6);
  });
  it('an area outside the commune is refused when clipping, naming the commune', () => {
    const r = drawnShape(ops, square(X + 5000, Y, 100), COMMUNE, true);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.why.vi).toContain('Nâm Nung');
  });
  it('vertices snapped onto the boundary (a rounding outside it) are settled just inside it', () => {
    // Its right edge a micrometre outside the commune's: a snapped vertex's rounding, not a real overlap.
    const onEdge = square(X + 900 + 1e-6, Y + 100, 100);
    const r = drawnShape(ops, onEdge, COMMUNE, false);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.geometry).not.toBe(onEdge);
      expect(maxX(r.geometry)).toBeLessThan(X + 1000);
      expect(maxX(r.geometry)).toBeGreaterThan(X + 999.9);
    }
  });
  it('with no commune focused, the drawn shape is the one saved (not even copied)', () => {
    const g = square(X, Y, 10);
    const r = drawnShape(ops, g, null, true);
    expect(r.ok && r.geometry).toBe(g);
    const p: Geometry = { type: 'Point', coordinates: [X, Y] };
    expect(drawnShape(ops, p, null, true)).toEqual({ ok: true, geometry: p, removedShare: 0 });
  });
});
