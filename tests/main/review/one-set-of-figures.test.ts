// Issue 16, "one set of figures": the sheet's statistics table, `quytap check`, the review panel
// (overview and statistics) and the district CSV and PDF show the same figures, the same source and
// the same mismatch flags, on the demo and on seeded random projects whose expected figures are
// decided while generating them (tests/support/statistics-project.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../../src/shared/api';
import { STATISTICS, TABLES, type StatisticKey } from '../../../src/shared/model';
import { createDemoProject } from '../../../src/main/services/demo-project';
import { ProjectStore } from '../../../src/main/store';
import { bootServices } from '../../support/boot-services';
import { buildStatisticsProject, type ExpectedCommune, type Figures, type Source } from '../../support/statistics-project';

type Env = Awaited<ReturnType<typeof bootServices>>;

const RED = '#c00000';
const LABEL = (k: StatisticKey) => TABLES.conclusions.fields.find((f) => f.name === k)!.vi;
const SOURCE_VI: Record<Source, string> = { district: 'Kết luận cấp huyện', commune: 'Kết luận cấp xã', village: 'Tổng kết luận cấp thôn', none: 'Chưa có kết luận' };
const SOURCE_SHORT: Record<Source, string> = { district: 'KL huyện', commune: 'KL xã', village: 'KL thôn', none: 'Chưa có' };

/** What one path says about one commune. */
interface Seen {
  figures?: Figures;
  source?: Source;
  mismatches: StatisticKey[];
  mapFamily?: number | null;
}
type View = Map<string, Seen>;

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.replace(/^\uFEFF/, '').trimEnd().split('\r\n')) {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted && ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) {
        out.push(cur);
        cur = '';
      } else cur += ch;
    }
    out.push(cur);
    rows.push(out);
  }
  return rows;
}

const flagsIn = (text: string): StatisticKey[] => STATISTICS.filter((k) => text.toLowerCase().includes(LABEL(k).toLowerCase()));
const numOrNull = (s: string) => (s === '' || s === '—' ? null : Number(s.replace(/\./g, '')));

interface Paths {
  stats: Output<'review.statistics'>;
  overview: Output<'review.overview'>;
  sheet: Output<'print.compose'>;
  views: Record<'panel' | 'sheet' | 'check' | 'csv' | 'pdf', View>;
}

/** The statistics of the open project through every path a user sees them. */
async function fourPaths(env: Env, name: string): Promise<Paths> {
  const stats = await env.call('review.statistics', {});
  const overview = await env.call('review.overview', {});
  const run = await env.call('review.run', {});
  const csv = await env.call('review.statisticsCsv', {});
  const pdf = await env.call('review.statisticsPdf', {});
  const sheet = await env.call('print.compose', { settings: { paper: 'A0', area: { kind: 'all' }, scale: 'fit' } });
  const codes = stats.rows.map((r) => r.communeCode);
  const byName = new Map(stats.rows.map((r) => [r.communeName, r.communeCode]));

  const panel: View = new Map(stats.rows.map((r) => [r.communeCode, { figures: r.figures, source: r.source, mismatches: r.mismatches, mapFamily: r.map.gravesFamilyCared }]));
  const sheetView: View = new Map(
    sheet.report.stats.map((s) => [s.code, { figures: s.conclusion ?? Object.fromEntries(STATISTICS.map((k) => [k, null])) as Figures, source: s.source, mismatches: s.mismatches, mapFamily: s.map.family_cared }]),
  );
  const check: View = new Map(codes.map((c) => [c, { mismatches: [] as StatisticKey[] }]));
  for (const f of run.findings.filter((x) => x.rule === 'stats.map_mismatch')) {
    expect(f.severity).toBe('warning');
    const at = check.get(f.communeCode!)!;
    expect(f.vi).toContain(`Xã ${stats.rows.find((r) => r.communeCode === f.communeCode)!.communeName}`);
    at.mismatches.push(...flagsIn(f.vi));
  }
  const lines = parseCsv(csv.csv);
  expect(lines).toHaveLength(codes.length + 2);
  const csvView: View = new Map(
    lines.slice(1, -1).map((l) => [
      l[0],
      {
        figures: Object.fromEntries(STATISTICS.map((k, i) => [k, numOrNull(l[4 + i])])) as Figures,
        source: (Object.keys(SOURCE_VI) as Source[]).find((s) => SOURCE_VI[s] === l[3]),
        mismatches: flagsIn(l.at(-1)!),
        mapFamily: Number(l[11]),
      },
    ]),
  );
  const file = join(env.dir, `${name}.pdf`);
  writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pdfView: View = new Map();
  for (const line of text.split('\n')) {
    const cells = line.trim().split(/\s{2,}/);
    const code = byName.get(cells[1]);
    if (!/^\d+$/.test(cells[0]) || !code) continue;
    // TT, commune, state, the six figures, the map's family-cared graves, the source.
    expect(cells).toHaveLength(3 + STATISTICS.length + 2);
    pdfView.set(code, {
      figures: Object.fromEntries(STATISTICS.map((k, i) => [k, numOrNull(cells[3 + i])])) as Figures,
      source: (Object.keys(SOURCE_SHORT) as Source[]).find((s) => SOURCE_SHORT[s] === cells.at(-1)),
      mismatches: stats.rows.find((r) => r.communeCode === code)!.mismatches, // colour is not text: the rows' flags
      mapFamily: numOrNull(cells.at(-2)!),
    });
  }
  return { stats, overview, sheet, views: { panel, sheet: sheetView, check, csv: csvView, pdf: pdfView } };
}

