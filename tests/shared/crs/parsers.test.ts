import { describe, expect, it } from 'vitest';
import { tm3ZoneCrs } from '../../../src/shared/crs/catalogue';
import { formatDecimalDegrees, parseDecimalDegrees } from '../../../src/shared/crs/parse/decimalDegrees';
import { formatDms, parseDms } from '../../../src/shared/crs/parse/dms';
import { formatMgrs, parseMgrs } from '../../../src/shared/crs/parse/mgrs';
import { detectFormat, parseCoordinate } from '../../../src/shared/crs/parse/parseCoordinate';
import type { LonLat, ParseResult } from '../../../src/shared/crs/parse/result';
import { formatUtm, parseUtm } from '../../../src/shared/crs/parse/utm';
import { formatVn2000XY, parseVn2000XY, toVn2000XY } from '../../../src/shared/crs/parse/vn2000XY';
import { offsetMetres } from './support';

const KRONG_NO: LonLat = [107.8541, 12.4025];

function ok(result: ParseResult) {
  if (!result.ok) throw new Error(`expected success, got: ${result.error.en}`);
  return result;
}

function failed(result: ParseResult) {
  if (result.ok) throw new Error(`expected an error, got ${result.lonLat}`);
  expect(result.error.vi.length).toBeGreaterThan(5);
  expect(result.error.en.length).toBeGreaterThan(5);
  return result.error;
}

const near = (a: readonly number[], b: readonly number[], metres: number) =>
  expect(offsetMetres(a, b).total).toBeLessThan(metres);

describe('decimal degrees', () => {
  it.each([
    '12.4025, 107.8541',
    '12.4025,107.8541',
    '12.4025N 107.8541E',
    '12.4025° N, 107.8541° E',
    '107.8541E 12.4025N',
    'N12.4025 E107.8541',
    '12,4025 107,8541',
    '12,4025; 107,8541',
    '12.4025 107.8541',
    '107.8541, 12.4025',
  ])('reads %s', (text) => {
    const r = ok(parseDecimalDegrees(text));
    expect(r.lonLat).toEqual(KRONG_NO);
    expect(r.source).toEqual({ format: 'dd', lat: 12.4025, lon: 107.8541 });
    expect(r.precisionM).toBeCloseTo(11.132, 2);
  });

  it('reads signs as south and west', () => {
    expect(ok(parseDecimalDegrees('-33.5, -70.25')).lonLat).toEqual([-70.25, -33.5]);
    expect(ok(parseDecimalDegrees('33.5S 70.25W')).lonLat).toEqual([-70.25, -33.5]);
  });

  it.each([
    ['', /Cannot read/],
    ['hello world', /Cannot read/],
    ['12.4025', /Cannot read/],
    ['12.4025, 107.8541, 5', /Cannot read/],
    ['95.5, 200.1', /Out of range/],
    ['12.4025N 107.8541N', /Both values/],
    ['-12.4025S 107.8541E', /Minus sign/],
    [`12°24'31.5"N 107°51'14.8"E`, /minutes\/seconds/],
  ])('refuses %j', (text, message) => {
    expect(failed(parseDecimalDegrees(text)).en).toMatch(message);
  });

  it('formats and reads back', () => {
    expect(formatDecimalDegrees(KRONG_NO)).toBe('12.402500, 107.854100');
    expect(formatDecimalDegrees(KRONG_NO, { hemisphere: true, decimals: 4 })).toBe('12.4025N 107.8541E');
    for (const text of [formatDecimalDegrees(KRONG_NO), formatDecimalDegrees(KRONG_NO, { hemisphere: true })]) {
      expect(ok(parseDecimalDegrees(text)).lonLat).toEqual(KRONG_NO);
    }
  });
});

