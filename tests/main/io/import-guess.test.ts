// The import dialog's guesses, through the real read → preview → import path on a real project
// file: X/Y columns and the TM-3 zone from the values and the project, CRS fixed by the format,
// the user's CRS beating the file's, legend words as codes, re-imports skipped, open rings refused.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fromWgs84, transform } from '../../../src/shared/crs';
import { filesForPath } from '../../../src/main/io/files';
import { runImport } from '../../../src/main/io/import-run';
import { previewImport } from '../../../src/main/io/preview';
import { AUTHOR, HAS_GDAL, REAL, freshProjectPerTest, hashAllTables, run } from './helpers';

const env = freshProjectPerTest();
const WORKING = 'EPSG:9218';

/** The project holds Đắk Nông's districts (real boundaries): what a table of metres is compared with. */
async function withDistricts(): Promise<void> {
  await runImport(env.store, filesForPath(REAL('daohoangson-dvhcvn/67.json')), { table: 'admin_units', defaults: { level: 'district' } }, { author: AUTHOR, layer: 'level2s' });
}

function file(name: string, text: string): string {
  const f = join(env.dir, name);
  writeFileSync(f, text);
  return f;
}

const preview = (f: string, more: Record<string, unknown> = {}) =>
  previewImport(filesForPath(f), { workingCrs: WORKING, rows: env.store, projectExtent: env.store.info().extent, ...more });

// A point at Krông Nô (12.40 N, 107.85 E) in VN-2000 TM-3 108°30′: [easting, northing].
const [E, N] = fromWgs84(WORKING, [107.85, 12.4]) as [number, number];

