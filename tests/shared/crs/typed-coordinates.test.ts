// Typed coordinates as people write them: what the coordinate box must read (to the mm or to
// 1e-7°) or refuse with a sentence naming the cause and the way out, and every text the app
// itself prints (status bar, cursor readout, formatters) read back to the same position.
import { describe, expect, it } from 'vitest';
import { tm3ZoneCrs, type CrsDef } from '../../../src/shared/crs/catalogue';
import { formatDecimalDegrees } from '../../../src/shared/crs/parse/decimalDegrees';
import { formatDms } from '../../../src/shared/crs/parse/dms';
import { formatMgrs } from '../../../src/shared/crs/parse/mgrs';
import { parseCoordinate, type ParseCoordinateOptions } from '../../../src/shared/crs/parse/parseCoordinate';
import type { LonLat, ParseResult } from '../../../src/shared/crs/parse/result';
import { formatUtm } from '../../../src/shared/crs/parse/utm';
import { formatVn2000XY, toVn2000XY } from '../../../src/shared/crs/parse/vn2000XY';
import { fromWgs84 } from '../../../src/shared/crs/register';
import { en, vi } from '../../../src/renderer/i18n/dict';
import { offsetMetres } from './support';

/** Đắk Nông's TM-3 zone (108°30′), the working CRS of the Krông Nô projects. */
const DAK_NONG = 'EPSG:9218';

type Expected =
  | { xy: [number, number] } // VN-2000 X (northing), Y (easting) in metres
  | { latLon: [number, number] } // WGS 84 degrees
  | { grid: { zone: number; easting: number; northing: number } } // UTM, or an MGRS cell's south-west corner
  | { refused: [RegExp, RegExp] }; // [Vietnamese, English]

type Row = [text: string, expected: Expected, options?: ParseCoordinateOptions];

const dms = (d: number, m: number, s = 0) => d + m / 60 + s / 3600;