describe('degrees, minutes, seconds', () => {
  const expected: LonLat = [107 + 51 / 60 + 14.8 / 3600, 12 + 24 / 60 + 31.5 / 3600];

  it.each([
    `12°24'31.5"N 107°51'14.8"E`,
    `12°24′31.5″N 107°51′14.8″E`,
    `12° 24' 31.5" N, 107° 51' 14.8" E`,
    `12º24’31.5”N 107º51’14.8”E`,
    `12°24''31.5''N`.replace(`''31`, `'31`) + ` 107°51'14.8''E`,
    `12 24 31.5 N 107 51 14.8 E`,
    `N 12°24'31.5" E 107°51'14.8"`,
    `107°51'14.8"E 12°24'31.5"N`,
    `12°24'31,5"N 107°51'14,8"E`,
    `12°24'31.5"B 107°51'14.8"Đ`,
    `12 24 31.5 107 51 14.8`,
  ])('reads %s', (text) => {
    const r = ok(parseDms(text));
    expect(r.lonLat[0]).toBeCloseTo(expected[0], 10);
    expect(r.lonLat[1]).toBeCloseTo(expected[1], 10);
    expect(r.source.format).toBe('dms');
    expect(r.precisionM).toBeCloseTo(3.09, 1);
  });

  it('reads degrees and decimal minutes', () => {
    const r = ok(parseDms(`12°24.525'N 107°51.2467'E`));
    expect(r.lonLat[1]).toBeCloseTo(12 + 24.525 / 60, 10);
    expect(r.lonLat[0]).toBeCloseTo(107 + 51.2467 / 60, 10);
    expect(r.precisionM).toBeCloseTo(1.86, 1);
  });

  it.each([
    [`12°64'00"N 107°51'14.8"E`, /below 60/],
    [`12°24'61"N 107°51'14.8"E`, /below 60/],
    [`12°24'31.5"N`, /Cannot read/],
    [`12°24'31.5"N 107°51'14.8"E 12`, /Cannot read/],
    [`12'24°31.5"N 107°51'14.8"E`, /out of order|Cannot read/],
    [`12°24'31.5 15"N 107°51'14.8"E`, /out of order|Cannot read/],
    ['abc def', /Cannot read/],
    [`95°00'00"N 107°51'14.8"E`, /Out of range/],
  ])('refuses %j', (text, message) => {
    expect(failed(parseDms(text)).en).toMatch(message);
  });

  it('formats with ′ ″ or ASCII marks and reads back, carrying 59.96″ into the minutes', () => {
    expect(formatDms(expected)).toBe('12°24′31.5″N 107°51′14.8″E');
    expect(formatDms(expected, { ascii: true })).toBe(`12°24'31.5"N 107°51'14.8"E`);
    expect(formatDms([105.5, 10 + 59.96 / 3600], { secondDecimals: 1 })).toBe('10°01′00.0″N 105°30′00.0″E');
    expect(formatDms([-70.25, -33.5], { secondDecimals: 0 })).toBe('33°30′00″S 70°15′00″W');
    for (const lonLat of [KRONG_NO, [-70.25, -33.5] as LonLat, [102.14, 8.6] as LonLat]) {
      near(ok(parseDms(formatDms(lonLat, { secondDecimals: 2 }))).lonLat, lonLat, 0.2);
    }
  });
});

