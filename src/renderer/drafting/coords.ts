// Typed coordinates → the working CRS, and the cursor position in the format the user picks.
import type { CrsInfo } from '../../shared/api';
import {
  findCrs,
  formatDecimalDegrees,
  formatDms,
  formatMgrs,
  formatUtm,
  parseCoordinate,
  sheetName50k,
  type CoordinateFormat,
  type LonLat,
  type ParseResult,
} from '../../shared/crs';
import { fromLonLat, toLonLat } from '../map/projection';

export const FORMATS: readonly CoordinateFormat[] = ['vn2000', 'dd', 'dms', 'utm', 'mgrs', 'mgrs-indian1960'];
export const FORMAT_LABELS: Record<CoordinateFormat, { vi: string; en: string }> = {
  vn2000: { vi: 'VN-2000 X/Y (m)', en: 'VN-2000 X/Y (m)' },
  dd: { vi: 'Độ thập phân (WGS 84)', en: 'Decimal degrees (WGS 84)' },
  dms: { vi: 'Độ phút giây (WGS 84)', en: 'Degrees minutes seconds (WGS 84)' },
  utm: { vi: 'UTM (WGS 84)', en: 'UTM (WGS 84)' },
  mgrs: { vi: 'MGRS (WGS 84)', en: 'MGRS (WGS 84)' },
  'mgrs-indian1960': { vi: 'MGRS Indian 1960 (bản đồ L7014)', en: 'MGRS Indian 1960 (L7014 maps)' },
};

export type Placed = { ok: true; xy: number[]; result: Extract<ParseResult, { ok: true }> } | { ok: false; error: { vi: string; en: string } };

/**
 * Parses a typed position and returns it in the working CRS. VN-2000 X/Y typed in the working zone
 * itself is used as typed (X = northing, Y = easting): no round trip through WGS 84, so it lands
 * exactly where it was typed.
 */
export function placeTyped(text: string, crs: CrsInfo, format?: CoordinateFormat, gridZone?: string): Placed {
  const zone = findCrs(crs.code);
  const r = parseCoordinate(text, {
    ...(format ? { format } : {}),
    crs: zone && zone.datum === 'VN-2000' && zone.kind === 'projected' ? zone : crs.code,
    ...(gridZone ? { gridZone: gridZone.trim().toUpperCase() } : {}),
  });
  if (!r.ok) return r;
  if (r.source.format === 'vn2000' && r.source.crsCode === crs.code) return { ok: true, xy: [r.source.y, r.source.x], result: r };
  return { ok: true, xy: fromLonLat(crs.code, r.lonLat), result: r };
}

/** The cursor in a chosen format, and the 1:50,000 sheet name (a hint). */
export function formatCursor(xy: number[], crs: CrsInfo, format: CoordinateFormat): { text: string; sheet: string | undefined } {
  let lonLat: LonLat;
  try {
    lonLat = toLonLat(crs.code, xy) as LonLat;
  } catch {
    return { text: '—', sheet: undefined };
  }
  let text: string;
  try {
    switch (format) {
      case 'vn2000':
        text = `X=${xy[1]!.toFixed(2)} Y=${xy[0]!.toFixed(2)}`;
        break;
      case 'dd':
        text = formatDecimalDegrees(lonLat, { hemisphere: true });
        break;
      case 'dms':
        text = formatDms(lonLat);
        break;
      case 'utm':
        text = formatUtm(lonLat);
        break;
      case 'mgrs':
        text = formatMgrs(lonLat);
        break;
      case 'mgrs-indian1960':
        text = formatMgrs(lonLat, { datum: 'Indian 1960' });
        break;
    }
  } catch {
    text = '—';
  }
  let sheet: string | undefined;
  try {
    sheet = sheetName50k(lonLat[0], lonLat[1]);
  } catch {
    sheet = undefined;
  }
  return { text, sheet };
}
