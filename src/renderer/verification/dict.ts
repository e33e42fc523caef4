// The verification queue's own strings, Vietnamese first (kept apart from i18n/dict.ts, which other
// features edit at the same time).
import { useCallback } from 'react';
import { useI18n } from '../i18n';

const V = {
  'button': ['Thẩm tra', 'Verification'],
  'button.title': ['Hàng đợi thẩm tra, xác minh: hồ sơ, mộ, phiếu đã gửi và kết luận của Tổ (F7)', 'Verification queue: records, graves, forms sent and the team’s decisions (F7)'],
  'title.team': ['Hàng đợi Tổ thẩm tra, xác minh', 'Verification team queue'],
  'title.commune': ['Yêu cầu thẩm tra của xã', 'The commune’s verification requests'],
  'close': ['Đóng', 'Close'],
  'filter.state': ['Trạng thái', 'State'],
  'filter.open': ['Đang chờ (đã gửi, đang thẩm tra)', 'Waiting (sent, being verified)'],
  'filter.all': ['Tất cả', 'All'],
  'filter.commune': ['Xã', 'Commune'],
  'filter.allCommunes': ['Tất cả các xã', 'Every commune'],
  'none': ['Không có yêu cầu nào.', 'No requests.'],
  'sentBy': ['Gửi: {who}, {when}', 'Sent: {who}, {when}'],
  'question': ['Câu hỏi cần làm rõ', 'Question to clarify'],
  'question.placeholder': ['Ví dụ: năm sinh 1948 hay 1949? Mộ có bia không?', 'e.g. born 1948 or 1949? Does the grave have a headstone?'],
  'grounds': ['Căn cứ xác minh', 'Grounds'],
  'grounds.placeholder': ['Tài liệu, lời khai, kết quả khảo sát hiện trường…', 'Documents, testimony, site survey…'],
  'result': ['Kết quả', 'Result'],
  'note': ['Lý do trả lại', 'Reason for returning'],
  'history': ['Lịch sử thẩm tra, xác minh', 'Verification history'],
  'section': ['Thẩm tra, xác minh', 'Verification'],
  'send': ['Gửi thẩm tra', 'Send for verification'],
  'send.title': ['Gửi hồ sơ này cho Tổ thẩm tra, xác minh của huyện với câu hỏi cần làm rõ', 'Send this row to the district verification team with the question to clarify'],
  'send.dialog': ['Gửi thẩm tra: {what}', 'Send for verification: {what}'],
  'send.ok': ['Gửi', 'Send'],
  'send.cancel': ['Thôi', 'Cancel'],
  'send.done': ['Đã gửi thẩm tra. Tổ thẩm tra, xác minh sẽ thấy trong hàng đợi.', 'Sent. The verification team sees it in its queue.'],
  'send.open': ['Đang chờ Tổ thẩm tra kết luận', 'Waiting for the team’s decision'],
  'act.done': ['{what}: {state}', '{what}: {state}'],
  'show': ['Xem trên bản đồ', 'Show on the map'],
  'mine': ['Bạn xem yêu cầu của xã {commune}.', 'You see the requests of {commune}.'],
  'decide.hint': ['Kết luận cần căn cứ và kết quả; trả lại cần lý do.', 'A decision needs grounds and a result; a return needs a reason.'],
} as const satisfies Record<string, readonly [string, string]>;

export type VKey = keyof typeof V;

export function useVerificationT() {
  const { lang } = useI18n();
  return useCallback(
    (key: VKey, params?: Record<string, string | number>) => {
      const s: string = V[key][lang === 'en' ? 1 : 0];
      return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
    },
    [lang],
  );
}
