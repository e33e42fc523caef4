// A district Shapefile whose .dbf holds TCVN3 bytes (no .cpg): the reader warns and offers the
// legacy encodings; chosen, the names come out in Unicode. Also: .prj matching of what users have.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesForPath } from '../../../src/main/io/files';
import { readDataset } from '../../../src/main/io/read-any';
import { runImport } from '../../../src/main/io/import-run';
import { writeDbf, writeShp } from '../../../src/main/io/shp-writer';
import { matchPrj } from '../../../src/shared/io/prj-match';
import { AUTHOR, hashAllTables, newProject, tempDir } from './helpers';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

function legacyShapefile(name: string, latin1Names: string[]): string {
  const { shp, shx } = writeShp('point', latin1Names.map((_, i) => ({ type: 'Point', coordinates: [430000 + i, 1370000] })));
  const placeholders = latin1Names.map((n, i) => String.fromCharCode(65 + i).repeat(n.length));
  const dbf = writeDbf([{ name: 'TEN', type: 'C', length: 40, decimals: 0 }], placeholders.map((p) => [p]));
  const buf = Buffer.from(dbf);
  latin1Names.forEach((n, i) => {
    const at = buf.indexOf(Buffer.from(placeholders[i]!, 'latin1'));
    Buffer.from(n, 'latin1').copy(buf, at);
  });
  writeFileSync(join(dir, `${name}.shp`), shp);
  writeFileSync(join(dir, `${name}.shx`), shx);
  writeFileSync(join(dir, `${name}.dbf`), buf);
  writeFileSync(join(dir, `${name}.prj`), 'PROJCS["VN_2000_TM3_108_30",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",108.5],PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]');
  return join(dir, `${name}.shp`);
}

describe('legacy Vietnamese encodings in a .dbf', () => {
  it('TCVN3 without .cpg: recognised from the bytes, read as Unicode, and said; TCVN3 chosen gives the same', async () => {
    const shp = legacyShapefile('tcvn', ['§¾k N«ng', 'Kr«ng N«', 'NghÜa trang liÖt sÜ']);
    const guessed = await readDataset(filesForPath(shp));
    expect(guessed.layers[0]!.features.map((f) => f.props.TEN)).toEqual(['Đắk Nông', 'Krông Nô', 'Nghĩa trang liệt sĩ']);
    expect(guessed.warnings[0]!.vi).toContain('nhận ra bảng mã TCVN3 (ABC) từ nội dung (100%');
    const chosen = await readDataset(filesForPath(shp), { encoding: 'tcvn3' });
    expect(chosen.layers[0]!.features.map((f) => f.props.TEN)).toEqual(['Đắk Nông', 'Krông Nô', 'Nghĩa trang liệt sĩ']);
    expect(chosen.layers[0]!.crs.code).toBe('EPSG:9218');
    expect(chosen.warnings).toHaveLength(0);
  });

  it('VNI and Windows-1258 without .cpg are recognised too', async () => {
    const vni = await readDataset(filesForPath(legacyShapefile('vni-guess', ['Ñaék Noâng', 'Nghóa trang lieät só', 'Quaûng Phuù'])));
    expect(vni.layers[0]!.features.map((f) => f.props.TEN)).toEqual(['Đắk Nông', 'Nghĩa trang liệt sĩ', 'Quảng Phú']);
    expect(vni.warnings[0]!.en).toMatch(/recognised VNI/);
    // Windows-1258 writes ă as 0xE3 and tones as combining bytes after the letter (0xEC acute, 0xDE
    // tilde, 0xF2 dot below).
    const w1258 = await readDataset(filesForPath(legacyShapefile('cp1258-guess', ['\xd0\xe3\xeck N\xf4ng', 'Nghi\xdea trang li\xea\xf2t si\xde'])));
    expect(w1258.layers[0]!.features.map((f) => f.props.TEN)).toEqual(['Đắk Nông', 'Nghĩa trang liệt sĩ']);
    expect(w1258.warnings[0]!.en).toMatch(/recognised Windows-1258/);
  });

  it('text that reads as Vietnamese in no encoding is said to be unclear, with the choices', async () => {
    const ds = await readDataset(filesForPath(legacyShapefile('unclear', ['\xa4\xa4\xa4 \xb1\xb2\xb3', '\xbc\xbd\xbe\xbf'])));
    expect(ds.warnings[0]!.vi).toContain('không nhận ra chắc bảng mã');
    expect(ds.warnings[0]!.en).toMatch(/choose Windows-1258, TCVN3 or VNI/);
  });

  it('VNI chosen gives Unicode', async () => {
    const shp = legacyShapefile('vni', ['Ñaék Noâng', 'Nghóa trang lieät só']);
    const ds = await readDataset(filesForPath(shp), { encoding: 'vni' });
    expect(ds.layers[0]!.features.map((f) => f.props.TEN)).toEqual(['Đắk Nông', 'Nghĩa trang liệt sĩ']);
  });

  it('a .cpg is honoured', async () => {
    const shp = legacyShapefile('cpg', ['§¾k N«ng']);
    writeFileSync(join(dir, 'cpg.cpg'), 'TCVN3');
    const ds = await readDataset(filesForPath(shp));
    expect(ds.layers[0]!.features[0]!.props.TEN).toBe('Đắk Nông');
    expect(ds.warnings).toHaveLength(0);
  });
});

