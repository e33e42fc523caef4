import { findCrs, type CrsDef } from '../catalogue';
import { fromWgs84, toWgs84 } from '../register';
import { EASTING_RANGE, NORTHING_RANGE, readPlanePair, within } from './planeText';
import { fail, type LonLat, type ParseResult } from './result';

/*
 * Plausible VN-2000 plane coordinates for Vietnam, TM-3 and UTM alike: northings from
 * about 0.9 million (Cà Mau, 8.5°N) to 2.6 million (Hà Giang, 23.4°N), eastings from the
 * zone edges. The two ranges overlap only between 800,000 and 900,000 m, which is what lets a
 * swapped pair be caught and an unlabelled one be read (see planeText.ts).
 */

export type Vn2000XY = { /** northing */ x: number; /** easting */ y: number };

function resolveCrs(crs: CrsDef | string): CrsDef | undefined {
  const def = typeof crs === 'string' ? findCrs(crs) : crs;
  return def && def.datum === 'VN-2000' && def.kind === 'projected' ? def : undefined;
}

const decimalsOf = (value: number) => (String(value).split('.')[1] ?? '').length;

/**
 * VN-2000 plane coordinates, X = northing, Y = easting (the Vietnamese convention), either as
 * numbers or as text: labelled in either order ("X=1371234.56 Y=445678.9", "Y (Đông) = … X (Bắc) = …",
 * "…mE …mN") or unlabelled, told apart by size ("1381500,5 432800,25"); see planeText.ts.
 */
export function parseVn2000XY(input: string | Vn2000XY, crs: CrsDef | string): ParseResult {
  const def = resolveCrs(crs);
  if (!def) {
    return fail(
      'Cần chọn một hệ toạ độ phẳng VN-2000 (múi chiếu TM-3 hoặc UTM)',
      'Choose a VN-2000 projected CRS (TM-3 or UTM zone)',
    );
  }
  let x: number;
  let y: number;
  let precisionM: number;
  if (typeof input === 'string') {
    const pair = readPlanePair(input);
    if (!('x' in pair)) return fail(pair.vi, pair.en);
    const [px, py] = [pair.x, pair.y];
    [x, y] = [px.value, py.value];
    precisionM = 10 ** -Math.min(px.decimals, py.decimals);
  } else {
    ({ x, y } = input);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return fail('X, Y phải là số', 'X and Y must be numbers');
    precisionM = Math.max(10 ** -Math.min(decimalsOf(x), decimalsOf(y)), 0.001);
  }
  const plausible = within(x, NORTHING_RANGE) && within(y, EASTING_RANGE);
  if (!plausible && within(x, EASTING_RANGE) && within(y, NORTHING_RANGE)) {
    return fail(
      `X=${x} và Y=${y} có vẻ bị đảo: ở Việt Nam X là toạ độ Bắc (khoảng 0,9–2,6 triệu m), Y là toạ độ Đông (khoảng 0,2–0,8 triệu m); hãy đổi chỗ hai số`,
      `X=${x} and Y=${y} look swapped: in Vietnam X is the northing (about 0.9–2.6 million m) and Y the easting (about 0.2–0.8 million m); exchange the two values`,
    );
  }
  if (!plausible) {
    return fail(
      `X=${x}, Y=${y} nằm ngoài phạm vi Việt Nam (X từ 800.000 đến 2.700.000 m, Y từ 100.000 đến 900.000 m): hãy kiểm tra lại các số`,
      `X=${x}, Y=${y} is outside Vietnam (X 800,000–2,700,000 m, Y 100,000–900,000 m): check the numbers`,
    );
  }
  const [lon, lat] = toWgs84(def, [y, x]);
  return { ok: true, lonLat: [lon, lat], source: { format: 'vn2000', crsCode: def.code, x, y }, precisionM };
}

/** WGS 84 position → VN-2000 X (northing), Y (easting) in the given zone. */
export function toVn2000XY(lonLat: LonLat, crs: CrsDef | string): Vn2000XY {
  const def = resolveCrs(crs);
  if (!def) throw new Error(`Not a VN-2000 projected CRS: ${typeof crs === 'string' ? crs : crs.code}`);
  const [y, x] = fromWgs84(def, lonLat);
  return { x, y };
}

/** "X=1371234.56 Y=445678.90": northing first, as Vietnamese survey tables list it. */
export function formatVn2000XY(lonLat: LonLat, crs: CrsDef | string, decimals = 2): string {
  const { x, y } = toVn2000XY(lonLat, crs);
  return `X=${x.toFixed(decimals)} Y=${y.toFixed(decimals)}`;
}
