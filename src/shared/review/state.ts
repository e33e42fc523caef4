// The commune map's review state and who may move it where. Pure rules: main enforces them
// (src/main/services/review.ts), the renderer uses the same table to show or hide buttons.
// Their schemas are in the contract (contract/review.ts): the renderer runs this file.
import type { Operator } from '../contract/common';

export const REVIEW_STATES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEW_ACTS = ['submit', 'return', 'approve', 'unlock'] as const;
export type ReviewAct = (typeof REVIEW_ACTS)[number];

/** From which states an act may start, and where it leads. */
export const TRANSITIONS: Record<ReviewAct, { from: readonly ReviewState[]; to: ReviewState }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  return: { from: ['submitted'], to: 'returned' },
  approve: { from: ['submitted'], to: 'approved' },
  // An approved map is locked; opening it again is a reviewer's explicit, recorded act.
  unlock: { from: ['approved'], to: 'draft' },
};

export const STATE_LABELS: Record<ReviewState, { vi: string; en: string }> = {
  draft: { vi: 'Đang lập', en: 'Draft' },
  submitted: { vi: 'Đã trình duyệt', en: 'Submitted' },
  returned: { vi: 'Trả lại để sửa', en: 'Returned' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
};

export const ACT_LABELS: Record<ReviewAct, { vi: string; en: string }> = {
  submit: { vi: 'Trình duyệt', en: 'Submit' },
  return: { vi: 'Trả lại', en: 'Return' },
  approve: { vi: 'Phê duyệt', en: 'Approve' },
  unlock: { vi: 'Mở khóa', en: 'Unlock' },
};

export const isReviewer = (op: Operator | null): boolean => op?.role === 'reviewer' || op?.role === 'admin';

/** Why this operator may not perform this act on this commune's map (null: allowed). */
export function actRefusal(op: Operator | null, act: ReviewAct, communeCode: string): { vi: string; en: string } | null {
  if (!op) return { vi: 'Hãy chọn tên và vai trò người dùng trước.', en: 'Choose your name and role first.' };
  if (act === 'submit') {
    // Submitting is the commune's act (an administrator may do it for them); a reviewer judges.
    if (op.role === 'reviewer') return { vi: 'Cán bộ thẩm định không trình duyệt thay xã.', en: 'A reviewer does not submit on behalf of a commune.' };
    if (op.role === 'commune_staff' && op.communeCode !== null && op.communeCode !== communeCode)
      return { vi: 'Cán bộ xã chỉ trình duyệt bản đồ của xã mình.', en: 'Commune staff submit only their own commune’s map.' };
    return null;
  }
  if (!isReviewer(op))
    return {
      vi: `Chỉ cán bộ thẩm định của huyện (hoặc quản trị) mới được ${ACT_LABELS[act].vi.toLowerCase()} bản đồ.`,
      en: `Only a district reviewer (or an administrator) may ${ACT_LABELS[act].en.toLowerCase()} a map.`,
    };
  return null;
}

/** Why this state does not allow the act (null: it does). */
export function stateRefusal(state: ReviewState, act: ReviewAct): { vi: string; en: string } | null {
  const t = TRANSITIONS[act];
  if (t.from.includes(state)) return null;
  return {
    vi: `Bản đồ đang ở trạng thái "${STATE_LABELS[state].vi}": không thể ${ACT_LABELS[act].vi.toLowerCase()}.`,
    en: `The map is "${STATE_LABELS[state].en}": it cannot be ${act === 'submit' ? 'submitted' : act === 'return' ? 'returned' : act === 'approve' ? 'approved' : 'unlocked'}.`,
  };
}
