// The connection to the province's PostgreSQL/PostGIS database. The address is a libpq URL
// (postgresql://user@host:port/db?sslmode=…); the password never comes from the project file: it is
// given by the caller (the app's dialog), else PGPASSWORD, else the ~/.pgpass file (PGPASSFILE), else
// a prompt on a terminal. sslmode is read here with libpq's meaning (node-postgres reads "require"
// as verify-full), and sslrootcert names the CA file for verify-ca / verify-full.
import { readFileSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ConnectionOptions } from 'node:tls';
import pg from 'pg';
import { ApiError } from '../../shared/api-error';
import { pgError } from './errors';

export type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';
const SSL_MODES: readonly SslMode[] = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

export interface Target {
  host: string;
  port: number;
  database: string;
  user: string;
  /** The URL's password when it holds one (the CLI warns: it stays in the shell's history). */
  urlPassword: string | null;
  sslmode: SslMode;
  sslrootcert: string | null;
  /** The address as shown to people: never with a password. */
  display: string;
}

const badUrl = (url: string, why: string, whyEn: string) =>
  new ApiError(
    'validation',
    `Địa chỉ cơ sở dữ liệu tỉnh không đúng (${why}): ${url}. Viết dạng postgresql://người-dùng@máy-chủ:5432/tên-csdl.`,
    `The province database address is not valid (${whyEn}): ${url}. Write it as postgresql://user@host:5432/dbname.`,
  );

