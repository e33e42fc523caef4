// The verification queue (issue 18 item 5): a martyr record, a grave or an information form sent by
// the commune to the district's verification team ("Tổ thẩm tra, xác minh") with a question to
// clarify; the team takes it, then decides. Pure rules: main enforces them
// (src/main/services/verification.ts), the renderer uses the same tables to show or hide buttons.
// Their schemas are in the contract (contract/verification.ts): the renderer runs this file.
import type { Operator } from '../contract/common';
import { isReviewer } from '../review/state';

/** The rows that can be sent for verification. */
export const VERIFIABLE_TABLES = ['martyrs', 'graves', 'info_forms'] as const;
export type VerifiableTable = (typeof VERIFIABLE_TABLES)[number];
export const isVerifiable = (t: string): t is VerifiableTable => (VERIFIABLE_TABLES as readonly string[]).includes(t);

export const VERIFICATION_STATES = ['sent', 'in_progress', 'verified', 'cannot_verify', 'returned'] as const;
export type VerificationRequestState = (typeof VERIFICATION_STATES)[number];

/** The team's acts: take a request in hand, or close it with one of three outcomes. */
export const VERIFICATION_ACTS = ['take', 'verified', 'cannot_verify', 'return'] as const;
export type VerificationAct = (typeof VERIFICATION_ACTS)[number];

/** Still waiting for the team: a row has at most one such request at a time. */
export const OPEN_STATES: readonly VerificationRequestState[] = ['sent', 'in_progress'];
export const isOpenState = (s: VerificationRequestState): boolean => OPEN_STATES.includes(s);

export const VERIFICATION_TRANSITIONS: Record<VerificationAct, { from: readonly VerificationRequestState[]; to: VerificationRequestState }> = {
  take: { from: ['sent'], to: 'in_progress' },
  verified: { from: ['sent', 'in_progress'], to: 'verified' },
  cannot_verify: { from: ['sent', 'in_progress'], to: 'cannot_verify' },
  return: { from: ['sent', 'in_progress'], to: 'returned' },
};

export const VERIFICATION_STATE_LABELS: Record<VerificationRequestState, { vi: string; en: string }> = {
  sent: { vi: 'Đã gửi, chờ thẩm tra', en: 'Sent, waiting' },
  in_progress: { vi: 'Đang thẩm tra, xác minh', en: 'Being verified' },
  verified: { vi: 'Đã xác minh', en: 'Verified' },
  cannot_verify: { vi: 'Không xác minh được', en: 'Cannot be verified' },
  returned: { vi: 'Trả lại xã', en: 'Returned to the commune' },
};

export const VERIFICATION_ACT_LABELS: Record<VerificationAct, { vi: string; en: string }> = {
  take: { vi: 'Nhận thẩm tra', en: 'Take up' },
  verified: { vi: 'Kết luận: đã xác minh', en: 'Decide: verified' },
  cannot_verify: { vi: 'Kết luận: không xác minh được', en: 'Decide: cannot verify' },
  return: { vi: 'Trả lại xã', en: 'Return to the commune' },
};

/** What an act must carry: a decision names its grounds and result; a return says why. */
export function actNeeds(act: VerificationAct): { grounds: boolean; result: boolean; note: boolean } {
  if (act === 'verified' || act === 'cannot_verify') return { grounds: true, result: true, note: false };
  if (act === 'return') return { grounds: false, result: false, note: true };
  return { grounds: false, result: false, note: false };
}

/** Why this operator may not send a row of `communeCode` for verification (null: allowed). */
export function sendRefusal(op: Operator | null, communeCode: string | null): { vi: string; en: string } | null {
  if (!op) return { vi: 'Hãy chọn tên và vai trò người dùng trước khi gửi thẩm tra.', en: 'Choose your name and role before sending for verification.' };
  if (op.role === 'commune_staff' && op.communeCode !== null && op.communeCode !== communeCode)
    return { vi: 'Cán bộ xã chỉ gửi thẩm tra hồ sơ, mộ, phiếu của xã mình.', en: 'Commune staff send only their own commune’s records, graves and forms.' };
  return null;
}

/** Why this operator may not act on the queue (null: allowed). The team is the district's reviewers. */
export function decideRefusal(op: Operator | null): { vi: string; en: string } | null {
  if (!op) return { vi: 'Hãy chọn tên và vai trò người dùng trước.', en: 'Choose your name and role first.' };
  if (!isReviewer(op))
    return {
      vi: 'Chỉ Tổ thẩm tra, xác minh của huyện (tài khoản cán bộ thẩm định hoặc quản trị) mới nhận và kết luận yêu cầu thẩm tra.',
      en: 'Only the district verification team (reviewer or administrator accounts) takes up and decides verification requests.',
    };
  return null;
}

/** Why a request in `state` does not allow `act` (null: it does). */
export function verificationStateRefusal(state: VerificationRequestState, act: VerificationAct): { vi: string; en: string } | null {
  if (VERIFICATION_TRANSITIONS[act].from.includes(state)) return null;
  return {
    vi: `Yêu cầu đang ở trạng thái "${VERIFICATION_STATE_LABELS[state].vi}": không thể ${VERIFICATION_ACT_LABELS[act].vi.toLowerCase()}. Hãy tải lại hàng đợi.`,
    en: `The request is "${VERIFICATION_STATE_LABELS[state].en}": "${VERIFICATION_ACT_LABELS[act].en}" is not possible. Reload the queue.`,
  };
}
