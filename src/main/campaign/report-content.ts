// The words and tables of the campaign's reports, once, as neutral blocks: the PDF writer
// (report-pdf.ts) and the .docx writer (report-docx.ts) only lay them out, so both formats say
// the same. A commune's evaluation report ("báo cáo đánh giá rút kinh nghiệm") or the district
// summary ("tổng hợp kết quả kết luận địa bàn của các xã").
import { percentText, type Coverage } from '../../shared/campaign/coverage';
import { STEP_LABELS } from '../../shared/campaign/steps';
import { ENUM_LABELS } from '../../shared/io/enum-labels';
import { STATISTICS, TABLES, type Row, type StatisticKey } from '../../shared/model';
import { RULE_VI, SOURCE_LABELS } from '../../shared/review/statistics';
import type { ReportData } from './report-data';

export interface Cell {
  text: string;
  red?: boolean;
  bold?: boolean;
  align?: 'left' | 'right' | 'center';
}

export type Block =
  | { kind: 'title'; lines: string[] }
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string; italic?: boolean }
  | { kind: 'table'; widths: number[]; head: string[]; rows: Cell[][] }
  | { kind: 'figure'; caption: string }
  /** Coverage bars (percent, 0–100), the target as a line; under the target in red, unknown grey. */
  | { kind: 'chart'; caption: string; target: number; bars: { label: string; percent: number | null; under: boolean }[] }
  | { kind: 'signatures'; placeDate: string; left: string; right: string };

export interface ReportContent {
  fileStem: string;
  header: { left: string[]; right: string[] };
  blocks: Block[];
}

const n = (v: number | null) => (v === null ? '—' : v.toLocaleString('vi-VN'));
/** 2019-06-02 → 02/06/2019, as Vietnamese documents write dates. */
const viDate = (iso: string | null) => {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (iso ?? '');
};
const statLabel = (k: StatisticKey) => TABLES.conclusions.fields.find((f) => f.name === k)!.vi;
const R = (text: string, red = false, bold = false): Cell => ({ text, red, bold, align: 'right' });
const L = (text: string, bold = false): Cell => ({ text, bold });
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

function coverageCells(c: Coverage, target: number, bold = false): Cell[] {
  const under = c.meetsTarget !== true;
  const verdict = c.meetsTarget === null ? 'Chưa có số hộ' : c.meetsTarget ? 'Đạt' : c.missingHouseholds ? 'Thiếu số hộ' : `Dưới ${target} %`;
  return [
    R(n(c.households), false, bold),
    R(n(c.distributed), false, bold),
    R(n(c.returned), false, bold),
    R(n(c.withInfo), false, bold),
    R(percentText(c.percent), under, bold),
    { text: verdict, red: under, bold },
  ];
}

const COVERAGE_HEAD = ['Số hộ', 'Phiếu đã phát', 'Phiếu thu về', 'Phiếu có thông tin', 'Tỷ lệ thu về', `Đánh giá`];

function coverageTable(d: ReportData): Block {
  const target = d.progress.targetPercent;
  if (d.commune) {
    const c = d.communes[0]!;
    const rows = c.villages.map((v, i) => [
      { text: String(i + 1), align: 'center' as const },
      L(`${v.name}${v.pilot ? ' (làm điểm)' : ''}`),
      ...coverageCells(v.coverage, target),
    ]);
    rows.push([{ text: '' }, L('Toàn xã', true), ...coverageCells(c.coverage, target, true)]);
    return { kind: 'table', widths: [8, 30, 12, 13, 13, 14, 13, 16], head: ['TT', 'Thôn, buôn, bon, TDP', ...COVERAGE_HEAD], rows };
  }
  const rows = d.communes.map((c, i) => [{ text: String(i + 1), align: 'center' as const }, L(c.communeName), R(String(c.villages.length)), ...coverageCells(c.coverage, target)]);
  rows.push([{ text: '' }, L('Toàn huyện', true), R(String(d.communes.reduce((s, c) => s + c.villages.length, 0)), false, true), ...coverageCells(d.progress.district, target, true)]);
  return { kind: 'table', widths: [8, 24, 9, 12, 12, 12, 13, 12, 16], head: ['TT', 'Xã', 'Số thôn', ...COVERAGE_HEAD], rows };
}

const LEVEL_SHORT: Record<string, string> = { village: 'Cấp thôn', commune: 'Cấp xã', district: 'Cấp huyện' };

