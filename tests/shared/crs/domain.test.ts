// The CRS domains the store checks every written geometry against (src/shared/crs/domain.ts).
import { describe, expect, it } from 'vitest';
import { CRS_CATALOGUE, geographicCrsOf, tm3ZoneCrs, transform } from '../../../src/shared/crs';
import { COORDINATE_LIMIT, crsDomain, firstOutside, insideDomain } from '../../../src/shared/crs/domain';
import { VIETNAM_WGS84 } from '../../../src/main/io/vietnam-bounds';

describe('CRS domains', () => {
  it('hold all of Vietnam (the box imports accept) in every catalogue CRS, and nothing like 1e18 or Infinity', () => {
    const v = VIETNAM_WGS84;
    for (const def of CRS_CATALOGUE) {
      const d = crsDomain(def.code);
      expect(d.kind).toBe(def.kind);
      for (let lon = v.minLon; lon <= v.maxLon; lon += 0.5)
        for (const lat of [v.minLat, (v.minLat + v.maxLat) / 2, v.maxLat]) {
          const [x, y] = transform(geographicCrsOf(def.datum), def, [lon, lat]);
          expect(insideDomain(d, x!, y!), `${def.code} ${lon} ${lat}`).toBe(true);
        }
      for (const bad of [1e18, 1e39, -1e9, Infinity, NaN]) expect(insideDomain(d, bad, bad)).toBe(false);
      expect(d.box.every((b) => Math.abs(b) <= COORDINATE_LIMIT)).toBe(true);
    }
  });

  it('are the world in degrees for geographic CRSs and a few thousand km for Vietnamese projections', () => {
    expect(crsDomain('EPSG:4326').box).toEqual([-180, -90, 180, 90]);
    const tm3 = crsDomain('EPSG:9218').box;
    expect(tm3[0]).toBeLessThan(-1_000_000);
    expect(tm3[2]).toBeGreaterThan(2_500_000);
    expect(tm3[2] - tm3[0]).toBeLessThan(6_000_000);
    expect(tm3[3] - tm3[1]).toBeLessThan(6_000_000);
    // Northing and easting swapped (and scaled) land outside. (Degrees read as metres do not: imports catch those with the Vietnam box.)
    expect(insideDomain(crsDomain('EPSG:9218'), 1_370_000 * 4, 430_000)).toBe(false);
  });

  it('cover a custom TM-3 meridian and say "unknown" (the absolute bound) for codes not in the catalogue', () => {
    const custom = tm3ZoneCrs(106.6);
    expect(crsDomain(custom.code).kind).toBe('projected');
    const unknown = crsDomain('EPSG:2154');
    expect(unknown.kind).toBe('unknown');
    expect(unknown.box).toEqual([-COORDINATE_LIMIT, -COORDINATE_LIMIT, COORDINATE_LIMIT, COORDINATE_LIMIT]);
  });

  it('name the first position outside', () => {
    const d = crsDomain('EPSG:9218');
    const line = { type: 'LineString' as const, coordinates: [[430_000, 1_370_000], [430_000, 9e7], [1e18, 0]] };
    expect(firstOutside(d, line)).toEqual([430_000, 9e7]);
    expect(firstOutside(d, { type: 'Point', coordinates: [430_000, 1_370_000] })).toBeNull();
  });
});
