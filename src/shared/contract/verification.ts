// Contract methods of the verification queue (issue 18 item 5). Spread into `api` in
// src/shared/api.ts; handlers live in src/main/services/verification.ts, the SQL in
// src/main/store/verification-repo.ts.
import { z } from 'zod';
import { UuidSchema } from '../model';
import { method } from './method';
import { VERIFIABLE_TABLES, VERIFICATION_ACTS, VERIFICATION_STATES } from '../verification/state';

export const VerifiableTableSchema = z.enum(VERIFIABLE_TABLES);
export const VerificationStateSchema = z.enum(VERIFICATION_STATES);
export const VerificationActSchema = z.enum(VERIFICATION_ACTS);

/** One step of a request's life, read from the audit log (who, when, to which state, with what). */
export const VerificationEventSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  author: z.string(),
  label: z.string(),
  state: VerificationStateSchema,
  note: z.string(),
  grounds: z.string(),
  result: z.string(),
});
export type VerificationEvent = z.infer<typeof VerificationEventSchema>;

export const VerificationRequestSchema = z.object({
  id: UuidSchema,
  table: VerifiableTableSchema,
  targetId: UuidSchema,
  /** The row's name, number or full name when it was sent (the row may be renamed or deleted since). */
  targetLabel: z.string(),
  communeCode: z.string().nullable(),
  question: z.string(),
  state: VerificationStateSchema,
  sentBy: z.string(),
  sentAt: z.string(),
  /** Who of the team took it in hand, when. */
  takenBy: z.string().nullable(),
  takenAt: z.string().nullable(),
  /** Who decided (verified / cannot verify / returned), when, on what grounds, with what result. */
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  grounds: z.string(),
  result: z.string(),
  /** Why it was returned to the commune. */
  note: z.string(),
  events: z.array(VerificationEventSchema),
});
export type VerificationRequest = z.infer<typeof VerificationRequestSchema>;

const Text = (max: number) => z.string().trim().max(max).default('');

export const verificationMethods = {
  'verification.send': method(
    z.object({ table: VerifiableTableSchema, id: UuidSchema, question: z.string().trim().min(1, 'câu hỏi trống / empty question').max(4000) }),
    VerificationRequestSchema,
    'Send a martyr record, grave or information form to the district verification team with the question to clarify (staff: their own commune; one open request per row).',
  ),
  'verification.list': method(
    z
      .object({
        communeCode: z.string().min(1).max(32).nullable().default(null),
        states: z.array(VerificationStateSchema).max(VERIFICATION_STATES.length).optional(),
        table: VerifiableTableSchema.optional(),
        targetId: UuidSchema.optional(),
      })
      .default({ communeCode: null }),
    z.array(VerificationRequestSchema),
    'The verification queue with each request’s history, oldest first; commune staff see only their own commune’s requests.',
  ),
  'verification.decide': method(
    z.object({ id: UuidSchema, act: VerificationActSchema, grounds: Text(4000), result: Text(4000), note: Text(4000) }),
    VerificationRequestSchema,
    'The verification team takes a request up, or decides it (verified / cannot verify, with grounds and result) or returns it to the commune (with the reason).',
  ),
} as const;
