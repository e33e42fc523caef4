// GDAL as the outside judge: the file we write must validate, list cleanly, keep Vietnamese text,
// and place points where proj4 (our own maths) places them; files GDAL writes must stay writable.
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Geometry } from '../../../src/shared/model';
import { TABLE_NAMES } from '../../../src/shared/model';
import { crsWkt, findCrs } from '../../../src/shared/crs/catalogue';
import { decodeGpkgGeometry, encodeGpkgGeometry, openReadOnly, openWritable, ProjectStore } from '../../../src/main/store';
import { ATTACHMENT_BYTES, AUTHOR, DAK_NONG_CRS, DAK_NONG_PROJ4, DAK_NONG_WKT, fillEveryTable, hasCommand, IDS, run, SETTINGS, tempDir, X0, Y0 } from './helpers';

const VALIDATOR = ['/usr/share/doc/python3-gdal/examples/validate_gpkg.py', '/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py'].find(existsSync);
const HAS_GDAL = hasCommand('ogrinfo') && hasCommand('ogr2ogr');

function validate(path: string): void {
  if (!VALIDATOR) return;
  // --extra also checks column contents (DATE, DATETIME, BOOLEAN values); -k lists every problem.
  // Debian's python3 has python3-gdal (osgeo), which lets the validator check more.
  const r = run(existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3', [VALIDATOR, '-k', '--extra', path]);
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
}

function ogrinfo(args: string[]): string {
  const r = run('ogrinfo', args);
  expect(r.stderr).toBe('');
  expect(r.stdout).not.toMatch(/warning|error/i);
  expect(r.status).toBe(0);
  return r.stdout;
}

const sha = createHash('sha256').update(ATTACHMENT_BYTES).digest('hex');

describe.skipIf(!HAS_GDAL)('the project file as GDAL sees it', () => {
  const tmp = tempDir();
  const file = join(tmp.dir, 'Đắk Drô 2019.gpkg');
  const extra: Record<string, Geometry> = {
    // a polygon with a hole and a two-part multipolygon, to exercise ring and part counts
    holed: {
      type: 'Polygon',
      coordinates: [
        [
          [X0, Y0 + 3000],
          [X0 + 400, Y0 + 3000],
          [X0 + 400, Y0 + 3400],
          [X0, Y0 + 3400],
          [X0, Y0 + 3000],
        ],
        [
          [X0 + 100, Y0 + 3100],
          [X0 + 100, Y0 + 3200],
          [X0 + 200, Y0 + 3200],
          [X0 + 200, Y0 + 3100],
          [X0 + 100, Y0 + 3100],
        ],
      ],
    },
    twoParts: {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [X0 - 3000, Y0],
            [X0 - 2900, Y0],
            [X0 - 2900, Y0 + 100],
            [X0 - 3000, Y0],
          ],
        ],
        [
          [
            [X0 - 2000, Y0],
            [X0 - 1900.25, Y0],
            [X0 - 1900.25, Y0 + 100.75],
            [X0 - 2000, Y0],
          ],
        ],
      ],
    },
  };

  beforeAll(() => {
    const s = ProjectStore.create(file, DAK_NONG_CRS, SETTINGS, AUTHOR);
    s.applyEdit(fillEveryTable(sha), AUTHOR);
    s.putAttachmentData(IDS.attachment, ATTACHMENT_BYTES);
    s.applyEdit(
      {
        label: 'Thêm khu vực',
        put: [
          { table: 'search_areas', geometry: extra.holed, props: { status: 'done', name: 'Khu có lỗ' } },
          { table: 'search_areas', geometry: extra.twoParts, props: { status: 'unclear', name: 'Hai mảnh' } },
          { table: 'cemeteries', geometry: extra.holed, props: { kind: 'local', name: 'Nghĩa trang thôn 3' } },
          {
            table: 'base_lines',
            geometry: {
              type: 'MultiLineString',
              coordinates: [
                [
                  [X0, Y0],
                  [X0 + 10, Y0 + 10],
                ],
                [
                  [X0 + 20, Y0 + 20],
                  [X0 + 30, Y0 + 35.5],
                  [X0 + 40, Y0 + 20],
                ],
              ],
            },
            props: { kind: 'stream', name: 'Suối Đắk Rền' },
          },
        ],
      },
      AUTHOR,
    );
    s.close();
  });
  afterAll(() => tmp.cleanup());

  it.skipIf(!VALIDATOR)('passes validate_gpkg.py --extra with no error and no warning', () => {
    validate(file);
  });

  it('ogrinfo lists every table with its feature count and the working CRS, without warnings', () => {
    const out = ogrinfo(['-ro', '-al', '-so', file]);
    const expected: Record<string, number> = Object.fromEntries(TABLE_NAMES.map((t) => [t, 1]));
    expected.search_areas = 3;
    expected.cemeteries = 2;
    expected.base_lines = 2;
    const layers = [...out.matchAll(/Layer name: (\S+)[\s\S]*?Feature Count: (\d+)/g)].map((m) => [m[1], Number(m[2])]);
    expect(Object.fromEntries(layers)).toEqual(expected);
    expect(out).not.toMatch(/qt_/);
    // Every feature layer carries the working CRS with its datum shift.
    const srsBlocks = out.split('Layer name:').filter((b) => /Geometry: (?!None)/.test(b));
    expect(srsBlocks).toHaveLength(9);
    for (const b of srsBlocks) {
      expect(b).toContain('PROJCRS["VN-2000 / TM-3 zone 108-30"');
      expect(b).toMatch(/Longitude of natural origin",108\.5/);
      expect(b).toMatch(/X-axis translation",-191\.90441429/);
      expect(b).toMatch(/X-axis rotation",-0\.00928836/);
    }
  });

  it('ogrinfo -sql reads Vietnamese text intact', () => {
    const out = ogrinfo(['-ro', '-q', file, '-sql', "SELECT full_name, hometown, unit FROM martyrs WHERE full_name LIKE 'Nguyễn%'"]);
    expect(out).toContain('full_name (String) = Nguyễn Văn Đức');
    expect(out).toContain('hometown (String) = Xã Đắk Drô, huyện Krông Nô');
    expect(out).toContain('unit (String) = Tiểu đoàn 9, Trung đoàn 66');
    const forms = ogrinfo(['-ro', '-q', file, '-sql', 'SELECT informant_name, content, date_received FROM info_forms']);
    expect(forms).toContain('informant_name (String) = Y Bhin Niê');
    expect(forms).toContain('content (String) = Năm 1975 chôn cất 12 liệt sĩ dưới chân đồi Ba Cây Thông');
    expect(forms).toContain('date_received (Date) = 2019/05/14');
  });

  it('a stored point transformed to WGS 84 by GDAL agrees with proj4 within 1 cm', () => {
    const r = run('ogr2ogr', ['-t_srs', 'EPSG:4326', '-f', 'GeoJSON', '-lco', 'COORDINATE_PRECISION=12', '/vsistdout/', file, 'graves']);
    expect(r.stderr).toBe('');
    const fc = JSON.parse(r.stdout) as { features: { geometry: { coordinates: number[] } }[] };
    const [lon, lat] = fc.features[0]!.geometry.coordinates as [number, number];
    const [plon, plat] = proj4(DAK_NONG_PROJ4, 'EPSG:4326', [X0 + 123.456, Y0 + 654.321]) as [number, number];
    const dx = (lon - plon) * 111_320 * Math.cos((lat * Math.PI) / 180);
    const dy = (lat - plat) * 110_574;
    expect(Math.hypot(dx, dy)).toBeLessThan(0.01);
    // and the shift is really applied: WGS 84 lies ~200 m from the same numbers read without it
    const [nlon] = proj4('+proj=tmerc +lat_0=0 +lon_0=108.5 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +units=m +no_defs', 'EPSG:4326', [X0 + 123.456, Y0 + 654.321]) as [number, number];
    expect(Math.abs(lon - nlon) * 111_320).toBeGreaterThan(100);
  });

  it.each([
    ['EPSG:9218', 430_000, 1_370_000],
    ['EPSG:3405', 700_000, 1_370_000],
    ['EPSG:3148', 700_000, 1_370_000],
    ['EPSG:3149', 300_000, 1_370_000],
    ['EPSG:32648', 700_000, 1_370_000],
  ])('GDAL places a point of the catalogue CRS %s where proj4 does, whatever srs_id the caller picks', (code, x, y) => {
    const def = findCrs(code)!;
    const epsg = Number(code.slice(5));
    for (const [organization, srsId] of [
      ['EPSG', epsg],
      ['QUYTAP', 100_000 + epsg],
    ] as const) {
      const path = join(tmp.dir, `${code.replace(':', '-')}-${organization}.gpkg`);
      const s = ProjectStore.create(path, { srsId, organization, organizationCoordsysId: srsId, name: def.name, definition: crsWkt(def), code }, SETTINGS, AUTHOR);
      s.applyEdit({ put: [{ table: 'graves', geometry: { type: 'Point', coordinates: [x, y] }, props: { kind: 'newly_found', verification: 'not_verified' } }] }, AUTHOR);
      s.close();
      const r = run('ogr2ogr', ['-t_srs', 'EPSG:4326', '-f', 'GeoJSON', '-lco', 'COORDINATE_PRECISION=12', '/vsistdout/', path, 'graves']);
      expect(r.stderr).toBe('');
      const [lon, lat] = (JSON.parse(r.stdout) as { features: { geometry: { coordinates: [number, number] } }[] }).features[0]!.geometry.coordinates;
      const [plon, plat] = proj4(def.proj4, 'EPSG:4326', [x, y]) as [number, number];
      const metres = Math.hypot((lon - plon) * 111_320 * Math.cos((lat * Math.PI) / 180), (lat - plat) * 110_574);
      expect(metres, `${code} as ${organization}:${srsId}`).toBeLessThan(0.01);
    }
  });

  it('gdalsrsinfo reads the TOWGS84 of the WKT we were given and of the row we wrote', () => {
    const given = run('gdalsrsinfo', ['-o', 'proj4', DAK_NONG_WKT]);
    expect(given.stdout).toContain('+towgs84=-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278');
    const db = openReadOnly(file);
    const row = db.prepare('SELECT organization, organization_coordsys_id, definition, description FROM gpkg_spatial_ref_sys WHERE srs_id = 9218').get() as {
      organization: string;
      definition: string;
      description: string;
    };
    db.close();
    expect(row.description).toContain('EPSG:9218');
    const written = run('gdalsrsinfo', ['-o', 'proj4', row.definition]);
    expect(written.stdout).toContain('+towgs84=-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278');
  });

  it('GDAL reads back exactly the coordinates we encoded', () => {
    const r = run('ogr2ogr', ['-f', 'GeoJSON', '-lco', 'COORDINATE_PRECISION=6', '/vsistdout/', file, '-sql', "SELECT * FROM search_areas WHERE name IN ('Khu có lỗ', 'Hai mảnh') ORDER BY fid"]);
    expect(r.stderr).toBe('');
    const fc = JSON.parse(r.stdout) as { features: { geometry: Geometry }[] };
    expect(fc.features[0]!.geometry).toEqual({ type: 'MultiPolygon', coordinates: [extra.holed!.coordinates] });
    expect(fc.features[1]!.geometry).toEqual(extra.twoParts);
    const lines = JSON.parse(run('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', file, 'base_lines']).stdout) as { features: { geometry: Geometry }[] };
    expect(lines.features.map((f) => f.geometry.type)).toEqual(['MultiLineString', 'MultiLineString']);
    expect((lines.features[1]!.geometry as { coordinates: number[][][] }).coordinates[1]![1]).toEqual([X0 + 30, Y0 + 35.5]);
  });

  describe('a GeoPackage written by ogr2ogr', () => {
    const gdalFile = join(tmp.dir, 'from-gdal.gpkg');
    const samples: Record<string, { wkt: string; expected: Geometry }> = {
      point: { wkt: 'POINT (430001.5 1370002.25)', expected: { type: 'Point', coordinates: [430001.5, 1370002.25] } },
      pointz: { wkt: 'POINT Z (430001.5 1370002.25 512)', expected: { type: 'Point', coordinates: [430001.5, 1370002.25] } },
      line: {
        wkt: 'LINESTRING (0 0, 10 10.5, 20 0)',
        expected: {
          type: 'LineString',
          coordinates: [
            [0, 0],
            [10, 10.5],
            [20, 0],
          ],
        },
      },
      mline: {
        wkt: 'MULTILINESTRING ((0 0, 1 1), (2 2, 3 3, 4 2))',
        expected: {
          type: 'MultiLineString',
          coordinates: [
            [
              [0, 0],
              [1, 1],
            ],
            [
              [2, 2],
              [3, 3],
              [4, 2],
            ],
          ],
        },
      },
      poly: { wkt: 'POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 1 1))', expected: { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [1, 2], [2, 2], [1, 1]]] } },
      mpoly: {
        wkt: 'MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))',
        expected: { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, 5], [6, 5], [6, 6], [5, 5]]]] },
      },
    };

    beforeAll(() => {
      for (const [name, s] of Object.entries(samples)) {
        const csv = join(tmp.dir, `${name}.csv`);
        writeFileSync(csv, `id,ten,WKT\n1,Điểm ${name},"${s.wkt}"\n`);
        const r = run('ogr2ogr', ['-f', 'GPKG', ...(existsSync(gdalFile) ? ['-update'] : []), gdalFile, csv, '-nln', name, '-a_srs', 'EPSG:3405']);
        expect(r.stderr).toBe('');
      }
    });

    it('our decoder reads the geometries ogr2ogr wrote (Z dropped to 2D)', () => {
      const db = openReadOnly(gdalFile);
      for (const [name, s] of Object.entries(samples)) {
        const blob = (db.prepare(`SELECT geom FROM "${name}"`).get() as { geom: Buffer }).geom;
        expect(decodeGpkgGeometry(blob), name).toEqual(s.expected);
      }
      db.close();
    });

    it('stays writable through our connection (ST_* functions for GDAL\'s R-tree triggers)', () => {
      const db = openWritable(gdalFile);
      const trigger = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'rtree_point_geom_insert'").get() as { sql: string };
      expect(trigger.sql).toContain('ST_IsEmpty');
      const srs = (db.prepare("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = 'point'").get() as { srs_id: number }).srs_id;
      const ins = db.prepare('INSERT INTO point (geom, id, ten) VALUES (?, ?, ?)').run(encodeGpkgGeometry({ type: 'Point', coordinates: [431000, 1371000] }, srs), 2, 'Điểm thêm');
      const fid = Number(ins.lastInsertRowid);
      expect(db.prepare('SELECT minx, maxx, miny, maxy FROM rtree_point_geom WHERE id = ?').get(fid)).toEqual({ minx: 431000, maxx: 431000, miny: 1371000, maxy: 1371000 });
      db.prepare('UPDATE point SET geom = ? WHERE fid = ?').run(encodeGpkgGeometry({ type: 'Point', coordinates: [432000.5, 1372000.5] }, srs), fid);
      const moved = db.prepare('SELECT minx, maxx, miny, maxy FROM rtree_point_geom WHERE id = ?').get(fid) as Record<string, number>;
      expect(moved.minx).toBeLessThanOrEqual(432000.5);
      expect(moved.maxx).toBeGreaterThanOrEqual(432000.5);
      expect(moved.minx).toBeGreaterThan(432000);
      db.prepare('UPDATE poly SET geom = ? WHERE fid = 1').run(encodeGpkgGeometry({ type: 'Polygon', coordinates: [[[10, 10], [20, 10], [20, 20], [10, 10]]] }, srs));
      expect(db.prepare('SELECT minx, maxx, miny, maxy FROM rtree_poly_geom WHERE id = 1').get()).toEqual({ minx: 10, maxx: 20, miny: 10, maxy: 20 });
      db.prepare('DELETE FROM point WHERE fid = ?').run(fid);
      expect(db.prepare('SELECT count(*) AS n FROM rtree_point_geom WHERE id = ?').get(fid)).toEqual({ n: 0 });
      db.close();
      validate(gdalFile);
      const out = ogrinfo(['-ro', gdalFile, 'poly']);
      expect(out).toContain('POLYGON ((10 10,20 10,20 20,10 10))');
    });

    it('is not taken for a QuyTap project', () => {
      expect(() => ProjectStore.open(gdalFile)).toThrowError(/not a valid QuyTap project/);
    });
  });

  it.skipIf(!VALIDATOR)('a backup is itself a valid GeoPackage and project', async () => {
    const s = ProjectStore.open(file);
    const b = await s.backup(join(tmp.dir, 'backups'), 3);
    s.close();
    validate(b);
    const copy = ProjectStore.open(b);
    expect(copy.get('martyrs', IDS.martyr)?.props.full_name).toBe('Nguyễn Văn Đức');
    expect(copy.getAttachmentData(IDS.attachment)?.equals(ATTACHMENT_BYTES)).toBe(true);
    copy.close();
  });
});
