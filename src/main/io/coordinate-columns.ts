// Which columns of a table hold the coordinates, and how a typed coordinate becomes a number.
// Vietnamese surveyors write X for the NORTHING and Y for the EASTING: a column named X is read as
// northing unless the user says otherwise, and the preview says so plainly.

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().replace(/[^a-z0-9]/g, '');
const EAST = ['lon', 'lng', 'long', 'longitude', 'kinhdo', 'easting', 'east', 'e', 'y', 'toadoy', 'yvn2000', 'ym'];
const NORTH = ['lat', 'latitude', 'vido', 'northing', 'north', 'n', 'x', 'toadox', 'xvn2000', 'xm'];
const GEOGRAPHIC_NAMES = new Set(['lon', 'lng', 'long', 'longitude', 'kinhdo', 'lat', 'latitude', 'vido']);

export interface CoordinateColumns {
  east: string | null;
  north: string | null;
  /** The columns are named like degrees (lon/lat), so WGS 84 is the likely CRS. */
  geographic: boolean;
}

export function detectCoordinateColumns(fields: string[]): CoordinateColumns {
  const find = (names: string[]) => {
    for (const n of names) {
      const hit = fields.find((f) => fold(f) === n);
      if (hit) return hit;
    }
    return null;
  };
  const east = find(EAST);
  const north = find(NORTH);
  return { east, north, geographic: !!east && !!north && GEOGRAPHIC_NAMES.has(fold(east)) && GEOGRAPHIC_NAMES.has(fold(north)) };
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
