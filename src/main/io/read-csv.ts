// Tables with coordinate columns (CSV, or an Excel sheet saved as CSV). Vietnamese surveyors write
// X for the NORTHING and Y for the EASTING: a column named X is read as northing unless the user
// says otherwise, and the preview says so plainly.
import Papa from 'papaparse';
import { importError } from './errors';
import { toPropValue } from './props';
import { decodeText } from './text';
import type { SourceDataset, SourceFeature } from './types';

export interface CsvOptions {
  /** Column holding the easting / longitude (the Vietnamese Y). */
  eastField?: string;
  /** Column holding the northing / latitude (the Vietnamese X). */
  northField?: string;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().replace(/[^a-z0-9]/g, '');
const EAST = ['lon', 'lng', 'long', 'longitude', 'kinhdo', 'easting', 'east', 'e', 'y', 'toadoy', 'yvn2000', 'ym'];
const NORTH = ['lat', 'latitude', 'vido', 'northing', 'north', 'n', 'x', 'toadox', 'xvn2000', 'xm'];
const GEOGRAPHIC_NAMES = new Set(['lon', 'lng', 'long', 'longitude', 'kinhdo', 'lat', 'latitude', 'vido']);

export interface CsvColumns {
  east: string | null;
  north: string | null;
  /** The columns are named like degrees (lon/lat), so WGS 84 is the likely CRS. */
  geographic: boolean;
}

export function detectCoordinateColumns(fields: string[]): CsvColumns {
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

function numberOf(s: string): number {
  const t = s.trim().replace(/\s/g, '');
  // "1.234.567,89" (Vietnamese thousands dots, decimal comma) and "1234567,89".
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) || /^-?\d+,\d+$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  return t === '' ? NaN : Number(t);
}

export function readCsv(fileName: string, bytes: Uint8Array, opts: CsvOptions = {}): SourceDataset {
  const text = decodeText(fileName, bytes);
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', dynamicTyping: false });
  const bad = parsed.errors.find((e) => e.type !== 'Delimiter');
  if (bad) throw importError(fileName, `CSV hỏng: ${bad.message}.`, `malformed CSV: ${bad.message}.`, { row: (bad.row ?? 0) + 2 });
  const fields = parsed.meta.fields ?? [];
  const detected = detectCoordinateColumns(fields);
  const east = opts.eastField ?? detected.east;
  const north = opts.northField ?? detected.north;
  for (const f of [east, north]) if (f && !fields.includes(f)) throw importError(fileName, `không có cột "${f}".`, `no column "${f}".`);
  const features: SourceFeature[] = parsed.data.map((r, i) => {
    const row = i + 2; // header is line 1
    const props: Record<string, ReturnType<typeof toPropValue>> = {};
    for (const f of fields) {
      if (f === east || f === north) continue;
      const v = (r[f] ?? '').trim();
      const n = numberOf(v);
      props[f] = v === '' ? null : /^-?\d+(\.\d+)?$/.test(v) && Number.isFinite(n) && !/^0\d/.test(v) ? n : toPropValue(v);
    }
    if (!east || !north) return { row, geometry: null, props };
    const x = numberOf(r[east] ?? '');
    const y = numberOf(r[north] ?? '');
    if (!Number.isFinite(x) || !Number.isFinite(y))
      throw importError(fileName, `toạ độ không phải số (${east}="${r[east] ?? ''}", ${north}="${r[north] ?? ''}").`, `coordinates are not numbers (${east}="${r[east] ?? ''}", ${north}="${r[north] ?? ''}").`, { row });
    return { row, geometry: { type: 'Point', coordinates: [x, y] }, props };
  });
  const notes = [
    {
      vi: east && north ? `Toạ độ: cột "${north}" là X (Bắc, northing), cột "${east}" là Y (Đông, easting).` : 'Không tìm thấy cột toạ độ: hãy chọn cột X (Bắc) và Y (Đông).',
      en: east && north ? `Coordinates: column "${north}" is X (northing), "${east}" is Y (easting).` : 'No coordinate columns found: choose the X (northing) and Y (easting) columns.',
    },
  ];
  return {
    fileName,
    format: 'csv',
    warnings: [],
    layers: [
      {
        name: fileName.replace(/\.[^.]+$/, ''),
        crs: detected.geographic && !opts.eastField ? { code: 'EPSG:4326', how: 'declared', said: `${east}/${north}`, notes } : { code: null, how: 'none', notes },
        fields: fields.filter((f) => f !== east && f !== north),
        features,
      },
    ],
  };
}
