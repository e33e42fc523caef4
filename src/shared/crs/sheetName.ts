import { fromWgs84 } from './register';

const IMW_ROWS = 'ABCDEFGHIJKLMNOPQRSTUV';
const QUADRANTS = ['A', 'B', 'C', 'D'];

/**
 * Best-effort 1:50,000 sheet name of the national topographic series, e.g. "D-48-132-D" for
 * Krông Nô, following the international (Soviet-style) nomenclature: the 1:1,000,000 sheet
 * as in the International Map of the World (row letter per 4° of latitude from the equator,
 * column number per 6° of longitude from 180°W), its 144 1:100,000 sheets of 20′ × 30′
 * numbered row by row from the north-west, then the four 10′ × 15′ quadrants A (NW),
 * B (NE), C (SW), D (SE). It gives F-48-104 for Hà Nội, the sheet usually cited, but the rule
 * is NOT confirmed against an official Vietnamese index: show it as a hint, never use it as
 * a key. Sheet edges are taken on VN-2000, the series' datum. Northern hemisphere only.
 */
export function sheetName50k(lon: number, lat: number): string | undefined {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return undefined;
  const [vnLon, vnLat] = fromWgs84('EPSG:4756', [lon, lat]);
  if (!(vnLat >= 0 && vnLat < 88 && vnLon >= -180 && vnLon < 180)) return undefined;
  // Count whole 1:50,000 cells (10′ of latitude, 15′ of longitude) so that a position on a
  // sheet edge cannot fall on the wrong side by floating-point rounding.
  const row = Math.floor(vnLat * 6 + 1e-9);
  const col = Math.floor((vnLon + 180) * 4 + 1e-9);
  const rowFromNorth = 23 - (row % 24);
  const colFromWest = col % 24;
  const sheet100k = Math.floor(rowFromNorth / 2) * 12 + Math.floor(colFromWest / 2) + 1;
  const quadrant = QUADRANTS[(rowFromNorth % 2) * 2 + (colFromWest % 2)];
  return `${IMW_ROWS[Math.floor(row / 24)]}-${Math.floor(col / 24) + 1}-${sheet100k}-${quadrant}`;
}
