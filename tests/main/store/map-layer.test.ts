// features.map (the map's compact read) must carry exactly what features.query carries for live
// rows: every attribute, the version and authorship, and every coordinate bit for bit (the drafting
// tools write geometries read from it back to the store), for every geometry type.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatToGeometry, MapLayerSchema, readMapLayer, type MapLayer } from '../../../src/shared/contract/map-layer';
import type { Put, Row, TableName } from '../../../src/shared/model';
import { ProjectStore } from '../../../src/main/store';
import { AUTHOR, DAK_NONG_CRS, SETTINGS, square, tempDir, X0, Y0 } from './helpers';

const tmp = tempDir('quytap-map-layer-');
let store: ProjectStore;
const id = (i: number) => `0a0a0a0a-0000-4000-8000-${String(i).padStart(12, '0')}`;

function asRows(layer: MapLayer): Row[] {
  return [...readMapLayer(layer)].map((r) => ({
    table: layer.table,
    id: r.id,
    geometry: r.geometry ? flatToGeometry(r.geometry) : null,
    props: r.props,
    meta: r.meta,
  }));
}

beforeAll(() => {
  store = ProjectStore.create(join(tmp.dir, 'm.gpkg'), DAK_NONG_CRS, SETTINGS, AUTHOR);
  const put: Put[] = [];
  // Awkward doubles: the read must not round them.
  for (let i = 0; i < 60; i++)
    put.push({
      table: 'graves',
      id: id(i),
      geometry: { type: 'Point', coordinates: [X0 + i * 10.123456789012345 + 1 / 3, Y0 + i * 0.1 + Math.PI] },
      props: { kind: i % 3 ? 'newly_found' : 'family_cared', verification: 'not_verified', name: i % 7 ? null : `Mộ số ${i}`, commune_code: i < 30 ? '24682' : null },
    });
  put.push(
    { table: 'search_areas', id: id(100), geometry: square(X0 + 0.5, Y0 + 0.25, 333.3333333), props: { status: 'not_started', code: 'KV-01', name: 'Đồi Cao' } },
    {
      table: 'search_areas',
      id: id(101),
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [[X0, Y0], [X0 + 100, Y0], [X0 + 100, Y0 + 100], [X0, Y0 + 100], [X0, Y0]],
            [[X0 + 10, Y0 + 10], [X0 + 20, Y0 + 10], [X0 + 20, Y0 + 20], [X0 + 10, Y0 + 10]],
          ],
          [[[X0 + 500, Y0], [X0 + 600, Y0], [X0 + 600, Y0 + 50], [X0 + 500, Y0]]],
        ],
      },
      props: { status: 'unclear' },
    },
    { table: 'base_lines', id: id(200), geometry: { type: 'LineString', coordinates: [[X0, Y0], [X0 + 1.1, Y0 + 2.2], [X0 + 3.3, Y0 + 4.4]] }, props: { kind: 'road', number: 'ĐT 684' } },
    {
      table: 'base_lines',
      id: id(201),
      geometry: { type: 'MultiLineString', coordinates: [[[X0, Y0], [X0 + 5, Y0 + 5]], [[X0 + 9, Y0 + 9], [X0 + 8, Y0 + 7], [X0 + 1, Y0 + 1]]] },
      props: { kind: 'stream', name: 'Suối Đắk Drô' },
    },
  );
  store.applyEdit({ label: 'map layer fixture', put }, AUTHOR);
  // A deleted row is not on the map; an edited one shows its new version.
  store.applyEdit({ label: 'xóa', remove: [{ table: 'graves', id: id(5), baseVersion: 1 }] }, AUTHOR);
  store.applyEdit({ label: 'sửa', put: [{ table: 'graves', id: id(6), baseVersion: 1, props: { name: 'Mộ đã sửa' } }] }, 'Người khác');
});

afterAll(() => {
  store.close();
  tmp.cleanup();
});

