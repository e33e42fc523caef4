// The statistics table's figures: the conclusions' (DOMAIN.md's six rows) and, beside them, what
// the project's own data counts. Both are shown; a difference is flagged, never overwritten.
import { STATISTICS, type StatisticKey } from '../model/enums';
import type { Props } from '../model/rows';
import type { PrintFeature } from './input';

export const STAT_LABELS: Record<StatisticKey, string> = {
  initially_buried: 'Số liệt sĩ chôn cất ban đầu',
  recovered: 'Số liệt sĩ đã tìm kiếm, quy tập',
  not_recovered: 'Số liệt sĩ chưa tìm kiếm, quy tập',
  family_cared: 'Số mộ liệt sĩ do gia đình chăm sóc, quản lý',
  brought_in: 'Số mộ từ địa phương khác quy tập về',
  handed_over: 'Số mộ bàn giao cho địa phương khác',
};

/**
 * How the map counts each statistic from its own data (null: the data holds no such count):
 * martyr records of the commune, their "recovered" flag, and graves looked after by families.
 */
export const MAP_COUNT_RULES: Record<StatisticKey, string | null> = {
  initially_buried: 'hồ sơ liệt sĩ của xã',
  recovered: 'hồ sơ liệt sĩ đã quy tập',
  not_recovered: 'hồ sơ liệt sĩ chưa quy tập',
  family_cared: 'mộ do gia đình chăm sóc trên bản đồ',
  brought_in: null,
  handed_over: null,
};

export type StatValues = Record<StatisticKey, number | null>;

export interface CommuneStats {
  code: string;
  name: string;
  /** From the latest commune-level conclusion; null when the commune has none. */
  conclusion: StatValues | null;
  conclusionDate: string | null;
  map: StatValues;
}

export interface Mismatch {
  commune: string;
  statistic: StatisticKey;
  conclusion: number;
  map: number;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function communeStats(
  code: string,
  name: string,
  conclusions: Props[],
  martyrs: Props[],
  features: PrintFeature[],
): CommuneStats {
  const mine = conclusions
    .filter((c) => c.level === 'commune' && (c.commune_code === code || c.unit_code === code))
    .sort((a, b) => String(b.date ?? '').localeCompare(String(a.date ?? '')));
  const latest = mine[0] ?? null;
  const conclusion = latest ? (Object.fromEntries(STATISTICS.map((k) => [k, num(latest[k])])) as StatValues) : null;
  const ms = martyrs.filter((m) => m.commune_code === code);
  const recovered = ms.filter((m) => m.recovered === true).length;
  const familyCared = features.filter((f) => f.table === 'graves' && f.props.kind === 'family_cared' && f.props.commune_code === code).length;
  return {
    code,
    name,
    conclusion,
    conclusionDate: latest && typeof latest.date === 'string' ? latest.date : null,
    map: {
      initially_buried: ms.length,
      recovered,
      not_recovered: ms.length - recovered,
      family_cared: familyCared,
      brought_in: null,
      handed_over: null,
    },
  };
}

export function mismatchesOf(rows: CommuneStats[]): Mismatch[] {
  const out: Mismatch[] = [];
  for (const r of rows) {
    if (!r.conclusion) continue;
    for (const k of STATISTICS) {
      const c = r.conclusion[k];
      const m = r.map[k];
      if (c !== null && m !== null && c !== m) out.push({ commune: r.name, statistic: k, conclusion: c, map: m });
    }
  }
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
