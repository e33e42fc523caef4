// Spreadsheets (.xlsx, .ods) → layers, one per sheet, through the same column rules as CSV. What
// people's sheets look like decides the rules: a title merged across the top, the header a few rows
// down (found from the content, or the row the user names), sometimes a second header row under a
// merged group ("Toạ độ VN-2000" over "X" and "Y"), cells merged down a group of rows (a village name
// for all its graves), empty separator rows, coordinates typed as numbers or as text with a decimal
// comma, dates as date cells.
import type { PropValue } from '../../shared/model';
import { guessCoordinateColumns, numberOf, tableCrs } from './coordinate-columns';
import { importError } from './errors';
import type { CsvOptions } from './read-csv';
import { readOdsSheets } from './read-ods';
import { readXlsxSheets } from './read-xlsx';
import { type Cell, columnLetters, type Sheet } from './sheet-cells';
import type { SourceDataset, SourceFeature, SourceLayer } from './types';

type Msg = { vi: string; en: string };

/** Cells a merged range may spread its value over, in all sheets: a guard against absurd ranges. */
const MAX_MERGE_FILL = 20_000_000;

const isTextRow = (cells: Map<number, Cell>) => [...cells.values()].every((c) => c.t === 'text');

/** The header: the row the user named, or the first row (of the first 30) that looks like one. */
function findHeader(sheet: Sheet, asked: number | undefined): number | null {
  const numbers = [...sheet.rows.keys()].sort((a, b) => a - b);
  if (asked !== undefined) return asked;
  const head = numbers.slice(0, 30);
  const widest = Math.max(0, ...head.map((r) => sheet.rows.get(r)!.size));
  // A title is one (merged) cell; a header names at least half of the columns the data fills.
  const hit = head.find((r) => {
    const cells = sheet.rows.get(r)!;
    return cells.size >= 2 && cells.size * 2 >= widest && isTextRow(cells);
  });
  return hit ?? numbers[0] ?? null;
}

function mergedValue(sheet: Sheet, maxRow: number, maxCol: number, budget: { left: number }, fileName: string): Map<number, Map<number, Cell>> {
  const filled = new Map<number, Map<number, Cell>>();
  for (const m of sheet.merges) {
    const v = sheet.rows.get(m.r0)?.get(m.c0);
    if (!v) continue;
    for (let r = m.r0; r <= Math.min(m.r1, maxRow); r++)
      for (let c = m.c0; c <= Math.min(m.c1, maxCol); c++) {
        if (r === m.r0 && c === m.c0) continue;
        if (--budget.left < 0)
          throw importError(fileName, `trang "${sheet.name}": vùng gộp ô quá lớn.`, `sheet "${sheet.name}": merged ranges too large.`, { code: 'too_large' });
        let row = filled.get(r);
        if (!row) filled.set(r, (row = new Map()));
        row.set(c, v);
      }
  }
  return filled;
}

