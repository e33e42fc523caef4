// The province's statistics views follow the one rule (docs/STATISTICS.md): for every published
// commune the view's figures, source, date, map counts and mismatch flag equal communeStatistics()
// over the project's own rows (what the sheet's table prints), and the district view equals
// districtTotals(). Seeded projects cover every source; the demo adds ties (same level, same date:
// the one written later wins) and village names differing only in case and spacing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../../../src/main/rollup/publish';
import { ProjectStore } from '../../../src/main/store';
import { GRAVE_KINDS, SEARCH_AREA_STATUSES, STATISTICS } from '../../../src/shared/model';
import { communeStatistics, districtTotals, type CommuneStatistics } from '../../../src/shared/review/statistics';
import { startCluster, type PgCluster } from '../../support/pg-cluster';
import { buildStatisticsProject } from '../../support/statistics-project';
import { AUTHOR, districtProject } from './helpers';

function sheetStatistics(path: string, communes: { code: string; name: string }[]): CommuneStatistics[] {
  const s = ProjectStore.open(path, { access: 'read' });
  try {
    const rows = (t: 'conclusions' | 'graves' | 'search_areas') => s.query(t, { limit: 100_000 }).rows.map((r) => ({ id: r.id, props: r.props }));
    return communeStatistics(communes, { conclusions: rows('conclusions'), graves: rows('graves'), search_areas: rows('search_areas') });
  } finally {
    s.close();
  }
}

/** A view row in the shape of CommuneStatistics' comparable parts. */
function fromView(r: Record<string, unknown>) {
  const n = (v: unknown) => (v === null ? null : Number(v));
  return {
    communeCode: r.commune_code,
    communeName: r.commune_name,
    source: r.source,
    date: r.date,
    figures: Object.fromEntries(STATISTICS.map((k) => [k, n(r[k])])),
    map: {
      graves: Number(r.map_graves),
      gravesByKind: Object.fromEntries(GRAVE_KINDS.map((k) => [k, Number(r[`map_graves_${k}`])])),
      areas: Number(r.map_areas),
      areasByStatus: Object.fromEntries(SEARCH_AREA_STATUSES.map((k) => [k, Number(r[`map_areas_${k}`])])),
      estimatedRemainsOpen: Number(r.map_estimated_remains_open),
    },
    mismatches: r.mismatch_family_cared ? ['family_cared'] : [],
  };
}

const fromSheet = (c: CommuneStatistics) => ({
  communeCode: c.communeCode,
  communeName: c.communeName,
  source: c.source,
  date: c.date,
  figures: c.figures,
  map: { graves: c.map.graves, gravesByKind: c.map.gravesByKind, areas: c.map.areas, areasByStatus: c.map.areasByStatus, estimatedRemainsOpen: c.map.estimatedRemainsOpen },
  mismatches: c.mismatches,
});

