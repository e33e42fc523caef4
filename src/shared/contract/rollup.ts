// Contract of the province roll-up ("Gửi lên tỉnh"): the district admin sends the approved communes
// into the province's PostgreSQL/PostGIS database (src/main/rollup; docs/ROLLUP.md). The password
// travels with the one call that needs it and is never stored; the address carries none.
import { z } from 'zod';
import { JobSchema } from './common';
import { method } from './method';

export const RollupPublishInput = z.object({
  /** postgresql://user@host:5432/db[?sslmode=…]: without a password (refused with one). */
  url: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .regex(/^postgres(ql)?:\/\//i, 'a postgresql:// address')
    .refine((u) => !/^[^/]*\/\/[^/@]*:[^/@]*@/.test(u), 'the address must not carry a password: type it in the password field'),
  /** Typed in the dialog for this publish only; empty = PGPASSWORD or ~/.pgpass on the machine running QuyTap. */
  password: z.string().max(1000).default(''),
  /** Every commune, each row marked with its review state (default: approved communes only). */
  allStates: z.boolean().default(false),
  /** The district's code and name when the project's settings name none. */
  district: z.object({ code: z.string().trim().min(1).max(32), name: z.string().trim().max(200).default('') }).nullable().default(null),
});

export const rollupMethods = {
  'rollup.publish': method(
    RollupPublishInput,
    z.object({ job: JobSchema }),
    'Gửi lên tỉnh: send the approved communes into the province PostgreSQL/PostGIS database (one transaction; only what changed since the last publish). A job; its last message is the result sentence.',
  ),
} as const;
