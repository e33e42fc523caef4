// Reading: extent and attribute queries, Vietnamese search without diacritics, links.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Put } from '../../../src/shared/model';
import { ProjectStore } from '../../../src/main/store';
import { AUTHOR, DAK_NONG_CRS, IDS, SETTINGS, square, tempDir, X0, Y0, thrownApiError as apiError } from './helpers';

const tmp = tempDir();
let store: ProjectStore;

const M = (i: number) => `0e0e0e0e-0000-4000-8000-${String(i).padStart(12, '0')}`;
const martyrs: [string, Record<string, string | number | boolean>][] = [
  ['Nguyễn Văn Đức', { hometown: 'Xã Đắk Drô, Krông Nô', recovered: false, birth_year: 1950 }],
  ['Trần Thị Lựu', { hometown: 'Buôn Choáh', recovered: true, birth_year: 1948 }],
  ['Y Ngông Niê', { hometown: 'Đắk Mâm', unit: 'Đại đội 2, Tiểu đoàn Đắk Drô', recovered: false }],
  ['Lê Đình Dũng', { hometown: 'Quảng Ngãi', notes: 'Hy sinh tại dốc Đắk Drô', recovered: true }],
  ['Phạm Văn Dương', { hometown: 'Thanh Hóa', notes: '100% thông tin_chưa rõ' }],
];

beforeAll(() => {
  store = ProjectStore.create(join(tmp.dir, 'q.gpkg'), DAK_NONG_CRS, SETTINGS, AUTHOR);
  const put: Put[] = [];
  // a 10 × 10 grid of graves, 100 m apart, alternating kinds and communes
  for (let i = 0; i < 100; i++)
    put.push({
      table: 'graves',
      id: `0d0d0d0d-0000-4000-8000-${String(i).padStart(12, '0')}`,
      geometry: { type: 'Point', coordinates: [X0 + (i % 10) * 100, Y0 + Math.floor(i / 10) * 100] },
      props: { kind: i % 2 ? 'family_cared' : 'newly_found', verification: 'not_verified', commune_code: i < 50 ? '24682' : null, estimated_remains: i % 4 },
    });
  martyrs.forEach(([full_name, rest], i) => put.push({ table: 'martyrs', id: M(i), props: { full_name, ...rest, commune_code: '24682' } }));
  put.push(
    { table: 'search_areas', id: IDS.area, geometry: square(X0 + 5000, Y0 + 5000, 1000), props: { status: 'not_started', name: 'Đồi Ba Cây Thông' } },
    { table: 'info_forms', id: IDS.form, props: { number: '01/2019', informant_name: 'Y Bhin Niê', verification: 'not_verified' } },
    { table: 'links', id: IDS.link, props: { from_table: 'info_forms', from_id: IDS.form, to_table: 'search_areas', to_id: IDS.area, role: 'source' } },
    { table: 'links', props: { from_table: 'martyrs', from_id: M(0), to_table: 'search_areas', to_id: IDS.area, role: 'buried_here' } },
    { table: 'links', props: { from_table: 'search_areas', from_id: IDS.area, to_table: 'graves', to_id: '0f0f0f0f-0000-4000-8000-0000000000ee', role: 'related' } },
    { table: 'links', id: IDS.attachment, props: { from_table: 'info_forms', from_id: IDS.form, to_table: 'martyrs', to_id: M(1), role: 'names' } },
  );
  store.applyEdit({ label: 'Dữ liệu thử', put }, AUTHOR);
  store.applyEdit({ remove: [{ table: 'graves', id: '0d0d0d0d-0000-4000-8000-000000000000', baseVersion: 1 }, { table: 'links', id: IDS.attachment, baseVersion: 1 }] }, AUTHOR);
});
afterAll(() => {
  store.close();
  tmp.cleanup();
});