const ROWS: Row[] = [
  // VN-2000 X/Y: the review's two strings first.
  ['1381500,5 432800,25', { xy: [1381500.5, 432800.25] }],
  ['X (Bắc) = 1.382.553,86 m Y (Đông) = 432.056,65 m', { xy: [1382553.86, 432056.65] }],
  // The status bar's two spans copied together have no space between them.
  ['X (Bắc) = 1.382.553,86 mY (Đông) = 432.056,65 m', { xy: [1382553.86, 432056.65] }],
  ['X (North) = 1,382,553.86 m Y (East) = 432,056.65 m', { xy: [1382553.86, 432056.65] }],
  ['Y (Đông) = 432.056,65 m X (Bắc) = 1.382.553,86 m', { xy: [1382553.86, 432056.65] }],
  ['432800,25 1381500,5', { xy: [1381500.5, 432800.25] }],
  ['1381500.5, 432800.25', { xy: [1381500.5, 432800.25] }],
  ['1381500.5,432800.25', { xy: [1381500.5, 432800.25] }],
  ['1381500,5,432800,25', { xy: [1381500.5, 432800.25] }],
  ['1381500,5; 432800,25', { xy: [1381500.5, 432800.25] }],
  ['1 382 553,86 432 056,65', { xy: [1382553.86, 432056.65] }],
  ['1\u00a0382\u00a0553,86\u00a0; 432\u00a0056,65', { xy: [1382553.86, 432056.65] }],
  ['1.381.500 432.800', { xy: [1381500, 432800] }],
  ['Bắc: 1 382 553,86; Đông: 432 056,65', { xy: [1382553.86, 432056.65] }],
  ['Đông 432056.65 Bắc 1382553.86', { xy: [1382553.86, 432056.65] }],
  ['N 1382553.86 E 432056.65', { xy: [1382553.86, 432056.65] }],
  ['432056.65mE 1382553.86mN', { xy: [1382553.86, 432056.65] }],
  ['X=1382553.86 Y=432056.65', { xy: [1382553.86, 432056.65] }],
  ['x: 1382553,86  y: 432056,65', { xy: [1382553.86, 432056.65] }],
  ['VN-2000: X = 1 382 553,86 m, Y = 432 056,65 m', { xy: [1382553.86, 432056.65] }],
  ['X(m)=1382553.861 Y(m)=432056.652', { xy: [1382553.861, 432056.652] }],
  ['X=1381500,5 432800,25', { xy: [1381500.5, 432800.25] }],
  ['(1381500,5; 432800,25)', { xy: [1381500.5, 432800.25] }],
  // Cà Mau: a six-digit northing is still over 900,000 m, so the pair is told apart.
  ['962345,12 536789,9', { xy: [962345.12, 536789.9] }, { crs: tm3ZoneCrs(104.5) }],
  ['850000 820000', { refused: [/Không phân biệt được X và Y.*hãy ghi nhãn/, /Cannot tell X from Y.*label them/] }],
  ['-1381500 432800', { refused: [/không phải một cặp X, Y ở Việt Nam/, /not an X, Y pair in Vietnam/] }],
  ['1381500 432.800', { refused: [/đã đọc "432.800" là 432,8/, /"432.800" was read as 432.8; .* write 432800/] }],
  ['X=-1381500 Y=432800', { refused: [/ngoài phạm vi Việt Nam.*kiểm tra lại/, /outside Vietnam.*check the numbers/] }],
  ['X=13815000 Y=432800', { refused: [/ngoài phạm vi Việt Nam/, /outside Vietnam/] }],
  ['X=432800 Y=1381500', { refused: [/bị đảo.*đổi chỗ/, /look swapped.*exchange/] }],
  ['1 382 553 432 056', { refused: [/dấu cách vừa nhóm hàng nghìn vừa ngăn hai số/, /spaces both group thousands and separate/] }],
  ['1381500,5,432800', { refused: [/Không rõ dấu phẩy nào.*đặt dấu cách/, /Cannot tell which comma.*put a space after/] }],
  ['X=1381500 X=432800', { refused: [/Cả hai số .* đều ghi nhãn X \(Bắc\)/, /Both numbers .* are labelled X/] }],
  ['X (Đông) = 1382553 Y = 432056', { refused: [/Nhãn .* mâu thuẫn/, /labels .* contradict/] }],
  ['1381500', { refused: [/Cần hai số/, /Two numbers are needed/] }],
  ['X=1381500 Y=432800 Z=12', { refused: [/Không đọc được "Z"/, /Cannot read "Z"/] }],
  ['X=1.38.1500 Y=432800', { refused: [/Số "1.38.1500" .* không hợp lệ/, /Invalid number "1.38.1500"/] }],

  // Degrees, decimal and sexagesimal, with comma decimals and Vietnamese hemisphere letters.
  ['12,5°N 107,9°E', { latLon: [12.5, 107.9] }],
  ['N 12,5° E 107,9°', { latLon: [12.5, 107.9] }],
  ['12,5 107,9', { latLon: [12.5, 107.9] }],
  ['12,5, 107,9', { latLon: [12.5, 107.9] }],
  ['12.4025,107.8541', { latLon: [12.4025, 107.8541] }],
  ['107.8541E 12.4025N', { latLon: [12.4025, 107.8541] }],
  ['12,4025°B 107,8541°Đ', { latLon: [12.4025, 107.8541] }],
  ['WGS 84: Vĩ độ 12,402500° B, Kinh độ 107,854100° Đ', { latLon: [12.4025, 107.8541] }],
  ['WGS 84: Latitude 12.402500° N, Longitude 107.854100° E', { latLon: [12.4025, 107.8541] }],
  ['Kinh độ 107,8541; Vĩ độ 12,4025', { latLon: [12.4025, 107.8541] }],
  ['Vĩ độ: 12,4025 Kinh độ: 107,8541', { latLon: [12.4025, 107.8541] }],
  ['12,4025 Bắc 107,8541 Đông', { latLon: [12.4025, 107.8541] }],
  ['12 độ 24 phút 31,5 giây Bắc, 107 độ 51 phút 14,8 giây Đông', { latLon: [dms(12, 24, 31.5), dms(107, 51, 14.8)] }],
  ['12:24:31.5N 107:51:14.8E', { latLon: [dms(12, 24, 31.5), dms(107, 51, 14.8)] }],
  [`12°24′31.5″N 107°51′14.8″E`, { latLon: [dms(12, 24, 31.5), dms(107, 51, 14.8)] }],
  [`12°24'31,5"B 107°51'14,8"Đ`, { latLon: [dms(12, 24, 31.5), dms(107, 51, 14.8)] }],
  [`N 12°24'31.5" E 107°51'14.8"`, { latLon: [dms(12, 24, 31.5), dms(107, 51, 14.8)] }],
  [`107°51′14.8″E, 12°24′31.5″N`, { latLon: [dms(12, 24, 31.5), dms(107, 51, 14.8)] }],
  [`12°24′′31.5′′N`.replace('′′31', '′31') + ' 107°51′14.8′′E', { latLon: [dms(12, 24, 31.5), dms(107, 51, 14.8)] }],
  [`12°24.525'N 107°51.2467'E`, { latLon: [dms(12, 24.525), dms(107, 51.2467)] }],
  // The 60 boundary: 59.999 is read, 60 is refused, for minutes and for seconds.
  [`12°24'59.999"N 107°51'14.8"E`, { latLon: [dms(12, 24, 59.999), dms(107, 51, 14.8)] }],
  [`12°59.999'N 107°51'E`, { latLon: [dms(12, 59.999), dms(107, 51)] }],
  [`12°59'59,999"B 107°51'14,8"Đ`, { latLon: [dms(12, 59, 59.999), dms(107, 51, 14.8)] }],
  [`12°24'60"N 107°51'14.8"E`, { refused: [/nhỏ hơn 60.*hãy cộng/, /below 60.*carry/] }],
  [`12°24'60.0"N 107°51'14.8"E`, { refused: [/nhỏ hơn 60/, /below 60/] }],
  [`12°60'N 107°51'E`, { refused: [/nhỏ hơn 60/, /below 60/] }],
  [`12°60'00"N 107°51'14.8"E`, { refused: [/nhỏ hơn 60/, /below 60/] }],
  ['12,5,107', { refused: [/Không rõ dấu phẩy nào.*là dấu thập phân/, /Cannot tell which comma.*decimal mark/] }],
  ['95.5, 200.1', { refused: [/Ngoài phạm vi.*kiểm tra lại/, /Out of range.*check the numbers/] }],
  ['-12.4025S 107.8541E', { refused: [/Dấu âm/, /Minus sign/] }],
  ['12.4025N 107.8541N', { refused: [/cùng là vĩ độ.*hãy ghi một vĩ độ/, /Both values are latitudes.*write one latitude/] }],
  ['Vĩ độ 12,4° Đ, Kinh độ 107°', { refused: [/mâu thuẫn với nhãn/, /contradicts its label/] }],

  // UTM and MGRS: grid metres to the mm.
  ['48P 812345 1371234', { grid: { zone: 48, easting: 812345, northing: 1371234 } }],
  ['48P 812345,5 1371234,25', { grid: { zone: 48, easting: 812345.5, northing: 1371234.25 } }],
  ['48N 812345mE 1371234mN', { grid: { zone: 48, easting: 812345, northing: 1371234 } }],
  ['48P 1371234 812345', { refused: [/có thể hai số bị đảo/, /may be swapped/] }],
  ['48P YU 123 456', { grid: { zone: 48, easting: 712300, northing: 1345600 } }],
  ['48PYU1234545678', { grid: { zone: 48, easting: 712345, northing: 1345678 } }],
  ['YU 12345 45678', { grid: { zone: 48, easting: 712345, northing: 1345678 } }, { gridZone: '48P' }],
  ['48P YU 123 456', { grid: { zone: 48, easting: 712300, northing: 1345600 } }, { format: 'mgrs-indian1960' }],
  ['48P YU 1234 567', { refused: [/hai nửa bằng nhau/, /equal halves/] }],
];

