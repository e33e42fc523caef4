// Which columns of a table hold the coordinates, and how a typed coordinate becomes a number.
// Vietnamese surveyors write X for the NORTHING and Y for the EASTING: a column named X is read as
// northing unless its values say otherwise (a 6-digit easting under "X" is the international habit,
// and is swapped with a note), and the preview says so plainly. Columns named nothing we know are
// found from their values: 7-digit northings (0.9–2.7 million m) with 6-digit eastings, or latitudes
// (6–24°) with longitudes (101.5–118°).
import { foldKey } from '../../shared/text/fold';

const EAST = ['lon', 'lng', 'long', 'longitude', 'kinhdo', 'easting', 'east', 'e', 'y', 'toadoy', 'yvn2000', 'ym', 'dong', 'toadodong', 'ydong'];
const NORTH = ['lat', 'latitude', 'vido', 'northing', 'north', 'n', 'x', 'toadox', 'xvn2000', 'xm', 'bac', 'toadobac', 'xbac'];

const GEOGRAPHIC_NAMES = new Set(['lon', 'lng', 'long', 'longitude', 'kinhdo', 'lat', 'latitude', 'vido']);

export type CoordinateUnits = 'degrees' | 'metres';
type ValueClass = 'lat' | 'lon' | 'northing' | 'easting';

type Msg = { vi: string; en: string };

export interface CoordinateColumns {
  east: string | null;
  north: string | null;
  /** What the values are, when they say it (every sampled value in one range). */
  units: CoordinateUnits | null;
  /** How the columns were found: the user's choice, their names, or their values alone. */
  how: 'user' | 'named' | 'values' | 'none';
  notes: Msg[];
}

/** Columns named like coordinates (X/Y, Bắc/Đông, lat/lon, kinh độ/vĩ độ…), by name alone. */
export function namedCoordinateColumns(fields: string[]): { east: string | null; north: string | null } {
  const find = (names: string[]) => {
    for (const n of names) {
      const hit = fields.find((f) => foldKey(f) === n);
      if (hit) return hit;
    }
    return null;
  };
  return { east: find(EAST), north: find(NORTH) };
}

/** The range every value falls in, or null (mixed, empty, or not numbers). */
export function classifyValues(values: readonly number[]): ValueClass | null {
  if (!values.length || values.some((v) => !Number.isFinite(v))) return null;
  const all = (lo: number, hi: number) => values.every((v) => v >= lo && v <= hi);
  // Degrees carry decimals: a column of small whole numbers (a count, a row number) is not a latitude.
  const fractional = values.some((v) => !Number.isInteger(v));
  if (all(6, 24) && fractional) return 'lat';
  if (all(101.5, 118) && fractional) return 'lon';
  if (all(900_000, 2_700_000)) return 'northing';
  if (all(100_000, 899_999.999)) return 'easting';
  return null;
}

const unitsOf = (c: ValueClass | null): CoordinateUnits | null => (c === 'lat' || c === 'lon' ? 'degrees' : c === 'northing' || c === 'easting' ? 'metres' : null);

/**
 * The coordinate columns: the user's, else the named ones (swapped when their values say X holds
 * the easting), else the one pair of columns whose values are a northing and an easting (or a
 * latitude and a longitude). `sample` gives a column's first values as numbers (NaN when not one).
 */
