// Password and join-code hashing for the hall server's accounts.
// - Passwords: node's crypto.scrypt (memory-hard), a random 16-byte salt per hash, N = 2^15, r = 8,
//   p = 1 (32 MiB, ~50–100 ms on an office PC: slow for a guesser, fine for a log-in). Stored as
//   "scrypt$N$r$p$salt$hash" so that the cost can be raised later without breaking old hashes.
//   Compared with timingSafeEqual.
// - Join codes: 50 random bits shown once to the administrator; stored as their SHA-256 (a code is
//   single-use, short-lived and rate-limited, so a fast hash is enough and lets the store consume
//   it with one UPDATE ... WHERE join_code_hash = ?).
import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 1 << 15;
const R = 8;
const P = 1;
const KEY_LEN = 32;

function scryptAsync(password: string, salt: Buffer, keyLen: number, o: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLen, { ...o, maxmem: 128 * o.N! * o.r! * 2 }, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LEN, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? '').split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    // Same work as a real check: whether an account exists must not show in the answer's time.
    await scryptAsync(password, randomBytes(16), KEY_LEN, { N, r: R, p: P });
    return false;
  }
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64url');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

// Crockford's base32 without look-alikes (no I, L, O, U): read aloud or typed from paper.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time join code: 10 characters (50 bits), shown as XXXXX-XXXXX. */
export function newJoinCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** The stored form of a join code: typed case, spaces and dashes do not matter. */
export function joinCodeHash(code: string): string {
  const clean = code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return createHash('sha256').update(clean).digest('base64url');
}

/** Constant-time comparison of two stored join-code hashes. */
export function sameHash(a: string, b: string | null): boolean {
  if (b === null) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
