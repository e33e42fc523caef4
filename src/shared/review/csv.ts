// The district statistics table as CSV: UTF-8 with a BOM (Excel otherwise reads Vietnamese as
// mojibake), CRLF line ends, every field quoted when it needs to be. The figures and the flags are
// communeStatistics()'s (./statistics.ts), as on the sheet, in the panel and in `quytap check`.
import { SEARCH_AREA_STATUSES, STATISTICS, TABLES, type StatisticKey } from '../model';
import { ENUM_LABELS } from '../io/enum-labels';
import { mapFigure, SOURCE_LABELS, type CommuneStatistics, type DistrictTotals } from './statistics';
import { STATE_LABELS, type ReviewState } from './state';

const cell = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const FIGURE_LABEL = (k: StatisticKey): string => TABLES.conclusions.fields.find((f) => f.name === k)!.vi;

export function statisticsCsv(rows: readonly (CommuneStatistics & { state: ReviewState })[], totals: DistrictTotals): string {
  const head = [
    'Mã xã',
    'Xã',
    'Trạng thái bản đồ',
    'Nguồn số liệu',
    ...STATISTICS.map(FIGURE_LABEL),
    'Bản đồ: số ký hiệu mộ',
    'Bản đồ: mộ do gia đình chăm sóc',
    'Bản đồ: số khu vực',
    ...SEARCH_AREA_STATUSES.map((s) => `Bản đồ: khu vực ${ENUM_LABELS[`status:${s}`].vi.toLowerCase()}`),
    'Bản đồ: số hài cốt ước tính ở khu vực chưa xong',
    'Số liệu lệch với bản đồ',
  ];
  const lines = [head.map(cell).join(',')];
  const flags = (ks: readonly StatisticKey[], map: CommuneStatistics['map']) => ks.map((k) => `${FIGURE_LABEL(k)} (bản đồ ${mapFigure(k, map)})`).join('; ');
  for (const r of rows) {
    lines.push(
      [
        r.communeCode,
        r.communeName,
        STATE_LABELS[r.state].vi,
        SOURCE_LABELS[r.source].vi,
        ...STATISTICS.map((k) => r.figures[k]),
        r.map.graves,
        r.map.gravesFamilyCared,
        r.map.areas,
        ...SEARCH_AREA_STATUSES.map((s) => r.map.areasByStatus[s]),
        r.map.estimatedRemainsOpen,
        flags(r.mismatches, r.map),
      ]
        .map(cell)
        .join(','),
    );
  }
  const m = totals.mapTotals;
  lines.push(
    [
      '',
      'Tổng cộng',
      '',
      '',
      ...STATISTICS.map((k) => totals.totals[k]),
      m.graves,
      m.gravesFamilyCared,
      m.areas,
      ...SEARCH_AREA_STATUSES.map((s) => m.areasByStatus[s]),
      m.estimatedRemainsOpen,
      totals.mismatches.map(FIGURE_LABEL).join('; '),
    ]
      .map(cell)
      .join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