function coverageChart(d: ReportData): Block {
  const target = d.progress.targetPercent;
  const bar = (label: string, c: Coverage) => ({ label, percent: c.percent, under: c.meetsTarget !== true });
  const bars = d.commune ? d.communes[0]!.villages.map((v) => bar(v.name, v.coverage)) : d.communes.map((c) => bar(c.communeName, c.coverage));
  return { kind: 'chart', caption: `Biểu đồ: tỷ lệ phiếu mẫu 01 thu về theo ${d.commune ? 'thôn' : 'xã'} (vạch đứt: chỉ tiêu ${target} %; đỏ: chưa đạt)`, target, bars };
}

function meetingsTable(d: ReportData): Block {
  const unit = (r: Row) => {
    const v = typeof r.props.village_id === 'string' ? d.villageNames.get(r.props.village_id) : undefined;
    return v ?? String(r.props.unit_name ?? '');
  };
  const level = (r: Row) => LEVEL_SHORT[String(r.props.level)] ?? String(r.props.level ?? '');
  const count = (v: unknown) => R(typeof v === 'number' ? n(v) : '—');
  const outcome = (r: Row) => ENUM_LABELS[`outcome:${String(r.props.outcome)}`]?.vi ?? '—';
  const communeName = (r: Row) => d.settings.communes.find((c) => c.code === r.props.commune_code)?.name ?? '';
  const rows = d.conclusions.map((r, i) => [
    { text: String(i + 1), align: 'center' as const },
    L(viDate(typeof r.props.date === 'string' ? r.props.date : null)),
    L(level(r)),
    L(d.commune || !communeName(r) || unit(r).includes(communeName(r)) ? unit(r) : `${unit(r)} (${communeName(r)})`),
    count(r.props.attendees_military),
    count(r.props.attendees_veterans),
    count(r.props.attendees_labour),
    count(r.props.attendees_elders),
    R(String(d.areasConcluded.get(r.id) ?? 0)),
    L(outcome(r)),
  ]);
  return {
    kind: 'table',
    widths: [7, 15, 13, 22, 9, 9, 11, 10, 9, 17],
    head: ['TT', 'Ngày họp', 'Cấp', 'Đơn vị kết luận', 'Ban CHQS', 'Hội CCB', 'LĐ-TB&XH', 'Người cao tuổi', 'Số khu vực', 'Kết quả'],
    rows,
  };
}

function statisticsTable(d: ReportData): Block {
  if (d.commune) {
    const s = d.statistics[0]!;
    const rows = STATISTICS.map((k, i) => [{ text: String(i + 1), align: 'center' as const }, L(statLabel(k)), R(n(s.figures[k]), s.mismatches.includes(k))]);
    rows.push([{ text: '' }, L('Nguồn số liệu'), { text: SOURCE_LABELS[s.source].vi, align: 'right' }]);
    return { kind: 'table', widths: [8, 70, 22], head: ['TT', 'Chỉ tiêu', 'Số lượng'], rows };
  }
  const rows = d.statistics.map((s, i) => [
    { text: String(i + 1), align: 'center' as const },
    L(s.communeName),
    ...STATISTICS.map((k) => R(n(s.figures[k]), s.mismatches.includes(k))),
    L(SOURCE_LABELS[s.source].short),
  ]);
  rows.push([{ text: '' }, L('Tổng cộng', true), ...STATISTICS.map((k) => R(n(d.totals.totals[k]), d.totals.mismatches.includes(k), true)), L('')]);
  return { kind: 'table', widths: [8, 18, ...STATISTICS.map(() => 11), 10], head: ['TT', 'Xã', ...STATISTICS.map(statLabel), 'Nguồn'], rows };
}

function progressTable(d: ReportData): Block {
  const due = (s: string | null) => (s ? viDate(s) : 'Chưa đặt');
  if (d.commune) {
    const c = d.communes[0]!;
    const rows = c.steps.map((s, i) => [
      { text: String(i + 1), align: 'center' as const },
      L(STEP_LABELS[s.step].vi),
      L(due(s.due)),
      { text: s.done ? 'Đã xong' : s.overdue ? 'Quá hạn' : 'Chưa xong', red: s.overdue },
    ]);
    return { kind: 'table', widths: [8, 50, 20, 22], head: ['TT', 'Bước', 'Thời hạn', 'Tình hình'], rows };
  }
  const rows = d.communes.map((c, i) => [
    { text: String(i + 1), align: 'center' as const },
    L(c.communeName),
    L(c.currentStep ? STEP_LABELS[c.currentStep].vi : 'Đã hoàn thành'),
    { text: c.overdue.length ? c.overdue.map((s) => STEP_LABELS[s].vi).join('; ') : '—', red: c.overdue.length > 0 },
  ]);
  return { kind: 'table', widths: [7, 25, 30, 38], head: ['TT', 'Xã', 'Bước đang thực hiện', 'Bước quá hạn'], rows };
}