/** Every path against the expected communes (figures, source, flags, map count). */
function expectAgree(p: Paths, expected: { code: string; figures: Figures; source: Source; mismatches: StatisticKey[]; mapFamily: number }[]) {
  for (const [name, view] of Object.entries(p.views)) {
    expect([...view.keys()].sort(), name).toEqual(expected.map((e) => e.code).sort());
    for (const e of expected) {
      const seen = view.get(e.code)!;
      expect(seen.mismatches, `${name} ${e.code} flags`).toEqual(e.mismatches);
      if (seen.figures) expect(seen.figures, `${name} ${e.code} figures`).toEqual(e.figures);
      if (seen.source) expect(seen.source, `${name} ${e.code} source`).toBe(e.source);
      if (seen.mapFamily !== undefined) expect(seen.mapFamily, `${name} ${e.code} map`).toBe(e.mapFamily);
    }
  }
  // The sheet's red counts: one per flagged figure of a commune, one per flagged total.
  const red = p.sheet.list.items.filter((i) => i.kind === 'text' && i.role === 'stats' && i.color === RED && /^\(\d+\)$/.test(i.text));
  const flagged = expected.reduce((s, e) => s + e.mismatches.length, 0);
  const totals = STATISTICS.filter((k) => expected.some((e) => e.mismatches.includes(k))).length;
  expect(red).toHaveLength(expected.length > 1 ? flagged + totals : 0);
  expect(p.sheet.report.mismatches).toHaveLength(flagged);
  expect(p.stats.mismatches).toEqual(STATISTICS.filter((k) => expected.some((e) => e.mismatches.includes(k))));
}

