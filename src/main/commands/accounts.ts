// quytap accounts <project.gpkg> list | enable <login> | disable <login>
// The hall's accounts (qt_accounts) seen and switched on or off from the server's own terminal: the
// way back in when no administrator can log in (a disabled "admin" stops `quytap serve --hall`,
// whose message names this command). Each change is audited like the admin page's.
import { resolve } from 'node:path';
import { ApiError } from '../../shared/api-error';
import type { AccountRecord } from '../store';
import { ProjectStore } from '../store';
import { author, parseCommandArgs } from './common';

const USAGE = `Cách dùng / usage:
  quytap accounts <tệp.gpkg> list
  quytap accounts <tệp.gpkg> enable <tên-đăng-nhập>
  quytap accounts <tệp.gpkg> disable <tên-đăng-nhập>
  Xem, mở khóa hoặc khóa tài khoản của phòng họp huyện (quytap serve --hall); dừng máy chủ trước khi đổi.
  List, enable or disable the district hall's accounts (quytap serve --hall); stop the server before a change.
  Ví dụ / example:
    quytap accounts huyen.gpkg enable admin`;

const ROLE: Record<AccountRecord['role'], string> = {
  admin: 'quản trị / administrator',
  reviewer: 'thẩm định / reviewer',
  commune_staff: 'cán bộ xã / commune staff',
};

/** One line per account: login, name, role, commune, state. */
export function formatAccounts(accounts: AccountRecord[]): string {
  if (!accounts.length) return 'Dự án chưa có tài khoản nào / the project has no accounts yet (quytap serve --hall makes the first administrator).';
  const rows = accounts.map((a) => [
    a.login,
    a.name,
    ROLE[a.role],
    a.communeCode ?? '—',
    [
      a.disabled ? 'bị khóa / disabled' : 'đang dùng / enabled',
      a.hasPassword ? 'có mật khẩu / has a password' : a.joinCodeUntil ? `mã tham gia đến / join code until ${a.joinCodeUntil.slice(0, 16)}` : 'chưa có mật khẩu / no password yet',
    ].join(', '),
  ]);
  const head = ['tên đăng nhập / login', 'họ tên / name', 'vai trò / role', 'xã / commune', 'trạng thái / state'];
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [head, ...rows].map((r) => r.map((c, i) => (i < r.length - 1 ? c.padEnd(width[i]!) : c)).join('  ')).join('\n');
}

/** Found as the hall's log-in finds it: case aside (shared/contract/login-key.ts). */
function findAccount(store: ProjectStore, file: string, login: string): AccountRecord {
  const a = store.accounts().byLogin(login);
  if (!a)
    throw new ApiError(
      'not_found',
      `Dự án không có tài khoản "${login}". Xem các tài khoản: quytap accounts "${file}" list`,
      `The project has no account "${login}". See the accounts: quytap accounts "${file}" list`,
    );
  return a;
}

/** enable/disable: the account's new state, said Vietnamese first. */
function setDisabled(file: string, login: string, disabled: boolean): void {
  const store = ProjectStore.open(file);
  try {
    if (store.readOnly)
      throw new ApiError(
        'conflict',
        `Không ghi được vào "${file}": tệp đang mở ở chương trình khác (máy chủ phòng họp?) hoặc chỉ đọc. Hãy dừng chương trình đó (Ctrl+C) rồi chạy lại lệnh này.`,
        `Cannot write to "${file}": another program (the hall server?) has it open, or it is read-only. Stop that program (Ctrl+C) and run this command again.`,
      );
    const a = findAccount(store, file, login);
    const vi = disabled ? 'khóa' : 'mở khóa';
    const en = disabled ? 'disabled' : 'enabled';
    if (a.disabled === disabled) {
      console.log(`Tài khoản "${a.login}" đã ${disabled ? 'bị khóa' : 'đang dùng'} sẵn / the account "${a.login}" is already ${en}.`);
      return;
    }
    store.accounts().setDisabled(a.id, disabled, author());
    console.log(`Đã ${vi} tài khoản "${a.login}" (${a.name}) / account "${a.login}" ${en}.`);
    const admins = store.accounts().list().filter((x) => x.role === 'admin' && !x.disabled);
    if (disabled && !admins.length)
      console.log(
        `Không còn quản trị nào đang dùng: quytap serve --hall sẽ dừng cho đến khi mở lại một tài khoản (quytap accounts "${file}" enable ${a.login}).\n` +
          `No enabled administrator is left: quytap serve --hall will stop until one is enabled (quytap accounts "${file}" enable ${a.login}).`,
      );
    else if (!disabled && a.role === 'admin' && !a.hasPassword)
      console.log('Tài khoản chưa có mật khẩu: quytap serve --hall sẽ in mã tham gia. / The account has no password yet: quytap serve --hall will print a join code.');
  } finally {
    store.close();
  }
}

export async function accountsCommand(args: string[]): Promise<void> {
  const parsed = parseCommandArgs(args, {}, USAGE);
  if (!parsed) return;
  const [project, action, login, ...extra] = parsed.positionals;
  const wantsLogin = action === 'enable' || action === 'disable';
  if (!project || !(action === 'list' || wantsLogin) || (wantsLogin ? !login : login !== undefined) || extra.length) {
    console.error(USAGE);
    process.exit(2);
  }
  const file = resolve(project);
  if (action === 'list') {
    // Only reading: works while the hall server has the project open.
    const store = ProjectStore.open(file, { access: 'read' });
    try {
      console.log(formatAccounts(store.accounts().list()));
    } finally {
      store.close();
    }
    return;
  }
  setDisabled(file, login!, action === 'disable');
}