describe('the statistics views', () => {
  let cluster: PgCluster;
  let dir: string;
  let db: pg.Client;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quytap-rollup-stats-'));
    cluster = await startCluster();
    await cluster.createDb('province');
    db = await cluster.adminClient('province');
  }, 180_000);
  afterAll(async () => {
    await db?.end();
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const pub = async (path: string, district: { code: string; name: string }, allStates = false) => {
    const s = ProjectStore.open(path, { access: 'read' });
    try {
      return await publish(s, { url: cluster.url('province'), password: cluster.password, author: AUTHOR, district, allStates });
    } finally {
      s.close();
    }
  };

  const view = async (district: string) =>
    (await db.query('SELECT * FROM quytap.commune_statistics WHERE district_code = $1 ORDER BY commune_code', [district])).rows.map(fromView);

  it('seeded projects (every source, mismatches): the view equals the sheet\'s statistics, the district view its totals', async () => {
    const sources = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const path = join(dir, `seed-${seed}.gpkg`);
      const expected = buildStatisticsProject(path, seed);
      const district = { code: `D${seed}`, name: `Huyện ${seed}` };
      const r = await pub(path, district, true);
      const communes = r.communes.map((c) => ({ code: c.code, name: c.name })).sort((a, b) => (a.code < b.code ? -1 : 1));
      const sheet = sheetStatistics(path, communes);
      expect(await view(district.code)).toEqual(sheet.map(fromSheet));
      for (const e of expected) expect(sheet.find((x) => x.communeCode === e.code)?.figures).toEqual(e.figures);
      sheet.forEach((x) => sources.add(x.source));
      const totals = districtTotals(sheet);
      const d = (await db.query('SELECT * FROM quytap.district_statistics WHERE district_code = $1', [district.code])).rows[0];
      expect(Object.fromEntries(STATISTICS.map((k) => [k, d[k] === null ? null : Number(d[k])]))).toEqual(totals.totals);
      expect(Number(d.map_graves)).toBe(totals.mapTotals.graves);
      expect(d.mismatch_family_cared).toBe(totals.mismatches.includes('family_cared'));
    }
    expect(sources).toEqual(new Set(['district', 'commune', 'village', 'none']));
  }, 180_000);

  it('the demo with ties and folded village names: the view equals the sheet\'s statistics', async () => {
    const path = join(dir, 'demo.gpkg');
    const approved = await districtProject(path, { code: 'KN', name: 'Krông Nô (cũ)' }, 4, dir);
    const s = ProjectStore.open(path);
    const fig = (n: number) => ({ initially_buried: n, recovered: n - 1, not_recovered: 1, family_cared: 2, brought_in: 0, handed_over: 0 });
    s.applyEdit(
      {
        label: 'kết luận thử',
        put: [
          // same level, same date: the one written later wins (twice, so neither order is luck)
          { table: 'conclusions', props: { level: 'district', unit_name: 'Huyện', date: '2024-05-01', commune_code: approved[0], ...fig(40) } },
          { table: 'conclusions', props: { level: 'district', unit_name: 'Huyện', date: '2024-05-01', commune_code: approved[0], ...fig(41) } },
          // villages: "Thôn  Một" and "thôn một" are one village (latest taken), "Thôn Hai" another
          { table: 'conclusions', props: { level: 'village', unit_name: 'Thôn  Một', date: '2020-01-01', commune_code: approved[1], ...fig(5) } },
          { table: 'conclusions', props: { level: 'village', unit_name: 'thôn một', date: '2021-01-01', commune_code: approved[1], ...fig(7) } },
          { table: 'conclusions', props: { level: 'village', unit_name: 'Thôn Hai', date: '2019-01-01', commune_code: approved[1], ...fig(3) } },
          // a village named by its own unit code
          { table: 'conclusions', props: { level: 'village', unit_name: 'Thôn Ba', unit_code: 'TB', date: '2019-01-01', commune_code: approved[1], ...fig(2) } },
        ],
      },
      AUTHOR,
    );
    // the commune's own conclusion would win over villages: delete it so the villages count
    const own = s.query('conclusions', { filter: { commune_code: [approved[1]], level: ['commune'] } }).rows;
    s.applyEdit({ label: 'xóa', remove: own.map((r) => ({ table: 'conclusions' as const, id: r.id, baseVersion: r.meta.version })) }, AUTHOR);
    s.close();
    const r = await pub(path, { code: 'KN', name: 'Krông Nô (cũ)' });
    const communes = r.communes.map((c) => ({ code: c.code, name: c.name })).sort((a, b) => (a.code < b.code ? -1 : 1));
    const sheet = sheetStatistics(path, communes);
    const got = await view('KN');
    expect(got).toEqual(sheet.map(fromSheet));
    expect(got.find((x) => x.communeCode === approved[0])).toMatchObject({ source: 'district', figures: { initially_buried: 41 } });
    expect(got.find((x) => x.communeCode === approved[1])).toMatchObject({ source: 'village', figures: { initially_buried: 12 } });
  }, 180_000);
});
