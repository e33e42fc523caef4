// THE campaign figures (issue 18), computed here and only here: the district dashboard, the PDF
// and the .docx reports all call campaignProgress().
// - Form 01 coverage = forms returned ÷ households, summed (not averaged) over villages, communes
//   and the district; a village without a household count is "missing", never counted as 0 %.
// - A commune's step is the first of CAMPAIGN_STEPS not done; a step not done after its due date
//   is overdue (the due day itself is still on time).
import type { Props } from '../model/rows';
import { conclusionsFor, type StatRecord } from '../review/statistics';
import { CAMPAIGN_STEPS, type CampaignSettings, type CampaignStep } from './steps';

export interface FormFigures {
  households: number;
  distributed: number;
  returned: number;
  withInfo: number;
}

export interface Coverage extends FormFigures {
  /** Villages counted (with a household count) and villages without one. */
  villages: number;
  missingHouseholds: number;
  /** Returned ÷ households in percent (one decimal); null without households. */
  percent: number | null;
  /** Returned ≥ target × households, with every village's households known; null without households. */
  meetsTarget: boolean | null;
}

export interface VillageProgress {
  id: string;
  name: string;
  kind: string;
  pilot: boolean;
  communeCode: string;
  coverage: Coverage;
  /** The village's latest village-level conclusion (by village_id, else by name), null without one. */
  conclusionId: string | null;
  conclusionDate: string | null;
  /** The information forms (info_forms records) entered for the village, by its name: beside the count typed in. */
  formsRecorded: number;
}

export interface StepProgress {
  step: CampaignStep;
  done: boolean;
  due: string | null;
  overdue: boolean;
}

export interface CommuneProgress {
  communeCode: string;
  communeName: string;
  villages: VillageProgress[];
  coverage: Coverage;
  villagesUnderTarget: number;
  villagesConcluded: number;
  /** The commune-level (or district-level) conclusion's date, null without one. */
  communeConclusionDate: string | null;
  steps: StepProgress[];
  /** The first step not done; null when every step is done. */
  currentStep: CampaignStep | null;
  overdue: CampaignStep[];
}

export interface CampaignProgress {
  targetPercent: number;
  /** The plan's due dates (the same for every commune). */
  deadlines: Record<CampaignStep, string | null>;
  today: string;
  communes: CommuneProgress[];
  district: Coverage;
  communesUnderTarget: number;
  communesOverdue: number;
}

export interface CampaignInput {
  communes: readonly { code: string; name: string }[];
  villages: readonly StatRecord[];
  conclusions: readonly StatRecord[];
  /** The information forms entered in the project (info_forms), matched to villages by their `village` name. */
  infoForms?: readonly StatRecord[];
  /** Search areas drawn per commune code (the map counts as drafted with one). */
  areasByCommune: ReadonlyMap<string, number>;
  /** The commune map's review state per code (draft when absent). */
  states: ReadonlyMap<string, string>;
  settings: CampaignSettings;
  /** YYYY-MM-DD, the local day. */
  today: string;
}

const count = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/** Coverage of some villages' figures (their props), against the target in percent. */
export function coverageOf(villages: readonly Props[], targetPercent: number): Coverage {
  const c = { households: 0, distributed: 0, returned: 0, withInfo: 0, villages: 0, missingHouseholds: 0 };
  for (const p of villages) {
    const hh = count(p.households);
    if (hh === null) {
      c.missingHouseholds++;
      continue;
    }
    c.villages++;
    c.households += hh;
    c.distributed += count(p.forms_distributed) ?? 0;
    c.returned += count(p.forms_returned) ?? 0;
    c.withInfo += count(p.forms_with_info) ?? 0;
  }
  if (c.households === 0) return { ...c, percent: null, meetsTarget: null };
  // Integers compared, so 95 of 100 meets 95 % exactly (no floating-point rounding).
  const meets = c.returned * 100 >= targetPercent * c.households && c.missingHouseholds === 0;
  return { ...c, percent: Math.round((c.returned * 1000) / c.households) / 10, meetsTarget: meets };
}

/** Whether a coverage counts as under target on the dashboard: below, or not known at all. */
export const underTarget = (c: Coverage): boolean => c.meetsTarget !== true;

