// A Shapefile written by GDAL in VN-2000 TM-3 with ESRI's .prj (D_Vietnam_2000, no TOWGS84)
// round-trips: import, export to GeoJSON WGS 84, compare with GDAL given the QĐ 05/2007 TOWGS84.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../../src/main/io/export-run';
import { filesForPath } from '../../../src/main/io/files';
import { runImport } from '../../../src/main/io/import-run';
import { readDataset } from '../../../src/main/io/read-any';
import type { ProjectStore } from '../../../src/main/store';
import { AUTHOR, DAK_NONG_PROJ4, HAS_GDAL, newProject, REAL, run, tempDir } from './helpers';

describe.skipIf(!HAS_GDAL)('VN-2000 TM-3 Shapefile with an ESRI .prj without TOWGS84', () => {
  let dir: string;
  let cleanup: () => void;
  let store: ProjectStore;
  let shp: string;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    const tm3 = join(dir, 'tm3.geojson');
    run('ogr2ogr', ['-t_srs', DAK_NONG_PROJ4, '-f', 'GeoJSON', tm3, REAL('thanglequoc-vietnamese-provinces-database/24688_krong_no.geojson')]);
    shp = join(dir, 'kn.shp');
    run('ogr2ogr', ['-a_srs', 'EPSG:9218', '-f', 'ESRI Shapefile', '-lco', 'ENCODING=UTF-8', shp, tm3]);
    store = newProject(dir);
  });
  afterAll(() => {
    store.close();
    cleanup();
  });

  it('the .prj is ESRI’s D_Vietnam_2000 without TOWGS84, matched to EPSG:9218 with a note', async () => {
    const prj = readFileSync(join(dir, 'kn.prj'), 'utf8');
    expect(prj).toContain('D_Vietnam_2000');
    expect(prj).not.toContain('TOWGS84');
    const ds = await readDataset(filesForPath(shp));
    expect(ds.layers[0]!.crs.code).toBe('EPSG:9218');
    expect(ds.layers[0]!.crs.notes[0]!.en).toMatch(/no TOWGS84/);
    expect(ds.layers[0]!.features[0]!.props.fullName).toBe('Xã Krông Nô');
  });

  type G = { type: string; coordinates: unknown };
  const multi = (g: G) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];

  it('import → export GeoJSON WGS 84 lands within 1 cm of ogr2ogr -s_srs "+proj=tmerc … +towgs84=…"', async () => {
    await runImport(store, filesForPath(shp), { table: 'admin_units', map: { code: 'code', name: 'fullName' }, defaults: { level: 'commune' } }, { author: AUTHOR });
    const out = join(dir, 'out.geojson');
    await runExport(store, 'geojson', { tables: ['admin_units'] }, out, { author: AUTHOR });
    const ours = JSON.parse(readFileSync(out, 'utf8')) as { features: { geometry: { coordinates: number[][][][] } }[] };
    const gdal = JSON.parse(run('ogr2ogr', ['-s_srs', DAK_NONG_PROJ4, '-t_srs', 'EPSG:4326', '-f', 'GeoJSON', '-lco', 'COORDINATE_PRECISION=10', '/vsistdout/', shp])) as {
      features: { geometry: { coordinates: number[][][][] } }[];
    };
    const a = multi(ours.features[0]!.geometry as never);
    const b = multi(gdal.features[0]!.geometry as never);
    const mPerDegLat = 110_600;
    const mPerDegLon = 111_320 * Math.cos((12.4 * Math.PI) / 180);
    let worst = 0;
    let n = 0;
    b.forEach((poly, i) =>
      poly.forEach((ring, j) =>
        ring.forEach((p, k) => {
          const q = a[i]![j]![k]!;
          worst = Math.max(worst, Math.hypot((p[0]! - q[0]!) * mPerDegLon, (p[1]! - q[1]!) * mPerDegLat));
          n++;
        }),
      ),
    );
    expect(n).toBeGreaterThan(1000);
    expect(worst).toBeLessThan(0.01);
    // And the shift really was applied: GDAL without TOWGS84 (EPSG's own path, or none) is metres away.
    const naive = JSON.parse(run('ogr2ogr', ['-s_srs', DAK_NONG_PROJ4.replace(/\+towgs84=\S+ /, ''), '-t_srs', 'EPSG:4326', '-f', 'GeoJSON', '/vsistdout/', shp])) as typeof gdal;
    const p = multi(naive.features[0]!.geometry as never)[0]![0]![0]!;
    const q = a[0]![0]![0]!;
    expect(Math.hypot((p[0]! - q[0]!) * mPerDegLon, (p[1]! - q[1]!) * mPerDegLat)).toBeGreaterThan(100);
  });
});
