// SQL of the hall server's accounts (schema-v6-accounts.ts). Hashes are made and checked outside
// the store (src/main/services/passwords.ts); here they are only stored, compared as stored values
// in one UPDATE (a join code is consumed once), and never returned by list() or get().
// Every change is recorded in qt_audit_log under the pseudo-table qt_accounts (without hashes).
// Logins are found and kept unique by shared/contract/login-key.ts (case-insensitive over all of
// Unicode), not by the column's COLLATE NOCASE, which folds ASCII only.
import type Database from 'better-sqlite3';
import { loginKey, normalizeLogin } from '../../shared/contract/login-key';
import { hasAccountsTable, migrateToV6 } from './schema-v6-accounts';

export const ACCOUNTS_AUDIT = 'qt_accounts';

export type AccountRole = 'commune_staff' | 'reviewer' | 'admin';

export interface AccountRecord {
  id: string;
  login: string;
  name: string;
  role: AccountRole;
  communeCode: string | null;
  disabled: boolean;
  hasPassword: boolean;
  joinCodeUntil: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** +1 at every change of credentials or state: sessions made before it end (hall-auth.ts). */
  stamp: number;
}

/** What the log-in needs: the stored hashes, read by login name. */
export interface AccountSecrets {
  id: string;
  passwordHash: string | null;
  joinCodeHash: string | null;
  joinExpiresAt: string | null;
  disabled: boolean;
}

interface Raw {
  id: string;
  login: string;
  name: string;
  role: AccountRole;
  commune_code: string | null;
  password_hash: string | null;
  join_code_hash: string | null;
  join_expires_at: string | null;
  disabled: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  stamp: number;
}

const COLUMNS = 'id, login, name, role, commune_code, password_hash, join_code_hash, join_expires_at, disabled, created_at, created_by, updated_at, stamp';

function record(r: Raw): AccountRecord {
  return {
    id: r.id,
    login: r.login,
    name: r.name,
    role: r.role,
    communeCode: r.commune_code,
    disabled: r.disabled === 1,
    hasPassword: r.password_hash !== null,
    joinCodeUntil: r.join_code_hash !== null ? r.join_expires_at : null,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    stamp: r.stamp,
  };
}

export class AccountsRepo {
  constructor(
    private readonly db: Database.Database,
    private readonly guard: <T>(fn: () => T) => T,
  ) {}

  /** A file opened before v6 (read-only, not migrated) simply has no accounts. */
  private ready(): boolean {
    return hasAccountsTable(this.db);
  }

  private audit(id: string, action: 'insert' | 'update', author: string, label: string, after: AccountRecord): void {
    this.db
      .prepare('INSERT INTO qt_audit_log (at, author, table_name, uuid, action, edit_id, label, before, after) VALUES (?, ?, ?, ?, ?, NULL, ?, NULL, ?)')
      .run(new Date().toISOString(), author, ACCOUNTS_AUDIT, id, action, label, JSON.stringify(after));
  }

  /** Every row whose login is this one's, case aside (a district has at most a few hundred accounts). */
  private rowsOfLogin(login: string): Raw[] {
    const key = loginKey(login);
    return (this.db.prepare(`SELECT ${COLUMNS} FROM qt_accounts`).all() as Raw[]).filter((r) => loginKey(r.login) === key);
  }

  /**
   * The row of this login: the one stored exactly as typed, else the only one equal to it case
   * aside. Two rows equal case aside can only come from a file made before the rule (the NOCASE
   * column let "Ánh" and "ánh" both in); typed in neither's capitals, the login names no one.
   */
  private rowByLogin(login: string): Raw | null {
    const rows = this.rowsOfLogin(login);
    const typed = normalizeLogin(login);
    return rows.find((r) => normalizeLogin(r.login) === typed) ?? (rows.length === 1 ? rows[0]! : null);
  }

  list(): AccountRecord[] {
    return this.guard(() => {
      if (!this.ready()) return [];
      return (this.db.prepare(`SELECT ${COLUMNS} FROM qt_accounts ORDER BY role, login`).all() as Raw[]).map(record);
    });
  }

