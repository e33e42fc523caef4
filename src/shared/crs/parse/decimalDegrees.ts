import { parseLatLon } from './latLon';
import type { LonLat, ParseResult } from './result';

/** "12.4025, 107.8541", "12.4025N 107.8541E", "12,4025 107,8541" (decimal comma). */
export const parseDecimalDegrees = (text: string): ParseResult => parseLatLon(text, 'dd');

/** "12.402500, 107.854100" (lat, lon as map apps write it) or "12.402500N 107.854100E". */
export function formatDecimalDegrees(
  [lon, lat]: LonLat,
  { decimals = 6, hemisphere = false }: { decimals?: number; hemisphere?: boolean } = {},
): string {
  if (!hemisphere) return `${lat.toFixed(decimals)}, ${lon.toFixed(decimals)}`;
  return `${Math.abs(lat).toFixed(decimals)}${lat < 0 ? 'S' : 'N'} ${Math.abs(lon).toFixed(decimals)}${lon < 0 ? 'W' : 'E'}`;
}
