// The province database's address, read as libpq reads it (no server needed).
import { describe, expect, it } from 'vitest';
import { parseTarget } from '../../../src/main/rollup/connect';
import { ApiError } from '../../../src/shared/api-error';

describe('the address of the province database', () => {
  it('reads user, host, port, database, sslmode; shows it without the password', () => {
    const t = parseTarget('postgresql://huyen:bi%40mat@tinh.example.vn:6543/quytap?sslmode=verify-full&sslrootcert=/etc/ca.crt');
    expect(t).toMatchObject({ user: 'huyen', host: 'tinh.example.vn', port: 6543, database: 'quytap', urlPassword: 'bi@mat', sslmode: 'verify-full', sslrootcert: '/etc/ca.crt' });
    expect(t.display).toBe('postgresql://huyen@tinh.example.vn:6543/quytap');
    expect(parseTarget('postgres://a@127.0.0.1/db')).toMatchObject({ port: 5432, sslmode: 'prefer' });
    expect(parseTarget('postgresql://a@/db?host=/run/postgresql')).toMatchObject({ host: '/run/postgresql', display: 'postgresql://a@/db?host=/run/postgresql' });
  });

  it('refuses what it cannot read, with a sentence that never repeats the password', () => {
    for (const bad of ['http://x/db', 'postgresql://a@h/db?sslmode=maybe', 'postgresql://a@h/', 'postgresql://a@h/db?options=-c', 'postgresql://a@/db?host=%00evil', 'postgresql://a:secret@h:99999/db']) {
      let e: unknown;
      try {
        parseTarget(bad);
      } catch (x) {
        e = x;
      }
      expect(e, bad).toBeInstanceOf(ApiError);
      expect((e as ApiError).vi).not.toContain('secret');
    }
  });
});