describe('X/Y columns and the TM-3 zone guessed', () => {
  beforeEach(withDistricts);

  it('columns named Bắc/Đông in metres inside the project are read as the project zone, said to be a guess, and imported without a CRS typed', async () => {
    const f = file('moc-bac-dong.csv', `Tên,Bắc,Đông\nMộ A,${N.toFixed(3)},${E.toFixed(3)}\nMộ B,${(N + 50).toFixed(3)},${(E + 20).toFixed(3)}\n`);
    const pv = await preview(f, { table: 'graves' });
    const l = pv.layers[0]!;
    expect(l.coordinates).toEqual({ north: 'Bắc', east: 'Đông', units: 'metres' });
    expect(l.crs).toMatchObject({ code: WORKING, how: 'guessed', fixed: false });
    expect(l.crs.notes.map((n) => n.en).join(' ')).toMatch(/This is a guess/);
    // The preview shows the X/Y of each row and the points on the map, in the working CRS.
    expect(l.sample[0]!.position).toEqual([Number(E.toFixed(3)), Number(N.toFixed(3))]);
    expect(l.points).toHaveLength(2);
    expect(l.points[0]![0]).toBeCloseTo(E, 3);
    expect(pv.communes.length).toBeGreaterThan(0);

    await runImport(env.store, filesForPath(f), { table: 'graves', map: { name: 'Tên' }, defaults: { kind: 'newly_found', verification: 'not_verified' } }, { author: AUTHOR });
    const got = env.store.query('graves').rows.map((r) => (r.geometry as { coordinates: number[] }).coordinates);
    expect(got[0]![0]).toBeCloseTo(E, 3);
    expect(got[0]![1]).toBeCloseTo(N, 3);
  });

  it.skipIf(!HAS_GDAL)('a spreadsheet (.ods and .xlsx written by GDAL) with "Toạ độ Bắc"/"Toạ độ Đông" is guessed and imported the same way', async () => {
    const csv = file('nguon.csv', `Họ và tên,Toạ độ Bắc,Toạ độ Đông\nNguyễn Văn Ấn,${N.toFixed(2)},${E.toFixed(2)}\n`);
    for (const [format, name] of [['ODS', 'mo.ods'], ['XLSX', 'mo.xlsx']] as const) {
      const out = join(env.dir, name);
      run('ogr2ogr', ['-f', format, out, csv, '-oo', 'AUTODETECT_TYPE=YES', '-nln', 'Mộ']);
      const l = (await preview(out)).layers[0]!;
      expect(l.coordinates).toEqual({ north: 'Toạ độ Bắc', east: 'Toạ độ Đông', units: 'metres' });
      expect(l.crs).toMatchObject({ code: WORKING, how: 'guessed' });
    }
    await runImport(env.store, filesForPath(join(env.dir, 'mo.ods')), { table: 'graves', map: { name: 'Họ và tên' }, defaults: { kind: 'newly_found', verification: 'not_verified' } }, { author: AUTHOR });
    const p = (env.store.query('graves').rows[0]!.geometry as { coordinates: number[] }).coordinates;
    expect(Math.hypot(p[0]! - E, p[1]! - N)).toBeLessThan(0.01);
  });

  it('X holding 6-digit eastings and Y 7-digit northings (the international habit) are swapped, with a note', async () => {
    const f = file('xy-dao.csv', `ten,X,Y\nA,${E.toFixed(2)},${N.toFixed(2)}\n`);
    const l = (await preview(f)).layers[0]!;
    expect(l.coordinates).toEqual({ north: 'Y', east: 'X', units: 'metres' });
    expect(l.crs.notes.map((n) => n.en).join(' ')).toMatch(/swapped/);
    expect(l.crs.code).toBe(WORKING);
  });

  it('columns named nothing known are found from their values; degrees are WGS 84', async () => {
    const f = file('gps.csv', 'Điểm,Cột 1,Cột 2,Số mộ\nA,12.40123,107.85012,3\nB,12.40456,107.85321,1\n');
    const l = (await preview(f)).layers[0]!;
    expect(l.coordinates).toEqual({ north: 'Cột 1', east: 'Cột 2', units: 'degrees' });
    expect(l.crs).toMatchObject({ code: 'EPSG:4326', how: 'guessed' });
    expect(l.fields).toEqual(['Điểm', 'Số mộ']);
  });

  it('metres of another province (Hà Nội, zone 105°) are not guessed into the project zone: the user is asked', async () => {
    // Hà Nội, 21.03 N 105.85 E, in TM-3 105°: read in 108°30′ it would still lie in Vietnam, 1,000 km from the project.
    const [e, n] = fromWgs84('EPSG:5897', [105.85, 21.03]) as [number, number];
    const f = file('ha-noi.csv', `ten,X,Y\nA,${n.toFixed(2)},${e.toFixed(2)}\n`);
    const l = (await preview(f)).layers[0]!;
    expect(l.coordinates?.units).toBe('metres');
    expect(l.crs.code).toBeNull();
    expect(l.crs.notes.map((x) => x.en).join(' ')).toMatch(/cannot be guessed/);
    await expect(runImport(env.store, filesForPath(f), { table: 'info_points', defaults: { kind: 'death_or_battle' } }, { author: AUTHOR })).rejects.toMatchObject({
      details: expect.objectContaining({ needsCrs: true }),
    });
  });
});

