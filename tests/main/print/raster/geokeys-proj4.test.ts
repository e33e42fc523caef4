// A GeoTIFF's GeoKeys → proj4: known EPSG codes, GDAL's user-defined TM-3 with TOWGS84, and refusal
// (bilingual) of what cannot be known for sure.
import { describe, expect, it } from 'vitest';
import { proj4FromGeoKeys } from '../../../../src/main/print/raster/geokeys-proj4';
import { ApiError } from '../../../../src/shared/api';
import { findCrs, VN2000_TOWGS84 } from '../../../../src/shared/crs';
import { transformProj4 } from '../../../../src/shared/crs/register';

describe('proj4FromGeoKeys', () => {
  it('reads EPSG codes: WGS 84, Web Mercator, UTM, the catalogue’s VN-2000 zones', () => {
    expect(proj4FromGeoKeys({ GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 4326 })).toContain('+proj=longlat +datum=WGS84');
    expect(proj4FromGeoKeys({ GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 3857 })).toContain('+proj=merc +a=6378137');
    expect(proj4FromGeoKeys({ GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 32649 })).toContain('+zone=49');
    expect(proj4FromGeoKeys({ GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 9218 })).toBe(findCrs('EPSG:9218')!.proj4);
  });

  it('builds GDAL’s user-defined Transverse Mercator with its TOWGS84 (a typed array) into the same positions as the catalogue', () => {
    const p = proj4FromGeoKeys({
      GTModelTypeGeoKey: 1,
      ProjectedCSTypeGeoKey: 32767,
      GeographicTypeGeoKey: 32767,
      GeogEllipsoidGeoKey: 7030,
      GeogTOWGS84GeoKey: Float64Array.from(VN2000_TOWGS84.split(',').map(Number)),
      ProjCoordTransGeoKey: 1,
      ProjLinearUnitsGeoKey: 9001,
      ProjNatOriginLongGeoKey: 108.5,
      ProjNatOriginLatGeoKey: 0,
      ProjScaleAtNatOriginGeoKey: 0.9999,
      ProjFalseEastingGeoKey: 500000,
      ProjFalseNorthingGeoKey: 0,
    });
    const ours = transformProj4(p, '+proj=longlat +datum=WGS84', [430_000, 1_371_000]);
    const cat = transformProj4(findCrs('EPSG:9218')!.proj4, '+proj=longlat +datum=WGS84', [430_000, 1_371_000]);
    expect(Math.abs(ours[0] - cat[0]) * 111_000).toBeLessThan(0.001);
    expect(Math.abs(ours[1] - cat[1]) * 111_000).toBeLessThan(0.001);
  });

  it('refuses an unknown code, a foreign ellipsoid without a shift, a projection it does not build, no keys', () => {
    const cases = [
      { GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 2154 },
      { GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 32767, GeogSemiMajorAxisGeoKey: 6377276.345, GeogInvFlatteningGeoKey: 300.8017 },
      { GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 32767, ProjCoordTransGeoKey: 7, GeogEllipsoidGeoKey: 7030 },
      null,
    ];
    for (const k of cases) {
      let err: unknown;
      try {
        proj4FromGeoKeys(k);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).vi).toMatch(/hệ tọa độ/);
      expect((err as ApiError).en).toMatch(/coordinate system/);
    }
  });
});
