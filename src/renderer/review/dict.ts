// The review panel's own strings, Vietnamese first (kept apart from i18n/dict.ts, which other
// features edit at the same time).
import { useCallback } from 'react';
import { useI18n } from '../i18n';

const R = {
  'button': ['Thẩm định', 'Review'],
  'button.title': ['Kiểm tra, trình duyệt, trả lại, phê duyệt bản đồ xã (F8)', 'Check, submit, return, approve commune maps (F8)'],
  'title': ['Thẩm định bản đồ các xã', 'Review of the commune maps'],
  'close': ['Đóng (Esc)', 'Close (Esc)'],
  'tab.communes': ['Các xã', 'Communes'],
  'tab.findings': ['Phát hiện ({n})', 'Findings ({n})'],
  'tab.comments': ['Góp ý ({n})', 'Comments ({n})'],
  'tab.stats': ['Thống kê', 'Statistics'],
  'tab.history': ['Lịch sử', 'History'],
  'me': ['Bạn', 'You'],
  'myCommune': ['Xã của tôi', 'My commune'],
  'myCommune.none': ['(chưa chọn: sửa được mọi xã)', '(none: may edit every commune)'],
  'role.commune_staff': ['Cán bộ xã', 'Commune staff'],
  'role.reviewer': ['Cán bộ thẩm định', 'Reviewer'],
  'role.admin': ['Quản trị', 'Administrator'],
  'col.commune': ['Xã', 'Commune'],
  'col.state': ['Trạng thái', 'State'],
  'col.areas': ['Khu vực theo tình trạng', 'Areas by status'],
  'col.graves': ['Mộ (mới / gia đình / chưa rõ)', 'Graves (new / family / unknown)'],
  'col.comments': ['Góp ý mở', 'Open comments'],
  'col.findings': ['Lỗi / cảnh báo', 'Errors / warnings'],
  'col.acts': ['Thao tác', 'Actions'],
  'notChecked': ['chưa kiểm tra', 'not checked'],
  'by': ['{who}, {when}', '{who}, {when}'],
  'run': ['Kiểm tra tất cả (F9)', 'Check all (F9)'],
  'run.commune': ['Kiểm tra xã này', 'Check this commune'],
  'running': ['Đang kiểm tra… {done}/{total}', 'Checking… {done}/{total}'],
  'run.done': ['Kiểm tra xong: {errors} lỗi, {warnings} cảnh báo.', 'Checked: {errors} errors, {warnings} warnings.'],
  'findings.none': ['Không có phát hiện nào.', 'No findings.'],
  'findings.notRun': ['Chưa chạy kiểm tra. Bấm "Kiểm tra tất cả".', 'No check run yet. Press "Check all".'],
  'findings.filter': ['Chỉ xã', 'Commune'],
  'findings.all': ['Tất cả các xã', 'Every commune'],
  'sev.error': ['Lỗi', 'Error'],
  'sev.warning': ['Cảnh báo', 'Warning'],
  'zoom': ['Bấm để phóng tới chỗ này trên bản đồ', 'Click to zoom there on the map'],
  'note': ['Lý do / nhận xét', 'Reason / remarks'],
  'note.placeholder': ['Ghi lý do trả lại hoặc mở khóa…', 'Why it is returned or unlocked…'],
  'act.done': ['Bản đồ xã {commune}: {state}', 'Map of {commune}: {state}'],
  'comments.commune': ['Góp ý của xã', 'Comments of'],
  'comments.openOnly': ['Chỉ góp ý chưa xử lý', 'Open comments only'],
  'comments.none': ['Chưa có góp ý.', 'No comments.'],
  'comment.pin': ['Ghim góp ý lên bản đồ', 'Pin a comment on the map'],
  'comment.pin.hint': ['Bấm vào một đối tượng (hoặc một chỗ trống) trên bản đồ để ghim góp ý. Esc để thôi.', 'Click a feature (or an empty place) on the map to pin the comment. Esc to stop.'],
  'comment.text': ['Nội dung góp ý', 'Comment'],
  'comment.save': ['Lưu góp ý', 'Save comment'],
  'comment.cancel': ['Thôi', 'Cancel'],
  'comment.on': ['Về: {what}', 'On: {what}'],
  'comment.onMap': ['điểm trên bản đồ', 'a place on the map'],
  'comment.reply': ['Trả lời', 'Reply'],
  'comment.replyPlaceholder': ['Viết trả lời…', 'Write a reply…'],
  'comment.resolved': ['Đã xử lý', 'Resolved'],
  'comment.open': ['Chưa xử lý', 'Open'],
  'comment.saved': ['Đã lưu góp ý.', 'Comment saved.'],
  'returned.banner': ['Bản đồ xã {commune} bị trả lại: {n} góp ý chưa xử lý.', 'The map of {commune} was returned: {n} open comments.'],
  'stats.source': ['Nguồn', 'Source'],
  'stats.source.district': ['KL huyện', 'district concl.'],
  'stats.source.commune': ['KL xã', 'commune concl.'],
  'stats.source.village': ['Tổng KL thôn', 'village concl.'],
  'stats.source.none': ['Chưa có KL', 'no conclusion'],
  'stats.map': ['Bản đồ: mộ gia đình', 'Map: family graves'],
  'stats.total': ['Tổng cộng', 'Total'],
  'stats.mismatch': ['Số liệu kết luận khác số đếm trên bản đồ', 'Conclusion figure differs from the map count'],
  'stats.csv': ['Xuất CSV (Excel)', 'Export CSV (Excel)'],
  'stats.pdf': ['Xuất báo cáo PDF', 'Export PDF report'],
  'history.none': ['Chưa có thao tác nào.', 'Nothing done yet.'],
  'versions': ['So sánh các phiên bản', 'Compare versions'],
  'versions.title': ['{n} lần ghi (cũ nhất trước)', '{n} recorded changes (oldest first)'],
  'versions.created': ['Tạo mới', 'Created'],
  'versions.geometry': ['Vị trí / hình dạng', 'Position / shape'],
  'changes.title': ['Đã thay đổi sau khi trình: {n}', 'Changed since submission: {n}'],
  'changes.since': ['(trình lúc {when}, người trình: {who})', '(submitted {when} by {who})'],
  'changes.by': ['{who}, {when} · {n} lần ghi', '{who}, {when} · {n} writes'],
  'changes.deleted': ['đã xóa', 'deleted'],
  'confirm.approve.title': ['Phê duyệt bản đồ xã {commune}?', 'Approve the map of {commune}?'],
  'confirm.approve.body': [
    'Sau khi phê duyệt, bản đồ xã {commune} bị khóa: không ai sửa được cho tới khi cán bộ thẩm định mở khóa (việc mở khóa được ghi lại).',
    'Once approved, the map of {commune} is locked: nobody can edit it until a reviewer unlocks it (the unlock is recorded).',
  ],
  'confirm.return.title': ['Trả lại bản đồ xã {commune}?', 'Return the map of {commune}?'],
  'confirm.return.body': [
    'Bản đồ xã {commune} sẽ được trả lại để xã sửa theo góp ý; xã phải trình lại sau khi sửa.',
    'The map of {commune} goes back to the commune to be fixed as commented; the commune submits it again afterwards.',
  ],
  'confirm.changed': [
    '{n} đối tượng đã thay đổi sau khi xã trình: xem danh sách "Đã thay đổi sau khi trình" trước khi quyết định.',
    '{n} features changed after the commune submitted: see the "Changed since submission" list before deciding.',
  ],
  'confirm.note': ['Lý do ghi kèm: {note}', 'Reason recorded: {note}'],
  'distance': ['Mộ gần nhau dưới (m)', 'Graves closer than (m)'],
} as const satisfies Record<string, readonly [string, string]>;

export type RKey = keyof typeof R;

export function useReviewT() {
  const { lang } = useI18n();
  return useCallback(
    (key: RKey, params?: Record<string, string | number>) => {
      const s: string = R[key][lang === 'en' ? 1 : 0];
      return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
    },
    [lang],
  );
}