describe('CRS per file', () => {
  it('GPX, KML and RFC 7946 GeoJSON say their CRS is fixed by the format; a legacy crs member is the file’s word, not fixed', async () => {
    const gpx = await preview(REAL('tkrajina-gpxpy/cerknicko-jezero.gpx'));
    expect(gpx.layers[0]!.crs).toMatchObject({ code: 'EPSG:4326', how: 'format', fixed: true });
    const kml = file('a.kml', '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>A</name><Point><coordinates>107.85,12.4</coordinates></Point></Placemark></kml>');
    expect((await preview(kml)).layers[0]!.crs).toMatchObject({ code: 'EPSG:4326', how: 'format', fixed: true });
    const plain = file('a.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [107.85, 12.4] } }] }));
    expect((await preview(plain)).layers[0]!.crs).toMatchObject({ code: 'EPSG:4326', how: 'format', fixed: true });
    const legacy = file('b.geojson', JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:9218' } }, features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [E, N] } }] }));
    expect((await preview(legacy)).layers[0]!.crs).toMatchObject({ code: WORKING, how: 'declared', fixed: false });
  });

  it('the user’s CRS beats the one the file declares, in the preview and in the import', async () => {
    // The file says TM-3 108°30′; the user knows the numbers are TM-3 107°45′ (Lâm Đồng's zone).
    const f = file('khai-sai.geojson', JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:9218' } }, features: [{ type: 'Feature', properties: { name: 'A' }, geometry: { type: 'Point', coordinates: [E, N] } }] }));
    const pv = await preview(f, { crs: 'EPSG:5899' });
    expect(pv.layers[0]!.crs).toMatchObject({ code: 'EPSG:5899', how: 'user', fileSays: WORKING });
    await runImport(env.store, filesForPath(f), { table: 'graves', crs: 'EPSG:5899', defaults: { kind: 'newly_found', verification: 'not_verified' } }, { author: AUTHOR });
    const got = (env.store.query('graves').rows[0]!.geometry as { coordinates: number[] }).coordinates;
    const want = transform('EPSG:5899', WORKING, [E, N]);
    expect(Math.hypot(got[0]! - want[0]!, got[1]! - want[1]!)).toBeLessThan(0.001);
    // 107°45′ against 108°30′: the override moves the point by tens of kilometres, not a rounding.
    expect(Math.hypot(got[0]! - E, got[1]! - N)).toBeGreaterThan(10_000);
  });
});

describe('coded values written as labels', () => {
  it('the legend’s words and the form’s labels, with or without diacritics, in any case, become the codes', async () => {
    const f = file(
      'mo.csv',
      `Tên,X,Y,kind,verification\nA,${N},${E},mộ mới phát hiện,Đã xác minh có cơ sở\nB,${N + 5},${E},MO LIET SI DO GIA DINH QUAN LY CHAM SOC,chua xac minh\nC,${N + 9},${E},newly_found,verified_without_grounds\n`,
    );
    await runImport(env.store, filesForPath(f), { table: 'graves', crs: WORKING, map: { name: 'Tên', kind: 'kind', verification: 'verification' } }, { author: AUTHOR });
    const rows = env.store.query('graves').rows.map((r) => [r.props.name, r.props.kind, r.props.verification]).sort();
    expect(rows).toEqual([
      ['A', 'newly_found', 'verified_with_grounds'],
      ['B', 'family_cared', 'not_verified'],
      ['C', 'newly_found', 'verified_without_grounds'],
    ]);
  });

  it('a value that is no code and no label is still refused with its row', async () => {
    const f = file('mo-sai.csv', `Tên,X,Y,kind\nA,${N},${E},mộ mới phát hiện\nB,${N + 5},${E},mộ cổ\n`);
    await expect(runImport(env.store, filesForPath(f), { table: 'graves', crs: WORKING, defaults: { verification: 'not_verified' } }, { author: AUTHOR })).rejects.toMatchObject({ en: expect.stringMatching(/row 3: field Kind: "mộ cổ" is not one of/) });
  });
});

describe('importing the same features twice', () => {
  const csv = (rows: string[], name = 'lan.csv') => file(name, `Tên,X,Y\n${rows.join('\n')}\n`);
  const spec = { table: 'graves' as const, crs: WORKING, map: { name: 'Tên' }, defaults: { kind: 'newly_found', verification: 'not_verified' } };

  it('the preview counts the rows already in the project; the import skips them by default, or imports them when asked', async () => {
    const first = csv([`Mộ A,${N},${E}`, `Mộ B,${N + 10},${E + 10}`]);
    await runImport(env.store, filesForPath(first), spec, { author: AUTHOR });
    // The same two (one moved by half a millimetre: the same place) and one new.
    const again = csv([`Mộ A,${N + 0.0005},${E}`, `Mộ B,${N + 10},${E + 10}`, `Mộ C,${N + 20},${E + 20}`], 'lan-2.csv');
    const pv = await preview(again, { ...spec });
    expect(pv.layers[0]!.duplicates).toBe(2);
    const out = await runImport(env.store, filesForPath(again), spec, { author: AUTHOR });
    expect(out.prepared).toMatchObject({ count: 1, duplicates: 2, skippedDuplicates: 2 });
    expect(env.store.query('graves').rows.map((r) => r.props.name).sort()).toEqual(['Mộ A', 'Mộ B', 'Mộ C']);

    // Another name at the same place is a different feature; 2 mm away is a different place.
    const near = csv([`Mộ A khác,${N},${E}`, `Mộ A,${N + 0.002},${E}`], 'gan.csv');
    expect((await preview(near, { ...spec })).layers[0]!.duplicates).toBe(0);

    await runImport(env.store, filesForPath(again), { ...spec, duplicates: 'import' }, { author: AUTHOR });
    expect(env.store.query('graves').rows).toHaveLength(6);
  });

  it('a file whose every row is already there is refused with a sentence, and nothing is written', async () => {
    const f = csv([`Mộ A,${N},${E}`]);
    await runImport(env.store, filesForPath(f), spec, { author: AUTHOR });
    const before = hashAllTables(env.store.path);
    await expect(runImport(env.store, filesForPath(f), spec, { author: AUTHOR })).rejects.toMatchObject({
      vi: expect.stringMatching(/cả 1 đối tượng đã có trong dự án/),
      details: expect.objectContaining({ duplicates: 1 }),
    });
    expect(hashAllTables(env.store.path)).toBe(before);
  });
});

describe('open rings', () => {
  const ring = (d: number, closed: boolean) => {
    const r = [[E + d, N], [E + d + 50, N], [E + d + 50, N + 50], [E + d, N + 50]];
    return closed ? [...r, r[0]] : r;
  };
  const areas = () =>
    file(
      'vung.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'EPSG:9218' } },
        features: [ring(0, true), ring(100, false), ring(200, true)].map((r) => ({ type: 'Feature', properties: { status: 'done' }, geometry: { type: 'Polygon', coordinates: [r] } })),
      }),
    );
  const spec = { table: 'search_areas' as const, map: { status: 'status' } };

  it('a ring whose last point is not its first is refused with its feature number, and the preview lists it', async () => {
    const f = areas();
    const pv = await preview(f, spec);
    expect(pv.layers[0]).toMatchObject({ openRings: [2], openRingCount: 1, invalidCount: 0 });
    expect(pv.layers[0]!.problem?.vi).toMatch(/dòng 2.*tự đóng vòng/);
    const before = hashAllTables(env.store.path);
    await expect(runImport(env.store, filesForPath(f), spec, { author: AUTHOR })).rejects.toMatchObject({
      vi: expect.stringMatching(/1 đối tượng có vòng đa giác chưa khép kín \(điểm cuối khác điểm đầu\) ở dòng 2\. .*"tự đóng vòng"/),
      details: expect.objectContaining({ openRings: [2] }),
    });
    expect(hashAllTables(env.store.path)).toBe(before);
  });

  it('with "tự đóng vòng" the ring is closed by its first point', async () => {
    const out = await runImport(env.store, filesForPath(areas()), { ...spec, closeRings: true }, { author: AUTHOR });
    expect(out.prepared.closedRings).toBe(1);
    const shapes = env.store.query('search_areas').rows.map((r) => (r.geometry as { coordinates: number[][][][] }).coordinates[0]![0]!);
    expect(shapes).toHaveLength(3);
    const closed = shapes.find((s) => s[0]![0] === E + 100)!;
    expect(closed).toEqual([...ring(100, false), [E + 100, N]]);
  });
});
