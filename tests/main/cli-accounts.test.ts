// `quytap accounts` and the hall's start with a disabled administrator: the hall refuses to start
// with a sentence naming the exact command, and that command (run as printed) lets it start.
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/shared/api-error';
import { hallAccounts } from '../../src/main/services/accounts';
import { ProjectStore } from '../../src/main/store';

const dir = mkdtempSync(join(tmpdir(), 'quytap cli accounts-')); // a space: the printed command quotes the path
const file = join(dir, 'huyện.gpkg');
const env = { ...process.env, QUYTAP_OPERATOR: 'tro-ly', QUYTAP_PROJECTS_DIR: join(dir, 'projects') };
const quytap = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], { encoding: 'utf8', env, timeout: 60_000 });

/** The project's accounts, read as the CLI's list does. */
function accounts() {
  const s = ProjectStore.open(file, { access: 'read' });
  try {
    return s.accounts().list();
  } finally {
    s.close();
  }
}

/** bootstrapAdmin on the project (what `quytap serve --hall` runs before listening). */
async function bootstrap(path = file) {
  const s = ProjectStore.open(path);
  try {
    return await hallAccounts(() => s).bootstrapAdmin();
  } finally {
    s.close();
  }
}

const made = (login: string, role: 'admin' | 'reviewer', disabled: boolean) => (s: ProjectStore) => {
  const a = s.accounts().create({ id: randomUUID(), login, name: `Người ${login}`, role, communeCode: null, passwordHash: null, joinCodeHash: null, joinExpiresAt: null }, 'test');
  if (a === 'login_taken') throw new Error(login);
  if (disabled) s.accounts().setDisabled(a.id, true, 'test');
};

function project(path: string, ...accounts: ((s: ProjectStore) => void)[]) {
  const r = quytap('init', path, '--province', 'Đắk Nông', '--commune', '24688:Krông Nô');
  expect(r.status, r.stderr).toBe(0);
  const s = ProjectStore.open(path);
  try {
    for (const a of accounts) a(s);
  } finally {
    s.close();
  }
}

beforeAll(() => project(file, made('admin', 'admin', true), made('lan', 'reviewer', false)), 60_000);

describe('the hall with its administrator disabled', () => {
  let printed = '';

  it('does not start: a sentence (Vietnamese, English) naming the cause and the exact command', async () => {
    let err: unknown = null;
    try {
      await bootstrap();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.code).toBe('conflict');
    const command = `quytap accounts "${file}" enable admin`;
    expect(e.vi).toContain('tài khoản quản trị "admin" đang bị khóa');
    expect(e.vi).toContain(command);
    expect(e.en).toContain('the administrator account "admin" is disabled');
    expect(e.en).toContain(command);
    printed = /quytap accounts .* enable admin/.exec(e.vi)![0];
    // Nothing was made instead of it: the disabled administrator is not bypassed.
    expect(accounts().map((a) => a.login)).toEqual(['admin', 'lan']);
  });

  it('`quytap serve --hall` says it on the terminal (Lỗi / Error) and exits 1 before listening', () => {
    const r = quytap('serve', '--hall', '--bind', '127.0.0.1', '--port', '0', '--project', file);
    expect(r.status, r.stdout).toBe(1);
    expect(r.stderr).toContain(`Lỗi: Phòng họp chưa có quản trị nào đăng nhập được`);
    expect(r.stderr).toContain(`Error: The hall has no administrator who can log in`);
    expect(r.stderr).toContain(`quytap accounts "${file}" enable admin`);
    expect(r.stdout).not.toContain('https://');
  });

  it('the printed command, run as it is, enables the account; the hall then makes its join code', async () => {
    const args = [...printed.matchAll(/"([^"]+)"|(\S+)/g)].map((m) => m[1] ?? m[2]!).slice(1);
    expect(args).toEqual(['accounts', file, 'enable', 'admin']);
    const r = quytap(...args);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Đã mở khóa tài khoản "admin" \(Người admin\) \/ account "admin" enabled\./);
    expect(accounts().find((a) => a.login === 'admin')!.disabled).toBe(false);
    const first = await bootstrap();
    expect(first).toMatchObject({ login: 'admin', joinCode: expect.any(String) });
  });
});