/** Parses a libpq URL; a Unix socket folder may be given as ?host=/path (libpq's way). */
export function parseTarget(url: string): Target {
  let u: URL;
  const shown = url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  try {
    // libpq allows an empty host (postgresql://user@/db?host=/socket/folder); URL does not.
    u = new URL(url.replace(/^(postgres(?:ql)?:\/\/(?:[^@/]*@)?)\//i, '$1localhost/'));
  } catch {
    throw badUrl(shown, 'không đọc được', 'cannot be read');
  }
  if (u.protocol !== 'postgresql:' && u.protocol !== 'postgres:') throw badUrl(shown, 'phải bắt đầu bằng postgresql://', 'must start with postgresql://');
  const q = u.searchParams;
  for (const k of q.keys())
    if (!['sslmode', 'sslrootcert', 'host', 'port', 'user', 'dbname', 'application_name', 'connect_timeout'].includes(k))
      throw badUrl(shown, `không biết tham số ${k}`, `unknown parameter ${k}`);
  const sslmode = (q.get('sslmode') ?? 'prefer') as SslMode;
  if (!SSL_MODES.includes(sslmode)) throw badUrl(shown, `sslmode phải là một trong ${SSL_MODES.join(', ')}`, `sslmode must be one of ${SSL_MODES.join(', ')}`);
  const host = q.get('host') ?? decodeURIComponent(u.hostname.replace(/^\[|\]$/g, ''));
  const port = Number(q.get('port') ?? (u.port || 5432));
  const database = q.get('dbname') ?? decodeURIComponent(u.pathname.replace(/^\//, ''));
  const user = q.get('user') ?? (decodeURIComponent(u.username) || process.env.PGUSER || 'postgres');
  if (!host) throw badUrl(shown, 'thiếu máy chủ', 'no host');
  // A host name, an IP address, or a Unix socket folder (absolute path); nothing else reaches the resolver.
  if (!host.startsWith('/') && !/^[A-Za-z0-9][A-Za-z0-9.\-]*$/.test(host) && !isIP(host)) throw badUrl(shown, 'tên máy chủ không hợp lệ', 'bad host name');
  if (!database) throw badUrl(shown, 'thiếu tên cơ sở dữ liệu', 'no database name');
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw badUrl(shown, 'cổng không hợp lệ', 'bad port');
  const display = `postgresql://${encodeURIComponent(user)}@${host.startsWith('/') ? `/${database}?host=${host}` : `${host}:${port}/${database}`}`;
  return { host, port, database, user, urlPassword: u.password ? decodeURIComponent(u.password) : null, sslmode, sslrootcert: q.get('sslrootcert'), display };
}

function tlsOptions(t: Target): ConnectionOptions | false {
  if (t.sslmode === 'disable' || t.host.startsWith('/')) return false;
  if (t.sslmode === 'verify-ca' || t.sslmode === 'verify-full') {
    if (!t.sslrootcert)
      throw new ApiError(
        'validation',
        `sslmode=${t.sslmode} cần tệp chứng chỉ gốc của máy chủ: thêm &sslrootcert=/đường/dẫn/root.crt vào địa chỉ.`,
        `sslmode=${t.sslmode} needs the server's root certificate: add &sslrootcert=/path/to/root.crt to the address.`,
      );
    let ca: Buffer;
    try {
      ca = readFileSync(t.sslrootcert);
    } catch {
      throw new ApiError('not_found', `Không đọc được tệp chứng chỉ gốc ${t.sslrootcert}.`, `Cannot read the root certificate file ${t.sslrootcert}.`);
    }
    // verify-ca: the chain, not the name (libpq's meaning).
    return t.sslmode === 'verify-ca' ? { ca, rejectUnauthorized: true, checkServerIdentity: () => undefined } : { ca, rejectUnauthorized: true, ...(isIP(t.host) ? {} : { servername: t.host }) };
  }
  // allow / prefer / require: encrypted, the server's certificate not checked (libpq's meaning).
  return { rejectUnauthorized: false };
}

export type PasswordPrompt = (target: Target) => Promise<string | null>;

export interface ConnectOptions {
  /** A password typed by the user in the app's dialog; never stored. */
  password?: string | null;
  /** Asked when the server wants a password and no other source has one. */
  prompt?: PasswordPrompt | null;
}

/**
 * The password file libpq reads (PGPASSFILE, else ~/.pgpass): host:port:database:user:password
 * lines, * for any, \\ escaping : and \\. Ignored unless only its owner can read it, as libpq does.
 */
export function passFromFile(t: Pick<Target, 'host' | 'port' | 'database' | 'user'>): string | null {
  const file = process.env.PGPASSFILE ?? join(homedir(), '.pgpass');
  let text: string;
  try {
    if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) return null;
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const want = [t.host.startsWith('/') ? 'localhost' : t.host, String(t.port), t.database, t.user];
  for (const line of text.split(/\r?\n/)) {
    if (!line || line.startsWith('#')) continue;
    const parts: string[] = [''];
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '\\' && i + 1 < line.length) parts[parts.length - 1] += line[++i];
      else if (line[i] === ':' && parts.length < 5) parts.push('');
      else parts[parts.length - 1] += line[i];
    }
    if (parts.length === 5 && want.every((w, k) => parts[k] === '*' || parts[k] === w)) return parts[4];
  }
  return null;
}

function needsPassword(t: Target): ApiError {
  return new ApiError(
    'unauthorized',
    `Máy chủ ${t.display} đòi mật khẩu cho người dùng ${t.user}. Nhập mật khẩu, hoặc đặt biến môi trường PGPASSWORD, hoặc ghi vào tệp ~/.pgpass (không bao giờ ghi vào tệp dự án).`,
    `The server ${t.display} wants a password for user ${t.user}. Type it, or set PGPASSWORD, or put it in ~/.pgpass (it is never written into the project file).`,
  );
}

async function open(t: Target, ssl: ConnectionOptions | false, o: ConnectOptions): Promise<pg.Client> {
  const client = new pg.Client({
    host: t.host,
    port: t.port,
    database: t.database,
    user: t.user,
    ssl,
    application_name: 'quytap',
    connectionTimeoutMillis: 15_000,
    password: async () => {
      // An empty value counts as none (an empty PGPASSWORD, a dialog left blank), as libpq reads it.
      const p = o.password || t.urlPassword || process.env.PGPASSWORD || passFromFile(t) || (o.prompt ? await o.prompt(t) : null);
      if (!p) throw needsPassword(t);
      return p;
    },
  });
  client.on('error', () => undefined); // a connection lost between queries fails the next query instead of crashing the process
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => undefined);
    throw e;
  }
  return client;
}

/** Connects with sslmode's rules; every failure is a sentence naming the cause and the way out. */
export async function connect(t: Target, o: ConnectOptions = {}): Promise<pg.Client> {
  const ssl = tlsOptions(t);
  try {
    return await open(t, ssl, o);
  } catch (e) {
    // prefer and allow fall back to a plain connection when the server has no TLS, as libpq does.
    if (ssl && (t.sslmode === 'prefer' || t.sslmode === 'allow') && /does not support SSL/i.test(String((e as Error)?.message))) {
      try {
        return await open(t, false, o);
      } catch (e2) {
        throw pgError(e2, t);
      }
    }
    throw pgError(e, t);
  }
}
