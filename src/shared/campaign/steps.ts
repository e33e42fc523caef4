// The campaign's steps (issue 18) as the district steering committee sets them, in order, with the
// words the dashboard and the reports print. Zod-free: the renderer reads it.

export const CAMPAIGN_STEPS = ['forms', 'village_conclusions', 'commune_conclusion', 'map_drafted', 'submitted', 'approved'] as const;
export type CampaignStep = (typeof CAMPAIGN_STEPS)[number];

export const STEP_LABELS: Record<CampaignStep, { vi: string; en: string }> = {
  forms: { vi: 'Phát, thu phiếu mẫu 01', en: 'Forms 01 handed out and returned' },
  village_conclusions: { vi: 'Kết luận địa bàn cấp thôn', en: 'Village conclusions' },
  commune_conclusion: { vi: 'Kết luận địa bàn cấp xã', en: 'Commune conclusion' },
  map_drafted: { vi: 'Dự thảo bản đồ', en: 'Map drafted' },
  submitted: { vi: 'Gửi bản đồ lên huyện', en: 'Map submitted' },
  approved: { vi: 'Bản đồ được phê duyệt', en: 'Map approved' },
};

/** "trên 95%" of households (the campaign's plan); configurable per project. */
export const DEFAULT_TARGET_PERCENT = 95;

export type Deadlines = Record<CampaignStep, string | null>;

export interface CampaignSettings {
  /** Form 01 coverage reached when returned forms ≥ this percent of households. */
  targetPercent: number;
  /** Each step's due date (YYYY-MM-DD), district-wide; null = not set. */
  deadlines: Deadlines;
}

export function emptyDeadlines(): Deadlines {
  return Object.fromEntries(CAMPAIGN_STEPS.map((s) => [s, null])) as Deadlines;
}
