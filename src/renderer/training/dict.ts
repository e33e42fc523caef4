// Practice mode and help strings, Vietnamese first (kept apart from i18n/dict.ts, which other
// features edit at the same time).
import { useCallback } from 'react';
import { useI18n } from '../i18n';

export { HOW_TOS } from '../../shared/training/help';

const T = {
  'start.button': ['Luyện tập', 'Practice'],
  'start.hint': [
    'Học cách dùng QuyTap trên một bản sao riêng của dự án mẫu: 8 bài ngắn, làm sai không ảnh hưởng gì đến dữ liệu thật.',
    'Learn QuyTap on a private copy of the demo project: 8 short lessons; mistakes never touch real data.',
  ],
  'start.name': ['Họ và tên người học', 'Learner’s full name'],
  'start.go': ['Bắt đầu luyện tập', 'Start practising'],
  'start.cancel': ['Hủy', 'Cancel'],
  'start.preparing': ['Đang chuẩn bị bản luyện tập…', 'Preparing the practice copy…'],
  'panel.title': ['Luyện tập', 'Practice'],
  'panel.learner': ['Người học: {name}', 'Learner: {name}'],
  'panel.lesson': ['Bài {n}/{total}: {title}', 'Lesson {n}/{total}: {title}'],
  'panel.check': ['Kiểm tra bài', 'Check'],
  'panel.checking': ['Đang kiểm tra…', 'Checking…'],
  'panel.ok': ['Đúng rồi! Bài {n} đã xong.', 'Right! Lesson {n} is done.'],
  'panel.allDone': ['Đã xong cả {total} bài. Chúc mừng!', 'All {total} lessons done. Well done!'],
  'panel.wrong': ['Chưa đúng: {msg}', 'Not yet: {msg}'],
  'panel.next': ['Bài tiếp', 'Next lesson'],
  'panel.prev': ['Bài trước', 'Previous lesson'],
  'panel.hide': ['Thu nhỏ', 'Minimise'],
  'panel.show': ['Luyện tập: bài {n}', 'Practice: lesson {n}'],
  'panel.steps': ['Cách làm', 'How'],
  'panel.where': ['Nút cần dùng đang nhấp nháy viền cam.', 'The control to use has a pulsing orange outline.'],
  'status.done': ['đã xong', 'done'],
  'status.wrong': ['chưa đúng', 'not yet'],
  'status.todo': ['chưa làm', 'to do'],
  'trainer.title': ['Học viên đang luyện tập', 'Learners practising'],
  'trainer.name': ['Học viên', 'Learner'],
  'trainer.commune': ['Xã', 'Commune'],
  'trainer.lesson': ['Bài', 'Lesson'],
  'trainer.result': ['Kết quả', 'Result'],
  'trainer.unchecked': ['chưa kiểm tra', 'not checked'],
  'help.button': ['Trợ giúp (F1)', 'Help (F1)'],
  'help.title': ['Trợ giúp', 'Help'],
  'help.close': ['Đóng (Esc)', 'Close (Esc)'],
  'help.tab.drafting': ['Vẽ bản đồ', 'Drafting'],
  'help.tab.import': ['Nhập dữ liệu', 'Import'],
  'help.tab.print': ['In bản đồ', 'Print'],
  'help.tab.review': ['Thẩm định', 'Review'],
  'help.tools': ['Các công cụ vẽ và phím tắt', 'Drawing tools and their keys'],
} as const;

export type TKey = keyof typeof T;

export function useT() {
  const { lang } = useI18n();
  return useCallback(
    (key: TKey, vars: Record<string, string | number> = {}) => {
      const [vi, en] = T[key];
      return (lang === 'en' ? en : vi).replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
    },
    [lang],
  );
}
