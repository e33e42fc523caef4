// Every real third-party file of ../shared/data/real is read, and the Vietnamese ones land where
// GDAL puts them (same TOWGS84) once imported.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesForPath } from '../../../src/main/io/files';
import { runImport } from '../../../src/main/io/import-run';
import { readDataset } from '../../../src/main/io/read-any';
import { AUTHOR, DAK_NONG_PROJ4, HAS_GDAL, hashAllTables, REAL, run, freshProjectPerTest } from './helpers';

const env = freshProjectPerTest();

/** ogrinfo's feature count of each non-empty layer, as { name: count }. */
function gdalCounts(path: string): Record<string, number> {
  const out: Record<string, number> = {};
  let layer = '';
  for (const line of run('ogrinfo', ['-so', '-al', path]).split('\n')) {
    const l = /^Layer name: (.*)$/.exec(line);
    if (l) layer = l[1]!;
    const c = /^Feature Count: (\d+)$/.exec(line);
    if (c && Number(c[1]) > 0 && !/_points$/.test(layer)) out[layer] = Number(c[1]);
  }
  return out;
}

describe.skipIf(!HAS_GDAL)('real GPX and KML files', () => {
  const files = [
    ...readdirSync(REAL('tkrajina-gpxpy')).map((f) => `tkrajina-gpxpy/${f}`),
    ...readdirSync(REAL('placemark-togeojson')).map((f) => `placemark-togeojson/${f}`),
  ];
  it.each(files)('%s: same layers and counts as GDAL', async (f) => {
    const ds = await readDataset(filesForPath(REAL(f)));
    const ours = Object.fromEntries(ds.layers.map((l) => [l.name, l.features.length]));
    const gdal = gdalCounts(REAL(f));
    if (f.endsWith('.gpx')) expect(ours).toEqual(gdal);
    else expect(Object.values(ours)).toEqual(Object.values(gdal)); // KML layer names: GDAL uses the <Document> name
  });

  it('GPSBabel waypoints keep their names and land in WGS 84 order lon, lat', async () => {
    const ds = await readDataset(filesForPath(REAL('tkrajina-gpxpy/cerknicko-jezero.gpx')));
    const w = ds.layers.find((l) => l.name === 'waypoints')!;
    expect(w.features.map((x) => x.props.name)).toContain('BIRDS NEST');
    const p = w.features[0]!.geometry as { coordinates: number[] };
    expect(p.coordinates[0]).toBeGreaterThan(14); // Slovenia: lon ≈ 14.4, lat ≈ 45.7
    expect(p.coordinates[1]).toBeGreaterThan(45);
  });

  it('a file from Slovenia is refused by the import (outside Vietnam) and the project is unchanged', async () => {
    const before = hashAllTables(env.store.path);
    await expect(
      runImport(
        env.store,
        filesForPath(REAL('tkrajina-gpxpy/cerknicko-jezero.gpx')),
        { table: 'info_points', defaults: { kind: 'death_or_battle' } },
        { layer: 'waypoints', author: AUTHOR },
      ),
    ).rejects.toMatchObject({ code: 'validation', vi: expect.stringContaining('ngoài Việt Nam') });
    expect(hashAllTables(env.store.path)).toBe(before);
  });
});

