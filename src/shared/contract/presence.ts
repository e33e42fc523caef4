// Contract of the district hall's live side: who is drafting which commune (presence), and what a
// `project.changed` event says about the rows it changed, so that every client redraws only those.
// Handlers live in src/main/services/presence.ts; the event is built in src/main/services/live-rows.ts.
import { z } from 'zod';
import { ExtentSchema, TableNameSchema, UuidSchema } from '../model';
import { Empty } from './common';
import { method } from './method';

/** A client's report is forgotten this long after it was last sent (clients send every few seconds). */
export const PRESENCE_TTL_MS = 15_000;
/** An edit of more rows than this says only its tables: clients read those again whole. */
export const CHANGED_ROWS_MAX = 500;

export const TrainingPresenceSchema = z.object({
  lesson: z.string().max(20),
  /** The last check of that lesson: null when not checked yet. */
  ok: z.boolean().nullable(),
  message: z.string().max(400).default(''),
});
export type TrainingPresence = z.infer<typeof TrainingPresenceSchema>;

export const PresenceEntrySchema = z.object({
  /** A random id per window (a person may have two windows on two communes). */
  clientId: z.string().min(8).max(64),
  name: z.string(),
  communeCode: z.string().max(32).nullable(),
  activity: z.string().max(40),
  /** A learner in practice mode: the lesson open and its last check (the trainer's table in the hall). */
  training: TrainingPresenceSchema.nullable().default(null),
  /** When the entry was last reported (ISO 8601). */
  at: z.string(),
});
export type PresenceEntry = z.infer<typeof PresenceEntrySchema>;

/** One row an edit wrote: its id and where it is now (null: deleted, or not a feature). */
export const ChangedRowSchema = z.object({
  table: TableNameSchema,
  id: UuidSchema,
  version: z.number().int(),
  deleted: z.boolean(),
  extent: ExtentSchema.nullable(),
});
export type ChangedRow = z.infer<typeof ChangedRowSchema>;

export const ProjectChangedSchema = z.object({
  tables: z.array(TableNameSchema),
  editId: z.number().int().nullable(),
  /** The rows written, when the edit wrote at most CHANGED_ROWS_MAX of them; absent otherwise. */
  rows: z.array(ChangedRowSchema).max(CHANGED_ROWS_MAX).optional(),
  /** Who wrote them (the audit's author). */
  author: z.string().optional(),
});

export const presenceMethods = {
  'presence.set': method(
    z.object({
      clientId: z.string().trim().min(8).max(64),
      /** The operator's name as this window knows it (empty: the session's operator). */
      name: z.string().trim().max(100).default(''),
      communeCode: z.string().trim().max(32).nullable(),
      activity: z.string().trim().max(40).default('drafting'),
      training: TrainingPresenceSchema.nullable().default(null),
    }),
    z.array(PresenceEntrySchema),
    'Report this window’s focused commune (every few seconds; forgotten after 15 s); answers who is drafting what.',
  ),
  'presence.list': method(Empty, z.array(PresenceEntrySchema), 'Who is drafting which commune now (reports of the last 15 s).'),
} as const;
