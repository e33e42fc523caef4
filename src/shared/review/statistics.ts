// THE statistics of a commune (DOMAIN.md's six figures), computed here and only here: the sheet's
// table (print/statistics.ts), `quytap check` (checks/stats-map.ts), the review panel
// (review.overview, review.statistics) and the district CSV/PDF all call communeStatistics().
// Two counts side by side: the conclusions' figures and the map's own count; a mismatch is flagged,
// never resolved by overwriting one with the other. The rule is in docs/STATISTICS.md too.
import { GRAVE_KINDS, SEARCH_AREA_STATUSES, STATISTICS, type GraveKind, type SearchAreaStatus, type StatisticKey } from '../model/enums';
import type { Props } from '../model/rows';

export type Figures = Record<StatisticKey, number | null>;

/** A conclusion, grave or area as the statistics read it: its properties (the id when known). */
export interface StatRecord {
  id?: string;
  props: Props;
}

export interface MapCounts {
  graves: number;
  gravesNewlyFound: number;
  gravesFamilyCared: number;
  gravesByKind: Record<GraveKind, number>;
  areas: number;
  areasByStatus: Record<SearchAreaStatus, number>;
  /** Estimated remains in areas not yet searched to the end (status other than done). */
  estimatedRemainsOpen: number;
}

/** Which level's conclusions gave the figures ('none': the commune has no conclusion). */
export type FigureSource = 'district' | 'commune' | 'village' | 'none';

export interface CommuneStatistics {
  communeCode: string;
  communeName: string;
  figures: Figures;
  source: FigureSource;
  /** The conclusions summed (one, or one per village), in the project's order. */
  conclusionIds: string[];
  /** The latest meeting date among them (YYYY-MM-DD), null without one. */
  date: string | null;
  map: MapCounts;
  /** The figures the map's own count contradicts (see MAP_FIGURES). */
  mismatches: StatisticKey[];
}

/**
 * The rule, as the sheet's and the report's notes say it. For each commune:
 * 1. a district-level conclusion naming the commune (the district verification team's: the last
 *    meeting of the process, the one a district reviewer signs and checks the map against) gives
 *    the figures, the latest by date;
 * 2. else the latest commune-level conclusion;
 * 3. else the sum of the village-level conclusions, the latest one per village;
 * 4. else no figures ("—").
 * Levels are never mixed: a later level replaces the earlier ones, which it has already taken in.
 * Same date, same level: the one written later in the project (a re-conclusion entered after).
 */
export const RULE_VI =
  'Số liệu theo kết luận địa bàn: kết luận cấp huyện về xã (mới nhất) nếu có; nếu không, kết luận cấp xã mới nhất; nếu không, cộng kết luận cấp thôn (mỗi thôn lấy kết luận mới nhất).';
export const RULE_EN =
  'Figures from the area conclusions: the latest district-level conclusion on the commune if any; else the latest commune-level one; else the sum of the village-level ones (the latest per village).';

export const SOURCE_LABELS: Record<FigureSource, { vi: string; short: string; en: string }> = {
  district: { vi: 'Kết luận cấp huyện', short: 'KL huyện', en: 'district conclusion' },
  commune: { vi: 'Kết luận cấp xã', short: 'KL xã', en: 'commune conclusion' },
  village: { vi: 'Tổng kết luận cấp thôn', short: 'KL thôn', en: 'sum of village conclusions' },
  none: { vi: 'Chưa có kết luận', short: 'Chưa có', en: 'no conclusion' },
};

/**
 * The figures the map counts itself, one symbol per grave: only the graves looked after by
 * families. The others count martyrs (a grave may hold several, a martyr record is a name found,
 * not a count) or movements between places: the map has no count to set against them.
 */
export const MAP_FIGURES: Partial<Record<StatisticKey, (m: MapCounts) => number>> = {
  family_cared: (m) => m.gravesFamilyCared,
};

export const mapFigure = (k: StatisticKey, m: MapCounts): number | null => MAP_FIGURES[k]?.(m) ?? null;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** The commune a record belongs to: its commune code, else (records typed by hand) its unit code. */
const codeOf = (p: Props): string | null => text(p.commune_code) ?? text(p.unit_code);
const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ');

export function emptyFigures(): Figures {
  return Object.fromEntries(STATISTICS.map((k) => [k, null])) as Figures;
}

export function emptyMapCounts(): MapCounts {
  return {
    graves: 0,
    gravesNewlyFound: 0,
    gravesFamilyCared: 0,
    gravesByKind: Object.fromEntries(GRAVE_KINDS.map((k) => [k, 0])) as Record<GraveKind, number>,
    areas: 0,
    areasByStatus: Object.fromEntries(SEARCH_AREA_STATUSES.map((s) => [s, 0])) as Record<SearchAreaStatus, number>,
    estimatedRemainsOpen: 0,
  };
}

/** The latest by date; same date: the later in the list (the project's order of writing). */
function latest(rows: readonly StatRecord[]): StatRecord {
  let best = rows[0];
  for (const r of rows.slice(1)) if (String(r.props.date ?? '') >= String(best.props.date ?? '')) best = r;
  return best;
}

/** Which village a village-level conclusion is about: the village row it names, else its unit code (when not the commune's), else its name. */
function villageKey(r: StatRecord, commune: string): string {
  const village = text(r.props.village_id);
  if (village) return `village:${village}`;
  const code = text(r.props.unit_code);
  if (code && code !== commune) return `code:${code}`;
  const name = text(r.props.unit_name);
  return name ? `name:${fold(name)}` : `id:${r.id ?? ''}`;
}

