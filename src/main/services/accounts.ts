// Handlers of the accounts methods (src/shared/contract/accounts.ts) and the hall server's log-in
// checks (hallAccounts, used by src/main/http/hall-auth.ts). Only an administrator reaches the
// handlers (src/shared/contract/access.ts); no answer carries a hash.
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../shared/api-error';
import type { AccountInfo, accountMethods } from '../../shared/contract/accounts';
import type { AccountRecord, ProjectStore } from '../store';
import type { HandlersFor, ServiceContext } from './context';
import { hashPassword, joinCodeHash, newJoinCode, sameHash, verifyPassword } from './passwords';

/** How long a one-time join code stays valid. */
export const JOIN_CODE_TTL_MS = 3 * 24 * 3600 * 1000;

/** Who a session belongs to, as the hall server needs it. */
export interface Principal {
  accountId: string;
  login: string;
  name: string;
  role: AccountRecord['role'];
  communeCode: string | null;
  stamp: number;
}

const info = (a: AccountRecord): AccountInfo => ({
  id: a.id,
  login: a.login,
  name: a.name,
  role: a.role,
  communeCode: a.communeCode,
  disabled: a.disabled,
  hasPassword: a.hasPassword,
  joinCodeUntil: a.joinCodeUntil,
  createdAt: a.createdAt,
  createdBy: a.createdBy,
});

const principal = (a: AccountRecord): Principal => ({
  accountId: a.id,
  login: a.login,
  name: a.name,
  role: a.role,
  communeCode: a.communeCode,
  stamp: a.stamp,
});

const noAccount = (id: string) => new ApiError('not_found', 'Không có tài khoản này.', 'There is no such account.', { id });

/** A password, or (none) a fresh join code: what to store and what to show once. */
async function credentials(password: string | undefined) {
  if (password !== undefined) return { stored: { passwordHash: await hashPassword(password), joinCodeHash: null, joinExpiresAt: null }, joinCode: null };
  const joinCode = newJoinCode();
  return {
    stored: { passwordHash: null, joinCodeHash: joinCodeHash(joinCode), joinExpiresAt: new Date(Date.now() + JOIN_CODE_TTL_MS).toISOString() },
    joinCode,
  };
}

export function accountHandlers(ctx: ServiceContext): HandlersFor<typeof accountMethods> {
  return {
    'accounts.list': () => ctx.need().accounts().list().map(info),
    'accounts.create': async (a) => {
      const store = ctx.need();
      if (a.role === 'commune_staff' && !store.getSettings().communes.some((c) => c.code === a.communeCode))
        throw new ApiError('validation', `Dự án không có xã mã ${a.communeCode}.`, `The project has no commune with code ${a.communeCode}.`);
      const c = await credentials(a.password);
      const made = store.accounts().create(
        { id: randomUUID(), login: a.login, name: a.name, role: a.role, communeCode: a.role === 'commune_staff' ? a.communeCode : null, ...c.stored },
        ctx.author(),
      );
      if (made === 'login_taken')
        throw new ApiError('conflict', `Tên đăng nhập "${a.login}" đã có người dùng: hãy chọn tên khác.`, `The login "${a.login}" is taken: choose another.`);
      return { account: info(made), joinCode: c.joinCode };
    },
    'accounts.resetPassword': async ({ id, password }) => {
      const c = await credentials(password);
      const label = password !== undefined ? 'Đặt lại mật khẩu' : 'Cấp mã tham gia mới';
      const out = ctx.need().accounts().setCredentials(id, c.stored, ctx.author(), label);
      if (!out) throw noAccount(id);
      return { account: info(out), joinCode: c.joinCode };
    },
    'accounts.setDisabled': ({ id, disabled }) => {
      const store = ctx.need();
      const me = ctx.operator() as (ReturnType<ServiceContext['operator']> & { accountId?: string }) | null;
      if (disabled && me?.accountId === id)
        throw new ApiError('forbidden', 'Không thể tự khóa tài khoản của mình.', 'You cannot disable your own account.');
      const out = store.accounts().setDisabled(id, disabled, ctx.author());
      if (!out) throw noAccount(id);
      return info(out);
    },
  };
}