describe('VN-2000 X/Y (X = northing, Y = easting)', () => {
  const crs = 'EPSG:9218';

  it.each([
    'X=1371234.56 Y=445678.9',
    'X = 1371234.56, Y = 445678.9',
    'Y=445678.9 X=1371234.56',
    'x: 1371234,56; y: 445678,9',
    'X: 1.371.234,56  Y: 445.678,9',
    'X(m)=1371234.56 Y(m)=445678.90',
    '1371234.56 445678.9',
  ])('reads %s', (text) => {
    const r = ok(parseVn2000XY(text, crs));
    expect(r.source).toEqual({ format: 'vn2000', crsCode: 'EPSG:9218', x: 1371234.56, y: 445678.9 });
    expect(r.precisionM).toBe(text.endsWith('.90') ? 0.01 : 0.1);
    const back = toVn2000XY(r.lonLat, crs);
    expect(back.x).toBeCloseTo(1371234.56, 3);
    expect(back.y).toBeCloseTo(445678.9, 3);
  });

  it('reads labelled numbers and a custom zone', () => {
    const r = ok(parseVn2000XY({ x: 1371234.56, y: 445678.9 }, tm3ZoneCrs(108.75)));
    expect(r.source).toMatchObject({ crsCode: 'QUYTAP:VN2000-TM3-10875' });
    expect(r.precisionM).toBe(0.1);
  });

  it('refuses a swapped pair in both languages', () => {
    const error = failed(parseVn2000XY({ x: 445678.9, y: 1371234.56 }, crs));
    expect(error.en).toMatch(/look swapped/);
    expect(error.vi).toMatch(/bị đảo/);
    expect(failed(parseVn2000XY('X=445678.9 Y=1371234.56', crs)).en).toMatch(/swapped/);
  });

  it.each([
    ['X=1371234.56', /Two numbers are needed/],
    ['X=abc Y=445678.9', /Cannot read "abc"/],
    ['X=1.37.1234 Y=445678.9', /Invalid number/],
    ['X=99 Y=5', /outside Vietnam/],
    ['X=3371234 Y=445678', /outside Vietnam/],
  ])('refuses %j', (text, message) => {
    expect(failed(parseVn2000XY(text, crs)).en).toMatch(message);
  });

  it('needs a VN-2000 projected CRS', () => {
    expect(failed(parseVn2000XY('X=1371234.56 Y=445678.9', 'EPSG:4326')).en).toMatch(/VN-2000 projected/);
    expect(failed(parseVn2000XY('X=1371234.56 Y=445678.9', 'EPSG:1')).en).toMatch(/VN-2000 projected/);
  });

  it('formats X first and reads back to the centimetre, in TM-3 and UTM zones', () => {
    for (const code of ['EPSG:9218', 'EPSG:5897', 'EPSG:3405']) {
      const text = formatVn2000XY(KRONG_NO, code);
      expect(text).toMatch(/^X=\d{7}\.\d{2} Y=\d{6}\.\d{2}$/);
      near(ok(parseVn2000XY(text, code)).lonLat, KRONG_NO, 0.01);
    }
  });
});

describe('UTM', () => {
  it('reads zone + band and zone + hemisphere alike', () => {
    const band = ok(parseUtm('48P 812345 1371234'));
    const hemisphere = ok(parseUtm('48N 812345 1371234'));
    expect(band.lonLat).toEqual(hemisphere.lonLat);
    expect(band.source).toMatchObject({ format: 'utm', zone: 48, band: 'P', hemisphere: 'N', datum: 'WGS 84' });
    expect(hemisphere.source).toMatchObject({ band: undefined, hemisphere: 'N' });
    expect(band.precisionM).toBe(1);
    expect(band.lonLat[0]).toBeCloseTo(107.86, 1);
    expect(band.lonLat[1]).toBeCloseTo(12.39, 1);
  });

  it('reads "S" as band S where the northing fits it, otherwise as the southern hemisphere', () => {
    expect(ok(parseUtm('48S 500000 3800000')).source).toMatchObject({ band: 'S', hemisphere: 'N' });
    expect(ok(parseUtm('48S 812345 1371234')).lonLat[1]).toBeLessThan(-70);
  });

  it('uses the datum it is told: VN-2000 UTM lies ~200 m from WGS 84 UTM', () => {
    const wgs = ok(parseUtm('48P 812345 1371234'));
    const vn = ok(parseUtm('48P 812345 1371234', { datum: 'VN-2000' }));
    expect(offsetMetres(wgs.lonLat, vn.lonLat).total).toBeGreaterThan(180);
    expect(offsetMetres(wgs.lonLat, vn.lonLat).total).toBeLessThan(250);
  });

  it.each([
    ['48P 1371234 812345', /out of range/],
    ['48X 812345 1371234', /does not lie in latitude band X/],
    ['48C 812345 5371234', /does not lie in latitude band C/],
    ['61P 812345 1371234', /zone must be 1–60/],
    ['48P 812345', /Cannot read/],
    ['UTM here', /Cannot read/],
  ])('refuses %j', (text, message) => {
    expect(failed(parseUtm(text)).en).toMatch(message);
  });

  it('formats and reads back to the metre, on each datum', () => {
    for (const datum of ['WGS 84', 'VN-2000', 'Indian 1960'] as const) {
      const text = formatUtm(KRONG_NO, { datum });
      expect(text).toMatch(/^48P \d{6} \d{7}$/);
      near(ok(parseUtm(text, { datum })).lonLat, KRONG_NO, 1);
    }
    expect(formatUtm(KRONG_NO, { zone: 49 })).toMatch(/^49P \d{6} \d{7}$/);
  });
});

