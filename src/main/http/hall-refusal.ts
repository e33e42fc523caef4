// Why a hall account may not call a method, as the sentence the user reads: the role table
// (shared/contract/access.ts) says whether; this file says why, in Vietnamese first. Split out of
// createHallGate (hall-auth.ts) so that the gate's function holds no wording tables.
import type { ApiErrorBody, MethodName } from '../../shared/api';
import { accessOf, allowed, type Access } from '../../shared/contract/access';
import type { HallPrincipal } from './hall-auth';
import { err } from './respond';

const ROLE_VI: Record<HallPrincipal['role'], string> = { commune_staff: 'cán bộ xã', reviewer: 'cán bộ thẩm định', admin: 'quản trị' };
const ACCESS_VI: Record<Exclude<Access, 'read' | 'write'>, { vi: string; en: string }> = {
  review: { vi: 'chỉ cán bộ thẩm định hoặc quản trị được làm việc này', en: 'only a reviewer or an administrator may do this' },
  admin: { vi: 'chỉ quản trị được làm việc này', en: 'only an administrator may do this' },
  local: {
    vi: 'máy chủ phòng họp phục vụ một dự án với các tài khoản của nó; muốn đổi dự án hay tên người dùng, hãy khởi động lại máy chủ',
    en: 'the hall server serves one project with its accounts; to change the project or who you are, restart the server',
  },
};

/** Why this account may not call this method (null: it may). */
export function refusal(p: HallPrincipal, method: MethodName, input: unknown): ApiErrorBody | null {
  const access = accessOf(method, input);
  if (allowed(p, access)) return null;
  const why = ACCESS_VI[access as keyof typeof ACCESS_VI];
  return err(
    'forbidden',
    `Tài khoản ${p.login} (${ROLE_VI[p.role]}) không được gọi "${method}": ${why.vi}.`,
    `The account ${p.login} (${p.role}) may not call "${method}": ${why.en}.`,
  );
}
