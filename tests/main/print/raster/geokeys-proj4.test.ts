// A GeoTIFF's GeoKeys → proj4 for printing, by the base-map feature's rules: catalogue EPSG codes,
// GDAL's user-defined TM-3 with its TOWGS84 (a typed array), and a bilingual refusal of what cannot
// be known for sure.
import { describe, expect, it } from 'vitest';
import { crsFromGeoKeys } from '../../../../src/main/print/raster/geokeys-proj4';
import { ApiError } from '../../../../src/shared/api';
import { findCrs, VN2000_TOWGS84 } from '../../../../src/shared/crs';

const tm3 = (extra: Record<string, unknown>) => ({
  GTModelTypeGeoKey: 1,
  ProjectedCSTypeGeoKey: 32767,
  GeographicTypeGeoKey: 32767,
  GeogEllipsoidGeoKey: 7030,
  ProjCoordTransGeoKey: 1,
  ProjLinearUnitsGeoKey: 9001,
  ProjNatOriginLongGeoKey: 108.5,
  ProjNatOriginLatGeoKey: 0,
  ProjScaleAtNatOriginGeoKey: 0.9999,
  ProjFalseEastingGeoKey: 500000,
  ProjFalseNorthingGeoKey: 0,
  ...extra,
});

describe('crsFromGeoKeys', () => {
  it('reads catalogue EPSG codes: WGS 84, Web Mercator, UTM, VN-2000 zones', () => {
    expect(crsFromGeoKeys({ GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 4326 }, 'a').proj4).toBe(findCrs('EPSG:4326')!.proj4);
    expect(crsFromGeoKeys({ GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 3857 }, 'a').proj4).toBe(findCrs('EPSG:3857')!.proj4);
    expect(crsFromGeoKeys({ GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 32648 }, 'a').proj4).toBe(findCrs('EPSG:32648')!.proj4);
    expect(crsFromGeoKeys({ GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 9218 }, 'a').proj4).toBe(findCrs('EPSG:9218')!.proj4);
  });

  it('matches GDAL’s user-defined TM-3 with the QĐ 05/2007 TOWGS84 to the catalogue zone, with nothing assumed', () => {
    const c = crsFromGeoKeys(tm3({ GeogTOWGS84GeoKey: Float64Array.from(VN2000_TOWGS84.split(',').map(Number)) }), 'a');
    expect(c.proj4).toBe(findCrs('EPSG:9218')!.proj4);
    expect(c.notes).toEqual([]);
  });

  it('refuses an unknown code, a foreign datum shift, a projection it does not know, no keys, naming the file', () => {
    const cases = [
      { GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 2154 },
      tm3({ GeogTOWGS84GeoKey: [1, 2, 3] }),
      { GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 32767, ProjCoordTransGeoKey: 7, GeogEllipsoidGeoKey: 7030 },
      null,
    ];
    for (const k of cases) {
      let err: unknown;
      try {
        crsFromGeoKeys(k, 'bản đồ.tif');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).vi).toMatch(/^Bản đồ nền "bản đồ.tif": .*hệ tọa độ/);
      expect((err as ApiError).en).toMatch(/^Base map "bản đồ.tif": .*CRS/);
    }
  });
});