function check(text: string, expected: Expected, options: ParseCoordinateOptions = {}): void {
  const r: ParseResult = parseCoordinate(text, { crs: DAK_NONG, ...options });
  if ('refused' in expected) {
    if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.source)}`);
    expect(r.error.vi).toMatch(expected.refused[0]);
    expect(r.error.en).toMatch(expected.refused[1]);
    return;
  }
  if (!r.ok) throw new Error(`expected a position, got: ${r.error.en}`);
  if ('xy' in expected) {
    if (r.source.format !== 'vn2000') throw new Error(`read as ${r.source.format}`);
    expect(Math.abs(r.source.x - expected.xy[0])).toBeLessThan(5e-4);
    expect(Math.abs(r.source.y - expected.xy[1])).toBeLessThan(5e-4);
    // And the position is that point of the zone, not just the numbers.
    const back = toVn2000XY(r.lonLat, options.crs ?? DAK_NONG);
    expect(Math.abs(back.x - expected.xy[0])).toBeLessThan(1e-3);
    expect(Math.abs(back.y - expected.xy[1])).toBeLessThan(1e-3);
  } else if ('latLon' in expected) {
    expect(Math.abs(r.lonLat[1] - expected.latLon[0])).toBeLessThan(1e-7);
    expect(Math.abs(r.lonLat[0] - expected.latLon[1])).toBeLessThan(1e-7);
  } else {
    if (r.source.format !== 'utm' && r.source.format !== 'mgrs') throw new Error(`read as ${r.source.format}`);
    expect(r.source.zone).toBe(expected.grid.zone);
    expect(Math.abs(r.source.easting - expected.grid.easting)).toBeLessThan(5e-4);
    expect(Math.abs(r.source.northing - expected.grid.northing)).toBeLessThan(5e-4);
  }
}

describe('typed coordinates as people write them', () => {
  it('has the table the review asked for', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(ROWS)('%s', (text, expected, options) => check(text, expected, options));
});

/**
 * The status bar as `src/renderer/components/Workspace.tsx` prints it: the dictionary's labels,
 * numbers through `Intl.NumberFormat` in the interface's locale (vi-VN groups with dots,
 * en-GB with commas), each value in its own span.
 */
function statusBar(lang: 'vi' | 'en', xy: number[], [lon, lat]: LonLat) {
  const t = lang === 'vi' ? vi : en;
  const format = (n: number, d: number) =>
    new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: d, maximumFractionDigits: d }).format(n);
  const deg = (v: number, pos: string, neg: string) => `${format(Math.abs(v), 6)}° ${v >= 0 ? pos : neg}`;
  const x = `${t['status.x']} = ${format(xy[1], 2)} m`;
  const y = `${t['status.y']} = ${format(xy[0], 2)} m`;
  return {
    planeTexts: [`${x} ${y}`, `${x}${y}`, `${x}\t${y}`],
    wgs84: `WGS 84: ${t['status.lat']} ${deg(lat, t['status.north'], t['status.south'])}, ${t['status.lon']} ${deg(lon, t['status.east'], t['status.west'])}`,
  };
}

const PLACES: Array<{ name: string; lonLat: LonLat; crs: string | CrsDef }> = [
  { name: 'Krông Nô, TM-3 108°30′', lonLat: [107.8541, 12.4025], crs: DAK_NONG },
  { name: 'Krông Nô, UTM 48N on VN-2000', lonLat: [107.8541, 12.4025], crs: 'EPSG:3405' },
  { name: 'Hà Giang, TM-3 105°30′', lonLat: [104.9836, 22.8233], crs: tm3ZoneCrs(105.5) },
  { name: 'Hà Nội, TM-3 105°00′', lonLat: [105.8542, 21.0285], crs: tm3ZoneCrs(105) },
  { name: 'Mũi Cà Mau, TM-3 104°30′', lonLat: [104.7227, 8.6153], crs: tm3ZoneCrs(104.5) },
];

const codeOf = (crs: string | CrsDef) => (typeof crs === 'string' ? crs : crs.code);

describe.each(PLACES)('what the app prints reads back to the same position: $name', ({ lonLat, crs }) => {
  const xy = fromWgs84(typeof crs === 'string' ? crs : crs, lonLat);
  const read = (text: string, options: ParseCoordinateOptions = {}) => {
    const r = parseCoordinate(text, { crs, ...options });
    if (!r.ok) throw new Error(`${text}: ${r.error.en}`);
    return r;
  };
  const plane = (text: string) => {
    const r = read(text);
    if (r.source.format !== 'vn2000') throw new Error(`${text} read as ${r.source.format}`);
    expect(r.source.crsCode).toBe(codeOf(crs));
    // Printed to the cm, read to the cm.
    expect(Math.abs(r.source.x - Number(xy[1].toFixed(2)))).toBeLessThan(1e-6);
    expect(Math.abs(r.source.y - Number(xy[0].toFixed(2)))).toBeLessThan(1e-6);
  };
  const degreesWithin = (text: string, toleranceDeg: number, options?: ParseCoordinateOptions) => {
    const r = read(text, options);
    expect(Math.abs(r.lonLat[0] - lonLat[0])).toBeLessThanOrEqual(toleranceDeg);
    expect(Math.abs(r.lonLat[1] - lonLat[1])).toBeLessThanOrEqual(toleranceDeg);
  };
  const metresWithin = (text: string, metres: number, options?: ParseCoordinateOptions) =>
    expect(offsetMetres(read(text, options).lonLat, lonLat).total).toBeLessThan(metres);

  it.each(['vi', 'en'] as const)('status bar (%s): X/Y spans, however copied, and the WGS 84 span', (lang) => {
    const status = statusBar(lang, xy, lonLat);
    for (const text of status.planeTexts) plane(text);
    degreesWithin(status.wgs84, 0.5e-6 + 1e-12);
  });

  it('cursor readout and formatters: VN-2000, degrees, DMS, UTM, MGRS', () => {
    plane(formatVn2000XY(lonLat, crs));
    plane(`X=${xy[1].toFixed(2)} Y=${xy[0].toFixed(2)}`); // CursorReadout's own template
    degreesWithin(formatDecimalDegrees(lonLat), 0.5e-6 + 1e-12);
    degreesWithin(formatDecimalDegrees(lonLat, { hemisphere: true }), 0.5e-6 + 1e-12);
    for (const secondDecimals of [0, 1, 2]) {
      const half = (0.5 * 10 ** -secondDecimals) / 3600 + 1e-12;
      degreesWithin(formatDms(lonLat, { secondDecimals }), half);
      degreesWithin(formatDms(lonLat, { secondDecimals, ascii: true }), half);
    }
    // UTM to the metre, MGRS to the 1 m cell: within half the diagonal of the rounding.
    metresWithin(formatUtm(lonLat), 0.71);
    metresWithin(formatMgrs(lonLat), 0.71);
    metresWithin(formatMgrs(lonLat, { compact: true }), 0.71);
    metresWithin(formatMgrs(lonLat, { datum: 'Indian 1960' }), 0.72, { format: 'mgrs-indian1960' });
  });
});