describe('one set of figures on seeded random projects', () => {
  let env: Env;
  beforeAll(async () => {
    env = await bootServices({ prefix: 'quytap-figures-' });
  });
  afterAll(() => env.services.close());

  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`seed ${seed}: sheet, check, panel, CSV and PDF agree with the generated figures`, async () => {
      const path = join(env.dir, `random-${seed}.gpkg`);
      const expected: ExpectedCommune[] = buildStatisticsProject(path, seed);
      await env.call('project.open', { path });
      const p = await fourPaths(env, `random-${seed}`);
      expectAgree(
        p,
        expected.map((e) => ({ ...e, mapFamily: e.gravesByKind.family_cared })),
      );
      // The map's own counts, per commune and exactly: areas by status, graves by kind, open remains.
      for (const e of expected) {
        const row = p.stats.rows.find((r) => r.communeCode === e.code)!;
        expect(row.map.areasByStatus).toEqual(e.areasByStatus);
        expect(row.map.gravesByKind).toEqual(e.gravesByKind);
        expect(row.map.estimatedRemainsOpen).toBe(e.estimatedRemainsOpen);
        expect(row.map.areas).toBe(Object.values(e.areasByStatus).reduce((a, b) => a + b, 0));
        expect(row.date).toBe(e.date);
        const o = p.overview.communes.find((c) => c.communeCode === e.code)!;
        expect(o.counts.areasByStatus).toEqual(e.areasByStatus);
        expect(o.counts.gravesByKind).toEqual(e.gravesByKind);
        const csvRow = parseCsv((await env.call('review.statisticsCsv', {})).csv).find((l) => l[0] === e.code)!;
        expect(csvRow.slice(13, 19).map(Number)).toEqual([...Object.values(e.areasByStatus), e.estimatedRemainsOpen]);
      }
      expect(p.stats.totals.initially_buried).toBe(
        expected.some((e) => e.figures.initially_buried !== null) ? expected.reduce((s, e) => s + (e.figures.initially_buried ?? 0), 0) : null,
      );
      expect(p.stats.mapTotals.estimatedRemainsOpen).toBe(expected.reduce((s, e) => s + e.estimatedRemainsOpen, 0));
    }, 120_000);
  }

  it('the seeds cover every level, with and without mismatches', () => {
    const all = [1, 2, 3, 4, 5, 6].flatMap((seed) => buildStatisticsProject(join(env.dir, `cover-${seed}.gpkg`), seed));
    expect(new Set(all.map((e) => e.source))).toEqual(new Set(['district', 'commune', 'village', 'none']));
    expect(all.some((e) => e.mismatches.length)).toBe(true);
    expect(all.some((e) => !e.mismatches.length && e.figures.family_cared !== null)).toBe(true);
  });
});

