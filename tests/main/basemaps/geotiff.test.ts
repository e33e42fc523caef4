// GeoTIFF base maps: the CRS is read from the GeoKeys (EPSG code, or a TM-3 zone with no EPSG code
// matched by its parameters), a file without a known CRS asks the user, and the stored bytes are the
// file's bytes exactly. gdalinfo (GDAL) says what CRS each test file really has.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBasemapSource } from '../../../src/main/basemaps/source';
import { matchGeoKeys } from '../../../src/main/basemaps/crs-match';
import { bootWithProject, gdal, makeTestTiffs, WORLD_TIF } from './helpers';

let env: Awaited<ReturnType<typeof bootWithProject>>;
let tiffs: ReturnType<typeof makeTestTiffs>;

beforeAll(async () => {
  env = await bootWithProject();
  tiffs = makeTestTiffs(join(env.dir, 'made'));
});
afterAll(() => env.services.close());

describe('what GDAL says about the test files', () => {
  it('the TM-3 file has no EPSG code, the COG is a COG, the no-CRS file has none', () => {
    const tm3 = gdal('gdalinfo', ['-json', tiffs.tm3]);
    const wkt = JSON.parse(tm3).coordinateSystem.wkt as string;
    expect(wkt).toMatch(/Longitude of natural origin",108\.5/);
    expect(wkt).not.toMatch(/ID\["EPSG",9218\]/);
    expect(JSON.parse(gdal('gdalinfo', ['-json', tiffs.cog])).metadata.IMAGE_STRUCTURE.LAYOUT).toBe('COG');
    expect(JSON.parse(gdal('gdalinfo', ['-json', tiffs.nocrs])).coordinateSystem).toBeUndefined();
  });
});

describe('finding the CRS of a GeoTIFF', () => {
  it('EPSG:4326 in world.byte.tif', async () => {
    const r = await env.call('basemaps.inspect', { file: env.put(WORLD_TIF) });
    expect(r).toMatchObject({ kind: 'geotiff', needsCrs: false, width: 2880, height: 1200, bands: 1 });
    expect(r.crs!.code).toBe('EPSG:4326');
    expect(r.extentWgs84).toEqual([-180, -75, 180, 75]);
  });

  it('a TM-3 zone with no EPSG code is matched to the catalogue zone by its parameters', async () => {
    const r = await env.call('basemaps.inspect', { file: env.put(tiffs.tm3) });
    expect(r.crs!.code).toBe('EPSG:9218');
    expect(r.crsHow.en).toMatch(/No EPSG code in the file; matched by its projection parameters/);
    // The extent in degrees is Krông Nô's.
    expect(r.extentWgs84![0]).toBeGreaterThan(107.4);
    expect(r.extentWgs84![2]).toBeLessThan(108.3);
    expect(r.extentWgs84![1]).toBeGreaterThan(11.9);
  });

  it('the same for the COG', async () => {
    const r = await env.call('basemaps.inspect', { file: env.put(tiffs.cog) });
    expect(r.crs!.code).toBe('EPSG:9218');
  });

  it('a meridian that TT 973/2001 does not list becomes a custom TM-3 zone', () => {
    const m = matchGeoKeys({
      GTModelTypeGeoKey: 1,
      ProjectedCSTypeGeoKey: 32767,
      ProjCoordTransGeoKey: 1,
      ProjLinearUnitsGeoKey: 9001,
      ProjNatOriginLongGeoKey: 106.75,
      ProjNatOriginLatGeoKey: 0,
      ProjScaleAtNatOriginGeoKey: 0.9999,
      ProjFalseEastingGeoKey: 500000,
      ProjFalseNorthingGeoKey: 0,
      GeographicTypeGeoKey: 32767,
      GeogEllipsoidGeoKey: 7030,
    });
    expect(m.def!.code).toBe('QUYTAP:VN2000-TM3-10675');
    expect(m.warnings[0]!.en).toMatch(/no shift to WGS 84/);
  });

  it('a shift other than QĐ 05/2007 is not silently taken as VN-2000', () => {
    const m = matchGeoKeys({
      GTModelTypeGeoKey: 1,
      ProjectedCSTypeGeoKey: 32767,
      ProjCoordTransGeoKey: 1,
      ProjNatOriginLongGeoKey: 108.5,
      ProjScaleAtNatOriginGeoKey: 0.9999,
      ProjFalseEastingGeoKey: 500000,
      GeographicTypeGeoKey: 32767,
      GeogEllipsoidGeoKey: 7030,
      GeogTOWGS84GeoKey: [-191.90441429, -39.30318279, -111.45032835, 0.00928836, -0.01975479, 0.00427372, 0.252906278],
    });
    expect(m.def).toBeNull();
    expect(m.how.vi).toMatch(/Hãy chọn hệ tọa độ/);
  });

  it('a CRS not in the catalogue, or none at all, asks the user to choose', async () => {
    const utm = await env.call('basemaps.inspect', { file: env.put(tiffs.utm50) });
    expect(utm).toMatchObject({ needsCrs: true, crs: null });
    expect(utm.crsHow.vi).toMatch(/EPSG:32650 không có trong danh mục/);
    const none = await env.call('basemaps.inspect', { file: env.put(tiffs.nocrs) });
    expect(none.needsCrs).toBe(true);
    expect(none.crsHow.en).toMatch(/Choose the file’s CRS/);
    const before = (await env.call('basemaps.list', {})).items.length;
    await expect(env.add('kn-no-crs.tif')).rejects.toThrow(/Choose the file’s CRS/);
    expect((await env.call('basemaps.list', {})).items.length).toBe(before);
    // Chosen by the user, it is added.
    const chosen = await env.call('basemaps.inspect', { file: 'kn-no-crs.tif', crsCode: 'EPSG:4326' });
    expect(chosen.crs!.code).toBe('EPSG:4326');
    const id = await env.add('kn-no-crs.tif', { crsCode: 'EPSG:4326' });
    const b = (await env.call('basemaps.list', {})).items.find((x) => x.id === id)!;
    expect(b.crs.code).toBe('EPSG:4326');
    expect((await env.callErr('basemaps.add', { file: 'kn-no-crs.tif', crsCode: 'EPSG:99999' })).code).toBe('validation');
  });
});

describe('storing a GeoTIFF in the project', () => {
  it('keeps the exact bytes, with the CRS, extent and display range', async () => {
    const id = await env.add('kn-tm3-cog.tif', { name: 'Ảnh Krông Nô' });
    const b = (await env.call('basemaps.list', {})).items.find((x) => x.id === id)!;
    expect(b).toMatchObject({ name: 'Ảnh Krông Nô', kind: 'geotiff', format: 'tiff', bands: 1, path: `basemaps/${id}/file.tif` });
    expect(b.crs.code).toBe('EPSG:9218');
    // world.byte.tif is a land mask: 0 at sea, 1 on land; the stretch shows both.
    expect(b.stats).toEqual({ min: [0], max: [1] });
    const original = readFileSync(tiffs.cog);
    await env.withStore(async (store) => {
      const src = openBasemapSource(store, id);
      expect(src.kind).toBe('geotiff');
      if (src.kind !== 'geotiff') return;
      expect(src.size).toBe(original.length);
      expect(src.proj4).toContain('+towgs84=-191.90441429');
      const all = await src.read(0, src.size);
      expect(Buffer.from(all).equals(original)).toBe(true);
      const mid = await src.read(1000, 5000);
      expect(Buffer.from(mid).equals(original.subarray(1000, 6000))).toBe(true);
      expect((await src.read(original.length - 3, 100)).length).toBe(3);
    });
  });

  it('a file larger than one chunk is read back across chunk boundaries', async () => {
    const big = join(env.dir, 'made', 'big.tif');
    gdal('gdal_translate', ['-q', '-outsize', '1500', '1500', '-co', 'COMPRESS=NONE', tiffs.kn4326, big]);
    const id = await env.add(env.put(big));
    const original = readFileSync(big);
    expect(original.length).toBeGreaterThan(2 * 1024 * 1024);
    await env.withStore(async (store) => {
      const src = openBasemapSource(store, id);
      if (src.kind !== 'geotiff') throw new Error('kind');
      const at = 1024 * 1024 - 7;
      expect(Buffer.from(await src.read(at, 1024 * 1024 + 20)).equals(original.subarray(at, at + 1024 * 1024 + 20))).toBe(true);
    });
  });

  it('a cancelled add leaves the project unchanged', async () => {
    const before = (await env.call('basemaps.list', {})).items.map((x) => x.id);
    const { job } = await env.call('basemaps.add', { file: 'big.tif' });
    await env.call('jobs.cancel', { id: job.id });
    await expect(env.services.jobs.wait(job.id)).rejects.toMatchObject({ code: 'cancelled' });
    expect((await env.call('jobs.list', {})).find((j) => j.id === job.id)!.state).toBe('cancelled');
    expect((await env.call('basemaps.list', {})).items.map((x) => x.id)).toEqual(before);
  });

  it('refuses a truncated GeoTIFF and leaves the project unchanged', async () => {
    const before = (await env.call('basemaps.list', {})).items.length;
    const whole = readFileSync(tiffs.tm3);
    const name = 'cut.tif';
    writeFileSync(join(env.imports, name), whole.subarray(0, Math.floor(whole.length * 0.6)));
    const err = await env.callErr('basemaps.inspect', { file: name });
    expect(err.vi).toMatch(/cắt cụt/);
    await expect(env.add(name)).rejects.toThrow(/truncated/);
    expect((await env.call('basemaps.list', {})).items.length).toBe(before);
  });
});
