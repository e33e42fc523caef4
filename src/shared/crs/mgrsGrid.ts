/*
 * MGRS 100 km square letters, written out for the Everest 1830 grid of Indian 1960 maps,
 * which the `mgrs` package (WGS 84 only) cannot decode.
 *
 * Two letterings exist. GEOTRANS (MGRS.cpp, getGridValues) uses the old "AL" row lettering,
 * rows shifted by 1,000 km, only for the Clarke 1866, Clarke 1880, Bessel 1841 and
 * Bessel-Namibia ellipsoids; every other ellipsoid, Everest 1830 (code EA, datums ING-A/ING-B)
 * included, uses the standard "AA" lettering. War-era Vietnam references agree: Khe Sanh is
 * "XD", the Ia Drang LZ X-Ray "YA", which is what AA gives there and AL does not. So Indian 1960
 * uses AA here; AL is kept only so the choice is explicit and testable.
 */
export type MgrsLettering = 'AA' | 'AL';

const COLUMN_LETTERS = ['ABCDEFGH', 'JKLMNPQR', 'STUVWXYZ'];
const ROW_LETTERS = 'ABCDEFGHJKLMNPQRSTUV';
const ROW_CYCLE_M = 2_000_000;

const setOf = (zone: number) => ((zone - 1) % 6) + 1;

function rowOffset(zone: number, lettering: MgrsLettering): number {
  const even = setOf(zone) % 2 === 0;
  if (lettering === 'AA') return even ? 5 : 0;
  return even ? 15 : 10;
}

export function columnLettersOfZone(zone: number): string {
  return COLUMN_LETTERS[(setOf(zone) - 1) % 3];
}

export function hundredKmLetters(zone: number, easting: number, northing: number, lettering: MgrsLettering): string {
  const column = Math.floor(easting / 100_000);
  if (column < 1 || column > 8) throw new RangeError(`Easting ${easting} is outside a UTM zone`);
  const row = (((Math.floor(northing / 100_000) + rowOffset(zone, lettering)) % 20) + 20) % 20;
  return columnLettersOfZone(zone)[column - 1] + ROW_LETTERS[row];
}

/**
 * Easting of the square's west edge, and its northing modulo the 2,000 km letter cycle;
 * undefined when a letter does not exist in this zone's set.
 */
export function hundredKmSquareOrigin(
  zone: number,
  letters: string,
  lettering: MgrsLettering,
): { easting: number; northingInCycle: number } | undefined {
  const column = columnLettersOfZone(zone).indexOf(letters[0]);
  const row = ROW_LETTERS.indexOf(letters[1]);
  if (column < 0 || row < 0 || letters.length !== 2) return undefined;
  const rowIndex = (((row - rowOffset(zone, lettering)) % 20) + 20) % 20;
  return { easting: (column + 1) * 100_000, northingInCycle: rowIndex * 100_000 };
}

/** The one northing in the letter cycle that lies at or above the band's lowest 100 km line. */
export function unwrapNorthing(northingInCycle: number, bandMinNorthing: number): number {
  const floor = Math.floor(bandMinNorthing / 100_000) * 100_000;
  let northing = northingInCycle;
  while (northing < floor) northing += ROW_CYCLE_M;
  return northing;
}
