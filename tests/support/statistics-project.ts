// Seeded random projects for the statistics: communes (squares side by side), search areas with
// statuses and estimated remains, graves of every kind, and conclusions at village, commune and
// district level. Each commune's expected figures are decided while generating (which conclusion
// wins is known by construction), not computed by the code under test.
import { randomUUID } from 'node:crypto';
import { GRAVE_KINDS, SEARCH_AREA_STATUSES, STATISTICS, type GraveKind, type Props, type Put, type SearchAreaStatus, type StatisticKey } from '../../src/shared/model';
import { ProjectStore } from '../../src/main/store';
import { DAK_NONG_CRS } from '../main/store/helpers';
import { seededRandom } from './seeded-random';
import { square, X0, Y0 } from '../main/store/helpers';

export type Figures = Record<StatisticKey, number | null>;
export type Source = 'district' | 'commune' | 'village' | 'none';

export interface ExpectedCommune {
  code: string;
  name: string;
  source: Source;
  figures: Figures;
  /** The meeting date of the conclusions used (latest), null without one. */
  date: string | null;
  areasByStatus: Record<SearchAreaStatus, number>;
  gravesByKind: Record<GraveKind, number>;
  estimatedRemainsOpen: number;
  /** family_cared is the one figure the map counts: flagged when the two differ. */
  mismatches: StatisticKey[];
}

const SIDE = 2000;
const NAMES = ['Đắk Drô', 'Nam Đà', 'Nâm Nung', 'Quảng Phú', 'Đức Xuyên', 'Buôn Choáh'];

const none = (): Figures => Object.fromEntries(STATISTICS.map((k) => [k, null])) as Figures;
function add(a: Figures, b: Figures): Figures {
  const out = { ...a };
  for (const k of STATISTICS) if (b[k] !== null) out[k] = (out[k] ?? 0) + b[k]!;
  return out;
}

