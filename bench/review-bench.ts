// Issue 6's figure: all review checks on a district of 12 communes with 20,000 features (aim < 2 s),
// once on rows already in memory and once end to end from the project file (as `quytap check`).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ProjectSettingsSchema, type Put } from '../src/shared/model';
import { loadAllRows, runChecks } from '../src/main/review/run-checks';
import { crsForStore } from '../src/main/services/crs';
import { ProjectStore } from '../src/main/store';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** 12 communes of 6 km × 6 km in a 4 × 3 grid; in each 700 areas, 900 graves, 60 info points, forms and links. */
function district(): { puts: Put[]; communes: { code: string; name: string }[]; features: number } {
  let seed = 6;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const x0 = 420_000;
  const y0 = 1_360_000;
  const side = 6000;
  const puts: Put[] = [];
  const communes: { code: string; name: string }[] = [];
  let features = 0;
  for (let c = 0; c < 12; c++) {
    const code = `X${String(c + 1).padStart(2, '0')}`;
    communes.push({ code, name: `Xã ${c + 1}` });
    const ox = x0 + (c % 4) * side;
    const oy = y0 + Math.floor(c / 4) * side;
    const ring = [[ox, oy], [ox + side, oy], [ox + side, oy + side], [ox, oy + side], [ox, oy]];
    puts.push({ table: 'admin_units', id: randomUUID(), geometry: { type: 'Polygon', coordinates: [ring] }, props: { code, name: `Xã ${c + 1}`, level: 'commune' } });
    const formId = randomUUID();
    puts.push({ table: 'info_forms', id: formId, props: { number: `${code}-01`, informant_name: 'bench', verification: 'not_verified', commune_code: code } });
    const link = (table: string, id: string) =>
      puts.push({ table: 'links', id: randomUUID(), props: { from_table: table, from_id: id, to_table: 'info_forms', to_id: formId, role: 'source' } });
    // Areas on a 27 × 26 lattice of 200 m cells, 12-gons of radius ≤ 90 m: neighbours' boxes touch-test but never overlap.
    for (let i = 0; i < 700; i++) {
      const cx = ox + 150 + (i % 27) * 210;
      const cy = oy + 150 + Math.floor(i / 27) * 220;
      const pts = Array.from({ length: 12 }, (_, k) => {
        const a = (k / 12) * Math.PI * 2;
        const r = 60 + rnd() * 30;
        return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
      });
      const id = randomUUID();
      puts.push({ table: 'search_areas', id, geometry: { type: 'Polygon', coordinates: [[...pts, pts[0]]] }, props: { status: 'not_started', commune_code: code } });
      link('search_areas', id);
    }
    for (let i = 0; i < 900; i++) {
      const id = randomUUID();
      puts.push({
        table: 'graves',
        id,
        geometry: { type: 'Point', coordinates: [ox + 10 + rnd() * (side - 20), oy + 10 + rnd() * (side - 20)] },
        props: { kind: 'newly_found', verification: 'not_verified', commune_code: code },
      });
      link('graves', id);
    }
    for (let i = 0; i < 66; i++)
      puts.push({
        table: 'info_points',
        id: randomUUID(),
        geometry: { type: 'Point', coordinates: [ox + 10 + rnd() * (side - 20), oy + 10 + rnd() * (side - 20)] },
        props: { kind: 'initial_burial', commune_code: code },
      });
    features += 1 + 700 + 900 + 66;
  }
  return { puts, communes, features };
}

export async function reviewBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'quytap-review-bench-'));
  try {
    const { puts, communes, features } = district();
    const settings = ProjectSettingsSchema.parse({ title: 'bench', province: { name: 'Đắk Nông' }, communes });
    const store = ProjectStore.create(join(dir, 'district.gpkg'), crsForStore('EPSG:9218').store, settings, 'bench');
    store.applyEdit({ label: 'bench district', put: puts, remove: [] }, 'bench');
    const rows = loadAllRows(store);
    const data = { rows, settings, minGraveDistance: 20 };
    const first = await runChecks(data); // warms GEOS (WASM compile) and the JIT
    const byRule = new Map<string, number>();
    for (const f of first) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    const inMemory: number[] = [];
    const endToEnd: number[] = [];
    for (let i = 0; i < 5; i++) {
      let t = performance.now();
      await runChecks(data);
      inMemory.push(performance.now() - t);
      t = performance.now();
      await runChecks({ rows: loadAllRows(store), settings: store.getSettings(), minGraveDistance: 20 });
      endToEnd.push(performance.now() - t);
    }
    store.close();
    console.log(`district: 12 communes, ${features.toLocaleString('en')} features (${puts.length.toLocaleString('en')} rows with forms and links)`);
    console.log(`findings: ${first.length} (${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}): graves closer than 20 m in a random layout`);
    console.log(`all checks, rows in memory: ${median(inMemory).toFixed(0)} ms median of 5 (aim < 2000 ms)`);
    console.log(`all checks, read from the project file first: ${median(endToEnd).toFixed(0)} ms median of 5`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
