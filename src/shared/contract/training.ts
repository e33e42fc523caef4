// Contract of the practice mode (issue 20): a private copy of the demo per learner, lessons checked
// on that copy's data, progress kept in it. Handlers: src/main/services/training.ts; the lessons and
// their checks: src/shared/training/lessons.ts.
import { z } from 'zod';
import { LESSON_IDS } from '../training/lessons';
import { Empty, ProjectInfoSchema } from './common';
import { method } from './method';

const position = z.array(z.number().finite()).min(2).max(3);

export const PracticeSetupSchema = z.object({
  communeCode: z.string(),
  communeName: z.string(),
  form: position,
  formNumber: z.string(),
  gpsFile: z.string(),
  gps: z.array(position),
  seeded: z.tuple([z.string(), z.string()]),
});

export const LessonResultSchema = z.object({
  ok: z.boolean(),
  /** What is wrong (empty when ok). */
  vi: z.string(),
  en: z.string(),
  at: z.string(),
});
export type LessonResultEntry = z.infer<typeof LessonResultSchema>;

export const TrainingProgressSchema = z.object({
  learner: z.string(),
  /** When the practice copy was made: rows created since are the learner's. */
  startedAt: z.string(),
  setup: PracticeSetupSchema.nullable(),
  /** The lesson open now. */
  current: z.enum(LESSON_IDS),
  results: z.record(z.string(), LessonResultSchema),
});
export type TrainingProgress = z.infer<typeof TrainingProgressSchema>;

/** A learner's name: letters (Vietnamese too), digits, spaces, dots and dashes. */
const learnerName = z
  .string()
  .trim()
  .min(1, 'hãy nhập tên người học · enter the learner’s name')
  .max(60)
  .regex(/^[\p{L}\p{N} .\-_]+$/u, 'tên chỉ gồm chữ, số, khoảng trắng, dấu chấm và gạch · letters, digits, spaces, dots and dashes only');

export const trainingMethods = {
  'training.start': method(
    z.object({ learner: learnerName }),
    z.object({ info: ProjectInfoSchema, progress: TrainingProgressSchema }),
    'Open the learner’s practice copy of the demo (made first if needed) in the practice folder; never the real project.',
  ),
  'training.state': method(Empty, TrainingProgressSchema.nullable(), 'The open practice project’s progress (null: the open project is not a practice copy).'),
  'training.check': method(
    z.object({ lesson: z.enum(LESSON_IDS), communeCode: z.string().trim().max(32).nullable() }),
    z.object({ result: LessonResultSchema, progress: TrainingProgressSchema }),
    'Check a lesson on the practice copy’s data; the answer says what is wrong, in Vietnamese and English. Kept in the practice project.',
  ),
  'training.goto': method(z.object({ lesson: z.enum(LESSON_IDS) }), TrainingProgressSchema, 'Open another lesson of the practice (kept in the practice project).'),
} as const;