describe('MGRS (WGS 84)', () => {
  it.each([
    ['48P YU 123 456', undefined],
    ['48PYU123456', undefined],
    ['48p yu 123456', undefined],
    ['YU123456', '48P'],
    ['YU 123 456', '48p'],
  ])('reads %s (grid zone %s) as the same 100 m cell', (text, gridZone) => {
    const r = ok(parseMgrs(text, { gridZone }));
    expect(r.source).toMatchObject({ format: 'mgrs', datum: 'WGS 84', mgrs: '48P YU 123 456', zone: 48, band: 'P', digits: 3 });
    expect(r.precisionM).toBe(100);
    if (r.source.format !== 'mgrs') throw new Error();
    expect(r.source.easting).toBe(712300);
    expect(r.source.northing).toBe(1345600);
    // lonLat is the cell centre: ~71 m from the south-west corner.
    expect(offsetMetres(r.source.swCorner, r.lonLat).total).toBeCloseTo(70.7, 0);
  });

  it('formats Krông Nô in square ZU and reads every precision back', () => {
    expect(formatMgrs(KRONG_NO)).toMatch(/^48P ZU \d{5} \d{5}$/);
    expect(formatMgrs(KRONG_NO, { compact: true, digits: 3 })).toMatch(/^48PZU\d{6}$/);
    for (let digits = 0; digits <= 5; digits++) {
      const r = ok(parseMgrs(formatMgrs(KRONG_NO, { digits })));
      expect(r.precisionM).toBe(10 ** (5 - digits));
      // The point lies in the cell, so within half its diagonal of the centre.
      expect(offsetMetres(r.lonLat, KRONG_NO).total).toBeLessThan((10 ** (5 - digits) * Math.SQRT2) / 2 + 0.5);
    }
  });

  it.each([
    ['YU123456', undefined, /grid zone designator/],
    ['48P YU 1234 567', undefined, /equal halves/],
    ['48P YU 12345', undefined, /equal halves/],
    ['48P YU 123456 654321', undefined, /equal halves/],
    ['48P AU 123 456', undefined, /does not exist in zone 48/],
    ['48P YW 123 456', undefined, /Cannot read/],
    ['48P YG 123 456', undefined, /does not lie in latitude band P/],
    ['ZAB3114205767', undefined, /UPS/],
    ['nonsense', undefined, /Cannot read/],
    ['YU123456', '48', /grid zone designator/],
  ])('refuses %j (grid zone %s)', (text, gridZone, message) => {
    expect(failed(parseMgrs(text, { gridZone })).en).toMatch(message);
  });
});

describe('parseCoordinate picks the notation from the text', () => {
  it.each([
    ['12.4025, 107.8541', 'dd'],
    [`12°24'31.5"N 107°51'14.8"E`, 'dms'],
    ['12 24 31.5 N 107 51 14.8 E', 'dms'],
    ['48P 812345 1371234', 'utm'],
    ['48P YU 123 456', 'mgrs'],
    ['YU123456', 'mgrs'],
    ['X=1371234.56 Y=445678.9', 'vn2000'],
  ])('%s → %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });

  it('parses with the options it needs', () => {
    expect(ok(parseCoordinate('X=1371234.56 Y=445678.9', { crs: 'EPSG:9218' })).source.format).toBe('vn2000');
    expect(failed(parseCoordinate('X=1371234.56 Y=445678.9')).en).toMatch(/VN-2000 zone/);
    expect(ok(parseCoordinate('YU123456', { gridZone: '48P' })).source).toMatchObject({ datum: 'WGS 84' });
    expect(ok(parseCoordinate('YU123456', { gridZone: '48P', format: 'mgrs-indian1960' })).source).toMatchObject({
      datum: 'Indian 1960',
    });
    expect(failed(parseCoordinate('???')).en).toMatch(/Unrecognised/);
  });
});