function summary(d: ReportData): string {
  const target = d.progress.targetPercent;
  if (d.commune) {
    const c = d.communes[0]!;
    const pilot = c.villages.filter((v) => v.pilot).map((v) => v.name);
    return (
      `Xã có ${c.villages.length} thôn, buôn, bon, tổ dân phố${pilot.length ? ` (thôn làm điểm: ${pilot.join(', ')})` : ''}; ` +
      `${n(c.coverage.households)} hộ, thu về ${n(c.coverage.returned)} phiếu mẫu 01 (${percentText(c.coverage.percent)}), ` +
      `${c.coverage.meetsTarget ? `đạt chỉ tiêu ${target} %` : `chưa đạt chỉ tiêu ${target} %`}; ` +
      `${c.villagesUnderTarget} thôn chưa đạt; ${c.villagesConcluded}/${c.villages.length} thôn đã kết luận địa bàn; ` +
      `${n(c.villages.reduce((s, v) => s + v.formsRecorded, 0))} phiếu có thông tin đã nhập vào dự án` +
      `${c.communeConclusionDate ? `; xã kết luận địa bàn ngày ${viDate(c.communeConclusionDate)}` : '; xã chưa kết luận địa bàn'}.`
    );
  }
  const p = d.progress;
  return (
    `Toàn huyện ${d.communes.length} xã, ${n(p.district.households)} hộ, thu về ${n(p.district.returned)} phiếu mẫu 01 (${percentText(p.district.percent)}); ` +
    `${p.communesUnderTarget} xã chưa đạt chỉ tiêu ${target} %; ${p.communesOverdue} xã có bước quá hạn.`
  );
}

export function reportContent(d: ReportData, hasFigure: boolean): ReportContent {
  const s = d.settings;
  const day = d.date;
  const where = d.commune ? `xã ${d.commune.name}` : s.district ? `huyện ${s.district.name}` : 'các xã';
  const title = d.commune
    ? ['BÁO CÁO ĐÁNH GIÁ RÚT KINH NGHIỆM', `Công tác thu thập thông tin, kết luận địa bàn và lập bản đồ tìm kiếm, quy tập hài cốt liệt sĩ ${where}`]
    : ['BÁO CÁO TỔNG HỢP', `Kết quả kết luận địa bàn và lập bản đồ tìm kiếm, quy tập hài cốt liệt sĩ của các xã ${s.district ? `huyện ${s.district.name}` : ''}`.trim()];
  const blocks: Block[] = [
    { kind: 'title', lines: title },
    { kind: 'para', text: summary(d) },
    { kind: 'heading', text: `1. Phiếu mẫu số 01 (chỉ tiêu: trên ${d.progress.targetPercent} % số hộ)` },
    coverageTable(d),
    coverageChart(d),
    { kind: 'para', text: 'Tỷ lệ thu về = số phiếu thu về ÷ số hộ, cộng theo thôn (không lấy trung bình tỷ lệ); thôn chưa có số hộ không được tính là đạt.', italic: true },
    { kind: 'heading', text: '2. Hội nghị kết luận địa bàn' },
    d.conclusions.length ? meetingsTable(d) : { kind: 'para', text: 'Chưa có hội nghị kết luận địa bàn nào được nhập.' },
    { kind: 'heading', text: '3. Số liệu tìm kiếm, quy tập hài cốt liệt sĩ' },
    statisticsTable(d),
    { kind: 'para', text: RULE_VI, italic: true },
    { kind: 'heading', text: '4. Tiến độ theo kế hoạch của Ban chỉ đạo' },
    progressTable(d),
  ];
  if (hasFigure) blocks.push({ kind: 'heading', text: '5. Bản đồ' }, { kind: 'figure', caption: `Hình: bản đồ tìm kiếm, quy tập hài cốt liệt sĩ ${where} (trích khung bản đồ của tờ in)` });
  blocks.push({
    kind: 'signatures',
    placeDate: `${s.place || '…'}, ngày ${day.getDate()} tháng ${day.getMonth() + 1} năm ${day.getFullYear()}`,
    left: 'NGƯỜI LẬP BÁO CÁO',
    right: d.commune ? 'CHỈ HUY TRƯỞNG BAN CHQS XÃ' : 'TRƯỞNG BAN CHỈ ĐẠO',
  });
  const stem = d.commune ? `bao-cao-danh-gia-${fold(d.commune.name) || d.commune.code}` : 'bao-cao-tong-hop-ket-luan-dia-ban';
  return {
    fileStem: `${stem}-${day.toISOString().slice(0, 10)}`,
    header: { left: s.organisation.length ? s.organisation : [s.reviewingOrganisation || s.producingAgency].filter(Boolean), right: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'] },
    blocks,
  };
}
