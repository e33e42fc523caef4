import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRS_CATALOGUE, findCrs, tm3ZoneCrs, type CrsDef } from '../../../src/shared/crs/catalogue';
import { fromWgs84, toWgs84 } from '../../../src/shared/crs/register';
import { crsWkt } from '../../../src/shared/crs/wkt';
import { hasTool, offsetMetres, run, withTempDir } from './support';

const withShift = [...CRS_CATALOGUE.filter((d) => d.datum !== 'WGS 84'), tm3ZoneCrs(108.75)];

function param(proj4: string, key: string): string | undefined {
  return new RegExp(`\\+${key}=(\\S+)`).exec(proj4)?.[1];
}

const sevenParams = (towgs84: string | undefined) => {
  const values = (towgs84 ?? '').split(',').filter(Boolean).map(Number);
  while (values.length < 7) values.push(0);
  return values;
};

function writeWkt(dir: string, def: CrsDef): string {
  const file = path.join(dir, `${def.code.replace(/[^A-Za-z0-9]/g, '_')}.wkt`);
  fs.writeFileSync(file, crsWkt(def));
  return file;
}

/**
 * A coordinate in the CRS near its central meridian (or 107.85°E) at Krông Nô's latitude,
 * and where QuyTap puts it. Both sides start from height 0 in the source CRS, as GDAL does
 * for 2D input: a WGS 84 → Indian 1960 → WGS 84 round trip dropping the height in between
 * would itself move the point by ~2 mm.
 */
function sample(def: CrsDef): { xy: number[]; lonLat: number[] } {
  const xy = fromWgs84(def, [def.centralMeridian ?? 107.85, 12.4]);
  return { xy, lonLat: toWgs84(def, xy) };
}

describe('crsWkt', () => {
  it('writes TOWGS84 with the 7 parameters and no EPSG authority for shifted datums', () => {
    const wkt = crsWkt(findCrs('EPSG:9218')!);
    expect(wkt).toMatch(/^PROJCS\["VN-2000 \/ TM-3 108-30",GEOGCS\["VN-2000",/);
    expect(wkt).toContain('TOWGS84[-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278]');
    expect(wkt).toContain('PARAMETER["central_meridian",108.5]');
    expect(wkt).toContain('PARAMETER["scale_factor",0.9999]');
    expect(wkt).not.toContain('AUTHORITY["EPSG","9218"]');
    expect(crsWkt(findCrs('EPSG:3148')!)).toContain('TOWGS84[198,881,317,0,0,0,0]');
    expect(crsWkt(findCrs('EPSG:4326')!)).toContain('AUTHORITY["EPSG","4326"]');
  });

  it.skipIf(!hasTool('gdalsrsinfo'))('GDAL reads back the same +towgs84 and central meridian for every CRS', () => {
    withTempDir((dir) => {
      for (const def of [...CRS_CATALOGUE, tm3ZoneCrs(108.75)]) {
        const proj4 = run('gdalsrsinfo', ['-o', 'proj4', writeWkt(dir, def)]).trim();
        expect(param(proj4, 'proj'), def.code).toBe(param(def.proj4, 'proj'));
        if (def.datum !== 'WGS 84')
          expect(sevenParams(param(proj4, 'towgs84')), def.code).toEqual(sevenParams(param(def.proj4, 'towgs84')));
        if (def.kind === 'projected' && def.code !== 'EPSG:3857') {
          const zone = param(proj4, 'zone');
          expect(zone ? Number(zone) * 6 - 183 : Number(param(proj4, 'lon_0')), def.code).toBe(def.centralMeridian);
        }
      }
    });
  });

  it.skipIf(!hasTool('gdaltransform'))(
    'GDAL places a point where QuyTap does (within 1 mm), VN-2000 and Indian 1960 alike',
    () => {
      withTempDir((dir) => {
        for (const def of withShift) {
          const { xy, lonLat } = sample(def);
          const out = run(
            'gdaltransform',
            ['-s_srs', writeWkt(dir, def), '-t_srs', 'EPSG:4326', '-output_xy'],
            `${xy[0]} ${xy[1]}\n`,
          );
          const [lon, lat] = out.trim().split(/\s+/).map(Number);
          expect(offsetMetres(lonLat, [lon, lat]).total, def.code).toBeLessThan(0.001);
        }
      });
    },
  );

  // GDAL's GeoPackage reader drops TOWGS84 when it recognises the datum (OSR_STRIP_TOWGS84);
  // this goes through a real GeoPackage to prove our WKT survives it.
  it.skipIf(!hasTool('ogr2ogr'))('survives a GeoPackage written and read by GDAL', () => {
    withTempDir((dir) => {
      for (const code of ['EPSG:9218', 'EPSG:3405', 'EPSG:4756', 'EPSG:3148', 'EPSG:4131']) {
        const def = findCrs(code)!;
        const { xy, lonLat } = sample(def);
        const geojson = path.join(dir, 'p.geojson');
        const gpkg = path.join(dir, `${code.replace(':', '_')}.gpkg`);
        fs.writeFileSync(
          geojson,
          JSON.stringify({
            type: 'FeatureCollection',
            features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: xy } }],
          }),
        );
        run('ogr2ogr', ['-f', 'GPKG', gpkg, geojson, '-a_srs', writeWkt(dir, def), '-nln', 'p']);
        const back = JSON.parse(
          run('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', gpkg, '-t_srs', 'EPSG:4326', '-lco', 'COORDINATE_PRECISION=10']),
        );
        expect(offsetMetres(lonLat, back.features[0].geometry.coordinates).total, code).toBeLessThan(0.001);
      }
    });
  });
});
