// Project-wide settings: what sheets print and who the project belongs to. Editable in the app.
import { z } from 'zod';
import { SEARCH_AREA_STATUSES } from './enums';
import { CAMPAIGN_STEPS, DEFAULT_TARGET_PERCENT, emptyDeadlines } from '../campaign/steps';
export { signatureNote, SIGNATURE_ROLES, DEFAULT_SIGNATURE_TITLES } from './signature-note';

const Unit = z.object({ code: z.string().max(32).default(''), name: z.string().min(1).max(200) });

export const SignatureRoleSchema = z.object({
  role: z.enum(['drawn_by', 'checked_by', 'approved_by']),
  title: z.string().max(200),
  name: z.string().max(200).default(''),
  /** The line under the title; empty = by role: "(Ký, đóng dấu)" for the approving authority, else "(Ký, ghi rõ họ tên)". */
  note: z.string().max(200).default(''),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');

const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour must be #rrggbb');

/** The district's campaign plan (issue 18): the form 01 target and each step's due date. */
export const CampaignSettingsSchema = z.object({
  targetPercent: z.number().min(1).max(100).default(DEFAULT_TARGET_PERCENT),
  deadlines: z
    .object(Object.fromEntries(CAMPAIGN_STEPS.map((s) => [s, isoDate.nullable().default(null)])) as Record<(typeof CAMPAIGN_STEPS)[number], z.ZodDefault<z.ZodNullable<typeof isoDate>>>)
    .default(emptyDeadlines),
});

export const ProjectSettingsSchema = z.object({
  title: z.string().min(1).max(300),
  province: Unit,
  /** Optional since 1 July 2025 (two-tier administration). */
  district: Unit.nullable().default(null),
  communes: z.array(Unit).max(1000).default([]),
  /** The organisation that reviews; a district command before 2025, an area defence command after. */
  reviewingOrganisation: z.string().max(300).default(''),
  producingAgency: z.string().max(300).default(''),
  place: z.string().max(200).default(''),
  dataSources: z.string().max(2000).default(''),
  signatures: z.array(SignatureRoleSchema).max(6).default(() => DEFAULT_SIGNATURES.map((x) => ({ name: '', note: '', ...x }))),
  /**
   * The issuing organisation's header, one line each, printed top left as on official documents
   * (e.g. "BỘ CHỈ HUY QUÂN SỰ TỈNH ĐẮK NÔNG", "BAN CHỈ HUY QUÂN SỰ HUYỆN KRÔNG NÔ"; the last in bold).
   */
  organisation: z.array(z.string().max(200)).max(4).default([]),
  /** The date the sheet is made (YYYY-MM-DD), printed on the place and date line; absent = left for the hand. */
  sheetDate: isoDate.nullable().default(null),
  /** The date whose boundaries, names and titles the sheets show (YYYY-MM-DD); absent = the sheet's date, else today. */
  boundaryDate: isoDate.nullable().default(null),
  /** Fills by status; DOMAIN.md's colours are the default but are not confirmed as official. */
  statusFills: z.record(z.enum(SEARCH_AREA_STATUSES), hex).default({
    done: '#ffffff',
    continuing: '#ffff99',
    not_started: '#ccff99',
    no_result: '#ffb3b3',
    unclear: '#c6d9f1',
  }),
  demo: z.boolean().default(false),
  backupKeep: z.number().int().min(1).max(100).default(10),
  campaign: CampaignSettingsSchema.default(() => ({ targetPercent: DEFAULT_TARGET_PERCENT, deadlines: emptyDeadlines() })),
});
export type ProjectSettings = z.infer<typeof ProjectSettingsSchema>;

export const DEFAULT_SIGNATURES: z.input<typeof SignatureRoleSchema>[] = [
  { role: 'drawn_by', title: 'Người lập', name: '' },
  { role: 'checked_by', title: 'Người kiểm tra', name: '' },
  { role: 'approved_by', title: 'Thủ trưởng đơn vị', name: '' },
];


/**
 * A change to some settings: the fields named, nothing else. Not `.partial()`: zod 4 fills a
 * partial's absent fields with their defaults, so a patch naming the place would reset the
 * communes, the fills and the signature blocks.
 */
export const ProjectSettingsPatchSchema = z.object(
  Object.fromEntries(
    Object.entries(ProjectSettingsSchema.shape).map(([k, v]) => [k, (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : v).optional()]),
  ),
) as unknown as ReturnType<typeof ProjectSettingsSchema.partial>;
