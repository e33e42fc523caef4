// What the campaign's reports and dashboard read from the open project: the one progress function
// (shared/campaign/coverage.ts) and the one statistics function (shared/review/statistics.ts), so
// the dashboard, the PDF, the .docx and the sheet's table show the same numbers.
import { ApiError } from '../../shared/api-error';
import { campaignProgress, type CampaignProgress, type CommuneProgress } from '../../shared/campaign/coverage';
import type { ProjectSettings, Row, TableName } from '../../shared/model';
import { communeStatistics, districtTotals, type CommuneStatistics, type DistrictTotals } from '../../shared/review/statistics';
import type { ProjectStore } from '../store';

const PAGE = 200_000;

export function loadTable(store: ProjectStore, t: TableName): Row[] {
  const out: Row[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const r = store.query(t, { limit: PAGE, offset });
    out.push(...r.rows);
    if (!r.truncated) return out;
  }
}

/** The local day as YYYY-MM-DD (deadlines are days at the district, not UTC instants). */
export function localDay(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function progressOf(store: ProjectStore, today = localDay()): CampaignProgress {
  const settings = store.getSettings();
  const areas = new Map<string, number>();
  for (const a of loadTable(store, 'search_areas')) {
    const c = typeof a.props.commune_code === 'string' ? a.props.commune_code : '';
    if (c) areas.set(c, (areas.get(c) ?? 0) + 1);
  }
  return campaignProgress({
    communes: settings.communes,
    villages: loadTable(store, 'villages'),
    conclusions: loadTable(store, 'conclusions'),
    infoForms: loadTable(store, 'info_forms'),
    areasByCommune: areas,
    states: new Map(store.review().states().map((s) => [s.communeCode, s.state])),
    settings: settings.campaign,
    today,
  });
}

export interface ReportData {
  settings: ProjectSettings;
  /** null: the district summary. */
  commune: { code: string; name: string } | null;
  progress: CampaignProgress;
  /** The communes the report covers (one for a commune report). */
  communes: CommuneProgress[];
  statistics: CommuneStatistics[];
  totals: DistrictTotals;
  /** The conclusion meetings of the communes covered, by date. */
  conclusions: Row[];
  /** Village id → name, for the meetings' table. */
  villageNames: Map<string, string>;
  /** Conclusion id → the search areas linked to it as concluded ("concludes"). */
  areasConcluded: Map<string, number>;
  date: Date;
}

export function reportData(store: ProjectStore, communeCode: string | null, date = new Date()): ReportData {
  const settings = store.getSettings();
  const commune = communeCode === null ? null : settings.communes.find((c) => c.code === communeCode);
  if (commune === undefined)
    throw new ApiError('not_found', `Dự án không có xã mã ${communeCode}: hãy chọn một xã trong danh sách.`, `The project has no commune with code ${communeCode}: choose one from the list.`);
  const progress = progressOf(store, localDay(date));
  const covered = commune ? [commune] : settings.communes;
  const codes = new Set(covered.map((c) => c.code));
  const conclusions = loadTable(store, 'conclusions');
  const statistics = communeStatistics(covered, { conclusions, graves: loadTable(store, 'graves'), search_areas: loadTable(store, 'search_areas') });
  const code = (r: Row) => String(r.props.commune_code ?? r.props.unit_code ?? '');
  const villages = loadTable(store, 'villages');
  const areasConcluded = new Map<string, number>();
  for (const l of loadTable(store, 'links'))
    if (l.props.role === 'concludes' && l.props.from_table === 'search_areas' && l.props.to_table === 'conclusions') {
      const id = String(l.props.to_id);
      areasConcluded.set(id, (areasConcluded.get(id) ?? 0) + 1);
    }
  return {
    settings,
    commune,
    progress,
    communes: progress.communes.filter((c) => codes.has(c.communeCode)),
    statistics,
    totals: districtTotals(statistics),
    conclusions: conclusions.filter((r) => codes.has(code(r))).sort((a, b) => String(a.props.date ?? '').localeCompare(String(b.props.date ?? ''))),
    villageNames: new Map(villages.map((v) => [v.id, String(v.props.name ?? '')])),
    areasConcluded,
    date,
  };
}
