// The statistics table's figures: the conclusions' (DOMAIN.md's six rows) and, beside them, what
// the map counts. Both are shown; a difference is flagged, never overwritten. Computed by the one
// shared function (../review/statistics.ts) that check, the review panel and the report use too.
import { STATISTICS, type StatisticKey } from '../model/enums';
import { communeStatistics, mapFigure, type FigureSource, type StatRecord } from '../review/statistics';
import type { PrintInput } from './input';

export const STAT_LABELS: Record<StatisticKey, string> = {
  initially_buried: 'Số liệt sĩ chôn cất ban đầu',
  recovered: 'Số liệt sĩ đã tìm kiếm, quy tập',
  not_recovered: 'Số liệt sĩ chưa tìm kiếm, quy tập',
  family_cared: 'Số mộ liệt sĩ do gia đình chăm sóc, quản lý',
  brought_in: 'Số mộ từ địa phương khác quy tập về',
  handed_over: 'Số mộ bàn giao cho địa phương khác',
};

/**
 * How the map counts each statistic from its own data (null: the map has no count to set against
 * it). The one rule lives in ../review/statistics.ts (MAP_FIGURES): graves looked after by families.
 */
export const MAP_COUNT_RULES: Record<StatisticKey, string | null> = {
  initially_buried: null,
  recovered: null,
  not_recovered: null,
  family_cared: 'mộ do gia đình chăm sóc trên bản đồ',
  brought_in: null,
  handed_over: null,
};

export type StatValues = Record<StatisticKey, number | null>;

export interface CommuneStats {
  code: string;
  name: string;
  /** Which conclusions gave the figures (the rule of ../review/statistics.ts). */
  source: FigureSource;
  /** The conclusions' figures; null when the commune has none. */
  conclusion: StatValues | null;
  /** The latest meeting date among the conclusions used. */
  conclusionDate: string | null;
  /** The map's own count where it has one (MAP_FIGURES), else null. */
  map: StatValues;
  /** Where the two disagree: exactly the figures `quytap check` reports (stats.map_mismatch). */
  mismatches: StatisticKey[];
}

export interface Mismatch {
  commune: string;
  statistic: StatisticKey;
  conclusion: number;
  map: number;
}

/** The sheet's table rows: the shared communeStatistics() over the print input, in the sheet's words. */
export function sheetStatistics(communes: readonly { code: string; name: string }[], input: Pick<PrintInput, 'conclusions' | 'features'>): CommuneStats[] {
  const graves: StatRecord[] = [];
  const areas: StatRecord[] = [];
  for (const f of input.features)
    if (f.table === 'graves') graves.push(f);
    else if (f.table === 'search_areas') areas.push(f);
  const rows = communeStatistics(communes, { conclusions: input.conclusions.map((props) => ({ props })), graves, search_areas: areas });
  return rows.map((r) => ({
    code: r.communeCode,
    name: r.communeName,
    source: r.source,
    conclusion: r.source === 'none' ? null : r.figures,
    conclusionDate: r.date,
    map: Object.fromEntries(STATISTICS.map((k) => [k, mapFigure(k, r.map)])) as StatValues,
    mismatches: r.mismatches,
  }));
}

export function mismatchesOf(rows: CommuneStats[]): Mismatch[] {
  const out: Mismatch[] = [];
  for (const r of rows)
    for (const k of r.mismatches) out.push({ commune: r.name, statistic: k, conclusion: r.conclusion![k]!, map: r.map[k]! });
  return out;
}

export function totals(rows: CommuneStats[], pick: (r: CommuneStats) => StatValues | null): StatValues {
  return Object.fromEntries(
    STATISTICS.map((k) => {
      const vals = rows.map((r) => pick(r)?.[k] ?? null).filter((v): v is number => v !== null);
      return [k, vals.length ? vals.reduce((a, b) => a + b, 0) : null];
    }),
  ) as StatValues;
}
