// The district statistics report as PDF (A4 landscape): the six figures per commune from the
// conclusions with totals, the map's own count beside them, mismatches in red, each commune's
// review state. jsPDF with the print feature's embedded Noto Sans, so Vietnamese stays real text.
import { jsPDF } from 'jspdf';
import { STATISTICS, TABLES, type StatisticKey } from '../../shared/model';
import { STATE_LABELS, type ReviewState } from '../../shared/review/state';
import { RULE_VI, SOURCE_LABELS, type CommuneStatistics, type DistrictTotals } from '../../shared/review/statistics';
import { FONT_FAMILY, sheetFonts } from '../print/fonts';

export interface ReportInput {
  title: string;
  organisation: string;
  place: string;
  rows: (CommuneStatistics & { state: ReviewState })[];
  /** districtTotals() of the rows. */
  totals: DistrictTotals;
  date: Date;
}

const label = (k: StatisticKey) => TABLES.conclusions.fields.find((f) => f.name === k)!.vi;
const fmt = (n: number | null) => (n === null ? '—' : n.toLocaleString('vi-VN'));

export function statisticsPdf(r: ReportInput): Uint8Array {
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'landscape', compress: true, putOnlyUsedFonts: true });
  const fonts = sheetFonts();
  doc.addFileToVFS('NotoSans-Regular.ttf', fonts.normal);
  doc.addFileToVFS('NotoSans-Bold.ttf', fonts.bold);
  doc.addFont('NotoSans-Regular.ttf', FONT_FAMILY, 'normal', 'Identity-H');
  doc.addFont('NotoSans-Bold.ttf', FONT_FAMILY, 'bold', 'Identity-H');
  doc.setProperties({ title: 'Thống kê tìm kiếm, quy tập hài cốt liệt sĩ', creator: 'QuyTap' });
  const W = 297;
  const M = 12;
  doc.setFont(FONT_FAMILY, 'bold');
  doc.setFontSize(13);
  doc.text('BẢNG TỔNG HỢP SỐ LIỆU TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ', W / 2, 16, { align: 'center' });
  doc.setFont(FONT_FAMILY, 'normal');
  doc.setFontSize(9);
  doc.text(doc.splitTextToSize(r.title, W - 2 * M) as string[], W / 2, 22, { align: 'center' });
  if (r.organisation) doc.text(r.organisation, W / 2, 30, { align: 'center' });

  const cols: { head: string; w: number; align: 'left' | 'right' | 'center' }[] = [
    { head: 'TT', w: 9, align: 'center' },
    { head: 'Xã', w: 32, align: 'left' },
    { head: 'Trạng thái bản đồ', w: 26, align: 'left' },
    ...STATISTICS.map((k) => ({ head: label(k), w: 28, align: 'right' as const })),
    { head: 'Bản đồ: mộ do gia đình chăm sóc', w: 26, align: 'right' },
    { head: 'Nguồn số liệu', w: 16, align: 'left' },
  ];
  const x0 = M + (W - 2 * M - cols.reduce((s, c) => s + c.w, 0)) / 2;
  let y = 36;
  const headH = 16;
  doc.setFont(FONT_FAMILY, 'bold');
  doc.setFontSize(7.5);
  let x = x0;
  for (const c of cols) {
    doc.rect(x, y, c.w, headH);
    const lines = doc.splitTextToSize(c.head, c.w - 2) as string[];
    doc.text(lines, x + c.w / 2, y + headH / 2 - ((lines.length - 1) * 3) / 2 + 1, { align: 'center' });
    x += c.w;
  }
  y += headH;
  const rowH = 7;
  const cell = (text: string, i: number, xx: number, bold = false, red = false) => {
    const c = cols[i];
    doc.setFont(FONT_FAMILY, bold ? 'bold' : 'normal');
    doc.setTextColor(red ? 192 : 0, red ? 57 : 0, red ? 43 : 0);
    const tx = c.align === 'right' ? xx + c.w - 1.5 : c.align === 'center' ? xx + c.w / 2 : xx + 1.5;
    doc.text(text, tx, y + rowH / 2 + 1.2, { align: c.align });
    doc.setTextColor(0, 0, 0);
  };
  const line = (values: { text: string; red?: boolean }[], bold = false) => {
    let xx = x0;
    values.forEach((v, i) => {
      doc.rect(xx, y, cols[i].w, rowH);
      cell(v.text, i, xx, bold, v.red);
      xx += cols[i].w;
    });
    y += rowH;
  };
  doc.setFontSize(8);
  r.rows.forEach((row, i) => {
    line([
      { text: String(i + 1) },
      { text: row.communeName },
      { text: STATE_LABELS[row.state].vi },
      ...STATISTICS.map((k) => ({ text: fmt(row.figures[k]), red: row.mismatches.includes(k) })),
      { text: fmt(row.map.gravesFamilyCared), red: row.mismatches.includes('family_cared') },
      { text: SOURCE_LABELS[row.source].short },
    ]);
  });
  const t = r.totals;
  line(
    [
      { text: '' },
      { text: 'Tổng cộng' },
      { text: '' },
      ...STATISTICS.map((k) => ({ text: fmt(t.totals[k]), red: t.mismatches.includes(k) })),
      { text: fmt(t.mapTotals.gravesFamilyCared), red: t.mismatches.includes('family_cared') },
      { text: '' },
    ],
    true,
  );

  doc.setFont(FONT_FAMILY, 'normal');
  doc.setFontSize(8);
  y += 6;
  const notes = [
    RULE_VI,
    'Cột "Bản đồ" đếm ký hiệu mộ do gia đình chăm sóc trên bản đồ; số in đỏ là số liệu kết luận khác số đếm trên bản đồ (không tự sửa số nào).',
  ];
  for (const n of notes)
    for (const l of doc.splitTextToSize(n, W - M - x0) as string[]) {
      doc.text(l, x0, y);
      y += 4.5;
    }
  const d = r.date;
  doc.setFont(FONT_FAMILY, 'normal');
  doc.text(`${r.place || '…'}, ngày ${d.getDate()} tháng ${d.getMonth() + 1} năm ${d.getFullYear()}`, W - M - 60, y + 6, { align: 'center' });
  doc.setFont(FONT_FAMILY, 'bold');
  doc.text('NGƯỜI LẬP BẢNG', M + 50, y + 12, { align: 'center' });
  doc.text('THỦ TRƯỞNG ĐƠN VỊ', W - M - 60, y + 12, { align: 'center' });
  return new Uint8Array(doc.output('arraybuffer'));
}