describe('query', () => {
  it('finds rows by extent through the R-tree', () => {
    const r = store.query('graves', { bbox: [X0 + 150, Y0 + 150, X0 + 350, Y0 + 250] });
    expect(r.truncated).toBe(false);
    expect(r.rows.map((x) => x.geometry!.coordinates)).toEqual([
      [X0 + 200, Y0 + 200],
      [X0 + 300, Y0 + 200],
    ]);
    // edges count (a point on the bbox border is inside)
    expect(store.query('graves', { bbox: [X0 + 100, Y0 + 100, X0 + 100, Y0 + 100] }).rows).toHaveLength(1);
    expect(store.query('graves', { bbox: [X0 - 1000, Y0 - 1000, X0 - 500, Y0 - 500] }).rows).toHaveLength(0);
    // polygons by overlap of their envelope
    expect(store.query('search_areas', { bbox: [X0 + 5900, Y0 + 5900, X0 + 7000, Y0 + 7000] }).rows).toHaveLength(1);
  });

  it('leaves tombstones out unless asked', () => {
    const bbox: [number, number, number, number] = [X0 - 1, Y0 - 1, X0 + 1, Y0 + 1];
    expect(store.query('graves', { bbox }).rows).toHaveLength(0);
    const all = store.query('graves', { bbox, includeDeleted: true }).rows;
    expect(all).toHaveLength(1);
    expect(all[0]!.meta.deleted).toBe(true);
    expect(store.query('graves').rows).toHaveLength(99);
  });

  it('filters by value, list of values, null and boolean', () => {
    expect(store.query('graves', { filter: { kind: 'family_cared' } }).rows).toHaveLength(50);
    expect(store.query('graves', { filter: { kind: 'newly_found', commune_code: '24682' } }).rows).toHaveLength(24);
    expect(store.query('graves', { filter: { commune_code: null } }).rows).toHaveLength(50);
    expect(store.query('graves', { filter: { commune_code: ['24682', null] } }).rows).toHaveLength(99);
    expect(store.query('graves', { filter: { estimated_remains: [0, 3] } }).rows).toHaveLength(49);
    expect(store.query('graves', { filter: { estimated_remains: [] } }).rows).toHaveLength(0);
    expect(store.query('martyrs', { filter: { recovered: true } }).rows.map((r) => r.props.full_name)).toEqual(['Trần Thị Lựu', 'Lê Đình Dũng']);
    expect(store.query('martyrs', { filter: { recovered: [false] } }).rows).toHaveLength(2);
    expect(store.query('graves', { bbox: [X0, Y0, X0 + 1000, Y0 + 50], filter: { kind: 'family_cared' } }).rows).toHaveLength(5);
  });

  it('refuses unknown fields and never splices names into SQL', () => {
    const e = apiError(() => store.query('graves', { filter: { colour: 'red' } }));
    expect(e.code).toBe('validation');
    expect(e.vi).toContain('"colour"');
    expect(apiError(() => store.query('graves', { filter: { 'kind" OR 1=1 --': 'x' } })).code).toBe('validation');
    expect(apiError(() => store.query('graves; DROP TABLE graves' as never, {})).code).toBe('validation');
    expect(apiError(() => store.query('martyrs', { bbox: [0, 0, 1, 1] })).code).toBe('validation');
    expect(apiError(() => store.query('graves', { bbox: [1, 1, 0, 0] })).code).toBe('validation');
    expect(apiError(() => store.query('graves', { limit: 0 })).code).toBe('validation');
    expect(store.query('graves').rows).toHaveLength(99);
  });

  it('pages with limit and offset and says when it truncated', () => {
    const first = store.query('graves', { limit: 40 });
    expect(first.rows).toHaveLength(40);
    expect(first.truncated).toBe(true);
    const rest = store.query('graves', { limit: 60, offset: 40 });
    expect(rest.rows).toHaveLength(59);
    expect(rest.truncated).toBe(false);
    expect(new Set([...first.rows, ...rest.rows].map((r) => r.id)).size).toBe(99);
  });

  it('gets one row by id, any table, and null for an unknown id', () => {
    expect(store.get('martyrs', M(2))!.props.unit).toBe('Đại đội 2, Tiểu đoàn Đắk Drô');
    expect(store.get('martyrs', M(2).toUpperCase())!.id).toBe(M(2));
    expect(store.get('martyrs', M(99))).toBeNull();
    expect(apiError(() => store.get('martyrs', 'not-a-uuid')).code).toBe('validation');
  });
});

