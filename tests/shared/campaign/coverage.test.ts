// The campaign's one progress function: coverage summed over villages (not averaged), the target
// compared exactly, a missing household count never counted as met, steps and overdue by day.
import { describe, expect, it } from 'vitest';
import { campaignProgress, coverageOf, percentText, type CampaignInput } from '../../../src/shared/campaign/coverage';
import { emptyDeadlines } from '../../../src/shared/campaign/steps';
import type { StatRecord } from '../../../src/shared/review/statistics';

const v = (id: string, commune: string, households: number | null, returned: number, extra: Record<string, unknown> = {}) => ({
  id,
  props: { name: `Thôn ${id}`, kind: 'thon', commune_code: commune, households, forms_distributed: households, forms_returned: returned, forms_with_info: 1, ...extra },
});

function input(over: Partial<CampaignInput> = {}): CampaignInput {
  return {
    communes: [
      { code: 'A', name: 'Nam Đà' },
      { code: 'B', name: 'Đắk Drô' },
    ],
    villages: [v('a1', 'A', 100, 99), v('a2', 'A', 100, 80), v('b1', 'B', 40, 40)],
    conclusions: [],
    areasByCommune: new Map(),
    states: new Map(),
    settings: { targetPercent: 95, deadlines: emptyDeadlines() },
    today: '2026-12-05',
    ...over,
  };
}

describe('form 01 coverage', () => {
  it('sums returned forms over households: 179 of 200 is 89,5 %, under 95 %', () => {
    const c = coverageOf([v('1', 'A', 100, 99).props, v('2', 'A', 100, 80).props], 95);
    expect(c).toMatchObject({ households: 200, returned: 179, percent: 89.5, meetsTarget: false, villages: 2, missingHouseholds: 0 });
    // An average of the villages' rates would say (99 + 80) / 2 = 89,5 too; unequal villages tell them apart.
    const uneven = coverageOf([v('1', 'A', 1000, 990).props, v('2', 'A', 10, 5).props], 95);
    expect(uneven.percent).toBe(98.5);
    expect(uneven.meetsTarget).toBe(true);
  });

  it('meets the target exactly at 95 of 100 (integers compared, no rounding)', () => {
    expect(coverageOf([v('1', 'A', 100, 95).props], 95).meetsTarget).toBe(true);
    expect(coverageOf([v('1', 'A', 100, 94).props], 95).meetsTarget).toBe(false);
    expect(coverageOf([v('1', 'A', 1000, 949).props], 95).meetsTarget).toBe(false);
    expect(coverageOf([v('1', 'A', 1000, 950).props], 95).meetsTarget).toBe(true);
  });

  it('a village without a household count is missing, not 0 % and not met', () => {
    const c = coverageOf([v('1', 'A', 100, 100).props, v('2', 'A', null, 30).props], 95);
    expect(c).toMatchObject({ households: 100, returned: 100, missingHouseholds: 1, meetsTarget: false, percent: 100 });
    expect(coverageOf([v('2', 'A', null, 30).props], 95)).toMatchObject({ percent: null, meetsTarget: null });
    expect(coverageOf([], 95).meetsTarget).toBeNull();
  });

  it('writes percentages as Vietnamese do', () => {
    expect(percentText(89.5)).toBe('89,5 %');
    expect(percentText(100)).toBe('100,0 %');
    expect(percentText(null)).toBe('—');
  });
});

describe('campaign progress', () => {
  it('coverage per village, commune and district, the communes under target counted', () => {
    const p = campaignProgress(input());
    const [a, b] = p.communes;
    expect(a!.villages.map((x) => x.coverage.percent)).toEqual([99, 80]);
    expect(a!.coverage.percent).toBe(89.5);
    expect(a!.villagesUnderTarget).toBe(1);
    expect(b!.coverage.meetsTarget).toBe(true);
    expect(p.district).toMatchObject({ households: 240, returned: 219, percent: 91.3 });
    expect(p.communesUnderTarget).toBe(1);
  });

  it('a step not done after its due day is overdue; on the due day it is not', () => {
    const deadlines = { ...emptyDeadlines(), forms: '2026-12-04', village_conclusions: '2026-12-05' };
    const p = campaignProgress(input({ settings: { targetPercent: 95, deadlines } }));
    const [a, b] = p.communes;
    expect(a!.overdue).toEqual(['forms']);
    expect(a!.currentStep).toBe('forms');
    // B's forms are done (100 %): not overdue although the date has passed.
    expect(b!.overdue).toEqual([]);
    expect(b!.currentStep).toBe('village_conclusions');
    expect(p.communesOverdue).toBe(1);
    const later = campaignProgress(input({ settings: { targetPercent: 95, deadlines }, today: '2026-12-06' }));
    expect(later.communes[1]!.overdue).toEqual(['village_conclusions']);
  });

  it('village conclusions by village id or by name; the commune conclusion; the map’s state', () => {
    const conclusions: StatRecord[] = [
      { id: 'k1', props: { level: 'village', village_id: 'a1', unit_name: 'x', date: '2019-06-01', commune_code: 'A' } },
      { id: 'k2', props: { level: 'village', unit_name: 'thôn  A2', date: '2019-06-02', commune_code: 'A' } },
      { id: 'k3', props: { level: 'commune', unit_name: 'Xã Nam Đà', date: '2019-06-20', commune_code: 'A' } },
    ];
    const p = campaignProgress(input({ conclusions, areasByCommune: new Map([['A', 3]]), states: new Map([['A', 'submitted']]) }));
    const a = p.communes[0]!;
    expect(a.villages.map((x) => x.conclusionId)).toEqual(['k1', 'k2']);
    expect(a.villagesConcluded).toBe(2);
    expect(a.communeConclusionDate).toBe('2019-06-20');
    expect(a.steps.filter((s) => s.done).map((s) => s.step)).toEqual(['village_conclusions', 'commune_conclusion', 'map_drafted', 'submitted']);
    expect(a.currentStep).toBe('forms');
    const approved = campaignProgress(input({ villages: [v('a1', 'A', 10, 10)], conclusions, states: new Map([['A', 'approved']]) }));
    expect(approved.communes[0]!.currentStep).toBeNull();
  });

  it('counts the information forms entered for each village by its name, in its commune only', () => {
    const infoForms: StatRecord[] = [
      { props: { village: 'thôn  A1', commune_code: 'A' } },
      { props: { village: 'Thôn a1', commune_code: 'A' } },
      { props: { village: 'Thôn a1', commune_code: 'B' } },
      { props: { village: 'Thôn khác', commune_code: 'A' } },
    ];
    const a = campaignProgress(input({ infoForms })).communes[0]!;
    expect(a.villages.map((v) => v.formsRecorded)).toEqual([2, 0]);
  });

  it('a commune without villages has no coverage and its forms step is not done', () => {
    const p = campaignProgress(input({ villages: [] }));
    expect(p.communes[0]!.coverage.meetsTarget).toBeNull();
    expect(p.communes[0]!.steps[0]!.done).toBe(false);
    expect(p.communesUnderTarget).toBe(2);
  });

  it('the target is the project’s: 80 % makes 89,5 % enough', () => {
    const p = campaignProgress(input({ settings: { targetPercent: 80, deadlines: emptyDeadlines() } }));
    expect(p.communes[0]!.coverage.meetsTarget).toBe(true);
    expect(p.communes[0]!.villagesUnderTarget).toBe(0);
  });
});