  get(id: string): AccountRecord | null {
    return this.guard(() => {
      if (!this.ready()) return null;
      const r = this.db.prepare(`SELECT ${COLUMNS} FROM qt_accounts WHERE id = ?`).get(id) as Raw | undefined;
      return r ? record(r) : null;
    });
  }

  /** The account of this login, compared case-insensitively (login-key.ts). */
  byLogin(login: string): AccountRecord | null {
    return this.guard(() => {
      if (!this.ready()) return null;
      const r = this.rowByLogin(login);
      return r ? record(r) : null;
    });
  }

  secretsByLogin(login: string): (AccountSecrets & { account: AccountRecord }) | null {
    return this.guard(() => {
      if (!this.ready()) return null;
      const r = this.rowByLogin(login);
      if (!r) return null;
      return {
        id: r.id,
        passwordHash: r.password_hash,
        joinCodeHash: r.join_code_hash,
        joinExpiresAt: r.join_expires_at,
        disabled: r.disabled === 1,
        account: record(r),
      };
    });
  }

  create(
    a: { id: string; login: string; name: string; role: AccountRole; communeCode: string | null; passwordHash: string | null; joinCodeHash: string | null; joinExpiresAt: string | null },
    author: string,
  ): AccountRecord | 'login_taken' {
    return this.guard(() =>
      this.db
        .transaction(() => {
          migrateToV6(this.db); // a project made before v6 and opened writable is migrated already; this is a no-op then
          if (this.rowsOfLogin(a.login).length) return 'login_taken' as const;
          const now = new Date().toISOString();
          this.db
            .prepare(`INSERT INTO qt_accounts (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 0)`)
            .run(a.id, normalizeLogin(a.login), a.name, a.role, a.communeCode, a.passwordHash, a.joinCodeHash, a.joinExpiresAt, now, author, now);
          const out = this.get(a.id)!;
          this.audit(a.id, 'insert', author, `Tạo tài khoản ${out.login}`, out);
          return out;
        })
        .immediate(),
    );
  }

  /** A new password (join code cleared) or a new join code (password cleared). */
  setCredentials(id: string, c: { passwordHash: string | null; joinCodeHash: string | null; joinExpiresAt: string | null }, author: string, label: string): AccountRecord | null {
    return this.guard(() =>
      this.db
        .transaction(() => {
          const r = this.db
            .prepare('UPDATE qt_accounts SET password_hash = ?, join_code_hash = ?, join_expires_at = ?, updated_at = ?, stamp = stamp + 1 WHERE id = ?')
            .run(c.passwordHash, c.joinCodeHash, c.joinExpiresAt, new Date().toISOString(), id);
          if (r.changes === 0) return null;
          const out = this.get(id)!;
          this.audit(id, 'update', author, label, out);
          return out;
        })
        .immediate(),
    );
  }

  /**
   * Consumes the join code `expectedHash` (as read by secretsByLogin and checked by the caller) and
   * sets the password, in one UPDATE: two people racing with the same code, only one wins.
   */
  consumeJoinCode(id: string, expectedHash: string, passwordHash: string, author: string): boolean {
    return this.guard(() =>
      this.db
        .transaction(() => {
          const r = this.db
            .prepare(
              'UPDATE qt_accounts SET password_hash = ?, join_code_hash = NULL, join_expires_at = NULL, updated_at = ?, stamp = stamp + 1 WHERE id = ? AND join_code_hash = ? AND disabled = 0',
            )
            .run(passwordHash, new Date().toISOString(), id, expectedHash);
          if (r.changes === 0) return false;
          this.audit(id, 'update', author, 'Nhận tài khoản bằng mã tham gia', this.get(id)!);
          return true;
        })
        .immediate(),
    );
  }

  setDisabled(id: string, disabled: boolean, author: string): AccountRecord | null {
    return this.guard(() =>
      this.db
        .transaction(() => {
          const r = this.db.prepare('UPDATE qt_accounts SET disabled = ?, updated_at = ?, stamp = stamp + 1 WHERE id = ?').run(disabled ? 1 : 0, new Date().toISOString(), id);
          if (r.changes === 0) return null;
          const out = this.get(id)!;
          this.audit(id, 'update', author, disabled ? 'Khóa tài khoản' : 'Mở lại tài khoản', out);
          return out;
        })
        .immediate(),
    );
  }
}