function villageConclusion(v: StatRecord, mine: readonly StatRecord[]): StatRecord | null {
  const name = fold(text(v.props.name));
  const about = mine.filter(
    (c) => c.props.level === 'village' && (text(c.props.village_id) ? text(c.props.village_id) === v.id : name !== '' && fold(text(c.props.unit_name)) === name),
  );
  if (!about.length) return null;
  return about.reduce((a, b) => (String(b.props.date ?? '') >= String(a.props.date ?? '') ? b : a));
}

function stepsDone(c: {
  villages: VillageProgress[];
  coverage: Coverage;
  communeConclusion: boolean;
  areas: number;
  state: string;
}): Record<CampaignStep, boolean> {
  const sent = c.state === 'submitted' || c.state === 'approved';
  return {
    forms: c.villages.length > 0 && c.coverage.meetsTarget === true,
    village_conclusions: c.villages.length > 0 && c.villages.every((v) => v.conclusionId !== null),
    commune_conclusion: c.communeConclusion,
    map_drafted: c.areas > 0 || c.state !== 'draft',
    submitted: sent,
    approved: c.state === 'approved',
  };
}

function communeProgress(commune: { code: string; name: string }, villages: readonly StatRecord[], mine: readonly StatRecord[], input: CampaignInput): CommuneProgress {
  const target = input.settings.targetPercent;
  const forms = new Map<string, number>();
  for (const f of input.infoForms ?? []) {
    if (text(f.props.commune_code) !== commune.code) continue;
    const k = fold(text(f.props.village));
    if (k) forms.set(k, (forms.get(k) ?? 0) + 1);
  }
  const vs: VillageProgress[] = villages.map((v) => {
    const c = villageConclusion(v, mine);
    return {
      id: v.id ?? '',
      name: text(v.props.name),
      kind: text(v.props.kind),
      pilot: v.props.pilot === true || v.props.pilot === 1,
      communeCode: commune.code,
      coverage: coverageOf([v.props], target),
      conclusionId: c?.id ?? null,
      conclusionDate: c ? text(c.props.date) || null : null,
      formsRecorded: forms.get(fold(text(v.props.name))) ?? 0,
    };
  });
  const coverage = coverageOf(
    villages.map((v) => v.props),
    target,
  );
  // The commune's own conclusion: the statistics rule's pick, when it is not the villages' sum.
  const picked = conclusionsFor(commune.code, mine);
  const communeConclusion = picked.source === 'commune' || picked.source === 'district' ? picked.rows[0] : null;
  const done = stepsDone({
    villages: vs,
    coverage,
    communeConclusion: communeConclusion !== null,
    areas: input.areasByCommune.get(commune.code) ?? 0,
    state: input.states.get(commune.code) ?? 'draft',
  });
  const steps = CAMPAIGN_STEPS.map((step) => {
    const due = input.settings.deadlines[step] ?? null;
    return { step, done: done[step], due, overdue: !done[step] && due !== null && due < input.today };
  });
  return {
    communeCode: commune.code,
    communeName: commune.name,
    villages: vs,
    coverage,
    villagesUnderTarget: vs.filter((v) => underTarget(v.coverage)).length,
    villagesConcluded: vs.filter((v) => v.conclusionId !== null).length,
    communeConclusionDate: communeConclusion ? text(communeConclusion.props.date) || null : null,
    steps,
    currentStep: steps.find((s) => !s.done)?.step ?? null,
    overdue: steps.filter((s) => s.overdue).map((s) => s.step),
  };
}

const codeOf = (p: Props): string => text(p.commune_code) || text(p.unit_code);

/** Every commune's campaign progress, in the order of `communes`, and the district's coverage. */
export function campaignProgress(input: CampaignInput): CampaignProgress {
  const communes = input.communes.map((c) =>
    communeProgress(
      c,
      input.villages.filter((v) => text(v.props.commune_code) === c.code),
      input.conclusions.filter((r) => codeOf(r.props) === c.code),
      input,
    ),
  );
  const inCommunes = new Set(input.communes.map((c) => c.code));
  return {
    targetPercent: input.settings.targetPercent,
    deadlines: { ...input.settings.deadlines },
    today: input.today,
    communes,
    district: coverageOf(
      input.villages.filter((v) => inCommunes.has(text(v.props.commune_code))).map((v) => v.props),
      input.settings.targetPercent,
    ),
    communesUnderTarget: communes.filter((c) => underTarget(c.coverage)).length,
    communesOverdue: communes.filter((c) => c.overdue.length > 0).length,
  };
}

/** "95,0 %" as Vietnamese write it; "—" when unknown. */
export function percentText(p: number | null): string {
  return p === null ? '—' : `${p.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
}
