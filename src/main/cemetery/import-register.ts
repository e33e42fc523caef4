// A cemetery's register from a spreadsheet (.xlsx, .ods, .csv): one martyr record per row, linked to
// its plot (links, role buried_here) by section, row and plot number, the plot marked as holding a
// known martyr; a row naming an unidentified martyr ("liệt sĩ chưa xác định được thông tin") marks
// its plot `unknown` and makes no record. All rows in one edit or none: a row that cannot be a record
// (no name, a year that is not one) refuses the whole file with the rows named; rows whose plot is
// not found are listed and, unless the user keeps them, nothing is written either.
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../shared/api-error';
import { plotKey, plotLabel } from '../../shared/cemetery/plot-key';
import { type ColumnMap, REGISTER_COLUMNS, type RegisterColumn, type UnmatchedRow } from '../../shared/contract/cemetery';
import { foldKey } from '../../shared/text/fold';
import type { Put, PropValue, Row } from '../../shared/model';
import type { SourceLayer } from '../io/types';
import type { ProjectStore } from '../store';
import { needCemetery } from './plan-edits';
import { allRows, text } from './rows';

/** Folded header spellings of each column, as registers are typed. */
const SPELLINGS: Record<RegisterColumn, string[]> = {
  full_name: ['hovaten', 'hoten', 'hotenlietsi', 'tenlietsi', 'ten', 'fullname', 'name'],
  birth_year: ['namsinh', 'nsinh', 'sinhnam', 'birthyear'],
  hometown: ['quequan', 'que', 'nguyenquan', 'hometown'],
  unit: ['donvi', 'donvihysinh', 'unit'],
  rank_position: ['capbacchucvu', 'capbac', 'chucvu', 'cbcv'],
  death_date: ['ngayhysinh', 'ngaythangnamhysinh', 'hysinh', 'namhysinh', 'deathdate'],
  death_place: ['noihysinh', 'deathplace'],
  section: ['khu', 'lo', 'section'],
  row: ['hang', 'day', 'row'],
  plot_number: ['moso', 'somo', 'mo', 'so', 'plot', 'plotnumber'],
  notes: ['ghichu', 'notes'],
};

export function guessColumns(headers: readonly string[]): ColumnMap {
  const out: ColumnMap = {};
  const used = new Set<string>();
  for (const col of REGISTER_COLUMNS) {
    const h = headers.find((x) => !used.has(x) && SPELLINGS[col].includes(foldKey(x)));
    if (h) {
      out[col] = h;
      used.add(h);
    }
  }
  return out;
}

const UNKNOWN = ['chuaxacdinh', 'khongxacdinh', 'khongrothongtin', 'chuaroten', 'vodanh', 'khongroten'];
export const isUnknownName = (name: string) => {
  const f = foldKey(name);
  return UNKNOWN.some((u) => f.includes(u));
};

export interface RegisterReport {
  rows: number;
  matched: number;
  unknown: number;
  unmatched: UnmatchedRow[];
  puts: Put[];
}

interface Line {
  row: number;
  get: (c: RegisterColumn) => PropValue;
}

function yearOf(v: PropValue): number | null | 'bad' {
  if (v === null || v === '') return null;
  const n = typeof v === 'number' ? v : /^\s*\d{4}\s*$/.test(String(v)) ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n >= 1850 && n <= 2030 ? n : 'bad';
}

/** A date cell comes as an ISO date; the register prints "12/03/1972". */
function dateText(v: PropValue): string | null {
  const s = text(v).trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : s || null;
}

function badRows(lines: Line[]): string[] {
  const bad: string[] = [];
  for (const l of lines) {
    const name = text(l.get('full_name')).trim();
    if (!name) bad.push(`dòng ${l.row}: thiếu họ tên`);
    else if (yearOf(l.get('birth_year')) === 'bad') bad.push(`dòng ${l.row}: năm sinh "${text(l.get('birth_year'))}" không phải năm`);
  }
  return bad;
}

