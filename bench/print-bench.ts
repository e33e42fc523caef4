// Issue 4's printing figures: the demo district on A0 at 1:25,000, and the heavy sheet of
// ../shared/peers (40,000 points, 10,000 polygons, 1,000,000 line vertices; A0 at 1:65,000) side
// by side with QGIS on the same data: whole process, wall time, file size, peak memory.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Geometry, Put } from '../src/shared/model';
import { ProjectSettingsSchema } from '../src/shared/model';
import { createDemoProject } from '../src/main/services/demo-project';
import { crsForStore } from '../src/main/services/crs';
import { printSheet } from '../src/main/print/print-sheet';
import type { SheetSettingsInput } from '../src/shared/print';
import { ProjectStore } from '../src/main/store';
import { rasterBaseMapFigures } from './raster-basemap-bench';

const PEERS = resolve(process.cwd(), '../shared/peers');
const mb = (n: number) => (n / 1e6).toFixed(2);

/** What `quytap` (bin/quytap.mjs) gives Node when it prints: see the heavy sheet below. */
const PRINT_NODE_FLAGS = ['--max-semi-space-size=16'];

/** The child's whole print (open, gather, compose, PDF, write) as one esbuild bundle. */
async function bundleChild(): Promise<string> {
  const { build } = await import('esbuild');
  const root = process.cwd();
  // Under node_modules, so the bundle's one external (better-sqlite3, a native module) resolves.
  const outfile = join(root, 'node_modules/.cache/quytap-bench/print-child.mjs');
  await build({
    stdin: {
      contents: [
        "import { writeFileSync } from 'node:fs';",
        "import { ProjectStore } from './src/main/store';",
        "import { printSheet } from './src/main/print/print-sheet';",
        'const [project, out, extent] = process.argv.slice(2);',
        'const store = ProjectStore.open(project);',
        "const r = await printSheet(store, { paper: 'A0', orientation: 'landscape', area: { kind: 'extent', extent: JSON.parse(extent) }, scale: 65000, maskOpacity: 0 });",
        'writeFileSync(out, r.bytes);',
        'store.close();',
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'print-child.ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile,
    external: ['better-sqlite3'],
    logLevel: 'warning',
    banner: { js: "import { createRequire as __quytapRequire } from 'node:module'; const require = __quytapRequire(import.meta.url);" },
  });
  return outfile;
}

/** Child mode: one whole print in its own process, so its peak memory is its own (tsx; the bench runs the bundle). */
async function child(project: string, out: string, extentJson: string): Promise<void> {
  const store = ProjectStore.open(project);
  const r = await printSheet(store, { paper: 'A0', orientation: 'landscape', area: { kind: 'extent', extent: JSON.parse(extentJson) }, scale: 65000, maskOpacity: 0 });
  writeFileSync(out, r.bytes);
  store.close();
}

interface Feature {
  geometry: Geometry;
  properties: Record<string, string | null>;
}

/** Bench-only loader: the peers' GeoPackage (its own field names) into a QuyTap project. */
export function loadHeavy(gpkg: string, project: string, dir: string): [number, number, number, number] {
  const settings = ProjectSettingsSchema.parse({ title: 'BẢN ĐỒ THỬ TẢI NẶNG (heavy bench)', province: { name: 'Đắk Nông' } });
  const store = ProjectStore.create(project, crsForStore('EPSG:9218').store, settings, 'bench');
  const read = (layer: string): Feature[] => {
    const out = join(dir, `${layer}.geojson`);
    execFileSync('ogr2ogr', ['-f', 'GeoJSON', out, gpkg, layer]);
    const fc = JSON.parse(readFileSync(out, 'utf8')) as { features: Feature[] };
    rmSync(out);
    return fc.features;
  };
  const ext: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const grow = (g: Geometry) => {
    const visit = (p: number[]) => {
      ext[0] = Math.min(ext[0], p[0]);
      ext[1] = Math.min(ext[1], p[1]);
      ext[2] = Math.max(ext[2], p[0]);
      ext[3] = Math.max(ext[3], p[1]);
    };
    if (g.type === 'Point') visit(g.coordinates);
    else if (g.type === 'LineString') g.coordinates.forEach(visit);
    else if (g.type === 'Polygon') g.coordinates.forEach((r) => r.forEach(visit));
  };
  let n = 0;
  const uuid = () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
  const kinds: Record<string, string> = { new_found: 'newly_found', family_managed: 'family_cared' };
  const puts: Put[] = [];
  for (const f of read('graves')) {
    grow(f.geometry);
    puts.push({ table: 'graves', id: uuid(), geometry: f.geometry, props: { kind: kinds[f.properties.kind ?? ''] ?? 'unidentified', verification: 'not_verified' } });
  }
  for (const f of read('search_areas')) {
    grow(f.geometry);
    puts.push({ table: 'search_areas', id: uuid(), geometry: f.geometry, props: { status: f.properties.status } });
  }
  for (const f of read('base_lines')) {
    grow(f.geometry);
    puts.push({ table: 'base_lines', id: uuid(), geometry: f.geometry, props: { kind: f.properties.class === 'stream' ? 'stream' : 'other_line' } });
  }
  store.applyEdit({ label: 'heavy bench data', put: puts, remove: [] }, 'bench');
  store.close();
  return ext;
}

function timed(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  /** A run that crashes on its way out after writing a good file still counts (QGIS's exitQgis()). */
  succeeded?: () => boolean,
): { s: number; peakMb: number; out: string; exit: number | null } | null {
  const r = spawnSync('/usr/bin/time', ['-f', 'QTBENCH %e %M', cmd, ...args], { encoding: 'utf8', env, maxBuffer: 64 << 20 });
  const m = /QTBENCH ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  if (!m || (r.status !== 0 && !succeeded?.())) {
    console.log(`  (failed: ${cmd} exit ${r.status}: ${(r.stderr ?? '').slice(-400)})`);
    return null;
  }
  return { s: Number(m[1]), peakMb: Number(m[2]) / 1024, out: r.stdout, exit: r.status };
}

export async function printBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'quytap-print-bench-'));
  try {
    // ── the demo district, A0 at 1:25,000 ──
    const demo = join(dir, 'demo.gpkg');
    await createDemoProject(demo, { author: 'bench' });
    const runs: [string, SheetSettingsInput, boolean][] = [
      ['demo district, A0 landscape 1:25,000, every sheet of the series', { paper: 'A0', orientation: 'landscape', area: { kind: 'all' }, scale: 25000 }, true],
      ['demo district, A0 portrait "fit" (one sheet)', { paper: 'A0', orientation: 'portrait', area: { kind: 'all' }, scale: 'fit' }, false],
      ['demo commune Nam Đà, A3 "fit"', { paper: 'A3', area: { kind: 'communes', communes: ['Nam Đà'] }, scale: 'fit' }, false],
    ];
    for (const [label, settings, series] of runs) {
      const t0 = performance.now();
      const store = ProjectStore.open(demo);
      const r = await printSheet(store, settings, { series });
      store.close();
      const ms = performance.now() - t0;
      console.log(`${label}: ${ms.toFixed(0)} ms, ${mb(r.bytes.length)} MB, ${r.reports.length} sheet(s)${r.index ? ' + index sheet' : ''} at 1:${r.reports[0].scale} (aim < 3 s, < 10 MB)`);
    }
    await rasterBaseMapFigures(dir, demo);

    // ── the heavy sheet, side by side with QGIS ──
    const heavy = join(dir, 'heavy.gpkg');
    execFileSync('/usr/bin/python3', [join(PEERS, 'make_heavy_gpkg.py'), heavy]);
    const project = join(dir, 'heavy-project.gpkg');
    const t0 = performance.now();
    const extent = loadHeavy(heavy, project, dir);
    console.log(`heavy data loaded into a QuyTap project (setup, not timed below): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const ourPdf = join(dir, 'quytap-heavy.pdf');
    // The generator's own square (49 × 41 km): lines that wander out of it are drawn, clipped.
    void extent;
    const area = [407000, 1347000, 456000, 1388000];
    // The child runs precompiled JS, as the app does (Electron loads an esbuild bundle), not through
    // tsx, whose transpiling of the whole module graph is no part of printing. Node's young
    // generation is capped at 16 MB, as `quytap` runs it: the default lets it grow to 64 MB a
    // semi-space for throughput a batch print does not gain (same CPU time, ~120 MB less peak).
    const child = await bundleChild();
    const ours = timed(process.execPath, [...PRINT_NODE_FLAGS, child, project, ourPdf, JSON.stringify(area)]);
    if (!ours) return;
    const ourSize = statSync(ourPdf).size;
    console.log(`QuyTap heavy A0 1:65,000 (whole process): ${ours.s.toFixed(2)} s, ${mb(ourSize)} MB, peak ${ours.peakMb.toFixed(0)} MB`);
    const qgisScript = join(PEERS, 'qgis_a0_export.py');
    const hasQgis = spawnSync('/usr/bin/python3', ['-c', 'import qgis.core'], { encoding: 'utf8' }).status === 0;
    if (!hasQgis) {
      console.log('QGIS: not installed here (python3-qgis missing): side-by-side skipped. Reference from the issue: QGIS 3.22, 2.9 s, 15.6 MB, 294 MB peak.');
      console.log(`ratio vs the issue's QGIS figures: time ×${(ours.s / 2.9).toFixed(2)}, size ×${(ourSize / 15.6e6).toFixed(2)}, peak memory ×${(ours.peakMb / 294).toFixed(2)} (< 1 = QuyTap better)`);
      return;
    }
    const qPdf = join(dir, 'qgis-heavy.pdf');
    const q = timed('/usr/bin/python3', [qgisScript, heavy, qPdf, '65000'], { ...process.env, QT_QPA_PLATFORM: 'offscreen' }, () => existsSync(qPdf) && statSync(qPdf).size > 0);
    if (!q || !existsSync(qPdf)) return;
    const qSize = statSync(qPdf).size;
    console.log(`QGIS    heavy A0 1:65,000 (whole process): ${q.s.toFixed(2)} s, ${mb(qSize)} MB, peak ${q.peakMb.toFixed(0)} MB  [${q.out.trim()}]${q.exit ? ` (exit ${q.exit} after writing the PDF: QGIS crashes in exitQgis() here)` : ''}`);
    console.log(`ratio QuyTap / QGIS: time ×${(ours.s / q.s).toFixed(2)}, size ×${(ourSize / qSize).toFixed(2)}, peak memory ×${(ours.peakMb / q.peakMb).toFixed(2)} (< 1 = QuyTap better)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child' && process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await child(process.argv[3], process.argv[4], process.argv[5]);
}
