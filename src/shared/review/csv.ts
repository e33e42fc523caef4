// The district statistics table as CSV: UTF-8 with a BOM (Excel otherwise reads Vietnamese as
// mojibake), CRLF line ends, every field quoted when it needs to be.
import { STATISTICS, TABLES, type StatisticKey } from '../model';
import type { CommuneStatistics, Figures } from './statistics';
import { STATE_LABELS, type ReviewState } from './state';

const cell = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const FIGURE_LABEL = (k: StatisticKey): string => TABLES.conclusions.fields.find((f) => f.name === k)!.vi;

export function statisticsCsv(rows: readonly (CommuneStatistics & { state: ReviewState })[], totals: Figures): string {
  const head = [
    'Mã xã',
    'Xã',
    'Trạng thái bản đồ',
    'Nguồn số liệu',
    ...STATISTICS.map(FIGURE_LABEL),
    'Bản đồ: số ký hiệu mộ',
    'Bản đồ: mộ do gia đình chăm sóc',
    'Bản đồ: số khu vực',
    'Số liệu lệch với bản đồ',
  ];
  const lines = [head.map(cell).join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.communeCode,
        r.communeName,
        STATE_LABELS[r.state].vi,
        r.source === 'commune' ? 'Kết luận cấp xã' : r.source === 'village' ? 'Tổng kết luận cấp thôn' : 'Chưa có kết luận',
        ...STATISTICS.map((k) => r.figures[k]),
        r.map.graves,
        r.map.gravesFamilyCared,
        r.map.areas,
        r.mismatches.map(FIGURE_LABEL).join('; '),
      ]
        .map(cell)
        .join(','),
    );
  }
  const sum = (f: (r: CommuneStatistics) => number) => rows.reduce((s, r) => s + f(r), 0);
  lines.push(
    ['', 'Tổng cộng', '', '', ...STATISTICS.map((k) => totals[k]), sum((r) => r.map.graves), sum((r) => r.map.gravesFamilyCared), sum((r) => r.map.areas), '']
      .map(cell)
      .join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