/** Which conclusions give a commune's figures (the rule above). `mine`: the commune's conclusions. */
export function conclusionsFor(code: string, mine: readonly StatRecord[]): { source: FigureSource; rows: StatRecord[] } {
  for (const level of ['district', 'commune'] as const) {
    const at = mine.filter((c) => c.props.level === level);
    if (at.length) return { source: level, rows: [latest(at)] };
  }
  const villages = new Map<string, StatRecord[]>();
  for (const c of mine) {
    if (c.props.level !== 'village') continue;
    const k = villageKey(c, code);
    villages.set(k, [...(villages.get(k) ?? []), c]);
  }
  if (!villages.size) return { source: 'none', rows: [] };
  const used = new Set([...villages.values()].map(latest));
  return { source: 'village', rows: mine.filter((c) => used.has(c)) };
}

export function sumFigures(rows: readonly StatRecord[]): Figures {
  const f = emptyFigures();
  for (const r of rows)
    for (const k of STATISTICS) {
      const v = num(r.props[k]);
      if (v !== null) f[k] = (f[k] ?? 0) + v;
    }
  return f;
}

/** The map's own counts of one commune's graves and search areas (already the commune's). */
export function mapCounts(graves: readonly StatRecord[], areas: readonly StatRecord[]): MapCounts {
  const m = emptyMapCounts();
  for (const g of graves) {
    m.graves++;
    const kind = g.props.kind as GraveKind;
    if (kind in m.gravesByKind) m.gravesByKind[kind]++;
  }
  m.gravesNewlyFound = m.gravesByKind.newly_found;
  m.gravesFamilyCared = m.gravesByKind.family_cared;
  for (const a of areas) {
    m.areas++;
    const s = a.props.status as SearchAreaStatus;
    if (s in m.areasByStatus) m.areasByStatus[s]++;
    if (s !== 'done') m.estimatedRemainsOpen += num(a.props.estimated_remains) ?? 0;
  }
  return m;
}

/** The figures the map's count contradicts: both known and different. */
export function mismatches(f: Figures, m: MapCounts): StatisticKey[] {
  return STATISTICS.filter((k) => {
    const map = mapFigure(k, m);
    return f[k] !== null && map !== null && f[k] !== map;
  });
}

function byCommune(rows: readonly StatRecord[], of: (p: Props) => string | null): Map<string, StatRecord[]> {
  const out = new Map<string, StatRecord[]>();
  for (const r of rows) {
    const c = of(r.props);
    if (c === null) continue;
    const list = out.get(c);
    if (list) list.push(r);
    else out.set(c, [r]);
  }
  return out;
}

/** Every commune's statistics, in the order of `communes`. Features count for the commune their commune_code names. */
export function communeStatistics(
  communes: readonly { code: string; name: string }[],
  rows: { conclusions: readonly StatRecord[]; graves: readonly StatRecord[]; search_areas: readonly StatRecord[] },
): CommuneStatistics[] {
  const feature = (p: Props) => text(p.commune_code);
  const conclusions = byCommune(rows.conclusions, codeOf);
  const graves = byCommune(rows.graves, feature);
  const areas = byCommune(rows.search_areas, feature);
  return communes.map(({ code, name }) => {
    const { source, rows: used } = conclusionsFor(code, conclusions.get(code) ?? []);
    const figures = sumFigures(used);
    const map = mapCounts(graves.get(code) ?? [], areas.get(code) ?? []);
    const dates = used.map((r) => text(r.props.date)).filter((d): d is string => d !== null);
    return {
      communeCode: code,
      communeName: name,
      figures,
      source,
      conclusionIds: used.map((r) => r.id ?? ''),
      date: dates.length ? dates.reduce((a, b) => (b > a ? b : a)) : null,
      map,
      mismatches: mismatches(figures, map),
    };
  });
}

export interface DistrictTotals {
  /** Each figure summed over the communes that have it (null when none has). */
  totals: Figures;
  mapTotals: MapCounts;
  /** A figure flagged in any commune is flagged in the totals too. */
  mismatches: StatisticKey[];
}

export function districtTotals(rows: readonly CommuneStatistics[]): DistrictTotals {
  const totals = emptyFigures();
  const m = emptyMapCounts();
  for (const r of rows) {
    for (const k of STATISTICS) if (r.figures[k] !== null) totals[k] = (totals[k] ?? 0) + r.figures[k]!;
    m.graves += r.map.graves;
    m.gravesNewlyFound += r.map.gravesNewlyFound;
    m.gravesFamilyCared += r.map.gravesFamilyCared;
    m.areas += r.map.areas;
    m.estimatedRemainsOpen += r.map.estimatedRemainsOpen;
    for (const g of GRAVE_KINDS) m.gravesByKind[g] += r.map.gravesByKind[g];
    for (const s of SEARCH_AREA_STATUSES) m.areasByStatus[s] += r.map.areasByStatus[s];
  }
  return { totals, mapTotals: m, mismatches: STATISTICS.filter((k) => rows.some((r) => r.mismatches.includes(k))) };
}

/** A conclusion's own figures contradict each other: recovered + not recovered ≠ initially buried. */
export function inconsistency(r: StatRecord): { initially: number; recovered: number; notRecovered: number | null } | null {
  const ib = num(r.props.initially_buried);
  const rec = num(r.props.recovered);
  const nr = num(r.props.not_recovered);
  if (ib === null || rec === null) return null;
  if (nr !== null ? rec + nr !== ib : rec > ib) return { initially: ib, recovered: rec, notRecovered: nr };
  return null;
}
