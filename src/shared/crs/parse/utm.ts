import type { CrsDatum } from '../catalogue';
import { utmToDatumLonLat, utmToWgs84, wgs84ToUtm } from '../utmOnDatum';
import { bandLatitudes } from '../utmZone';
import { parseLocaleNumber } from './number';
import { fail, type LonLat, type ParseResult } from './result';

/** How far outside its latitude band a position may fall and still be accepted (GPS rounding, datum shift). */
const BAND_TOLERANCE_DEG = 0.05;

type Hemisphere = { south: boolean; band?: string };

/**
 * "48P": a latitude band; "48N": band N or the northern hemisphere, north either way;
 * "48S": band S (32–40°N) if the northing lies there, otherwise the southern hemisphere,
 * as many GPS and GIS tools write it.
 */
function hemisphereOf(letter: string, zone: number, northing: number, datum: CrsDatum, easting: number): Hemisphere | undefined {
  if (letter === 'N') return { south: false };
  const band = bandLatitudes(letter);
  if (!band) return undefined;
  const south = band.south < 0;
  const [, lat] = utmToDatumLonLat(zone, south, datum, [easting, northing]);
  const inBand = lat >= band.south - BAND_TOLERANCE_DEG && lat <= band.north + BAND_TOLERANCE_DEG;
  if (inBand) return { south, band: letter };
  if (letter === 'S') return { south: true };
  return undefined;
}

/** "48P 812345 1371234" or "48N 812345 1371234": zone, band or hemisphere, easting, northing. */
export function parseUtm(text: string, { datum = 'WGS 84' }: { datum?: CrsDatum } = {}): ParseResult {
  const match = /^(\d{1,2})\s*([A-Z])\s+(.+)$/.exec(text.normalize('NFC').trim().toUpperCase());
  const parts = match?.[3].split(/\s*;\s*|,\s+|\s+/);
  if (!match || parts?.length !== 2) {
    return fail(
      `Không đọc được "${text}" thành toạ độ UTM (ví dụ 48P 812345 1371234)`,
      `Cannot read "${text}" as UTM (e.g. 48P 812345 1371234)`,
    );
  }
  const zone = Number(match[1]);
  const easting = parseLocaleNumber(parts[0].replace(/M?E?$/, ''));
  const northing = parseLocaleNumber(parts[1].replace(/M?N?$/, ''));
  if (zone < 1 || zone > 60) return fail('Múi UTM phải từ 1 đến 60', 'UTM zone must be 1–60');
  if (!easting || !northing) return fail(`Số không hợp lệ trong "${text}"`, `Invalid number in "${text}"`);
  if (easting.value < 100_000 || easting.value > 900_000 || northing.value < 0 || northing.value > 10_000_000) {
    return fail(
      'Toạ độ UTM ngoài phạm vi (Đông 100.000–900.000 m, Bắc 0–10.000.000 m); có thể hai số bị đảo',
      'UTM value out of range (easting 100,000–900,000 m, northing 0–10,000,000 m); the two numbers may be swapped',
    );
  }
  const hemisphere = hemisphereOf(match[2], zone, northing.value, datum, easting.value);
  if (!hemisphere) {
    return fail(
      `Toạ độ Bắc ${northing.value} không thuộc dải vĩ độ ${match[2]} của múi ${zone}`,
      `Northing ${northing.value} does not lie in latitude band ${match[2]} of zone ${zone}`,
    );
  }
  const lonLat = utmToWgs84(zone, hemisphere.south, datum, [easting.value, northing.value]);
  return {
    ok: true,
    lonLat,
    source: {
      format: 'utm',
      datum,
      zone,
      hemisphere: hemisphere.south ? 'S' : 'N',
      band: hemisphere.band,
      easting: easting.value,
      northing: northing.value,
    },
    precisionM: 10 ** -Math.min(easting.decimals, northing.decimals),
  };
}

/** "48P 812345 1371234" to the metre; the band letter comes from the latitude on the grid's datum. */
export function formatUtm(lonLat: LonLat, { datum = 'WGS 84', zone }: { datum?: CrsDatum; zone?: number } = {}): string {
  const utm = wgs84ToUtm(lonLat, datum, zone);
  const letter = utm.band ?? (utm.south ? 'S' : 'N');
  return `${utm.zone}${letter} ${Math.round(utm.easting)} ${Math.round(utm.northing)}`;
}
