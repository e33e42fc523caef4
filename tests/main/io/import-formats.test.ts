// The other ways files arrive: KMZ, a zipped Shapefile, a GeoPackage written by GDAL, a CSV of
// records without coordinates.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { filesForPath } from '../../../src/main/io/files';
import { runImport } from '../../../src/main/io/import-run';
import { readDataset } from '../../../src/main/io/read-any';
import { AUTHOR, DAK_NONG_PROJ4, HAS_GDAL, REAL, run, freshProjectPerTest } from './helpers';

const env = freshProjectPerTest();

describe('more formats', () => {
  it('KMZ (Google Earth’s zipped KML)', async () => {
    const kmz = join(env.dir, 'project.kmz');
    writeFileSync(kmz, zipSync({ 'doc.kml': readFileSync(REAL('placemark-togeojson/styles.kml')) }));
    const ds = await readDataset(filesForPath(kmz));
    expect(ds.format).toBe('kmz');
    expect(ds.layers[0]!.features).toHaveLength(2);
  });

  it('a Shapefile set inside a .zip', async () => {
    const z = join(env.dir, 'sf.zip');
    const part = (ext: string) => readFileSync(REAL(`GeospatialPython-pyshp/blockgroups.${ext}`));
    writeFileSync(
      z,
      zipSync({ 'data/blockgroups.shp': part('shp'), 'data/blockgroups.dbf': part('dbf'), 'data/blockgroups.shx': part('shx') }),
    );
    const ds = await readDataset(filesForPath(z));
    expect(ds.format).toBe('shapefile');
    expect(ds.layers[0]!.features).toHaveLength(663);
  });

  it.skipIf(!HAS_GDAL)('a GeoPackage written by GDAL in VN-2000 (proj4 with TOWGS84) is recognised and imported', async () => {
    const g = join(env.dir, 'gdal.gpkg');
    run('ogr2ogr', [
      '-t_srs',
      DAK_NONG_PROJ4,
      '-f',
      'GPKG',
      '-nln',
      'xa',
      g,
      REAL('thanglequoc-vietnamese-provinces-database/24697_nam_da.geojson'),
    ]);
    const ds = await readDataset(filesForPath(g));
    expect(ds.layers[0]!.name).toBe('xa');
    expect(ds.layers[0]!.crs.code).toBe('EPSG:9218');
    await runImport(
      env.store,
      filesForPath(g),
      { table: 'admin_units', map: { code: 'code', name: 'fullName' }, defaults: { level: 'commune' } },
      { author: AUTHOR },
    );
    expect(env.store.query('admin_units').rows[0]!.props.name).toBe('Xã Nam Đà');
  });

  it('a CSV of records (martyrs) needs no coordinates and no CRS', async () => {
    const f = join(env.dir, 'liet-si.csv');
    writeFileSync(f, 'Họ và tên,Năm sinh,Quê quán,Đã quy tập\nNguyễn Văn Ấn,1948,Thái Bình,có\nLê Thị Hoa,1952,Nghệ An,không\n');
    await runImport(env.store, filesForPath(f), { table: 'martyrs' }, { author: AUTHOR });
    const rows = env.store.searchRecords('martyrs', '').rows;
    expect(rows.map((r) => [r.props.full_name, r.props.birth_year, r.props.recovered]).sort()).toEqual([
      ['Lê Thị Hoa', 1952, false],
      ['Nguyễn Văn Ấn', 1948, true],
    ]);
  });

  it('a Google Earth KML with points and polygons: each part goes to a layer that takes it, the rest is left out on request', async () => {
    const f = join(env.dir, 'khu-vuc.kml');
    writeFileSync(
      f,
      `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Đắk Drô</name>
      <Placemark><name>Khu đồi 722</name><Polygon><outerBoundaryIs><LinearRing><coordinates>107.80,12.40 107.81,12.40 107.81,12.41 107.80,12.41 107.80,12.40</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
      <Placemark><name>Nơi an táng ban đầu</name><Point><coordinates>107.805,12.405</coordinates></Point></Placemark>
      </Document></kml>`,
    );
    await expect(
      runImport(env.store, filesForPath(f), { table: 'search_areas', defaults: { status: 'not_started' } }, { author: AUTHOR }),
    ).rejects.toMatchObject({
      en: expect.stringMatching(/row 2: a Point cannot go into Search areas/),
    });
    const areas = await runImport(
      env.store,
      filesForPath(f),
      { table: 'search_areas', defaults: { status: 'not_started' }, skipOtherTypes: true },
      { author: AUTHOR },
    );
    expect(areas.prepared).toMatchObject({ count: 1, skippedTypes: 1 });
    const pts = await runImport(
      env.store,
      filesForPath(f),
      { table: 'info_points', defaults: { kind: 'initial_burial' }, skipOtherTypes: true },
      { author: AUTHOR },
    );
    expect(pts.prepared).toMatchObject({ count: 1, skippedTypes: 1 });
    expect(env.store.query('search_areas').rows[0]!.props.name).toBe('Khu đồi 722');
    expect(env.store.query('info_points').rows[0]!.props.name).toBe('Nơi an táng ban đầu');
  });
});
