// The campaign panel's own strings, Vietnamese first (kept apart from i18n/dict.ts, which other
// features edit at the same time).
import { useCallback } from 'react';
import { useI18n } from '../i18n';

const C = {
  'button': ['Tiến độ', 'Progress'],
  'button.title': ['Tiến độ chiến dịch: phiếu mẫu 01, kết luận địa bàn, thời hạn, báo cáo (F6)', 'Campaign progress: forms 01, conclusions, deadlines, reports (F6)'],
  'title': ['Tiến độ thực hiện của các xã', 'Progress of the communes'],
  'close': ['Đóng (Esc)', 'Close (Esc)'],
  'tab.dashboard': ['Tổng hợp huyện', 'District'],
  'tab.villages': ['Thôn của xã', 'Villages'],
  'tab.plan': ['Kế hoạch, thời hạn', 'Plan, deadlines'],
  'summary': [
    'Chỉ tiêu: trên {target} % số hộ nộp phiếu mẫu 01. Toàn huyện: {returned}/{households} phiếu ({pct}); {under} xã chưa đạt; {overdue} xã quá hạn.',
    'Target: over {target} % of households return form 01. District: {returned}/{households} forms ({pct}); {under} communes under target; {overdue} overdue.',
  ],
  'col.commune': ['Xã', 'Commune'],
  'col.villages': ['Số thôn', 'Villages'],
  'col.households': ['Số hộ', 'Households'],
  'col.distributed': ['Phiếu đã phát', 'Handed out'],
  'col.returned': ['Phiếu thu về', 'Returned'],
  'col.withInfo': ['Phiếu có thông tin', 'With information'],
  'col.coverage': ['Tỷ lệ', 'Coverage'],
  'col.step': ['Bước đang làm', 'Current step'],
  'col.overdue': ['Quá hạn', 'Overdue'],
  'col.name': ['Tên', 'Name'],
  'col.kind': ['Loại', 'Kind'],
  'col.pilot': ['Làm điểm', 'Pilot'],
  'col.recorded': ['Phiếu đã nhập', 'Forms entered'],
  'col.recorded.title': ['Số phiếu thông tin (mẫu 01) đã nhập vào dự án cho thôn này (theo tên thôn ghi trên phiếu)', 'Information forms (form 01) entered in the project for this village (by the village named on the form)'],
  'col.conclusion': ['Kết luận thôn', 'Village conclusion'],
  'done.all': ['Đã hoàn thành', 'All done'],
  'under': ['Chưa đạt', 'Under target'],
  'missing': ['Thiếu số hộ', 'Households missing'],
  'chart.title': ['Tỷ lệ phiếu mẫu 01 thu về theo xã (vạch: chỉ tiêu {target} %)', 'Form 01 coverage per commune (line: the {target} % target)'],
  'chart.none': ['chưa có số liệu', 'no figures'],
  'report.commune.pdf': ['Báo cáo đánh giá của xã (PDF)', 'Commune evaluation report (PDF)'],
  'report.commune.docx': ['… (Word)', '… (Word)'],
  'report.district.pdf': ['Báo cáo tổng hợp huyện (PDF)', 'District summary (PDF)'],
  'report.district.docx': ['… (Word)', '… (Word)'],
  'report.busy': ['Đang lập báo cáo…', 'Making the report…'],
  'commune': ['Xã', 'Commune'],
  'villages.none': ['Xã chưa có thôn nào. Thêm thôn ở dưới, hoặc vẽ trên bản đồ bằng công cụ ⌂ (N: điểm, Shift+N: vùng), hoặc nhập từ tệp.', 'No villages yet. Add one below, draw it on the map with the ⌂ tool (N: point, Shift+N: area), or import a file.'],
  'villages.hint': ['Số liệu sửa trực tiếp trong bảng; mỗi lần lưu được ghi lịch sử và hoàn tác được.', 'Edit the figures in the table; every save is recorded and can be undone.'],
  'save': ['Lưu', 'Save'],
  'saved': ['Đã lưu.', 'Saved.'],
  'add.title': ['Thêm thôn, buôn, bon, TDP (chưa có vị trí: vẽ sau trên bản đồ)', 'Add a village (no position yet: draw it on the map later)'],
  'add': ['Thêm thôn', 'Add village'],
  'add.name': ['Tên thôn', 'Village name'],
  'meeting': ['Kết luận…', 'Conclude…'],
  'meeting.title': ['Hội nghị kết luận địa bàn {unit}', 'Area-conclusion meeting: {unit}'],
  'meeting.date': ['Ngày họp', 'Date'],
  'meeting.chair': ['Chủ trì', 'Chair'],
  'meeting.outcome': ['Kết quả', 'Outcome'],
  'meeting.text': ['Nội dung kết luận', 'Conclusion text'],
  'meeting.save': ['Lưu kết luận', 'Save the conclusion'],
  'meeting.cancel': ['Hủy', 'Cancel'],
  'meeting.commune': ['Kết luận cấp xã…', 'Commune conclusion…'],
  'meeting.attendees': ['Thành phần tham dự (số người)', 'Attendees (people)'],
  'meeting.areas': ['Các khu vực được kết luận', 'Areas concluded on'],
  'meeting.figures': ['Số liệu kết luận', 'Figures concluded'],
  'plan.target': ['Chỉ tiêu phiếu mẫu 01 (% số hộ)', 'Form 01 target (% of households)'],
  'plan.due': ['Thời hạn', 'Due date'],
  'plan.save': ['Lưu kế hoạch', 'Save the plan'],
  'plan.readOnly': ['Chỉ cán bộ thẩm định của huyện (hoặc quản trị) đặt kế hoạch và thời hạn.', 'Only district reviewers (or administrators) set the plan and due dates.'],
  'plan.note': ['Một bước quá hạn khi chưa xong mà đã qua ngày thời hạn (đúng ngày thời hạn vẫn trong hạn).', 'A step is overdue when it is not done after its due day (the due day itself is on time).'],
  'step.done': ['xong', 'done'],
} as const satisfies Record<string, readonly [string, string]>;

export type CKey = keyof typeof C;

export function useCampaignT() {
  const { lang } = useI18n();
  return useCallback(
    (key: CKey, params?: Record<string, string | number>) => {
      const s: string = C[key][lang === 'en' ? 1 : 0];
      return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
    },
    [lang],
  );
}
