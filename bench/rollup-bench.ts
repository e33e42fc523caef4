// Issue 21's figures: N districts × M features published into one PostgreSQL/PostGIS database
// (a throwaway cluster, tests/support/pg-cluster.ts): time per district publish, the province
// statistics query (aim < 1 s), an incremental publish of 100 changes (aim < 1 s).
// Size: `npm run bench -- rollup --districts 60 --features 20000` (the issue's, the default), or the
// environment's ROLLUP_DISTRICTS / ROLLUP_FEATURES. One district project is built once and published
// under N district codes (rows are keyed by district and UUID, so they are N districts to the database).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ProjectSettingsSchema, type Put } from '../src/shared/model';
import { publish } from '../src/main/rollup/publish';
import { crsForStore } from '../src/main/services/crs';
import { ProjectStore } from '../src/main/store';
import { startCluster } from '../tests/support/pg-cluster';

const COMMUNES = 12;

/** A district of 12 communes (6 km squares): per commune search areas (12-gons), graves, info points, conclusions. */
function district(features: number): { puts: Put[]; communes: { code: string; name: string }[] } {
  let seed = 21;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const per = Math.max(10, Math.floor(features / COMMUNES) - 1);
  const areas = Math.floor(per * 0.35);
  const graves = Math.floor(per * 0.55);
  const points = per - areas - graves;
  const side = 6000;
  const puts: Put[] = [];
  const communes: { code: string; name: string }[] = [];
  for (let c = 0; c < COMMUNES; c++) {
    const code = `X${String(c + 1).padStart(2, '0')}`;
    communes.push({ code, name: `Xã ${c + 1}` });
    const ox = 420_000 + (c % 4) * side;
    const oy = 1_360_000 + Math.floor(c / 4) * side;
    const ring = [[ox, oy], [ox + side, oy], [ox + side, oy + side], [ox, oy + side], [ox, oy]];
    puts.push({ table: 'admin_units', id: randomUUID(), geometry: { type: 'Polygon', coordinates: [ring] }, props: { code, name: `Xã ${c + 1}`, level: 'commune' } });
    const at = () => [ox + 10 + rnd() * (side - 20), oy + 10 + rnd() * (side - 20)];
    for (let i = 0; i < areas; i++) {
      const [cx, cy] = at();
      const pts = Array.from({ length: 12 }, (_, k) => [cx + 40 * Math.cos((k / 12) * 2 * Math.PI), cy + 40 * Math.sin((k / 12) * 2 * Math.PI)]);
      puts.push({ table: 'search_areas', id: randomUUID(), geometry: { type: 'Polygon', coordinates: [[...pts, pts[0]]] }, props: { status: i % 3 ? 'not_started' : 'done', estimated_remains: i % 5, commune_code: code } });
    }
    for (let i = 0; i < graves; i++)
      puts.push({ table: 'graves', id: randomUUID(), geometry: { type: 'Point', coordinates: at() }, props: { kind: i % 4 ? 'newly_found' : 'family_cared', verification: 'not_verified', commune_code: code } });
    for (let i = 0; i < points; i++) puts.push({ table: 'info_points', id: randomUUID(), geometry: { type: 'Point', coordinates: at() }, props: { kind: 'initial_burial', commune_code: code } });
    puts.push({ table: 'conclusions', id: randomUUID(), props: { level: 'commune', unit_name: `Xã ${c + 1}`, date: '2024-06-01', initially_buried: 30, recovered: 20, not_recovered: 10, family_cared: 5, commune_code: code } });
  }
  return { puts, communes };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => loadavg()[0].toFixed(1);

export async function rollupBench(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { districts: { type: 'string' }, features: { type: 'string' } }, allowPositionals: true, strict: false });
  const nDistricts = Number(values.districts ?? process.env.ROLLUP_DISTRICTS ?? 60);
  const nFeatures = Number(values.features ?? process.env.ROLLUP_FEATURES ?? 20_000);
  const dir = mkdtempSync(join(tmpdir(), 'quytap-rollup-bench-'));
  const cluster = await startCluster();
  try {
    await cluster.createDb('province');
    const url = cluster.url('province');
    const { puts, communes } = district(nFeatures);
    const settings = ProjectSettingsSchema.parse({ title: 'bench', province: { code: '67', name: 'Đắk Nông' }, communes });
    const path = join(dir, 'district.gpkg');
    const store = ProjectStore.create(path, crsForStore('EPSG:9218').store, settings, 'bench');
    store.applyEdit({ label: 'bench district', put: puts, remove: [] }, 'bench');
    for (const c of communes) store.review().transition(c.code, ['draft'], 'approved', 'bench', 'duyệt', '');
    const features = puts.filter((p) => p.geometry).length;
    console.log(`size: ${nDistricts} districts × ${features.toLocaleString('en')} features (${COMMUNES} communes each, all approved); machine load ${load()} at start (shared with other work: figures are upper bounds)`);
    const times: number[] = [];
    const t0 = performance.now();
    for (let d = 0; d < nDistricts; d++) {
      const r = await publish(store, { url, password: cluster.password, author: 'bench', district: { code: `H${String(d).padStart(3, '0')}`, name: `Huyện ${d}` } });
      times.push(r.ms);
      if (d === 0 || (d + 1) % 10 === 0) console.log(`  district ${d + 1}: ${r.sent.toLocaleString('en')} rows in ${(r.ms / 1000).toFixed(1)} s (load ${load()})`);
    }
    console.log(`publish, one district (full, first time): median ${(median(times) / 1000).toFixed(2)} s, min ${(Math.min(...times) / 1000).toFixed(2)} s, max ${(Math.max(...times) / 1000).toFixed(2)} s; all ${nDistricts} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    const c = await cluster.adminClient('province');
    await c.query('ANALYZE');
    const rows = (await c.query('SELECT count(*)::int AS n FROM quytap.graves')).rows[0].n + (await c.query('SELECT count(*)::int AS n FROM quytap.search_areas')).rows[0].n;
    const stats: number[] = [];
    const dstats: number[] = [];
    let communesSeen = 0;
    for (let i = 0; i < 5; i++) {
      let t = performance.now();
      communesSeen = (await c.query('SELECT * FROM quytap.commune_statistics')).rows.length;
      stats.push(performance.now() - t);
      t = performance.now();
      await c.query('SELECT * FROM quytap.district_statistics');
      dstats.push(performance.now() - t);
    }
    console.log(`province statistics, every commune (${communesSeen} rows over ${rows.toLocaleString('en')} graves and areas): median ${median(stats).toFixed(0)} ms of 5 (aim < 1000 ms)`);
    console.log(`province statistics, every district: median ${median(dstats).toFixed(0)} ms of 5 (aim < 1000 ms)`);
    await c.end();
    const inc: number[] = [];
    for (let round = 0; round < 3; round++) {
      const graves = store.query('graves', { limit: 100, offset: round * 100 }).rows;
      store.applyEdit({ label: 'sửa 100', put: graves.map((g) => ({ table: 'graves' as const, id: g.id, baseVersion: g.meta.version, props: { name: `sửa ${round}` } })) }, 'bench');
      const r = await publish(store, { url, password: cluster.password, author: 'bench', district: { code: 'H000', name: 'Huyện 0' } });
      if (r.mode !== 'incremental' || r.sent !== 100) throw new Error(`expected an incremental publish of 100 rows, got ${r.mode} ${r.sent}`);
      inc.push(r.ms);
    }
    console.log(`incremental publish of 100 changes (connect, read the audit log, compare, write, commit): median ${median(inc).toFixed(0)} ms of 3 (aim < 1000 ms; load ${load()})`);
    store.close();
  } finally {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
