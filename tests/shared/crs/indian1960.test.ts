import { describe, expect, it } from 'vitest';
import { EVEREST1830, INDIAN1960_TOWGS84 } from '../../../src/shared/crs/indian1960';
import { hundredKmLetters } from '../../../src/shared/crs/mgrsGrid';
import { formatMgrs, parseMgrs } from '../../../src/shared/crs/parse/mgrs';
import type { LonLat, ParseResult } from '../../../src/shared/crs/parse/result';
import { transformProj4 } from '../../../src/shared/crs/register';
import { offsetMetres } from './support';

const KRONG_NO: LonLat = [107.85, 12.4];

function ok(result: ParseResult) {
  if (!result.ok || result.source.format !== 'mgrs') throw new Error(result.ok ? 'not MGRS' : result.error.en);
  return { ...result, source: result.source };
}

describe('Indian 1960 MGRS (war-era L7014 maps)', () => {
  it('pins the constants', () => {
    expect(INDIAN1960_TOWGS84).toBe('198,881,317');
    expect(EVEREST1830).toEqual({ a: 6377276.345, rf: 300.8017 });
  });

  it('reads the same string ~500 m away from its WGS 84 reading at Krông Nô', () => {
    const reference = formatMgrs(KRONG_NO, { digits: 5 });
    expect(reference).toMatch(/^48P ZU /);
    const wgs = ok(parseMgrs(reference));
    const indian = ok(parseMgrs(reference, { datum: 'Indian 1960' }));
    expect(indian.source.datum).toBe('Indian 1960');
    const shift = offsetMetres(wgs.lonLat, indian.lonLat).total;
    expect(shift).toBeGreaterThan(450);
    expect(shift).toBeLessThan(600);
  });

  it('applies the 198,881,317 shift: without it (PROJ’s own choice south of 14°N) the point moves ~500 m', () => {
    const indian = ok(parseMgrs('48P ZU 15000 71000', { datum: 'Indian 1960' }));
    const unshifted = transformProj4(
      `+proj=utm +zone=48 +a=${EVEREST1830.a} +rf=${EVEREST1830.rf} +units=m +no_defs`,
      '+proj=longlat +datum=WGS84 +no_defs',
      [indian.source.easting, indian.source.northing],
    );
    const shift = offsetMetres(indian.source.swCorner, unshifted).total;
    expect(shift).toBeGreaterThan(450);
    expect(shift).toBeLessThan(600);
  });

  it('formats on Everest 1830 and reads back within a metre, short sheet form included', () => {
    for (const lonLat of [KRONG_NO, [106.73, 16.65] as LonLat, [108.6, 14.0] as LonLat, [105.3, 21.2] as LonLat]) {
      const reference = formatMgrs(lonLat, { datum: 'Indian 1960' });
      const back = ok(parseMgrs(reference, { datum: 'Indian 1960' }));
      expect(back.precisionM).toBe(1);
      expect(offsetMetres(back.source.swCorner, lonLat).total).toBeLessThan(1.5);
      const [zone, band, ...sheetLocal] = [reference.slice(0, 2), reference.slice(2, 3), reference.slice(4)];
      const short = ok(parseMgrs(sheetLocal.join(''), { datum: 'Indian 1960', gridZone: `${zone}${band}` }));
      expect(short.lonLat).toEqual(back.lonLat);
    }
  });

  it('truncates to the cell like GEOTRANS: 6-digit references hold the point', () => {
    const reference = formatMgrs(KRONG_NO, { datum: 'Indian 1960', digits: 3 });
    expect(reference).toMatch(/^48P ZU \d{3} \d{3}$/);
    const cell = ok(parseMgrs(reference, { datum: 'Indian 1960' }));
    expect(offsetMetres(cell.lonLat, KRONG_NO).total).toBeLessThan(71);
  });

  // GEOTRANS letters Everest 1830 (ING-A/ING-B) with the standard "AA" scheme; only the Clarke
  // and Bessel ellipsoids take the old "AL" rows. War-era references agree: Khe Sanh is in
  // square XD and Huế in YD (commonly cited, not checked against a scanned sheet here).
  it('uses the AA row lettering for Everest 1830, as GEOTRANS and the war-era references do', () => {
    expect(formatMgrs([106.73, 16.65], { datum: 'Indian 1960', digits: 0 })).toBe('48Q XD');
    expect(formatMgrs([107.58, 16.47], { datum: 'Indian 1960', digits: 0 })).toBe('48Q YD');
    const [e, n] = [650_000, 1_842_000];
    expect(hundredKmLetters(48, e, n, 'AA')).toBe('XD');
    expect(hundredKmLetters(48, e, n, 'AL')).toBe('XP');
  });
});
