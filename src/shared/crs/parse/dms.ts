import { parseLatLon } from './latLon';
import type { LonLat, ParseResult } from './result';

/** `12°24'31.5"N 107°51'14.8"E`, with ′ ″, spaces, `12 24 31.5 N`, or degrees-minutes `12°24.525'N`. */
export const parseDms = (text: string): ParseResult => parseLatLon(text);

function dmsOf(
  value: number,
  secondDecimals: number,
  ascii: boolean,
  hemispheres: [string, string],
  degreeWidth: number,
): string {
  const scale = 10 ** secondDecimals;
  // Round once on the total so 59.99″ carries into the minutes instead of printing 60.0″.
  const total = Math.round(Math.abs(value) * 3600 * scale);
  const degrees = Math.floor(total / (3600 * scale));
  const minutes = Math.floor((total % (3600 * scale)) / (60 * scale));
  const seconds = (total % (60 * scale)) / scale;
  const secondsText = seconds.toFixed(secondDecimals).padStart(secondDecimals ? secondDecimals + 3 : 2, '0');
  const [m, s] = ascii ? ["'", '"'] : ['′', '″'];
  const hemisphere = value < 0 ? hemispheres[1] : hemispheres[0];
  return `${String(degrees).padStart(degreeWidth, '0')}°${String(minutes).padStart(2, '0')}${m}${secondsText}${s}${hemisphere}`;
}

/** `12°24′09.0″N 107°51′14.8″E`; `ascii` writes ' and " for places that cannot take ′ ″. */
export function formatDms(
  [lon, lat]: LonLat,
  { secondDecimals = 1, ascii = false }: { secondDecimals?: number; ascii?: boolean } = {},
): string {
  return `${dmsOf(lat, secondDecimals, ascii, ['N', 'S'], 1)} ${dmsOf(lon, secondDecimals, ascii, ['E', 'W'], 1)}`;
}
