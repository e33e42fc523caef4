// Contract methods of the campaign (issue 18): the district's plan (target, due dates), each
// commune's progress and form 01 coverage, and the evaluation / summary reports. Villages and their
// figures are rows of the `villages` table, written through edits.apply like every feature (so the
// write rules keep staff to their commune). Handlers: src/main/services/campaign.ts.
import { z } from 'zod';
import { CampaignSettingsSchema } from '../model/settings';
import { CAMPAIGN_STEPS } from '../campaign/steps';
import { method } from './method';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');
const Step = z.enum(CAMPAIGN_STEPS);

export const CoverageSchema = z.object({
  households: z.number(),
  distributed: z.number(),
  returned: z.number(),
  withInfo: z.number(),
  villages: z.number().int(),
  missingHouseholds: z.number().int(),
  percent: z.number().nullable(),
  meetsTarget: z.boolean().nullable(),
});

export const VillageProgressSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  pilot: z.boolean(),
  communeCode: z.string(),
  coverage: CoverageSchema,
  conclusionId: z.string().nullable(),
  conclusionDate: z.string().nullable(),
  formsRecorded: z.number().int(),
});

export const CommuneProgressSchema = z.object({
  communeCode: z.string(),
  communeName: z.string(),
  villages: z.array(VillageProgressSchema),
  coverage: CoverageSchema,
  villagesUnderTarget: z.number().int(),
  villagesConcluded: z.number().int(),
  communeConclusionDate: z.string().nullable(),
  steps: z.array(z.object({ step: Step, done: z.boolean(), due: z.string().nullable(), overdue: z.boolean() })),
  currentStep: Step.nullable(),
  overdue: z.array(Step),
});

export const CampaignProgressSchema = z.object({
  targetPercent: z.number(),
  deadlines: z.record(Step, z.string().nullable()),
  today: z.string(),
  communes: z.array(CommuneProgressSchema),
  district: CoverageSchema,
  communesUnderTarget: z.number().int(),
  communesOverdue: z.number().int(),
});

const ReportInput = z.object({
  /** A commune's evaluation report; null = the district summary. */
  communeCode: z.string().trim().min(1).max(32).nullable().default(null),
  /** Leave the map figure out (faster; a project without boundaries has none anyway). */
  withMap: z.boolean().default(true),
});
const ReportFile = z.object({ fileName: z.string(), base64: z.string() });

export const campaignMethods = {
  'campaign.progress': method(
    z.object({ today: isoDate.optional() }).strict().default({}),
    CampaignProgressSchema,
    'Each commune’s campaign step, overdue steps and form 01 coverage (villages, commune, district) against the target.',
  ),
  'campaign.setPlan': method(
    z.object({ targetPercent: z.number().min(1).max(100).optional(), deadlines: z.partialRecord(Step, isoDate.nullable()).optional() }).strict(),
    CampaignSettingsSchema,
    'Set the district’s plan: the form 01 target and the steps’ due dates (reviewers and administrators; audited with the settings).',
  ),
  'campaign.reportPdf': method(ReportInput, ReportFile, 'The commune’s evaluation report or the district summary as PDF (embedded Vietnamese font), base64.'),
  'campaign.reportDocx': method(ReportInput, ReportFile, 'The same report as an editable Word document (.docx), base64.'),
};