describe('legacy encodings through the import itself (streamed)', () => {
  const spec = { table: 'graves' as const, map: { name: 'TEN' }, defaults: { kind: 'newly_found', verification: 'not_verified' } };
  it('TCVN3 without .cpg is stored as Unicode', async () => {
    const store = newProject(dir, 'enc-ok.gpkg');
    try {
      await runImport(store, filesForPath(legacyShapefile('imp-tcvn', ['Mé liÖt sÜ NguyÔn V¨n B¶y', 'Mé ch­a x¸c ®Þnh'])), spec, { author: AUTHOR });
      expect(store.query('graves').rows.map((r) => r.props.name).sort()).toEqual(['Mộ chưa xác định', 'Mộ liệt sĩ Nguyễn Văn Bảy']);
    } finally {
      store.close();
    }
  });

  it('an unclear encoding stops the import before any row, project unchanged; choosing one imports', async () => {
    const store = newProject(dir, 'enc-unclear.gpkg');
    try {
      const shp = legacyShapefile('imp-unclear', ['\xa4\xa4\xa4 \xb1\xb2\xb3', '\xbc\xbd\xbe\xbf']);
      const before = hashAllTables(store.path);
      await expect(runImport(store, filesForPath(shp), spec, { author: AUTHOR })).rejects.toMatchObject({ vi: expect.stringContaining('không nhận ra chắc bảng mã') });
      expect(hashAllTables(store.path)).toBe(before);
      await runImport(store, filesForPath(shp), spec, { author: AUTHOR, encoding: 'windows-1258' });
      expect(store.query('graves').rows).toHaveLength(2);
    } finally {
      store.close();
    }
  });
});

describe('.prj matched to the catalogue', () => {
  it.each([
    ['ESRI VN-2000 TM-3 107°45′ (no TOWGS84)', 'PROJCS["VN_2000_TM3",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",107.75],PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]', 'EPSG:5899'],
    ['VN-2000 UTM 48N', 'PROJCS["VN-2000 / UTM zone 48N",GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",105],PARAMETER["scale_factor",0.9996],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]', 'EPSG:3405'],
    ['WGS 84 geographic', 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]', 'EPSG:4326'],
    ['WGS 84 UTM 49N', 'PROJCS["WGS_1984_UTM_Zone_49N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",111.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]', 'EPSG:32649'],
    ['VN-2000 TM-3 with a custom meridian', 'PROJCS["x",GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",106.75],PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]', 'QUYTAP:VN2000-TM3-10675'],
    ['GDAL’s ESRI .prj of a proj4 VN-2000 (shift in the datum name)', 'PROJCS["unknown",GEOGCS["GCS_unknown",DATUM["D_Unknown_based_on_WGS84_ellipsoid_using_towgs84_-191_90441429_-39_30318279_-111_45032835_-0_00928836_0_01975479_-0_00427372_0_252906278",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",108.5],PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]', 'EPSG:9218'],
    ['an unknown Lambert projection', 'PROJCS["x",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic_2SP"],UNIT["metre",1]]', null],
  ])('%s', (_label, wkt, code) => {
    expect(matchPrj(wkt).code).toBe(code);
  });

  it('a .prj whose TOWGS84 differs from QĐ 05/2007 (EPSG:6960 signs) is flagged', () => {
    const wkt = 'PROJCS["x",GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563],TOWGS84[-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",108.5],PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]';
    const m = matchPrj(wkt);
    expect(m.code).toBe('EPSG:9218');
    expect(m.notes[0]!.en).toMatch(/unlike QuyTap/);
  });
});