describe('features.map', () => {
  it.each<TableName>(['graves', 'search_areas', 'base_lines', 'cemeteries'])('%s: the same live rows as features.query, bit for bit', (table) => {
    const layer = MapLayerSchema.parse(store.mapLayer(table));
    const expected = store.query(table).rows;
    expect(asRows(layer)).toEqual(expected);
    expect(layer.truncated).toBe(false);
  });

  it('leaves deleted rows out and carries the version and author of an edit', () => {
    const rows = asRows(store.mapLayer('graves'));
    expect(rows.find((r) => r.id === id(5))).toBeUndefined();
    const edited = rows.find((r) => r.id === id(6))!;
    expect(edited.meta.version).toBe(2);
    expect(edited.meta.updatedBy).toBe('Người khác');
    expect(edited.props.name).toBe('Mộ đã sửa');
    expect(rows).toHaveLength(59);
  });

  it('is smaller than features.query: repeated values travel once', () => {
    const layer = store.mapLayer('graves');
    expect('d' in layer.props.kind!).toBe(true);
    expect(JSON.stringify(layer).length).toBeLessThan(JSON.stringify(store.query('graves')).length / 2);
  });

  it('reads by extent and by limit', () => {
    const bbox: [number, number, number, number] = [X0 - 1, Y0 - 1, X0 + 100, Y0 + 10];
    expect(store.mapLayer('graves', bbox).ids).toEqual(store.query('graves', { bbox }).rows.map((r) => r.id));
    const first = store.mapLayer('graves', undefined, 10);
    expect(first.ids).toHaveLength(10);
    // Every answer says which project file it was read from (the page keeps only the open one's).
    for (const a of [first, store.mapLayer('graves', bbox), store.mapLayer('graves')]) expect(a.project).toBe(store.path);
    expect(first.truncated).toBe(true);
  });

  it('refuses a malformed answer instead of drawing it wrong', () => {
    const layer = store.mapLayer('search_areas');
    expect(() => [...readMapLayer({ ...layer, geom: { ...layer.geom, xy: layer.geom.xy.slice(0, -2) } })]).toThrow();
    expect(() => [...readMapLayer({ ...layer, geom: { ...layer.geom, xy: [...layer.geom.xy, 1, 2] } })]).toThrow();
  });
});

describe('features.map kept between writes', () => {
  it('hands out the same frozen answer until this connection writes', () => {
    const a = store.mapLayer('graves');
    expect(Object.isFrozen(a)).toBe(true);
    expect(store.mapLayer('graves')).toBe(a);
    store.applyEdit({ label: 'thêm mộ', put: [{ table: 'graves', id: id(300), geometry: { type: 'Point', coordinates: [X0 + 7, Y0 + 7] }, props: { kind: 'newly_found', verification: 'not_verified' } }] }, AUTHOR);
    const b = store.mapLayer('graves');
    expect(b).not.toBe(a);
    expect(b.ids).toContain(id(300));
    expect(asRows(b)).toEqual(store.query('graves').rows);
    // An undo is a write too.
    store.undo(AUTHOR);
    expect(store.mapLayer('graves').ids).not.toContain(id(300));
  });

  it('reads again after another connection (QGIS, a second window) commits to the file', () => {
    const a = store.mapLayer('search_areas');
    const other = ProjectStore.open(join(tmp.dir, 'm.gpkg'));
    try {
      other.applyEdit({ label: 'cửa sổ khác', put: [{ table: 'search_areas', id: id(100), baseVersion: store.get('search_areas', id(100))!.meta.version, props: { name: 'Đồi Thấp' } }] }, 'Người khác');
    } finally {
      other.close();
    }
    const b = store.mapLayer('search_areas');
    expect(b).not.toBe(a);
    expect(asRows(b).find((r) => r.id === id(100))!.props.name).toBe('Đồi Thấp');
  });

  it('keeps nothing for reads by extent or limit', () => {
    const bbox: [number, number, number, number] = [X0 - 1, Y0 - 1, X0 + 100, Y0 + 10];
    expect(store.mapLayer('graves', bbox)).not.toBe(store.mapLayer('graves', bbox));
    expect(Object.isFrozen(store.mapLayer('graves', undefined, 10))).toBe(false);
  });
});