/** The hall server's checks against the open project's accounts. */
export function hallAccounts(need: () => ProjectStore) {
  return {
    async logIn(login: string, password: string): Promise<Principal | null> {
      const s = need().accounts().secretsByLogin(login);
      const ok = await verifyPassword(password, s?.passwordHash ?? null);
      if (!ok || !s || s.disabled) return null;
      return principal(s.account);
    },
    /** The one-time code sets the account's first password; null if the code is wrong, used or expired. */
    async join(login: string, code: string, newPassword: string): Promise<Principal | null> {
      const s = need().accounts().secretsByLogin(login);
      const given = joinCodeHash(code);
      const fresh = s?.joinExpiresAt != null && Date.parse(s.joinExpiresAt) > Date.now();
      const hash = await hashPassword(newPassword); // always: the answer's time says nothing
      if (!s || s.disabled || !fresh || !sameHash(given, s.joinCodeHash)) return null;
      if (!need().accounts().consumeJoinCode(s.id, given, hash, s.account.name)) return null;
      const a = need().accounts().get(s.id);
      return a ? principal(a) : null;
    },
    /** The account behind a session as it is now (null: gone or disabled). */
    current(accountId: string): Principal | null {
      const a = need().accounts().get(accountId);
      return a && !a.disabled ? principal(a) : null;
    },
    /**
     * At the hall's start: with no administrator who can log in, one gets a fresh join code (the
     * account "admin" is made if the project has none), printed on the server's terminal. A
     * disabled "admin" is not replaced behind the operator's back: the error says how to enable it.
     */
    async bootstrapAdmin(): Promise<{ login: string; joinCode: string } | null> {
      const repo = need().accounts();
      const admins = repo.list().filter((a) => a.role === 'admin' && !a.disabled);
      if (admins.some((a) => a.hasPassword)) return null;
      const c = await credentials(undefined);
      const existing = admins[0];
      if (existing) {
        repo.setCredentials(existing.id, c.stored, 'quytap serve --hall', 'Cấp mã tham gia cho quản trị');
        return { login: existing.login, joinCode: c.joinCode! };
      }
      // "admin" may be a disabled administrator (refused below) or, rarely, a reviewer's or commune
      // staff's login: the new administrator then takes the first free "admin-N".
      for (let n = 1; n < 100; n++) {
        const login = n === 1 ? 'admin' : `admin-${n}`;
        const made = repo.create(
          { id: randomUUID(), login, name: 'Quản trị huyện', role: 'admin', communeCode: null, ...c.stored },
          'quytap serve --hall',
        );
        if (made !== 'login_taken') return { login: made.login, joinCode: c.joinCode! };
        const taken = repo.secretsByLogin(login)?.account;
        if (taken?.role === 'admin') throw disabledAdmin(need().path, login);
      }
      throw new ApiError('conflict', 'Không còn tên đăng nhập trống cho quản trị (admin, admin-2 … admin-99).', 'No free login left for an administrator (admin, admin-2 … admin-99).');
    },
  };
}

/** The hall cannot start: its administrator is disabled, and only the server's operator may enable it. */
function disabledAdmin(projectPath: string, login: string): ApiError {
  const command = `quytap accounts "${projectPath}" enable ${login}`;
  return new ApiError(
    'conflict',
    `Phòng họp chưa có quản trị nào đăng nhập được: tài khoản quản trị "${login}" đang bị khóa. Hãy mở khóa bằng lệnh\n  ${command}\nrồi chạy lại quytap serve --hall (xem các tài khoản: quytap accounts "${projectPath}" list).`,
    `The hall has no administrator who can log in: the administrator account "${login}" is disabled. Enable it with\n  ${command}\nthen run quytap serve --hall again (to see the accounts: quytap accounts "${projectPath}" list).`,
    { login },
  );
}

export type HallAccounts = ReturnType<typeof hallAccounts>;
