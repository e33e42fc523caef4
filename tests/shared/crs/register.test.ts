import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { CRS_CATALOGUE, tm3ZoneCrs } from '../../../src/shared/crs/catalogue';
import { fromWgs84, registerCatalogue, toWgs84, transform } from '../../../src/shared/crs/register';

describe('registerCatalogue / transform', () => {
  it('registers every catalogue CRS (and extra ones) with the proj4 instance it is given', () => {
    const names: string[] = [];
    registerCatalogue({ defs: (name) => void names.push(name) }, [tm3ZoneCrs(108.75)]);
    expect(names).toEqual([...CRS_CATALOGUE.map((d) => d.code), 'QUYTAP:VN2000-TM3-10875']);

    registerCatalogue(proj4);
    const viaRegistry = proj4('EPSG:4326', 'EPSG:9218', [107.85, 12.4]);
    const viaHelper = fromWgs84('EPSG:9218', [107.85, 12.4]);
    expect(viaRegistry[0]).toBeCloseTo(viaHelper[0], 6);
    expect(viaRegistry[1]).toBeCloseTo(viaHelper[1], 6);
  });

  it('transforms between any two catalogue CRSs and back', () => {
    const lonLat = [107.85, 12.4];
    for (const def of CRS_CATALOGUE) {
      // With the height carried through, the round trip is exact.
      const xyh = fromWgs84(def.code, [...lonLat, 0]);
      const back = toWgs84(def.code, xyh);
      expect(back[0], def.code).toBeCloseTo(lonLat[0], 10);
      expect(back[1], def.code).toBeCloseTo(lonLat[1], 10);
      expect(back[2], def.code).toBeCloseTo(0, 6);
      // In 2D the intermediate height is dropped: Indian 1960 (other ellipsoid) then moves ~2 mm.
      const back2d = toWgs84(def.code, fromWgs84(def.code, lonLat));
      expect(Math.abs(back2d[0] - lonLat[0]) + Math.abs(back2d[1] - lonLat[1]), def.code).toBeLessThan(5e-8);
    }
    // Same datum, different projection: proj4 still routes via WGS 84, agreeing to well under 1 mm.
    const tm3 = fromWgs84('EPSG:9218', lonLat);
    const utm = transform('EPSG:9218', 'EPSG:3405', tm3);
    const direct = fromWgs84('EPSG:3405', lonLat);
    expect(Math.hypot(utm[0] - direct[0], utm[1] - direct[1])).toBeLessThan(0.001);
  });

  it('names an unknown code in the error', () => {
    expect(() => transform('EPSG:9218', 'EPSG:99999', [0, 0])).toThrow(/EPSG:99999/);
  });
});
