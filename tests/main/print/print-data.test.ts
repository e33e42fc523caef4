// Gathering for print holds coordinates packed: what the composer reads back (the unpacked
// geometry, the flat runs, the extent) must be exactly what the store holds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoProject } from '../../../src/main/services/demo-project';
import { ProjectStore } from '../../../src/main/store';
import { gatherPrintInput } from '../../../src/main/print/print-data';
import { geometryExtent, type Geometry, type Position } from '../../../src/shared/model';
import { DRAW_ORDER } from '../../../src/shared/symbology';
import { AUTHOR, DAK_NONG_CRS, SETTINGS, X0, Y0 } from '../store/helpers';

const dir = mkdtempSync(join(tmpdir(), 'quytap-print-data-'));
let store: ProjectStore;

beforeAll(async () => {
  const demo = join(dir, 'demo.gpkg');
  await createDemoProject(demo, { author: 'test' });
  store = ProjectStore.open(demo);
}, 120_000);

afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const xyOf = (g: Geometry): number[][] => {
  const lines: Position[][] =
    g.type === 'Point' ? [[g.coordinates]] : g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates.flat() : g.coordinates;
  return lines.map((l) => l.flatMap((p) => [p[0], p[1]]));
};

describe('gathering rows for print', () => {
  it('every feature of the store, geometry unpacked exactly, flat runs and extent matching', () => {
    const input = gatherPrintInput(store);
    const expected = DRAW_ORDER.flatMap((t) => store.query(t, { limit: 100_000 }).rows.filter((r) => r.geometry));
    expect(input.features.length).toBe(expected.length);
    const byId = new Map(input.features.map((f) => [f.id, f]));
    let flats = 0;
    for (const r of expected) {
      const f = byId.get(r.id)!;
      expect(f.table).toBe(r.table);
      expect(f.props).toEqual(r.props);
      const g = f.geometry;
      expect(g.type).toBe(r.geometry!.type);
      expect(xyOf(g)).toEqual(xyOf(r.geometry!));
      if (g.type === 'MultiPolygon' && r.geometry!.type === 'MultiPolygon') expect(g.coordinates.map((p) => p.length)).toEqual(r.geometry!.coordinates.map((p) => p.length));
      expect(f.extent).toEqual(geometryExtent(r.geometry!));
      const flat = f.flatGeometry?.();
      if (flat) {
        flats++;
        const runs: number[][] = [];
        for (let i = 1; i < flat.bounds.length; i++) runs.push(Array.from({ length: 2 * (flat.bounds[i] - flat.bounds[i - 1]) }, (_, k) => flat.xy[2 * flat.bounds[i - 1] + k]));
        expect(runs).toEqual(xyOf(r.geometry!));
      }
    }
    expect(flats).toBeGreaterThan(100);
  });

  it('areas of one polygon, of two (one with a hole) and of several rings come back as stored', () => {
    const s = ProjectStore.create(join(dir, 'areas.gpkg'), DAK_NONG_CRS, SETTINGS, AUTHOR);
    try {
      const ring = (x: number, y: number, w: number): Position[] => [[x, y], [x + w, y], [x + w, y + w], [x, y + w], [x, y]];
      const shapes: Geometry[] = [
        { type: 'MultiPolygon', coordinates: [[ring(X0, Y0, 100)]] },
        { type: 'MultiPolygon', coordinates: [[ring(X0 + 200, Y0, 100), ring(X0 + 220, Y0 + 20, 30).reverse()], [ring(X0 + 400, Y0, 50)]] },
        { type: 'MultiPolygon', coordinates: [[ring(X0 + 600, Y0, 100), ring(X0 + 610, Y0 + 10, 20).reverse(), ring(X0 + 650, Y0 + 50, 20).reverse()]] },
      ];
      s.applyEdit({ put: shapes.map((geometry) => ({ table: 'search_areas' as const, geometry, props: { status: 'done' } })) }, AUTHOR);
      const stored = s.query('search_areas', { limit: 10 }).rows;
      const got = gatherPrintInput(s).features.filter((f) => f.table === 'search_areas');
      expect(got.map((f) => f.geometry)).toEqual(stored.map((r) => r.geometry));
      expect(got.map((f) => f.geometry.type === 'MultiPolygon' && f.geometry.coordinates.length)).toEqual([1, 2, 1]);
    } finally {
      s.close();
    }
  });

  it('a one-pass scan hands back its result, lets errors through, and leaves the store usable', () => {
    expect(store.scanOnce(() => store.scanOnce(() => 7))).toBe(7);
    expect(() => store.scanOnce(() => store.query('no_such_table' as 'graves'))).toThrow();
    expect(store.query('graves', { limit: 1 }).rows.length).toBe(1);
  });
});