describe.skipIf(!HAS_GDAL)('Vietnamese boundaries land where GDAL puts them', () => {
  it('Krông Nô commune (GeoJSON, WGS 84) → VN-2000 TM-3 108°30′ within 1 mm of ogr2ogr with the same TOWGS84', async () => {
    const file = REAL('thanglequoc-vietnamese-provinces-database/24688_krong_no.geojson');
    const out = await runImport(
      env.store,
      filesForPath(file),
      { table: 'admin_units', map: { code: 'code', name: 'fullName' }, defaults: { level: 'commune' } },
      { author: AUTHOR },
    );
    expect(out.prepared.count).toBe(1);
    const row = env.store.query('admin_units', { filter: { code: '24688' } }).rows[0]!;
    expect(row.props.name).toBe('Xã Krông Nô');
    const gdal = JSON.parse(
      run('ogr2ogr', ['-t_srs', DAK_NONG_PROJ4, '-f', 'GeoJSON', '-lco', 'COORDINATE_PRECISION=6', '/vsistdout/', file]),
    ) as {
      features: { geometry: { coordinates: number[][][][] } }[];
    };
    const theirs = gdal.features[0]!.geometry.coordinates;
    const ours = (row.geometry as { coordinates: number[][][][] }).coordinates;
    expect(ours.length).toBe(theirs.length);
    let worst = 0;
    theirs.forEach((poly, i) =>
      poly.forEach((ring, j) =>
        ring.forEach((p, k) => (worst = Math.max(worst, Math.hypot(p[0]! - ours[i]![j]![k]![0]!, p[1]! - ours[i]![j]![k]![1]!)))),
      ),
    );
    expect(worst).toBeLessThan(0.001);
  });

  it('dvhcvn 67.json (custom JSON GDAL cannot open) → 8 districts; Krông Nô where ogr2ogr puts its GeoJSON wrap', async () => {
    const file = REAL('daohoangson-dvhcvn/67.json');
    const ds = await readDataset(filesForPath(file));
    expect(ds.format).toBe('dvhcvn');
    const districts = ds.layers.find((l) => l.name === 'level2s')!;
    expect(districts.features).toHaveLength(8);
    await runImport(
      env.store,
      filesForPath(file),
      { table: 'admin_units', defaults: { level: 'district' }, map: { code: 'code', name: 'name', parent_code: 'parent_code' } },
      { author: AUTHOR, layer: 'level2s' },
    );
    const kn = env.store.query('admin_units', { filter: { code: '664' } }).rows[0]!;
    expect(kn.props.name).toMatch(/Krông Nô/);
    // The same district wrapped as GeoJSON in a scratch file, converted by GDAL.
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { level2s: { level2_id: string; coordinates: unknown }[] };
    const wrap = join(env.dir, 'kn.geojson');
    const u = raw.level2s.find((x) => x.level2_id === '664')!;
    writeFileSync(
      wrap,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: u.coordinates } }],
      }),
    );
    const gdal = JSON.parse(
      run('ogr2ogr', ['-t_srs', DAK_NONG_PROJ4, '-f', 'GeoJSON', '-lco', 'COORDINATE_PRECISION=6', '/vsistdout/', wrap]),
    ) as {
      features: { geometry: { coordinates: number[][][][] } }[];
    };
    const theirs = gdal.features[0]!.geometry.coordinates;
    const ours = (kn.geometry as { coordinates: number[][][][] }).coordinates;
    let worst = 0;
    let n = 0;
    theirs.forEach((poly, i) =>
      poly.forEach((ring, j) =>
        ring.forEach((p, k) => {
          n++;
          worst = Math.max(worst, Math.hypot(p[0]! - ours[i]![j]![k]![0]!, p[1]! - ours[i]![j]![k]![1]!));
        }),
      ),
    );
    expect(n).toBeGreaterThan(500);
    expect(worst).toBeLessThan(0.001);
  });

  it('the San Francisco Shapefile without .prj asks for a CRS, and refuses once given one (outside Vietnam)', async () => {
    const shp = REAL('GeospatialPython-pyshp/blockgroups.shp');
    const ds = await readDataset(filesForPath(shp));
    expect(ds.layers[0]!.crs.code).toBeNull();
    expect(ds.layers[0]!.features).toHaveLength(663);
    expect(ds.layers[0]!.fields).toContain('POP1990');
    const before = hashAllTables(env.store.path);
    await expect(
      runImport(env.store, filesForPath(shp), { table: 'base_areas', defaults: { kind: 'other_area' } }, { author: AUTHOR }),
    ).rejects.toMatchObject({
      details: expect.objectContaining({ needsCrs: true }),
    });
    await expect(
      runImport(
        env.store,
        filesForPath(shp),
        { table: 'base_areas', crs: 'EPSG:4326', defaults: { kind: 'other_area' } },
        { author: AUTHOR },
      ),
    ).rejects.toMatchObject({
      details: expect.objectContaining({ outsideVietnam: true, row: 1 }),
    });
    expect(hashAllTables(env.store.path)).toBe(before);
  });
});
