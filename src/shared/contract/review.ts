// Contract methods of the review feature. Spread into `api` in src/shared/api.ts; handlers live in
// src/main/services/review.ts.
import { z } from 'zod';
import { SEARCH_AREA_STATUSES, STATISTICS, GRAVE_KINDS, TableNameSchema } from '../model';
import { method } from './method';
import { FindingSchema } from '../review/finding';
import { NewCommentSchema, ReviewCommentSchema } from '../review/comment';
import { REVIEW_ACTS, REVIEW_STATES } from '../review/state';

export const ReviewStateSchema = z.enum(REVIEW_STATES);
export const ReviewActSchema = z.enum(REVIEW_ACTS);

const CommuneCode = z.string().min(1).max(32);
const figure = z.number().nullable();
export const FiguresSchema = z.object(Object.fromEntries(STATISTICS.map((k) => [k, figure])) as Record<(typeof STATISTICS)[number], typeof figure>);

export const MapCountsSchema = z.object({
  graves: z.number().int(),
  gravesNewlyFound: z.number().int(),
  gravesFamilyCared: z.number().int(),
  gravesByKind: z.record(z.enum(GRAVE_KINDS), z.number().int()),
  areas: z.number().int(),
  areasByStatus: z.record(z.enum(SEARCH_AREA_STATUSES), z.number().int()),
  estimatedRemainsOpen: z.number(),
});

export const CommuneStatisticsSchema = z.object({
  communeCode: z.string(),
  communeName: z.string(),
  state: ReviewStateSchema,
  figures: FiguresSchema,
  source: z.enum(['district', 'commune', 'village', 'none']),
  conclusionIds: z.array(z.string()),
  date: z.string().nullable(),
  map: MapCountsSchema,
  mismatches: z.array(z.enum(STATISTICS)),
});

export const ReviewStateRowSchema = z.object({
  communeCode: z.string(),
  state: ReviewStateSchema,
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  note: z.string(),
});

export const ReviewActRecordSchema = z.object({
  at: z.string(),
  author: z.string(),
  communeCode: z.string(),
  label: z.string(),
  from: ReviewStateSchema.nullable(),
  to: ReviewStateSchema.nullable(),
  note: z.string(),
});

export const CheckRunSchema = z.object({
  jobId: z.string(),
  at: z.string(),
  communes: z.array(z.string()).nullable(),
  findings: z.array(FindingSchema),
  errors: z.number().int(),
  warnings: z.number().int(),
});

export const CommuneOverviewSchema = ReviewStateRowSchema.extend({
  name: z.string(),
  hasBoundary: z.boolean(),
  extent: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  counts: z.object({
    areasByStatus: z.record(z.enum(SEARCH_AREA_STATUSES), z.number().int()),
    gravesByKind: z.record(z.enum(GRAVE_KINDS), z.number().int()),
    cemeteries: z.number().int(),
    infoPoints: z.number().int(),
  }),
  openComments: z.number().int(),
  /** From the last check run that covered this commune; null = not checked since the app started. */
  findings: z.object({ errors: z.number().int(), warnings: z.number().int(), at: z.string() }).nullable(),
});

/** A row of the commune written after the map was submitted (its latest write, and how many there were). */
export const ChangedRowSchema = z.object({
  table: TableNameSchema,
  id: z.string(),
  /** The row's code or name as the reviewer knows it; null when it has none. */
  name: z.string().nullable(),
  deleted: z.boolean(),
  writes: z.number().int(),
  lastAt: z.string(),
  lastBy: z.string(),
  lastLabel: z.string(),
  /** Where to zoom (a small box around a point); null for records and rows without geometry. */
  extent: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
});

export const ChangesSinceSchema = z.object({
  /** The latest submission of the map; null when it was never submitted (then nothing is listed). */
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  changes: z.array(ChangedRowSchema),
});

export const reviewMethods = {
  'review.run': method(
    z.object({ communes: z.array(CommuneCode).max(1000).optional() }).default({}),
    CheckRunSchema,
    'Run every check (as a job with progress; jobs.cancel stops it) on the project or some communes.',
  ),
  'review.lastRun': method(z.object({}).strict().default({}), CheckRunSchema.nullable(), 'The findings of the last check run since the project was opened.'),
  'review.overview': method(
    z.object({}).strict().default({}),
    z.object({ communes: z.array(CommuneOverviewSchema), minGraveDistance: z.number() }),
    'The reviewer’s view: every commune with its state, counts by status and class, open comments and check results.',
  ),
  'review.act': method(
    z.object({ communeCode: CommuneCode, act: ReviewActSchema, note: z.string().trim().max(4000).default('') }),
    ReviewStateRowSchema,
    'Submit, return, approve or unlock a commune map (role rules enforced; submission re-runs the checks and refuses on errors).',
  ),
  'review.changesSince': method(
    z.object({ communeCode: CommuneCode }),
    ChangesSinceSchema,
    'The rows of a commune written after its map was last submitted (from the audit log), latest first: what the reviewer has not seen.',
  ),
  'review.history': method(z.object({ communeCode: CommuneCode.nullable().default(null) }), z.array(ReviewActRecordSchema), 'Who moved which commune map when, oldest first.'),
  'review.comments': method(
    z.object({ communeCode: CommuneCode.nullable().default(null), openOnly: z.boolean().default(false) }),
    z.array(ReviewCommentSchema),
    'Review comments (with replies), oldest first.',
  ),
  'review.comment.add': method(NewCommentSchema, ReviewCommentSchema, 'Pin a comment to the map or to a feature, or reply to one.'),
  'review.comment.resolve': method(z.object({ id: z.string().uuid(), resolved: z.boolean() }), ReviewCommentSchema, 'Mark a comment resolved (or open it again): a reviewer’s or administrator’s act.'),
  'review.statistics': method(
    z.object({}).strict().default({}),
    z.object({ rows: z.array(CommuneStatisticsSchema), totals: FiguresSchema, mapTotals: MapCountsSchema, mismatches: z.array(z.enum(STATISTICS)) }),
    'The district statistics table: the six figures per commune from the conclusions, the map’s own counts, mismatches.',
  ),
  'review.statisticsCsv': method(
    z.object({}).strict().default({}),
    z.object({ fileName: z.string(), csv: z.string() }),
    'The district statistics table as CSV (UTF-8 with BOM, so Excel reads Vietnamese).',
  ),
  'review.statisticsPdf': method(
    z.object({}).strict().default({}),
    z.object({ fileName: z.string(), base64: z.string() }),
    'The district statistics report as PDF (A4 landscape, embedded Vietnamese font), base64.',
  ),
  'review.config': method(
    z.object({ minGraveDistance: z.number().finite().min(0).max(10_000).optional() }).default({}),
    z.object({ minGraveDistance: z.number() }),
    'Review settings of the project (graves closer than N metres are reported; default 20). Setting them is a reviewer’s act.',
  ),
} as const;