function sheetLayer(fileName: string, sheet: Sheet, opts: CsvOptions, budget: { left: number }, warnings: Msg[]): SourceLayer | null {
  const headerRow = findHeader(sheet, opts.headerRow);
  if (headerRow === null) return null;
  const maxRow = Math.max(...sheet.rows.keys());
  let maxCol = 0;
  for (const cells of sheet.rows.values()) for (const c of cells.keys()) if (c > maxCol) maxCol = c;
  maxCol = Math.min(maxCol, 16_384);
  const filled = mergedValue(sheet, maxRow, maxCol, budget, fileName);
  const at = (r: number, c: number): Cell | undefined => sheet.rows.get(r)?.get(c) ?? filled.get(r)?.get(c);
  const where = (r: number, c: number) => `"${sheet.name}"!${columnLetters(c)}${r}`;

  // Column names: the header's text; under a group merged across columns, the next row's text too.
  const groups = new Set<number>();
  for (const m of sheet.merges) if (m.r0 <= headerRow && m.r1 >= headerRow && m.c1 > m.c0) for (let c = m.c0; c <= m.c1; c++) groups.add(c);
  const next = sheet.rows.get(headerRow + 1);
  const subHeader = !!next && groups.size > 0 && isTextRow(next) && [...next.keys()].every((c) => groups.has(c));
  const firstData = subHeader ? headerRow + 2 : headerRow + 1;
  const names: string[] = [];
  const used = new Set<string>();
  const columns: { col: number; name: string }[] = [];
  for (let c = 1; c <= maxCol; c++) {
    const top = at(headerRow, c);
    const sub = subHeader ? next.get(c) : undefined;
    let name = [top, sub]
      .filter((x): x is Cell => !!x)
      .map((x) => String(x.v).replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join(' ');
    if (sub && top && groups.has(c)) name = String(sub.v).trim();
    if (!name) {
      let hasData = false;
      for (const [r, cells] of sheet.rows) if (r >= firstData && cells.has(c)) hasData = true;
      if (!hasData) continue;
      name = `Cột ${columnLetters(c)}`;
    }
    let unique = name;
    for (let k = 2; used.has(unique); k++) unique = `${name} (${k})`;
    used.add(unique);
    names.push(unique);
    columns.push({ col: c, name: unique });
  }

  // The first data rows' values, as numbers, tell coordinate columns from the others (and metres from degrees).
  const firstRows = [...sheet.rows.keys()].filter((r) => r >= firstData).sort((a, b) => a - b).slice(0, 200);
  const sample = (name: string) => {
    const col = columns.find((c) => c.name === name)?.col;
    if (col === undefined) return [];
    return firstRows
      .map((r) => at(r, col))
      .filter((c): c is Cell => !!c && !(c.t === 'text' && c.v.trim() === ''))
      .map((c) => (c.t === 'number' ? c.v : c.t === 'text' ? numberOf(c.v) : NaN));
  };
  const cols = guessCoordinateColumns(names, sample, { east: opts.eastField, north: opts.northField });
  const { east, north } = cols;
  for (const f of [east, north])
    if (f && !names.includes(f)) throw importError(fileName, `trang "${sheet.name}" không có cột "${f}" (dòng tiêu đề ${headerRow}).`, `sheet "${sheet.name}" has no column "${f}" (header row ${headerRow}).`);
  const eastCol = columns.find((c) => c.name === east)?.col;
  const northCol = columns.find((c) => c.name === north)?.col;

  const coordinate = (r: number, col: number, name: string): number => {
    const cell = at(r, col);
    const n = cell?.t === 'number' ? cell.v : cell?.t === 'text' ? numberOf(cell.v) : NaN;
    if (!Number.isFinite(n)) {
      const shown = cell ? String(cell.v) : '';
      throw importError(
        fileName,
        `ô ${where(r, col)} (cột "${name}"): toạ độ "${shown}" không phải số${cell?.t === 'error' ? ' (ô lỗi hoặc công thức chưa có giá trị)' : ''}.`,
        `cell ${where(r, col)} (column "${name}"): coordinate "${shown}" is not a number${cell?.t === 'error' ? ' (an error cell, or a formula with no saved value)' : ''}.`,
        { row: r },
      );
    }
    return n;
  };

  const features: SourceFeature[] = [];
  let errorCells = 0;
  const rowNumbers = [...sheet.rows.keys()].filter((r) => r >= firstData).sort((a, b) => a - b);
  for (const r of rowNumbers) {
    const own = sheet.rows.get(r)!;
    if (![...own.keys()].some((c) => columns.some((x) => x.col === c))) continue;
    const props: Record<string, PropValue> = {};
    for (const { col, name } of columns) {
      if (col === eastCol || col === northCol) continue;
      const cell = at(r, col);
      if (cell?.t === 'error') errorCells++;
      props[name] = !cell || cell.t === 'error' ? null : cell.v;
    }
    const geometry = eastCol && northCol ? { type: 'Point' as const, coordinates: [coordinate(r, eastCol, east!), coordinate(r, northCol, north!)] } : null;
    features.push({ row: r, geometry, props });
  }
  if (errorCells)
    warnings.push({
      vi: `Trang "${sheet.name}": ${errorCells} ô lỗi (#N/A, #DIV/0!, …) được nhập là trống.`,
      en: `Sheet "${sheet.name}": ${errorCells} error cells (#N/A, #DIV/0!, …) are imported as empty.`,
    });
  const headerNote: Msg = { vi: `Dòng tiêu đề: ${headerRow}${subHeader ? ` và ${headerRow + 1}` : ''}.`, en: `Header row: ${headerRow}${subHeader ? ` and ${headerRow + 1}` : ''}.` };
  return {
    name: sheet.name,
    crs: tableCrs(cols, [headerNote]),
    ...(east && north ? { coordinates: { east, north, units: cols.units } } : {}),
    fields: names.filter((f) => f !== east && f !== north),
    features,
  };
}

export function readSpreadsheet(fileName: string, bytes: Uint8Array, kind: 'xlsx' | 'ods', opts: CsvOptions = {}): SourceDataset {
  const { sheets, warnings } = kind === 'ods' ? readOdsSheets(fileName, bytes) : readXlsxSheets(fileName, bytes);
  const budget = { left: MAX_MERGE_FILL };
  const all = [...warnings];
  const layers = sheets.filter((s) => s.rows.size > 0).map((s) => sheetLayer(fileName, s, opts, budget, all)).filter((l): l is SourceLayer => !!l);
  if (!layers.length) throw importError(fileName, 'bảng tính không có dữ liệu.', 'the spreadsheet holds no data.');
  return { fileName, format: kind, warnings: all, layers };
}
