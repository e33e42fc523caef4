// A throwaway PostgreSQL cluster with PostGIS for the roll-up tests: initdb in a temp folder, a free
// loopback port, the Unix socket in the same folder, stopped and removed after. Nothing is mocked.
// Debian's `postgresql` and `postgresql-15-postgis-3` provide it (.ci/run installs them); without
// initdb the tests fail with that sentence, they are never skipped. initdb refuses to run as root,
// so as root the cluster runs as the `postgres` account the package creates.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PgCluster {
  dir: string;
  port: number;
  socketDir: string;
  /** The superuser (trust over the socket). */
  admin: string;
  /** A login with a password over TCP (scram-sha-256), the one the tests publish with. */
  user: string;
  password: string;
  /** postgresql://user@127.0.0.1:port/db (no password in it). */
  url(db: string, query?: string): string;
  /** Creates a database with PostGIS. */
  createDb(name: string): Promise<void>;
  /** A superuser client over the socket. */
  adminClient(db: string): Promise<pg.Client>;
  stop(): void;
}

function binDir(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (!versions.length)
    throw new Error(
      'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): the roll-up tests need Debian\'s packages postgresql and postgresql-15-postgis-3 (apt-get install postgresql postgresql-15-postgis-3; .ci/run installs them).',
    );
  const v = versions[0];
  if (!existsSync(`/usr/share/postgresql/${v}/extension/postgis.control`))
    throw new Error(`PostGIS is not installed for PostgreSQL ${v}: apt-get install postgresql-${v}-postgis-3 (.ci/run installs it).`);
  return join(base, v, 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

export async function startCluster(opts: { ssl?: { cert: string; key: string } } = {}): Promise<PgCluster> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'quytap-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    const r = spawnSync(full[0] as string, full[1] as string[], { encoding: 'utf8', cwd: dir });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
    return r.stdout;
  };
  chmodSync(dir, 0o700);
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, id('-u'), id('-g'));
  }
  const admin = 'qt_admin';
  const user = 'district_admin';
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', admin, '--auth-local=trust', '--auth-host=scram-sha-256', '--encoding=UTF8', '--locale=C.UTF-8', '-N']);
  const port = await freePort();
  const conf = [
    `port = ${port}`,
    "listen_addresses = '127.0.0.1'",
    `unix_socket_directories = '${dir}'`,
    'fsync = off',
    'synchronous_commit = off',
    'full_page_writes = off',
    'shared_buffers = 128MB',
    'max_connections = 40',
  ];
  if (opts.ssl) {
    writeFileSync(join(data, 'server.crt'), opts.ssl.cert);
    writeFileSync(join(data, 'server.key'), opts.ssl.key, { mode: 0o600 });
    if (asRoot) for (const f of ['server.crt', 'server.key']) execFileSync('chown', ['postgres:postgres', join(data, f)]);
    conf.push('ssl = on', "ssl_cert_file = 'server.crt'", "ssl_key_file = 'server.key'");
  }
  const confFile = join(data, 'postgresql.auto.conf');
  writeFileSync(confFile, conf.join('\n') + '\n');
  if (asRoot) execFileSync('chown', ['postgres:postgres', confFile]);
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  const adminClient = async (db: string) => {
    const c = new pg.Client({ host: dir, port, user: admin, database: db });
    await c.connect();
    return c;
  };
  const c = await adminClient('postgres');
  await c.query(`CREATE ROLE ${user} LOGIN PASSWORD '${password}'`);
  await c.end();
  return {
    dir,
    port,
    socketDir: dir,
    admin,
    user,
    password,
    url: (db, query) => `postgresql://${user}@127.0.0.1:${port}/${db}${query ? `?${query}` : ''}`,
    async createDb(name) {
      const a = await adminClient('postgres');
      await a.query(`CREATE DATABASE ${name} OWNER ${user}`);
      await a.end();
      const b = await adminClient(name);
      await b.query('CREATE EXTENSION postgis');
      await b.end();
    },
    adminClient,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