describe('one set of figures on the demo', () => {
  let env: Env;
  let clean: string;
  beforeAll(async () => {
    env = await bootServices({ prefix: 'quytap-figures-demo-' });
    clean = join(env.dir, 'demo.gpkg');
    await createDemoProject(clean, { author: 'ci' });
  }, 180_000);
  afterAll(() => env.services.close());

  const cli = (path: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(process.cwd(), 'src/main/cli.ts'), 'check', path], { encoding: 'utf8', env: { ...process.env, QUYTAP_OPERATOR: 'ci' } });

  it('the clean demo: Nam Đà’s sheet flags nothing, as `quytap check` finds nothing; every path agrees', async () => {
    await env.call('project.open', { path: clean });
    const namDa = await env.call('print.compose', { settings: { paper: 'A3', area: { kind: 'communes', communes: ['Nam Đà'] }, scale: 'fit' } });
    expect(namDa.report.mismatches).toEqual([]);
    expect(namDa.list.items.filter((i) => i.kind === 'text' && /^\d+\*$/.test(i.text))).toEqual([]);
    const conclusions = (await env.call('records.query', { table: 'conclusions' })).rows;
    expect(namDa.report.stats[0].conclusion).toEqual(Object.fromEntries(STATISTICS.map((k) => [k, conclusions.find((c) => c.props.commune_code === namDa.report.stats[0].code)!.props[k]])));
    const p = await fourPaths(env, 'demo-clean');
    expectAgree(
      p,
      p.stats.rows.map((r) => {
        const c = conclusions.find((x) => x.props.commune_code === r.communeCode)!;
        return { code: r.communeCode, figures: Object.fromEntries(STATISTICS.map((k) => [k, c.props[k]])) as Figures, source: 'commune', mismatches: [], mapFamily: r.map.gravesByKind.family_cared };
      }),
    );
    const r = cli(clean);
    expect(r.stdout).not.toMatch(/stats\.map_mismatch/);
  }, 180_000);

  it('village conclusions only (summed, 15/9/6) and a district conclusion (overriding): every path agrees, check reports the mismatch', async () => {
    const path = join(env.dir, 'demo-levels.gpkg');
    copyFileSync(clean, path);
    const s = ProjectStore.open(path);
    const communes = s.getSettings().communes;
    const namDa = communes.find((c) => c.name === 'Nam Đà')!;
    const other = communes.find((c) => c.code !== namDa.code)!;
    const conclusionOf = (code: string) => s.query('conclusions', { filter: { commune_code: code } }).rows[0];
    const familyOn = (code: string) => s.query('graves', { filter: { commune_code: code, kind: 'family_cared' }, limit: 10_000 }).rows.length;
    const nd = conclusionOf(namDa.code);
    const ndFamily = familyOn(namDa.code);
    const village = (unit: string, f: number[], date: string) => ({
      level: 'village',
      unit_name: unit,
      date,
      commune_code: namDa.code,
      initially_buried: f[0],
      recovered: f[1],
      not_recovered: f[2],
      family_cared: f[3],
      brought_in: 0,
      handed_over: 0,
    });
    // The commune's own conclusion becomes its first village's; two villages more, one concluded twice.
    s.applyEdit(
      {
        put: [
          { table: 'conclusions', id: nd.id, baseVersion: nd.meta.version, props: village('Thôn 1', [5, 3, 2, 1], '2019-05-01') },
          { table: 'conclusions', props: village('Thôn 2', [9, 9, 9, 9], '2019-04-01') },
          { table: 'conclusions', props: village('Thôn 2', [6, 4, 2, 1], '2019-05-02') },
          { table: 'conclusions', props: village('Thôn 3', [4, 2, 2, ndFamily], '2019-05-03') },
          {
            table: 'conclusions',
            props: { level: 'district', unit_name: 'Huyện Krông Nô', unit_code: '663', date: '2019-01-10', commune_code: other.code, initially_buried: 20, recovered: 12, not_recovered: 8, family_cared: familyOn(other.code), brought_in: 1, handed_over: 2 },
          },
        ],
      },
      'ci',
    );
    s.close();
    await env.call('project.open', { path });
    const p = await fourPaths(env, 'demo-levels');
    const conclusions = (await env.call('records.query', { table: 'conclusions' })).rows;
    expectAgree(
      p,
      p.stats.rows.map((r) => {
        const map = r.map.gravesByKind.family_cared;
        if (r.communeCode === namDa.code)
          return { code: r.communeCode, figures: { initially_buried: 15, recovered: 9, not_recovered: 6, family_cared: ndFamily + 2, brought_in: 0, handed_over: 0 }, source: 'village' as const, mismatches: ['family_cared' as const], mapFamily: map };
        if (r.communeCode === other.code)
          return { code: r.communeCode, figures: { initially_buried: 20, recovered: 12, not_recovered: 8, family_cared: map, brought_in: 1, handed_over: 2 }, source: 'district' as const, mismatches: [], mapFamily: map };
        const c = conclusions.find((x) => x.props.commune_code === r.communeCode && x.props.level === 'commune')!;
        return { code: r.communeCode, figures: Object.fromEntries(STATISTICS.map((k) => [k, c.props[k]])) as Figures, source: 'commune' as const, mismatches: [], mapFamily: map };
      }),
    );
    // The Nam Đà sheet alone: the summed figures, the map's count starred in red beside the one that differs.
    const sheet = await env.call('print.compose', { settings: { paper: 'A3', area: { kind: 'communes', communes: ['Nam Đà'] }, scale: 'fit' } });
    const stars = sheet.list.items.filter((i) => i.kind === 'text' && i.role === 'stats' && /^\d+\*$/.test(i.text));
    expect(stars.map((i) => (i.kind === 'text' ? [i.text, i.color] : null))).toEqual([[`${ndFamily}*`, RED]]);
    const texts = sheet.list.items.flatMap((i) => (i.kind === 'text' && i.role === 'stats' ? [i.text] : []));
    expect(texts).toEqual(expect.arrayContaining(['15', '9', '6']));
    // `quytap check` as a user runs it: the same one warning, naming the commune and the figure.
    const lines = cli(path).stdout.split('\n').filter((l) => l.includes('stats.map_mismatch'));
    expect(lines).toHaveLength(1);
    expect(lines[0].split('\t').slice(0, 3)).toEqual(['CẢNH BÁO', 'stats.map_mismatch', namDa.code]);
    expect(lines[0]).toContain(`Xã Nam Đà: ${LABEL('family_cared').toLowerCase()} theo tổng kết luận cấp thôn là ${ndFamily + 2}, bản đồ đếm được ${ndFamily}.`);
  }, 180_000);
});
