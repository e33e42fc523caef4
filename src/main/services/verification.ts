// Handlers of the verification queue (src/shared/contract/verification.ts). Who sent, took up and
// decided a request is the caller (the hall session's account, or the operator in single-user
// mode), never a name in the body; the rules are the shared ones the renderer shows buttons by.
import { ApiError } from '../../shared/api-error';
import type { verificationMethods } from '../../shared/contract/verification';
import type { Row } from '../../shared/model';
import {
  actNeeds,
  decideRefusal,
  sendRefusal,
  VERIFICATION_ACT_LABELS,
  VERIFICATION_TRANSITIONS,
  verificationStateRefusal,
  type VerificationAct,
} from '../../shared/verification/state';
import type { HandlersFor, ServiceContext } from './context';

const forbidden = (r: { vi: string; en: string }, details?: unknown) => new ApiError('forbidden', r.vi, r.en, details);

/** The name the commune knows the row by, kept with the request (the row may change later). */
function labelOf(row: Row): string {
  const p = row.props;
  const v = [p.full_name, p.number, p.name, p.informant_name].find((x) => typeof x === 'string' && x.trim() !== '');
  return typeof v === 'string' ? v.trim().slice(0, 200) : '';
}

const missingWhat: Record<'grounds' | 'result' | 'note', { vi: string; en: string }> = {
  grounds: { vi: 'căn cứ xác minh (tài liệu, lời khai, hiện trường…)', en: 'the grounds (documents, testimony, site visit…)' },
  result: { vi: 'kết quả xác minh', en: 'the result' },
  note: { vi: 'lý do trả lại xã', en: 'the reason for returning it' },
};

function checkNeeds(act: VerificationAct, input: { grounds: string; result: string; note: string }): void {
  const needs = actNeeds(act);
  for (const k of ['grounds', 'result', 'note'] as const)
    if (needs[k] && !input[k])
      throw new ApiError(
        'validation',
        `"${VERIFICATION_ACT_LABELS[act].vi}" cần ghi ${missingWhat[k].vi}. Hãy điền rồi gửi lại.`,
        `"${VERIFICATION_ACT_LABELS[act].en}" needs ${missingWhat[k].en}. Fill it in and send again.`,
        { field: k },
      );
}

export function verificationHandlers(ctx: ServiceContext): HandlersFor<typeof verificationMethods> {
  return {
    'verification.send': ({ table, id, question }) => {
      const store = ctx.need();
      const row = store.get(table, id);
      if (!row || row.meta.deleted)
        throw new ApiError('not_found', 'Không tìm thấy hồ sơ cần gửi thẩm tra (có thể đã bị xóa). Hãy tải lại danh sách.', 'The row to send for verification does not exist (it may have been deleted). Reload the list.', {
          table,
          id,
        });
      const communeCode = typeof row.props.commune_code === 'string' && row.props.commune_code !== '' ? row.props.commune_code : null;
      const refusal = sendRefusal(ctx.operator(), communeCode);
      if (refusal) throw forbidden(refusal, { communeCode });
      const r = store.verification().send({ table, targetId: id, targetLabel: labelOf(row), communeCode, question }, ctx.author());
      if ('open' in r)
        throw new ApiError(
          'conflict',
          `Hồ sơ này đã được ${r.open.sentBy} gửi thẩm tra (${r.open.sentAt.slice(0, 10)}) và đang chờ Tổ thẩm tra, xác minh: chờ kết luận rồi mới gửi lại.`,
          `This row was sent for verification by ${r.open.sentBy} (${r.open.sentAt.slice(0, 10)}) and is still with the verification team: wait for its decision before sending it again.`,
          { requestId: r.open.id },
        );
      ctx.changed([], null);
      return r;
    },
    'verification.list': ({ communeCode, states, table, targetId }) => {
      const op = ctx.operator();
      // Commune staff see their own commune's requests, whatever they ask for.
      const own = op?.role === 'commune_staff' ? op.communeCode : null;
      if (own && communeCode && communeCode !== own)
        throw forbidden({ vi: 'Cán bộ xã chỉ xem hàng đợi thẩm tra của xã mình.', en: 'Commune staff see only their own commune’s verification requests.' }, { communeCode });
      return ctx.need().verification().list({ communeCode: own ?? communeCode, states, table, targetId });
    },
    'verification.decide': ({ id, act, grounds, result, note }) => {
      const store = ctx.need();
      const refusal = decideRefusal(ctx.operator());
      if (refusal) throw forbidden(refusal, { act });
      checkNeeds(act, { grounds, result, note });
      const t = VERIFICATION_TRANSITIONS[act];
      const label = act === 'take' ? 'Nhận thẩm tra, xác minh' : `Thẩm tra, xác minh: ${VERIFICATION_ACT_LABELS[act].vi.toLowerCase()}`;
      const step = act === 'take' ? { to: t.to, kind: 'take' as const, grounds: '', result: '', note: '', label } : { to: t.to, kind: 'decide' as const, grounds, result, note, label };
      const r = store.verification().step(id, t.from, step, ctx.author());
      if (r === null) throw new ApiError('not_found', 'Không tìm thấy yêu cầu thẩm tra. Hãy tải lại hàng đợi.', 'The verification request does not exist. Reload the queue.', { id });
      if ('refused' in r) {
        const why = verificationStateRefusal(r.refused, act)!;
        throw new ApiError('conflict', why.vi, why.en, { state: r.refused, act });
      }
      ctx.changed([], null);
      return r;
    },
  };
}