describe('searchRecords', () => {
  const names = (r: { rows: { props: Record<string, unknown> }[] }) => r.rows.map((x) => x.props.full_name);

  it('ignores Vietnamese diacritics and case: "dak dro" finds "Đắk Drô"', () => {
    const r = store.searchRecords('martyrs', 'dak dro');
    expect(names(r)).toEqual(['Nguyễn Văn Đức', 'Y Ngông Niê', 'Lê Đình Dũng']);
    expect(r.total).toBe(3);
    expect(names(store.searchRecords('martyrs', 'DUC'))).toEqual(['Nguyễn Văn Đức']);
    expect(names(store.searchRecords('martyrs', 'Đức'))).toEqual(['Nguyễn Văn Đức']);
    expect(names(store.searchRecords('martyrs', 'luu'))).toEqual(['Trần Thị Lựu']);
    expect(names(store.searchRecords('martyrs', 'choah'))).toEqual(['Trần Thị Lựu']);
    expect(names(store.searchRecords('martyrs', 'dung'))).toEqual(['Lê Đình Dũng']);
  });

  it('needs every word, in any field, in any order', () => {
    expect(names(store.searchRecords('martyrs', 'dro nguyen'))).toEqual(['Nguyễn Văn Đức']);
    expect(names(store.searchRecords('martyrs', 'tieu doan dak'))).toEqual(['Y Ngông Niê']);
    expect(store.searchRecords('martyrs', 'dak dro hanoi').total).toBe(0);
  });

  it('treats % and _ as plain characters', () => {
    expect(names(store.searchRecords('martyrs', '100%'))).toEqual(['Phạm Văn Dương']);
    expect(names(store.searchRecords('martyrs', 'tin_chua'))).toEqual(['Phạm Văn Dương']);
    expect(store.searchRecords('martyrs', '%').total).toBe(1);
    expect(store.searchRecords('martyrs', '_').total).toBe(1);
  });

  it('combines with a filter and pages, with the total of all matches', () => {
    expect(names(store.searchRecords('martyrs', 'dak dro', { recovered: true }))).toEqual(['Lê Đình Dũng']);
    const page = store.searchRecords('martyrs', 'dak dro', {}, 1, 1);
    expect(names(page)).toEqual(['Y Ngông Niê']);
    expect(page.total).toBe(3);
    expect(store.searchRecords('martyrs', 'dak dro', {}, 10, 10)).toEqual({ rows: [], total: 3 });
    expect(store.searchRecords('martyrs', '', {}, 2, 0).total).toBe(5);
    expect(store.searchRecords('info_forms', 'bhin').total).toBe(1);
  });
});

describe('linksOf', () => {
  it('lists live links from and to a row, with the row at the other end', () => {
    const fromArea = store.linksOf('search_areas', IDS.area);
    expect(fromArea.map((l) => l.link.props.role)).toEqual(['source', 'buried_here', 'related']);
    expect(fromArea[0]!.other!.props.informant_name).toBe('Y Bhin Niê');
    expect(fromArea[1]!.other!.props.full_name).toBe('Nguyễn Văn Đức');
    expect(fromArea[2]!.other).toBeNull(); // the grave it points to does not exist
    const fromForm = store.linksOf('info_forms', IDS.form);
    expect(fromForm).toHaveLength(1); // the 'names' link was removed
    expect(fromForm[0]!.other!.id).toBe(IDS.area);
    expect(store.linksOf('martyrs', M(3))).toEqual([]);
  });
});

describe('layer extents', () => {
  it('reads a many-level R-tree’s extent from its root and it encloses every live row (float32 rounding only)', () => {
    const s = ProjectStore.create(join(tmp.dir, 'extent.gpkg'), DAK_NONG_CRS, SETTINGS, AUTHOR);
    const put: Put[] = [];
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const x = X0 + rnd() * 12_345.678;
      const y = Y0 - rnd() * 9_876.543;
      xs.push(x);
      ys.push(y);
      put.push({ table: 'graves', geometry: { type: 'Point', coordinates: [x, y] }, props: { kind: 'newly_found', verification: 'not_verified' } });
    }
    s.applyEdit({ put }, AUTHOR);
    const e = s.info().layers.find((l) => l.table === 'graves')!.extent!;
    const truth = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    expect(e[0]).toBeLessThanOrEqual(truth[0]);
    expect(e[1]).toBeLessThanOrEqual(truth[1]);
    expect(e[2]).toBeGreaterThanOrEqual(truth[2]);
    expect(e[3]).toBeGreaterThanOrEqual(truth[3]);
    for (let i = 0; i < 4; i++) expect(Math.abs(e[i] - truth[i])).toBeLessThan(0.25);
    // With a tombstone the extent is recomputed from live rows only.
    const far = s.applyEdit({ put: [{ table: 'graves', geometry: { type: 'Point', coordinates: [X0 + 90_000, Y0] }, props: { kind: 'newly_found', verification: 'not_verified' } }] }, AUTHOR);
    expect(s.info().layers.find((l) => l.table === 'graves')!.extent![2]).toBeGreaterThan(X0 + 89_000);
    s.applyEdit({ remove: [{ table: 'graves', id: far.rows[0].id, baseVersion: 1 }] }, AUTHOR);
    expect(s.info().layers.find((l) => l.table === 'graves')!.extent![2]).toBeLessThan(truth[2] + 0.25);
    expect(s.info().layers.find((l) => l.table === 'graves')!.count).toBe(3000);
    s.close();
  });
});
