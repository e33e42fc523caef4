// Contract methods of the hall server's accounts (quytap serve --hall). Spread into `api` in
// src/shared/api.ts; handlers live in src/main/services/accounts.ts; only an administrator may call
// them (src/shared/contract/access.ts). No answer ever carries a password hash or a stored join
// code: a join code is shown once, in the answer that made it.
import { z } from 'zod';
import { Empty } from './common';
import { method } from './method';

export const ACCOUNT_ROLES = ['commune_staff', 'reviewer', 'admin'] as const;
export const MIN_PASSWORD_LENGTH = 10;

/** Kept as typed, in NFC (decomposed input is accepted); compared case-insensitively (login-key.ts). */
export const LoginSchema = z
  .string()
  .trim()
  .normalize('NFC')
  .min(2)
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, dots, dashes and underscores only');
export const PasswordSchema = z.string().min(MIN_PASSWORD_LENGTH).max(256);

export const AccountInfoSchema = z.object({
  id: z.string(),
  login: z.string(),
  name: z.string(),
  role: z.enum(ACCOUNT_ROLES),
  communeCode: z.string().nullable(),
  disabled: z.boolean(),
  hasPassword: z.boolean(),
  /** A one-time join code is waiting (until this time). */
  joinCodeUntil: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type AccountInfo = z.infer<typeof AccountInfoSchema>;

/** Either the password, or (none given) a one-time join code shown here once. */
const Issued = z.object({ account: AccountInfoSchema, joinCode: z.string().nullable() });

const NewAccount = z
  .object({
    login: LoginSchema,
    name: z.string().trim().min(1).max(100),
    role: z.enum(ACCOUNT_ROLES),
    communeCode: z.string().min(1).max(32).nullable().default(null),
    password: PasswordSchema.optional(),
  })
  .refine((a) => a.role !== 'commune_staff' || a.communeCode !== null, {
    message: 'commune staff need their commune code',
    path: ['communeCode'],
    params: { vi: 'Cán bộ xã cần có mã xã của mình' },
  });

export const accountMethods = {
  'accounts.list': method(Empty, z.array(AccountInfoSchema), 'Hall server: every account (never a hash).'),
  'accounts.create': method(NewAccount, Issued, 'Hall server: create an account, with a password or a one-time join code.'),
  'accounts.resetPassword': method(
    z.object({ id: z.string().max(64), password: PasswordSchema.optional() }),
    Issued,
    'Hall server: set a new password, or (none given) issue a new one-time join code; the account’s sessions end.',
  ),
  'accounts.setDisabled': method(
    z.object({ id: z.string().max(64), disabled: z.boolean() }),
    AccountInfoSchema,
    'Hall server: disable (its sessions end at once) or enable an account.',
  ),
} as const;