export function guessCoordinateColumns(fields: string[], sample: (field: string) => number[], user: { east?: string; north?: string } = {}): CoordinateColumns {
  if (user.east || user.north) {
    const named = namedCoordinateColumns(fields);
    const east = user.east ?? named.east;
    const north = user.north ?? named.north;
    const units = east && north ? unitsOf(classifyValues(sample(north))) : null;
    return { east, north, units, how: 'user', notes: axisNotes(east, north) };
  }
  const named = namedCoordinateColumns(fields);
  if (named.east && named.north) {
    const ce = classifyValues(sample(named.east));
    const cn = classifyValues(sample(named.north));
    if ((cn === 'easting' && ce === 'northing') || (cn === 'lon' && ce === 'lat')) {
      const swapped: Msg = {
        vi: `Giá trị cột "${named.north}" là toạ độ Đông và cột "${named.east}" là toạ độ Bắc (cách ghi quốc tế): đã đổi chỗ hai cột. Nếu sai, hãy chọn lại cột X và Y.`,
        en: `Column "${named.north}" holds eastings and "${named.east}" northings (the international habit): the two were swapped. If that is wrong, choose the X and Y columns.`,
      };
      return { east: named.north, north: named.east, units: unitsOf(ce), how: 'named', notes: [...axisNotes(named.north, named.east), swapped] };
    }
    // Columns named lat/lon (kinh độ/vĩ độ) are degrees even when a row is off (a swapped row is then refused by its number).
    const byName = GEOGRAPHIC_NAMES.has(foldKey(named.east)) && GEOGRAPHIC_NAMES.has(foldKey(named.north)) ? 'degrees' : null;
    const units = cn !== null && unitsOf(cn) === unitsOf(ce) ? unitsOf(cn) : byName;
    return { east: named.east, north: named.north, units, how: 'named', notes: axisNotes(named.east, named.north) };
  }
  const byClass = new Map<ValueClass, string[]>();
  for (const f of fields) {
    const c = classifyValues(sample(f));
    if (c) byClass.set(c, [...(byClass.get(c) ?? []), f]);
  }
  const one = (c: ValueClass) => (byClass.get(c)?.length === 1 ? byClass.get(c)![0]! : null);
  const pair = one('northing') && one('easting') ? ([one('easting')!, one('northing')!, 'metres'] as const) : one('lat') && one('lon') ? ([one('lon')!, one('lat')!, 'degrees'] as const) : null;
  if (!pair) return { east: null, north: null, units: null, how: 'none', notes: axisNotes(null, null) };
  const [east, north, units] = pair;
  const found: Msg = {
    vi: `Cột toạ độ đoán theo giá trị (${units === 'metres' ? 'số Bắc 7 chữ số, số Đông 6 chữ số' : 'vĩ độ và kinh độ'}): kiểm tra lại trong bảng dưới.`,
    en: `Coordinate columns guessed from their values (${units === 'metres' ? '7-digit northings, 6-digit eastings' : 'latitudes and longitudes'}): check them in the table below.`,
  };
  return { east, north, units, how: 'values', notes: [...axisNotes(east, north), found] };
}

/** A coordinate typed as text: "1.234.567,89" (Vietnamese thousands dots, decimal comma), "1234567,89", "1 360 123.5". NaN when it is not one. */
export function numberOf(s: string): number {
  const t = s.trim().replace(/\s/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) || /^-?\d+,\d+$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  // "1,360,123.45": English thousands commas, unambiguous once there are two groups or a decimal dot.
  if (/^-?\d{1,3}(,\d{3}){2,}(\.\d+)?$/.test(t) || /^-?\d{1,3}(,\d{3})+\.\d+$/.test(t)) return Number(t.replace(/,/g, ''));
  return t === '' ? NaN : Number(t);
}

/** What the preview says about the axes. */
export function axisNotes(east: string | null, north: string | null): { vi: string; en: string }[] {
  return [
    {
      vi: east && north ? `Toạ độ: cột "${north}" là X (Bắc, northing), cột "${east}" là Y (Đông, easting).` : 'Không tìm thấy cột toạ độ: hãy chọn cột X (Bắc) và Y (Đông).',
      en: east && north ? `Coordinates: column "${north}" is X (northing), "${east}" is Y (easting).` : 'No coordinate columns found: choose the X (northing) and Y (easting) columns.',
    },
  ];
}

/** The reader's CRS for a table of coordinates: degrees are GPS (WGS 84); metres wait for the project's zone (guess-crs.ts). */
export function tableCrs(cols: CoordinateColumns, extraNotes: Msg[] = []) {
  const notes = [...extraNotes, ...cols.notes];
  if (cols.units === 'degrees')
    return {
      code: 'EPSG:4326',
      how: 'guessed' as const,
      said: `${cols.north}/${cols.east}`,
      notes: [...notes, { vi: 'Giá trị là độ (vĩ độ, kinh độ): đoán là WGS 84 (GPS).', en: 'The values are degrees (latitude, longitude): guessed WGS 84 (GPS).' }],
    };
  return { code: null, how: 'none' as const, notes };
}
