// Tables with coordinate columns saved as CSV. Spreadsheets (.xlsx, .ods) go through
// read-spreadsheet.ts; both share the column rules of coordinate-columns.ts.
import Papa from 'papaparse';
import { guessCoordinateColumns, numberOf, tableCrs } from './coordinate-columns';
import { importError } from './errors';
import { toPropValue } from './props';
import { decodeText } from './text';
import type { SourceDataset, SourceFeature } from './types';

export interface CsvOptions {
  /** Column holding the easting / longitude (the Vietnamese Y). */
  eastField?: string;
  /** Column holding the northing / latitude (the Vietnamese X). */
  northField?: string;
  /** Spreadsheets: the 1-based row holding the column names (default: found from the content). */
  headerRow?: number;
}

export function readCsv(fileName: string, bytes: Uint8Array, opts: CsvOptions = {}): SourceDataset {
  const text = decodeText(fileName, bytes);
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', dynamicTyping: false });
  const bad = parsed.errors.find((e) => e.type !== 'Delimiter');
  if (bad) throw importError(fileName, `CSV hỏng: ${bad.message}.`, `malformed CSV: ${bad.message}.`, { row: (bad.row ?? 0) + 2 });
  const fields = parsed.meta.fields ?? [];
  // The first rows' values, as numbers, tell coordinate columns from the others (and metres from degrees).
  const head = parsed.data.slice(0, 200);
  const sample = (f: string) => head.map((r) => (r[f] ?? '').trim()).filter((v) => v !== '').map(numberOf);
  const cols = guessCoordinateColumns(fields, sample, { east: opts.eastField, north: opts.northField });
  const { east, north } = cols;
  for (const f of [east, north]) if (f && !fields.includes(f)) throw importError(fileName, `không có cột "${f}".`, `no column "${f}".`);
  const features: SourceFeature[] = parsed.data.map((r, i) => {
    const row = i + 2; // header is line 1
    const props: Record<string, ReturnType<typeof toPropValue>> = {};
    for (const f of fields) {
      if (f === east || f === north) continue;
      const v = (r[f] ?? '').trim();
      const n = numberOf(v);
      // CSV has no types: plain decimal numbers become numbers, codes with a leading zero stay text.
      props[f] = v === '' ? null : /^-?\d+(\.\d+)?$/.test(v) && Number.isFinite(n) && !/^0\d/.test(v) ? n : toPropValue(v);
    }
    if (!east || !north) return { row, geometry: null, props };
    const x = numberOf(r[east] ?? '');
    const y = numberOf(r[north] ?? '');
    if (!Number.isFinite(x) || !Number.isFinite(y))
      throw importError(fileName, `toạ độ không phải số (${east}="${r[east] ?? ''}", ${north}="${r[north] ?? ''}").`, `coordinates are not numbers (${east}="${r[east] ?? ''}", ${north}="${r[north] ?? ''}").`, { row });
    return { row, geometry: { type: 'Point', coordinates: [x, y] }, props };
  });
  return {
    fileName,
    format: 'csv',
    warnings: [],
    layers: [
      {
        name: fileName.replace(/\.[^.]+$/, ''),
        crs: tableCrs(cols),
        ...(east && north ? { coordinates: { east, north, units: cols.units } } : {}),
        fields: fields.filter((f) => f !== east && f !== north),
        features,
      },
    ],
  };
}
