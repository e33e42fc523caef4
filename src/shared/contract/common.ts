// Schemas used by several parts of the contract (kept apart from api.ts so that the feature files
// in this folder can use them without a circular import).
import { z } from 'zod';
import { ExtentSchema, ProjectSettingsSchema, PropValueSchema, TableNameSchema } from '../model';
import { communeCodeProblem, fileNameProblem, type NameProblem } from './name-rules';

export const Empty = z.object({}).strict().default({});

export const LayerInfoSchema = z.object({
  table: TableNameSchema,
  kind: z.enum(['feature', 'record']),
  geometryType: z.string().nullable(),
  count: z.number().int(),
  extent: ExtentSchema.nullable(),
});

export const CrsInfoSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  proj4: z.string(),
  kind: z.enum(['geographic', 'projected']),
});
export type CrsInfo = z.infer<typeof CrsInfoSchema>;

export const ProjectInfoSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  schemaVersion: z.number().int(),
  crs: CrsInfoSchema,
  settings: ProjectSettingsSchema,
  layers: z.array(LayerInfoSchema),
  extent: ExtentSchema.nullable(),
  /** Opened read-only (the file or its folder cannot be written): the page says so before any edit. */
  readOnly: z.boolean(),
});
export type ProjectInfo = z.infer<typeof ProjectInfoSchema>;

export const ProjectEntrySchema = z.object({
  path: z.string(),
  fileName: z.string(),
  title: z.string().nullable(),
  modified: z.string(),
  /** Time of the last audited change inside the file (null: unreadable, or never edited). */
  lastEdit: z.string().nullable(),
  sizeBytes: z.number().int(),
});

/** What the hand-over copy holds, checked in the copy itself before it was published. */
export const HandoverSchema = z.object({
  fileName: z.string(),
  /** Download address under /bin (browser: with the token; Electron: quytap://app/bin/…). */
  url: z.string(),
  path: z.string(),
  sizeBytes: z.number().int(),
  counts: z.array(z.object({ table: z.string(), count: z.number().int() })),
});

export const Filter = z.record(z.string().max(64), z.union([PropValueSchema, z.array(PropValueSchema).max(1000)]));

export const JobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  done: z.number(),
  total: z.number(),
  message: z.string(),
  /** Why it failed, in Vietnamese (the UI's first language). */
  error: z.string().nullable(),
  /** The same in English, when the failure came with an English text (an ApiError). */
  errorEn: z.string().nullable().optional(),
});
export type Job = z.infer<typeof JobSchema>;

export const OperatorSchema = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.enum(['commune_staff', 'reviewer', 'admin']).default('commune_staff'),
  communeCode: z.string().max(32).nullable().default(null),
});
export type Operator = z.infer<typeof OperatorSchema>;

/** A refusal whose Vietnamese sentence travels in params.vi (the dispatcher shows it in the vi message). */
function refuseWith(problem: (s: string) => NameProblem | null, what: { vi: string; en: string }) {
  return (s: string, ctx: z.core.$RefinementCtx<string>) => {
    const p = problem(s);
    if (p) ctx.addIssue({ code: 'custom', message: `${what.en}: ${p.en}`, params: { vi: `${what.vi}: ${p.vi}` } });
  };
}

/** Refuses a file name the caller names (never a path); used by FileNameSchema and print's own. */
export const fileNameCheck = refuseWith(fileNameProblem, { vi: 'Tên tệp không dùng được', en: 'Unusable file name' });

/**
 * A file name the caller names (never a path): one segment, no control characters, no broken
 * UTF-16, none of / \\ < > : " | ? *, not hidden, not only dots. Main cleans it again before writing.
 */
export const FileNameSchema = z.string().min(1).max(200).superRefine(fileNameCheck);

/** An administrative unit code (e.g. "24682"), as in the project's commune list. */
export const CommuneCodeSchema = z.string().superRefine(refuseWith(communeCodeProblem, { vi: 'Mã xã không hợp lệ', en: 'Invalid commune code' }));
