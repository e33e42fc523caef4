// The hall's logins in the store: kept as typed (NFC), found and kept unique case aside over all of
// Unicode (shared/contract/login-key.ts). The column's COLLATE NOCASE folds ASCII only, so before
// the rule "Ánh" and "ánh" could both exist and "ánh" did not find "Ánh". Real files in a temp dir.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../src/main/store';
import { AUTHOR, DAK_NONG_CRS, SETTINGS, tempDir } from './helpers';

const tmp = tempDir('quytap-accounts-');
afterAll(() => tmp.cleanup());
let n = 0;
const fresh = () => {
  const path = join(tmp.dir, `p${++n}.gpkg`);
  return { path, store: ProjectStore.create(path, DAK_NONG_CRS, SETTINGS, AUTHOR) };
};
const account = (login: string) => ({ id: randomUUID(), login, name: `Người ${login}`, role: 'reviewer' as const, communeCode: null, passwordHash: 'scrypt$x', joinCodeHash: null, joinExpiresAt: null });
const nfd = (s: string) => s.normalize('NFD');

describe('accounts: one login, whatever its capitals', () => {
  it('keeps the login as typed and finds it in any capitals, also after reopening the file', () => {
    const { path, store } = fresh();
    const lan = store.accounts().create(account('Lan'), AUTHOR);
    const anh = store.accounts().create(account('Ánh.Lê'), AUTHOR);
    expect(lan).toMatchObject({ login: 'Lan' });
    expect(anh).toMatchObject({ login: 'Ánh.Lê' });
    store.close();
    const again = ProjectStore.open(path);
    try {
      for (const typed of ['Lan', 'lan', 'LAN']) expect(again.accounts().secretsByLogin(typed)?.account.login, typed).toBe('Lan');
      for (const typed of ['Ánh.Lê', 'ánh.lê', 'ÁNH.LÊ', nfd('ánh.Lê')]) {
        expect(again.accounts().secretsByLogin(typed)?.account.login, typed).toBe('Ánh.Lê');
        expect(again.accounts().byLogin(typed)?.id, typed).toBe((anh as { id: string }).id);
      }
      expect(again.accounts().secretsByLogin('anh.le')).toBeNull(); // the accents are not case
    } finally {
      again.close();
    }
  });

  it('refuses a second account whose login differs only in capitals or in Unicode form', () => {
    const { store } = fresh();
    try {
      expect(store.accounts().create(account('Đức'), AUTHOR)).not.toBe('login_taken');
      for (const twin of ['đức', 'ĐỨC', nfd('đức'), ' Đức ']) expect(store.accounts().create(account(twin), AUTHOR), twin).toBe('login_taken');
      expect(store.accounts().create(account('Lan'), AUTHOR)).not.toBe('login_taken');
      expect(store.accounts().create(account('lan'), AUTHOR)).toBe('login_taken');
      expect(store.accounts().list().map((a) => a.login)).toEqual(['Lan', 'Đức']);
    } finally {
      store.close();
    }
  });

  it('stores a decomposed login in NFC, trimmed', () => {
    const { store } = fresh();
    try {
      const made = store.accounts().create(account(` ${nfd('Nguyễn.Thị.Hòa')}`), AUTHOR);
      expect(made).toMatchObject({ login: 'Nguyễn.Thị.Hòa' });
      expect(store.accounts().secretsByLogin('nguyễn.thị.hòa')?.account.login).toBe('Nguyễn.Thị.Hòa');
    } finally {
      store.close();
    }
  });

  it('in a file made before the rule with "Ánh" and "ánh" both: each by its exact login, no one by a third spelling', () => {
    const { path, store } = fresh();
    const a = store.accounts().create(account('Ánh'), AUTHOR) as { id: string };
    store.close();
    const db = new Database(path); // as the old code let it in: NOCASE does not fold "Á"
    db.prepare("INSERT INTO qt_accounts (id, login, name, role, created_at, created_by, updated_at) VALUES ('twin', 'ánh', 'Em Ánh', 'reviewer', 'x', 'x', 'x')").run();
    db.close();
    const again = ProjectStore.open(path);
    try {
      expect(again.accounts().secretsByLogin('Ánh')?.id).toBe(a.id);
      expect(again.accounts().secretsByLogin('ánh')?.id).toBe('twin');
      expect(again.accounts().secretsByLogin('ÁNH')).toBeNull();
      expect(again.accounts().create(account('áNH'), AUTHOR)).toBe('login_taken');
    } finally {
      again.close();
    }
  });
});