export function planRegister(store: ProjectStore, cemeteryId: string, layer: SourceLayer, fileName: string, columns: ColumnMap, keepUnmatched: boolean): RegisterReport {
  const cemetery = needCemetery(store, cemeteryId);
  if (!columns.full_name)
    throw new ApiError('validation', 'Chưa chọn cột họ tên liệt sĩ. Hãy chọn cột đó trong bảng ghép cột rồi nhập lại.', 'No column is chosen for the martyr’s name. Choose it in the column mapping, then import again.');
  for (const [col, h] of Object.entries(columns))
    if (h && !layer.fields.includes(h))
      throw new ApiError('validation', `Bảng không có cột "${h}" (chọn cho ${col}). Hãy chọn lại cột.`, `The sheet has no column "${h}" (chosen for ${col}). Choose the column again.`);
  const lines: Line[] = layer.features
    .map((f) => ({ row: f.row, get: (c: RegisterColumn) => (columns[c] ? (f.props[columns[c]] ?? null) : null) }))
    .filter((l) => REGISTER_COLUMNS.some((c) => text(l.get(c)).trim() !== ''));
  const bad = badRows(lines);
  if (bad.length)
    throw new ApiError(
      'validation',
      `Không nhập gì: ${bad.length} dòng không đọc được (${bad.slice(0, 10).join('; ')}${bad.length > 10 ? '; …' : ''}). Hãy sửa các dòng đó trong bảng tính rồi nhập lại.`,
      `Nothing was imported: ${bad.length} rows cannot be read (${bad.slice(0, 10).join('; ')}${bad.length > 10 ? '; …' : ''}). Correct them in the spreadsheet, then import again.`,
      { rows: bad.slice(0, 100) },
    );
  const plots = new Map<string, Row>();
  for (const p of allRows(store, 'cemetery_plots', { cemetery_id: cemeteryId }))
    if (p.props.kind !== 'gate') plots.set(plotKey(cemeteryId, p.props.section, p.props.row, p.props.plot_number), p);
  const held = new Set(
    allRows(store, 'links', { role: 'buried_here', from_table: 'cemetery_plots', to_table: 'martyrs' }).map((l) => text(l.props.from_id)),
  );
  const report: RegisterReport = { rows: lines.length, matched: 0, unknown: 0, unmatched: [], puts: [] };
  const claimed = new Map<string, number>();
  const commune = cemetery.props.commune_code ?? null;
  for (const l of lines) {
    const name = text(l.get('full_name')).trim();
    const place = plotLabel(l.get('section'), l.get('row'), l.get('plot_number'));
    const key = plotKey(cemeteryId, l.get('section'), l.get('row'), l.get('plot_number'));
    const plot = plots.get(key);
    let reason: UnmatchedRow['reason'] | null = null;
    if (!plot) reason = { vi: 'không có mộ số này trên sơ đồ nghĩa trang', en: 'no such plot on the cemetery’s plan' };
    else if (claimed.has(key)) reason = { vi: `mộ này đã được dòng ${claimed.get(key)} nhận`, en: `this plot is already taken by row ${claimed.get(key)}` };
    else if (held.has(plot.id) || plot.props.kind === 'unknown') reason = { vi: 'mộ này đã có liệt sĩ trong dự án', en: 'this plot already holds a martyr in the project' };
    else claimed.set(key, l.row);
    if (reason) report.unmatched.push({ row: l.row, name, place, reason });
    const matched = !reason;
    if (matched && isUnknownName(name)) {
      report.unknown++;
      report.puts.push({ table: 'cemetery_plots', id: plot!.id, baseVersion: plot!.meta.version, props: { kind: 'unknown' } });
      continue;
    }
    if (!matched && (!keepUnmatched || isUnknownName(name))) continue;
    const id = randomUUID();
    const year = yearOf(l.get('birth_year'));
    report.puts.push({
      table: 'martyrs',
      id,
      props: {
        full_name: name,
        birth_year: year === 'bad' ? null : year,
        hometown: text(l.get('hometown')).trim() || null,
        unit: text(l.get('unit')).trim() || null,
        rank_position: text(l.get('rank_position')).trim() || null,
        death_date: dateText(l.get('death_date')),
        death_place: text(l.get('death_place')).trim() || null,
        burial_info: `${text(cemetery.props.name)}${matched ? `, ${place}` : ''}`,
        list_source: `Danh sách nghĩa trang (${fileName}, dòng ${l.row})`,
        recovered: true,
        commune_code: commune,
        notes: text(l.get('notes')).trim() || null,
      },
    });
    const [fromTable, fromId] = matched ? ['cemetery_plots', plot!.id] : ['cemeteries', cemeteryId];
    report.puts.push({ table: 'links', props: { from_table: fromTable, from_id: fromId, to_table: 'martyrs', to_id: id, role: 'buried_here' } });
    if (matched) {
      report.matched++;
      report.puts.push({ table: 'cemetery_plots', id: plot!.id, baseVersion: plot!.meta.version, props: { kind: 'known' } });
    }
  }
  return report;
}