describe('quytap accounts', () => {
  it('list: one line per account, Vietnamese first; it reads while another program writes', () => {
    const writer = ProjectStore.open(file);
    try {
      const r = quytap('accounts', file, 'list');
      expect(r.status, r.stderr).toBe(0);
      const lines = r.stdout.trim().split('\n');
      expect(lines[0]).toMatch(/^tên đăng nhập \/ login\s+họ tên \/ name\s+vai trò \/ role/);
      expect(lines.find((l) => l.startsWith('admin '))).toMatch(/quản trị \/ administrator .* đang dùng \/ enabled, mã tham gia đến/);
      expect(lines.find((l) => l.startsWith('lan '))).toMatch(/thẩm định \/ reviewer .* chưa có mật khẩu/);
    } finally {
      writer.close();
    }
  });

  it('disable and enable are audited under the operator; a second time says it is already so', () => {
    expect(quytap('accounts', file, 'disable', 'lan').stdout).toContain('Đã khóa tài khoản "lan"');
    expect(quytap('accounts', file, 'disable', 'lan').stdout).toContain('Tài khoản "lan" đã bị khóa sẵn / the account "lan" is already disabled.');
    expect(accounts().find((a) => a.login === 'lan')!.disabled).toBe(true);
    const db = new Database(file, { readonly: true });
    const audit = db
      .prepare("SELECT author, label FROM qt_audit_log WHERE table_name = 'qt_accounts' AND uuid = ? ORDER BY seq")
      .all(accounts().find((a) => a.login === 'lan')!.id);
    db.close();
    expect(audit.at(-1)).toEqual({ author: 'tro-ly', label: 'Khóa tài khoản' });
    expect(quytap('accounts', file, 'enable', 'lan').status).toBe(0);
  });

  it('finds the login case aside and in any Unicode form, as the hall’s log-in does', () => {
    const s = ProjectStore.open(file);
    try {
      made('Đức.Lê', 'reviewer', false)(s);
    } finally {
      s.close();
    }
    const r = quytap('accounts', file, 'disable', 'ĐỨC.LÊ'.normalize('NFD'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Đã khóa tài khoản "Đức.Lê"');
    expect(accounts().find((a) => a.login === 'Đức.Lê')!.disabled).toBe(true);
  });

  it('disabling the last administrator warns how to undo it', () => {
    const r = quytap('accounts', file, 'disable', 'admin');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Không còn quản trị nào đang dùng`);
    expect(r.stdout).toContain(`quytap accounts "${file}" enable admin`);
    expect(quytap('accounts', file, 'enable', 'admin').status).toBe(0);
  });

  it('refuses with a sentence: an unknown login, a change while the hall holds the file (in the store’s words), a wrong usage', () => {
    const unknown = quytap('accounts', file, 'enable', 'khong-co');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(`Lỗi: Dự án không có tài khoản "khong-co". Xem các tài khoản: quytap accounts "${file}" list`);
    expect(unknown.stderr).toContain('Error: The project has no account "khong-co".');
    const writer = ProjectStore.open(file);
    try {
      const busy = quytap('accounts', file, 'disable', 'lan');
      expect(busy.status).toBe(1);
      expect(busy.stderr).toMatch(/^Lỗi: Dự án đang được mở .*\nError: The project is open/);
    } finally {
      writer.close();
    }
    expect(accounts().find((a) => a.login === 'lan')!.disabled).toBe(false);
    for (const bad of [['accounts', file], ['accounts', file, 'enable'], ['accounts', file, 'delete', 'lan'], ['accounts', file, 'list', 'x']]) {
      const r = quytap(...bad);
      expect(r.status, bad.join(' ')).toBe(2);
      expect(r.stderr).toContain('quytap accounts <tệp.gpkg> list');
    }
  });
});

describe('"admin" taken by a reviewer, and no administrator at all', () => {
  it('the hall makes its first administrator under the next free login instead of failing', async () => {
    const other = join(dir, 'xa.gpkg');
    project(other, made('admin', 'reviewer', false));
    const first = await bootstrap(other);
    expect(first).toMatchObject({ login: 'admin-2', joinCode: expect.any(String) });
  });
});
