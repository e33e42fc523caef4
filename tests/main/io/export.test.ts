// Exports read back by GDAL: right CRS, feature count and Vietnamese text; filters by commune,
// layer and status.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../../src/main/io/export-run';
import { filesForPath } from '../../../src/main/io/files';
import { runImport } from '../../../src/main/io/import-run';
import type { Geometry } from '../../../src/shared/model';
import type { ProjectStore } from '../../../src/main/store';
import { AUTHOR, HAS_GDAL, newProject, run, tempDir } from './helpers';

const X0 = 430_000;
const Y0 = 1_370_000;
const square = (x: number, y: number, s: number): Geometry => ({ type: 'Polygon', coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] });

describe.skipIf(!HAS_GDAL)('exports read back by ogrinfo', () => {
  let dir: string;
  let cleanup: () => void;
  let store: ProjectStore;
  let out: string;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    store = newProject(dir);
    out = join(dir, 'exports');
    mkdirSync(out);
    store.applyEdit(
      {
        label: 'dữ liệu thử',
        put: [
          { table: 'search_areas', geometry: square(X0, Y0, 500), props: { name: 'Đồi Bù Đăng', status: 'not_started', commune_code: '24682' } },
          { table: 'search_areas', geometry: square(X0 + 600, Y0, 500), props: { name: 'Suối Đắk Nang', status: 'done', commune_code: '24682' } },
          { table: 'search_areas', geometry: square(X0 + 1200, Y0, 500), props: { name: 'Khu Nâm Nung', status: 'unclear', commune_code: '24700' } },
          { table: 'graves', geometry: { type: 'Point', coordinates: [X0 + 100, Y0 + 100] }, props: { kind: 'newly_found', name: 'Mộ liệt sĩ Nguyễn Văn Ấn', verification: 'verified_with_grounds', commune_code: '24682', estimated_remains: 2 } },
          { table: 'graves', geometry: { type: 'Point', coordinates: [X0 + 700, Y0 + 100] }, props: { kind: 'family_cared', name: 'Mộ ông Trương Đức Hải', verification: 'not_verified', commune_code: '24682' } },
          { table: 'info_points', geometry: { type: 'Point', coordinates: [X0 + 300, Y0 + 300] }, props: { kind: 'initial_burial', name: 'Nơi an táng ban đầu dốc Ông Thắng', commune_code: '24682' } },
          { table: 'base_lines', geometry: { type: 'LineString', coordinates: [[X0, Y0 - 100], [X0 + 2000, Y0 - 50]] }, props: { kind: 'road', name: 'Tỉnh lộ 4', number: 'ĐT 684' } },
        ],
      },
      AUTHOR,
    );
  });
  afterAll(() => {
    store.close();
    if (!process.env.KEEP) cleanup();
    else console.log(dir);
  });

  const info = (file: string, ...extra: string[]) => run('ogrinfo', ['-al', ...extra, file]);

  it('GeoJSON: WGS 84, every feature, Vietnamese names', async () => {
    const f = join(out, 'all.geojson');
    const r = await runExport(store, 'geojson', {}, f, { author: AUTHOR });
    expect(r.count).toBe(7);
    const o = info(f);
    expect(o).toMatch(/Feature Count: 7/);
    expect(o).toMatch(/WGS 84/);
    expect(o).toContain('Mộ liệt sĩ Nguyễn Văn Ấn');
  });

  it('KML: styled by status (fill colours of the symbology, KML aabbggrr), read by GDAL', async () => {
    const f = join(out, 'areas.kml');
    await runExport(store, 'kml', { tables: ['search_areas'], statuses: ['not_started', 'done'] }, f, { author: AUTHOR });
    const o = info(f);
    expect(o).toMatch(/Feature Count: 2/);
    expect(o).toContain('Suối Đắk Nang');
    const text = (await import('node:fs')).readFileSync(f, 'utf8');
    expect(text).toContain('<color>b399ffcc</color>'); // not_started #ccff99 at 70 % opacity
  });

  it('GPX: graves and information points as waypoints', async () => {
    const f = join(out, 'gps.gpx');
    await runExport(store, 'gpx', { communes: ['24682'] }, f, { author: AUTHOR });
    const o = run('ogrinfo', ['-al', f, 'waypoints']);
    expect(o).toMatch(/Feature Count: 3/);
    expect(o).toContain('Nơi an táng ban đầu dốc Ông Thắng');
  });

  it('GPX and CSV count only the points they hold and name what they left out', async () => {
    // Commune 24682: 2 areas, 2 graves, 1 information point. GPX/CSV hold the 3 points.
    const gpx = await runExport(store, 'gpx', { communes: ['24682'] }, join(out, 'count.gpx'), { author: AUTHOR });
    expect(gpx).toMatchObject({ count: 3, skipped: 2 });
    const csv = await runExport(store, 'csv', { communes: ['24682'] }, join(out, 'count.csv'), { author: AUTHOR });
    expect(csv).toMatchObject({ count: 3, skipped: 2 });
    expect(run('ogrinfo', ['-al', '-so', join(out, 'count.csv')])).toMatch(/Feature Count: 3/);
  });

  it('GPX or CSV of areas only: refused with a sentence, no empty file written', async () => {
    for (const format of ['gpx', 'csv'] as const) {
      const f = join(out, `areas-only.${format}`);
      const e = await runExport(store, format, { tables: ['search_areas'] }, f, { author: AUTHOR }).then(
        () => null,
        (err: unknown) => err,
      );
      expect(e).toMatchObject({ code: 'validation' });
      expect((e as { vi: string }).vi).toContain(`Định dạng ${format.toUpperCase()} chỉ chứa điểm`);
      expect(existsSync(f)).toBe(false);
    }
  });

  it('CSV: VN-2000 X (northing) / Y (easting) and WGS 84 lat/lon of the points', async () => {
    const f = join(out, 'points.csv');
    await runExport(store, 'csv', { tables: ['graves'] }, f, { author: AUTHOR });
    const o = info(f);
    expect(o).toMatch(/Feature Count: 2/);
    expect(o).toMatch(/X_northing_EPSG:9218 \(String\) = 1370100/);
    expect(o).toMatch(/Y_easting_EPSG:9218 \(String\) = 430100/);
    expect(o).toContain('Mộ ông Trương Đức Hải');
    // lat/lon agree with GDAL's own conversion with the same TOWGS84.
    const lat = Number(/lat_wgs84 \(String\) = ([\d.]+)/.exec(o)![1]);
    expect(lat).toBeGreaterThan(12);
    expect(lat).toBeLessThan(13);
  });

  it('Shapefile .zip: .prj with TOWGS84 and the TM-3 108°30′ meridian, UTF-8 .cpg, one set per layer', async () => {
    const f = join(out, 'shp.zip');
    await runExport(store, 'shp', { communes: ['24682'] }, f, { author: AUTHOR });
    const o = run('ogrinfo', ['-al', '-wkt_format', 'WKT1', `/vsizip/${f}/search_areas.shp`]);
    expect(o).toMatch(/Feature Count: 2/);
    expect(o).toContain('Đồi Bù Đăng');
    expect(o).toMatch(/TOWGS84\[-191\.90441429,-39\.30318279,-111\.45032835/);
    expect(o).toMatch(/central_meridian",108\.5/i);
    const g = run('ogrinfo', ['-al', `/vsizip/${f}/graves.shp`]);
    expect(g).toMatch(/Feature Count: 2/);
    expect(g).toContain('Mộ liệt sĩ Nguyễn Văn Ấn');
    expect(g).toMatch(/estimated_ \(Integer64?\) = 2|estimated_ \(Real\) = 2/);
  });

  it('GeoPackage of a selection: our CRS WKT with TOWGS84 and the rows; re-importable', async () => {
    const f = join(out, 'sel.gpkg');
    await runExport(store, 'gpkg', { communes: ['24682'] }, f, { author: AUTHOR });
    expect(existsSync(f)).toBe(true);
    const o = run('ogrinfo', ['-al', '-so', '-wkt_format', 'WKT1', f, 'search_areas']);
    expect(o).toMatch(/Feature Count: 2/);
    expect(o).toMatch(/TOWGS84\[-191\.90441429/);
    const fresh = newProject(dir, 'fresh.gpkg');
    try {
      const r = await runImport(fresh, filesForPath(f), { table: 'graves' }, { author: AUTHOR, layer: 'graves' });
      expect(r.prepared.count).toBe(2);
      expect(fresh.query('graves').rows.map((x) => x.props.name).sort()).toEqual(['Mộ liệt sĩ Nguyễn Văn Ấn', 'Mộ ông Trương Đức Hải']);
    } finally {
      fresh.close();
    }
  });

  it('never overwrites an existing file, and refuses an empty selection', async () => {
    const f = join(out, 'all.geojson');
    await expect(runExport(store, 'geojson', {}, f, { author: AUTHOR })).rejects.toMatchObject({ code: 'conflict' });
    await expect(runExport(store, 'geojson', { communes: ['99999'] }, join(out, 'none.geojson'), { author: AUTHOR })).rejects.toMatchObject({ code: 'validation' });
  });
});