/** Builds the project file at `path`; returns what each commune must show. */
export function buildStatisticsProject(path: string, seed: number): ExpectedCommune[] {
  const rand = seededRandom(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const n = 2 + int(NAMES.length - 1);
  const communes = NAMES.slice(0, n).map((name, i) => ({ code: `9${String(i).padStart(4, '0')}`, name }));
  const store = ProjectStore.create(
    path,
    DAK_NONG_CRS,
    { title: `Dự án thống kê ${seed}`, province: { code: '67', name: 'Đắk Nông' }, district: { code: '663', name: 'Krông Nô' }, communes, place: 'Krông Nô' },
    'ci',
  );
  const puts: Put[] = [];
  // Distinct meeting dates within a commune, so the latest is never a tie.
  const usedDates = new Set<string>();
  const date = () => {
    for (;;) {
      const d = `${2016 + int(8)}-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`;
      if (usedDates.has(d)) continue;
      usedDates.add(d);
      return d;
    }
  };
  const figures = (): Figures => Object.fromEntries(STATISTICS.map((k) => [k, rand() < 0.1 ? null : int(40)])) as Figures;
  const conclusion = (props: Props, f: Figures) =>
    puts.push({ table: 'conclusions', id: randomUUID(), props: { ...props, ...f, chair: 'Chủ tịch UBND xã' } });
  const expected: ExpectedCommune[] = [];
  communes.forEach((c, i) => {
    usedDates.clear();
    const x = X0 + i * SIDE;
    puts.push({ table: 'admin_units', id: randomUUID(), geometry: square(x, Y0, SIDE), props: { code: c.code, name: c.name, level: 'commune' } });
    // Levels present: none; villages; villages + commune; villages + commune + district.
    const levels = int(4);
    const villages: { f: Figures; date: string }[] = [];
    if (levels >= 1) {
      const nv = 1 + int(3);
      for (let v = 0; v < nv; v++) {
        const withCode = rand() < 0.5;
        const records = 1 + int(2);
        let last: { f: Figures; date: string } | null = null;
        for (let r = 0; r < records; r++) {
          const f = figures();
          const d = date();
          // Hand-typed names differ in case and spacing: still one village.
          const name = r % 2 === 0 ? `Thôn ${v + 1}` : `thôn  ${v + 1}`;
          conclusion({ level: 'village', unit_name: name, unit_code: withCode ? `${c.code}-T${v + 1}` : null, date: d, commune_code: c.code }, f);
          if (!last || d > last.date) last = { f, date: d };
        }
        villages.push(last!);
      }
    }
    let winner: { source: Source; f: Figures; date: string | null } = { source: 'none', f: none(), date: null };
    if (villages.length)
      winner = {
        source: 'village',
        f: villages.reduce((s, v) => add(s, v.f), none()),
        date: villages.map((v) => v.date).reduce((a, b) => (b > a ? b : a)),
      };
    for (const level of ['commune', 'district'] as const) {
      if (levels < (level === 'commune' ? 2 : 3)) continue;
      const count = 1 + int(2);
      let best: { f: Figures; date: string } | null = null;
      for (let r = 0; r < count; r++) {
        const f = figures();
        const d = date();
        // A commune-level record typed by hand may name its commune only by unit code.
        const byUnit = level === 'commune' && rand() < 0.3;
        conclusion(
          { level, unit_name: level === 'commune' ? `Xã ${c.name}` : 'Huyện Krông Nô', unit_code: byUnit ? c.code : level === 'district' ? '663' : null, date: d, commune_code: byUnit ? null : c.code },
          f,
        );
        if (!best || d > best.date) best = { f, date: d };
      }
      winner = { source: level, f: best!.f, date: best!.date };
    }
    // Graves: as many family-cared ones as the conclusions say, half of the time.
    const family = winner.f.family_cared !== null && rand() < 0.5 ? winner.f.family_cared : int(6);
    const gravesByKind = Object.fromEntries(GRAVE_KINDS.map((k) => [k, k === 'family_cared' ? family : int(6)])) as Record<GraveKind, number>;
    for (const kind of GRAVE_KINDS)
      for (let g = 0; g < gravesByKind[kind]; g++)
        puts.push({
          table: 'graves',
          id: randomUUID(),
          geometry: { type: 'Point', coordinates: [x + 50 + int(SIDE - 100), Y0 + 50 + int(SIDE - 100)] },
          props: { kind, verification: 'not_verified', commune_code: c.code },
        });
    const areasByStatus = Object.fromEntries(SEARCH_AREA_STATUSES.map((s) => [s, int(4)])) as Record<SearchAreaStatus, number>;
    let open = 0;
    let cell = 0;
    for (const status of SEARCH_AREA_STATUSES)
      for (let a = 0; a < areasByStatus[status]; a++, cell++) {
        const remains = rand() < 0.2 ? null : 1 + int(9);
        if (status !== 'done') open += remains ?? 0;
        const ax = x + 100 + (cell % 8) * 220;
        const ay = Y0 + 100 + Math.floor(cell / 8) * 220;
        puts.push({ table: 'search_areas', id: randomUUID(), geometry: square(ax, ay, 200), props: { status, estimated_remains: remains, commune_code: c.code } });
      }
    expected.push({
      code: c.code,
      name: c.name,
      source: winner.source,
      figures: winner.f,
      date: winner.date,
      areasByStatus,
      gravesByKind,
      estimatedRemainsOpen: open,
      mismatches: winner.f.family_cared !== null && winner.f.family_cared !== family ? ['family_cared'] : [],
    });
  });
  // A conclusion of a commune outside the project counts nowhere.
  conclusion({ level: 'commune', unit_name: 'Xã khác', date: '2020-01-01', commune_code: '99999' }, figures());
  store.applyEdit({ label: 'Dữ liệu thống kê ngẫu nhiên', put: puts }, 'ci');
  store.close();
  return expected;
}
