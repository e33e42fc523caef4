// The rows the map draws before (and instead of) OpenLayers features: the same geometries as the
// answer's reader gives, a spatial search that finds exactly the rows a brute-force scan finds, and
// the styles the layer's style function gives each row.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAP_GEOM, readMapLayer, type MapLayer } from '../../../src/shared/contract/map-layer';
import type { Put } from '../../../src/shared/model';
import { ProjectStore } from '../../../src/main/store';
import { FlatTable } from '../../../src/renderer/map/flatTable';
import { geometryStyleFunction } from '../../../src/renderer/map/olStyle';
import { AUTHOR, DAK_NONG_CRS, SETTINGS, tempDir, X0, Y0 } from '../../main/store/helpers';
import { seededRandom } from '../../support/seeded-random';

const tmp = tempDir('quytap-flat-table-');
let store: ProjectStore;
let graves: MapLayer;
let areas: MapLayer;

beforeAll(() => {
  store = ProjectStore.create(join(tmp.dir, 'f.gpkg'), DAK_NONG_CRS, SETTINGS, AUTHOR);
  const rnd = seededRandom(11);
  const put: Put[] = [];
  const statuses = ['done', 'continuing', 'not_started', 'no_result', 'unclear'];
  for (let i = 0; i < 300; i++) {
    const cx = X0 + rnd() * 5000;
    const cy = Y0 + rnd() * 5000;
    const r = 20 + rnd() * 200;
    const ring = [0, 1, 2, 3, 4, 5].map((k) => [cx + Math.cos(k) * r, cy + Math.sin(k) * r]);
    ring.push(ring[0]!);
    put.push({ table: 'search_areas', id: crypto.randomUUID(), geometry: { type: 'Polygon', coordinates: [ring] }, props: { status: statuses[i % 5]!, code: `KV${i}` } });
  }
  // Multipolygons, and an area with no geometry, among them.
  put.push({
    table: 'search_areas',
    id: crypto.randomUUID(),
    geometry: { type: 'MultiPolygon', coordinates: [[[[X0, Y0], [X0 + 10, Y0], [X0 + 10, Y0 + 10], [X0, Y0]]], [[[X0 + 900, Y0], [X0 + 950, Y0], [X0 + 950, Y0 + 40], [X0 + 900, Y0]]]] },
    props: { status: 'done' },
  });
  put.push({ table: 'search_areas', id: crypto.randomUUID(), geometry: null, props: { status: 'unclear', code: 'no-geometry' } });
  for (let i = 0; i < 2000; i++)
    put.push({ table: 'graves', id: crypto.randomUUID(), geometry: { type: 'Point', coordinates: [X0 + rnd() * 5000, Y0 + rnd() * 5000] }, props: { kind: i % 3 ? 'newly_found' : 'family_cared', verification: 'not_verified' } });
  store.applyEdit({ label: 'flat table fixture', put }, AUTHOR);
  graves = store.mapLayer('graves');
  areas = store.mapLayer('search_areas');
});

afterAll(() => {
  store.close();
  tmp.cleanup();
});

describe('FlatTable', () => {
  it.each(['graves', 'search_areas'] as const)('%s: every row has the geometry the reader gives, and its box', (table) => {
    const layer = table === 'graves' ? graves : areas;
    const rows = new FlatTable(layer, table);
    const read = [...readMapLayer(layer)];
    expect(rows.n).toBe(read.length);
    read.forEach((r, k) => {
      expect(rows.flat(k)).toEqual(r.geometry);
      if (!r.geometry) {
        expect(rows.types[k]).toBe(MAP_GEOM.none);
        expect(Number.isNaN(rows.boxes[k * 4]!)).toBe(true);
        return;
      }
      const xs = r.geometry.flat.filter((_, i) => i % 2 === 0);
      const ys = r.geometry.flat.filter((_, i) => i % 2 === 1);
      expect([...rows.boxes.subarray(k * 4, k * 4 + 4)]).toEqual([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
      expect(rows.geometry(k)!.getType()).toBe(r.geometry.type);
      expect(rows.feature(k).getId()).toBe(r.id);
      expect(rows.feature(k).getProperties()).toEqual(r.props);
    });
  });

  it('finds exactly the rows whose box meets an extent, in row order', () => {
    const rows = new FlatTable(areas, 'search_areas');
    const rnd = seededRandom(5);
    for (let t = 0; t < 50; t++) {
      const x = X0 - 200 + rnd() * 5400;
      const y = Y0 - 200 + rnd() * 5400;
      const e = [x, y, x + rnd() * 800, y + rnd() * 800];
      const expected: number[] = [];
      for (let k = 0; k < rows.n; k++) {
        const b = rows.boxes.subarray(k * 4, k * 4 + 4);
        if (b[0]! <= e[2]! && b[2]! >= e[0]! && b[1]! <= e[3]! && b[3]! >= e[1]!) expected.push(k);
      }
      expect([...rows.search(e)]).toEqual(expected);
    }
  });

  it("gives each row the styles the layer's style function gives it", () => {
    const rows = new FlatTable(areas, 'search_areas');
    const style = geometryStyleFunction({ table: 'search_areas', settings: store.getSettings(), metersPerUnit: 1 });
    for (const resolution of [0.5, 2, 40]) {
      for (let k = 0; k < rows.n; k++) {
        if (rows.types[k] === MAP_GEOM.none) continue;
        const direct = style(rows.feature(k) as never, resolution) ?? null;
        expect(rows.stylesAt(k, style, resolution)).toEqual(direct === null ? null : Array.isArray(direct) ? direct : [direct]);
      }
    }
  });

  it('refuses a malformed answer rather than drawing it wrong', () => {
    expect(() => new FlatTable({ ...areas, geom: { ...areas.geom, xy: areas.geom.xy.slice(0, -2) } }, 'search_areas')).toThrow();
    expect(() => new FlatTable({ ...graves, geom: { ...graves.geom, xy: [...graves.geom.xy, 1, 2] } }, 'graves')).toThrow();
    expect(() => new FlatTable({ ...graves, geom: { ...graves.geom, types: graves.geom.types.slice(1) } }, 'graves')).toThrow();
  });
});
