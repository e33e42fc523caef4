import { describe, expect, it } from 'vitest';
import { CRS_CATALOGUE, defaultCrsForProvince, findCrs, tm3ZoneCrs } from '../../../src/shared/crs/catalogue';
import { VN2000_TOWGS84 } from '../../../src/shared/crs/vn2000';
import { INDIAN1960_TOWGS84 } from '../../../src/shared/crs/indian1960';
import { hasTool, run } from './support';

const tm3 = CRS_CATALOGUE.filter((d) => d.provinces?.length);

function proj4Param(proj4: string, key: string): string | undefined {
  return new RegExp(`\\+${key}=(\\S+)`).exec(proj4)?.[1];
}

describe('CRS catalogue', () => {
  it('has the 17 TM-3 zones of TT 973/2001 covering the 63 pre-2025 provinces once each', () => {
    expect(tm3.map((d) => d.centralMeridian)).toEqual([
      103, 104, 104.5, 104.75, 105, 105.5, 105.75, 106, 106.25, 106.5, 107, 107.25, 107.5, 107.75, 108, 108.25, 108.5,
    ]);
    const provinces = tm3.flatMap((d) => d.provinces!);
    expect(provinces).toHaveLength(63);
    expect(new Set(provinces).size).toBe(63);
  });

  it('uses the TM-3 form with k=0.9999 and the QĐ 05/2007 shift for every zone', () => {
    for (const def of tm3) {
      expect(def.proj4).toBe(
        `+proj=tmerc +lat_0=0 +lon_0=${def.centralMeridian} +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +units=m +no_defs`,
      );
      expect(def.datum).toBe('VN-2000');
      expect(def.code).toBe(`EPSG:${def.epsg}`);
    }
  });

  it('gives every VN-2000 CRS our +towgs84 and every Indian 1960 CRS the explicit 3 parameters', () => {
    for (const def of CRS_CATALOGUE) {
      if (def.datum === 'VN-2000') expect(proj4Param(def.proj4, 'towgs84')).toBe(VN2000_TOWGS84);
      if (def.datum === 'Indian 1960') {
        expect(proj4Param(def.proj4, 'towgs84')).toBe(INDIAN1960_TOWGS84);
        expect(def.proj4).toContain('+a=6377276.345 +rf=300.8017');
      }
    }
  });

  it('has the required codes, with unique codes and Vietnamese-first names', () => {
    const codes = CRS_CATALOGUE.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of [
      'EPSG:4756',
      'EPSG:9218',
      'EPSG:3405',
      'EPSG:3406',
      'EPSG:4326',
      'EPSG:3857',
      'EPSG:4131',
      'EPSG:3148',
      'EPSG:3149',
    ]) {
      expect(codes).toContain(code);
    }
    expect(findCrs('EPSG:9218')!.name).toBe('VN-2000 / TM-3 108°30′ (Gia Lai, Đắk Lắk, Đắk Nông, …)');
    expect(findCrs('EPSG:9218')!.nameEn).toBe('VN-2000 / TM-3 108-30');
    expect(findCrs('EPSG:3405')!.proj4).toContain('+proj=utm +zone=48 ');
    expect(findCrs('EPSG:3406')!.centralMeridian).toBe(111);
  });

  // GDAL carries the EPSG database, so this checks our numbers against the registry.
  it.skipIf(!hasTool('gdalsrsinfo'))('every EPSG code matches the registry: projection, meridian, scale, ellipsoid', () => {
    for (const def of CRS_CATALOGUE.filter((d) => d.epsg && d.kind === 'projected' && d.epsg !== 3857)) {
      const registry = run('gdalsrsinfo', ['-o', 'proj4', `EPSG:${def.epsg}`]).trim();
      const zone = proj4Param(registry, 'zone');
      const lon0 = zone ? Number(zone) * 6 - 183 : Number(proj4Param(registry, 'lon_0'));
      expect(lon0, def.code).toBe(def.centralMeridian);
      expect(proj4Param(registry, 'k') ?? '0.9996', def.code).toBe(proj4Param(def.proj4, 'k') ?? '0.9996');
      expect(proj4Param(registry, 'x_0') ?? '500000', def.code).toBe(proj4Param(def.proj4, 'x_0') ?? '500000');
      expect(proj4Param(registry, 'ellps') ?? proj4Param(registry, 'datum'), def.code).toBe(
        def.datum === 'Indian 1960' ? 'evrst30' : 'WGS84',
      );
    }
    for (const [code, ellps] of [
      ['EPSG:4756', 'WGS84'],
      ['EPSG:4131', 'evrst30'],
    ]) {
      expect(run('gdalsrsinfo', ['-o', 'proj4', code])).toContain(`+proj=longlat +ellps=${ellps}`);
    }
  });
});

describe('tm3ZoneCrs / findCrs', () => {
  it('returns the catalogue entry for a listed meridian', () => {
    expect(tm3ZoneCrs(108.5)).toBe(findCrs('EPSG:9218'));
    expect(tm3ZoneCrs(105).code).toBe('EPSG:5897');
  });

  it('builds a custom zone for a meridian a post-2025 province may choose, and finds it again by code', () => {
    const custom = tm3ZoneCrs(108.75);
    expect(custom.code).toBe('QUYTAP:VN2000-TM3-10875');
    expect(custom.epsg).toBeUndefined();
    expect(custom.name).toBe('VN-2000 / TM-3 108°45′ (tự đặt)');
    expect(custom.proj4).toContain('+lon_0=108.75 +k=0.9999');
    expect(findCrs('quytap:vn2000-tm3-10875')).toEqual(custom);
    expect(tm3ZoneCrs(105.125).name).toBe('VN-2000 / TM-3 105°07′30″ (tự đặt)');
    expect(findCrs(tm3ZoneCrs(105.125).code)!.centralMeridian).toBe(105.125);
  });

  it('rejects nonsense meridians and unknown codes', () => {
    expect(() => tm3ZoneCrs(Number.NaN)).toThrow(RangeError);
    expect(() => tm3ZoneCrs(200)).toThrow(RangeError);
    expect(findCrs('EPSG:1234567')).toBeUndefined();
  });
});

describe('defaultCrsForProvince', () => {
  it.each([
    ['Đắk Nông', 'EPSG:9218'],
    ['dak nong', 'EPSG:9218'],
    ['Tỉnh Đắk Nông', 'EPSG:9218'],
    ['DAKNONG', 'EPSG:9218'],
    ['Đắk Lắk', 'EPSG:9218'],
    ['Daklak', 'EPSG:9218'],
    ['Hoà Bình', 'EPSG:9211'],
    ['Thành phố Hồ Chí Minh', 'EPSG:9210'],
    ['TP HCM', 'EPSG:9210'],
    ['Ba Ria - Vung Tau', 'EPSG:5899'],
    ['Huế', 'EPSG:9214'],
    ['Thanh Hóa', 'EPSG:5897'],
    ['Lai Châu', 'EPSG:9205'],
  ])('%s → %s', (name, code) => {
    expect(defaultCrsForProvince(name)?.code).toBe(code);
  });

  it('returns undefined for a name it does not know', () => {
    expect(defaultCrsForProvince('Atlantis')).toBeUndefined();
    expect(defaultCrsForProvince('')).toBeUndefined();
  });
});
