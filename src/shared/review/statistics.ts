// The six figures of DOMAIN.md per commune, from the conclusions, beside the map's own counts.
// Both are shown; a mismatch is flagged, never resolved by overwriting one with the other.
import { SEARCH_AREA_STATUSES, STATISTICS, type Row, type SearchAreaStatus, type StatisticKey } from '../model';

export type Figures = Record<StatisticKey, number | null>;

export interface MapCounts {
  graves: number;
  gravesNewlyFound: number;
  gravesFamilyCared: number;
  areas: number;
  areasByStatus: Record<SearchAreaStatus, number>;
  /** Estimated remains in areas not yet searched to the end (status other than done). */
  estimatedRemainsOpen: number;
}

export interface CommuneStatistics {
  communeCode: string;
  communeName: string;
  /** From the latest commune-level conclusion, else the sum of the village-level ones; null figures when none. */
  figures: Figures;
  source: 'commune' | 'village' | 'none';
  conclusionIds: string[];
  map: MapCounts;
  /** Figures that the map counts contradict. */
  mismatches: StatisticKey[];
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const codeOf = (r: Row): string | null => {
  const c = r.props.commune_code ?? r.props.unit_code;
  return typeof c === 'string' && c !== '' ? c : null;
};

export function emptyFigures(): Figures {
  return Object.fromEntries(STATISTICS.map((k) => [k, null])) as Figures;
}

/** Which conclusions give a commune's figures. */
export function conclusionsFor(code: string, conclusions: readonly Row[]): { source: CommuneStatistics['source']; rows: Row[] } {
  const mine = conclusions.filter((c) => codeOf(c) === code);
  const communeLevel = mine.filter((c) => c.props.level === 'commune').sort((a, b) => String(b.props.date ?? '').localeCompare(String(a.props.date ?? '')));
  if (communeLevel.length) return { source: 'commune', rows: [communeLevel[0]] };
  const villages = mine.filter((c) => c.props.level === 'village');
  if (villages.length) return { source: 'village', rows: villages };
  return { source: 'none', rows: [] };
}

export function sumFigures(rows: readonly Row[]): Figures {
  const f = emptyFigures();
  for (const r of rows)
    for (const k of STATISTICS) {
      const v = num(r.props[k]);
      if (v !== null) f[k] = (f[k] ?? 0) + v;
    }
  return f;
}

export function mapCounts(code: string, graves: readonly Row[], areas: readonly Row[]): MapCounts {
  const byStatus = Object.fromEntries(SEARCH_AREA_STATUSES.map((s) => [s, 0])) as Record<SearchAreaStatus, number>;
  const m: MapCounts = { graves: 0, gravesNewlyFound: 0, gravesFamilyCared: 0, areas: 0, areasByStatus: byStatus, estimatedRemainsOpen: 0 };
  for (const g of graves) {
    if (g.props.commune_code !== code) continue;
    m.graves++;
    if (g.props.kind === 'newly_found') m.gravesNewlyFound++;
    if (g.props.kind === 'family_cared') m.gravesFamilyCared++;
  }
  for (const a of areas) {
    if (a.props.commune_code !== code) continue;
    m.areas++;
    const s = a.props.status as SearchAreaStatus;
    if (s in byStatus) byStatus[s]++;
    if (s !== 'done') m.estimatedRemainsOpen += num(a.props.estimated_remains) ?? 0;
  }
  return m;
}

/**
 * The figures the map can count itself. Only the family-cared graves have a one-to-one symbol on
 * the map; the other figures count martyrs, not symbols, so they are shown but not compared.
 */
export function mismatches(f: Figures, m: MapCounts): StatisticKey[] {
  const out: StatisticKey[] = [];
  if (f.family_cared !== null && f.family_cared !== m.gravesFamilyCared) out.push('family_cared');
  return out;
}

export function communeStatistics(
  communes: readonly { code: string; name: string }[],
  rows: { conclusions: readonly Row[]; graves: readonly Row[]; search_areas: readonly Row[] },
): CommuneStatistics[] {
  return communes.map(({ code, name }) => {
    const { source, rows: used } = conclusionsFor(code, rows.conclusions);
    const figures = sumFigures(used);
    const map = mapCounts(code, rows.graves, rows.search_areas);
    return { communeCode: code, communeName: name, figures, source, conclusionIds: used.map((r) => r.id), map, mismatches: mismatches(figures, map) };
  });
}

/** A conclusion's own figures contradict each other: recovered + not recovered ≠ initially buried. */
export function inconsistency(r: Row): { initially: number; recovered: number; notRecovered: number | null } | null {
  const ib = num(r.props.initially_buried);
  const rec = num(r.props.recovered);
  const nr = num(r.props.not_recovered);
  if (ib === null || rec === null) return null;
  if (nr !== null ? rec + nr !== ib : rec > ib) return { initially: ib, recovered: rec, notRecovered: nr };
  return null;
}
