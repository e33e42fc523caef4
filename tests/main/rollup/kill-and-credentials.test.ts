// A publish killed midway leaves the province database exactly as it was, and the repeat succeeds;
// the password comes from the caller, PGPASSWORD or a ~/.pgpass-style file, never from the project;
// sslmode is honoured (require on a server without TLS fails, verify-full checks the certificate).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCertificate } from '../../../src/main/http/tls';
import { publish, type PublishOptions } from '../../../src/main/rollup/publish';
import { ProjectStore } from '../../../src/main/store';
import { ApiError } from '../../../src/shared/api-error';
import { startCluster, type PgCluster } from '../../support/pg-cluster';
import { approvedRows, AUTHOR, districtProject, liveRows, snapshot } from './helpers';

const KN = { code: 'KN', name: 'Krông Nô (cũ)' };

async function withEnv<T>(env: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const old = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(old)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

async function caught(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected a refusal');
}

describe('a publish killed midway, and the credentials', () => {
  let cluster: PgCluster;
  let tls: PgCluster;
  let dir: string;
  let db: pg.Client;
  let project: string;
  let approved: string[];
  let cert: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quytap-rollup-kill-'));
    const c = await sessionCertificate(['127.0.0.1', 'localhost']);
    cert = c.cert;
    writeFileSync(join(dir, 'root.crt'), cert);
    [cluster, tls] = await Promise.all([startCluster(), startCluster({ ssl: { cert: c.cert, key: c.key } })]);
    await Promise.all([cluster.createDb('province'), tls.createDb('province')]);
    db = await cluster.adminClient('province');
    project = join(dir, 'krong-no.gpkg');
    approved = await districtProject(project, KN, 3, dir);
  }, 180_000);
  afterAll(async () => {
    await db?.end();
    cluster?.stop();
    tls?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (o: Partial<PublishOptions> & { url: string }) => {
    const s = ProjectStore.open(project, { access: 'read' });
    try {
      return await publish(s, { author: AUTHOR, ...o });
    } finally {
      s.close();
    }
  };

  it('kill -9 after the first rows went out: the database is unchanged, the repeat succeeds', async () => {
    await run({ url: cluster.url('province'), password: cluster.password });
    const s = ProjectStore.open(project);
    const graves = s.query('graves', { filter: { commune_code: [approved[0]] }, limit: 10 }).rows;
    s.applyEdit({ label: 'sửa', put: graves.slice(0, 3).map((g) => ({ table: 'graves' as const, id: g.id, baseVersion: g.meta.version, props: { name: `${g.props.name} (sửa)` } })) }, AUTHOR);
    // and a fourth commune approved: its rows of every table go out, batch after batch
    const fourth = s.getSettings().communes.map((c) => c.code).find((c) => !approved.includes(c))!;
    s.review().transition(fourth, ['draft'], 'approved', AUTHOR, 'duyệt', '');
    s.close();
    approved = [...approved, fourth];
    const before = await snapshot(db);
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'publish-child.ts'), project, cluster.url('province')], {
      env: { ...process.env, PGPASSWORD: cluster.password },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const signal = await new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_code, sig) => res(sig)));
    expect(out + err).toContain('killing');
    expect(signal).toBe('SIGKILL');
    expect(await snapshot(db)).toBe(before);
    const again = await run({ url: cluster.url('province'), password: cluster.password });
    expect(again.mode).toBe('full');
    expect(again.sent).toBeGreaterThan(20);
    const s2 = ProjectStore.open(project, { access: 'read' });
    expect(await liveRows(db, KN.code)).toEqual(approvedRows(s2, approved));
    expect(s2.query('graves', { filter: { commune_code: [approved[0]] }, limit: 10 }).rows.filter((g) => String(g.props.name).endsWith('(sửa)')).length).toBe(3);
    s2.close();
    const names = await db.query("SELECT count(*)::int AS n FROM quytap.graves WHERE district_code = $1 AND name LIKE '%(sửa)' AND NOT deleted", [KN.code]);
    expect(names.rows[0].n).toBe(3);
  }, 120_000);

  it('the password: none anywhere is a sentence naming PGPASSWORD and ~/.pgpass; a wrong one is refused; PGPASSWORD and a private pgpass file work', async () => {
    const url = cluster.url('province');
    const noFile = join(dir, 'none.pgpass');
    const none = await withEnv({ PGPASSWORD: undefined, PGPASSFILE: noFile }, () => caught(run({ url })));
    expect(none.code).toBe('unauthorized');
    expect(none.vi).toMatch(/PGPASSWORD.*~\/\.pgpass/);
    const wrong = await withEnv({ PGPASSWORD: 'sai-mat-khau', PGPASSFILE: noFile }, () => caught(run({ url })));
    expect(wrong.code).toBe('unauthorized');
    expect(wrong.vi).toMatch(/không chấp nhận/);
    expect((await withEnv({ PGPASSWORD: cluster.password, PGPASSFILE: noFile }, () => run({ url }))).mode).toBe('unchanged');
    const file = join(dir, 'pgpass');
    writeFileSync(file, `# the province\nother:5432:*:*:nope\n127.0.0.1:${cluster.port}:province:${cluster.user}:${cluster.password.replace(/:/g, '\\:')}\n`, { mode: 0o600 });
    expect((await withEnv({ PGPASSWORD: undefined, PGPASSFILE: file }, () => run({ url }))).mode).toBe('unchanged');
    // a file others can read is ignored, as libpq does
    writeFileSync(join(dir, 'pgpass-open'), `*:*:*:*:${cluster.password}\n`, { mode: 0o644 });
    expect((await withEnv({ PGPASSWORD: undefined, PGPASSFILE: join(dir, 'pgpass-open') }, () => caught(run({ url })))).code).toBe('unauthorized');
  }, 60_000);

  it('TLS: sslmode=require on a server without TLS fails with a sentence; with TLS the session is encrypted; verify-full checks the certificate', async () => {
    const plain = await caught(run({ url: cluster.url('province', 'sslmode=require'), password: cluster.password }));
    expect(plain.vi).toMatch(/TLS/);
    const r = await run({ url: tls.url('province', 'sslmode=require'), password: tls.password, district: null });
    expect(r.mode).toBe('full');
    const full = await run({ url: tls.url('province', `sslmode=verify-full&sslrootcert=${encodeURIComponent(join(dir, 'root.crt'))}`), password: tls.password });
    expect(full.mode).toBe('unchanged');
    const other = await sessionCertificate(['127.0.0.1']);
    writeFileSync(join(dir, 'other.crt'), other.cert);
    const untrusted = await caught(run({ url: tls.url('province', `sslmode=verify-full&sslrootcert=${encodeURIComponent(join(dir, 'other.crt'))}`), password: tls.password }));
    expect(untrusted.vi).toMatch(/chứng chỉ/);
    // the server saw an encrypted session from us
    const a = await tls.adminClient('province');
    const seen = await a.query("SELECT count(*)::int AS n FROM quytap.qt_publish_log");
    expect(seen.rows[0].n).toBe(1);
    await a.end();
    const c = await (await import('../../../src/main/rollup/connect')).connect((await import('../../../src/main/rollup/connect')).parseTarget(tls.url('province', 'sslmode=require')), { password: tls.password });
    const ssl = await c.query('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
    expect(ssl.rows[0].ssl).toBe(true);
    await c.end();
  }, 60_000);
});
