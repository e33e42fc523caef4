// Issue 4's printing figures and issue 15 item 3's peer comparison.
//
// Headline: the heavy sheet of ../shared/peers (40,000 graves, 10,000 search areas, 2,000 lines of
// 500 vertices) printed on A0 portrait at 1:65,000 by the DOCUMENTED command, `quytap print …`, as a
// whole process (start-up, reading the project, composing, writing the PDF), against QGIS 3.22's
// whole process on the same sheet (../shared/peers/qgis_a0_export.py): alternating, at least 3 pairs,
// at 1× and 2× the data (bench/make_heavy_gpkg.py, a copy of the generator with a size factor).
// Loading the data into a QuyTap project is setup, not timed.
//
// Then the demo district's sheets (in process, as the app prints them) and the raster base maps.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, readSync, closeSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createDemoProject } from '../src/main/services/demo-project';
import { printSheet } from '../src/main/print/print-sheet';
import type { SheetSettingsInput } from '../src/shared/print';
import { ProjectStore } from '../src/main/store';
import { rasterBaseMapFigures } from './raster-basemap-bench';
import { loadHeavy } from './heavy-project';
import { alternatePairs, stats, type Command } from './whole-process';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const PEERS = resolve(ROOT, '../shared/peers');
/** What `node_modules/.bin/quytap` (and so `npx quytap`) runs: the package's bin, under npm's Node. */
const LAUNCHER = join(ROOT, 'bin/quytap.mjs');
const PAIRS = Math.max(3, Number(process.env.QUYTAP_BENCH_PAIRS ?? 3));
const mb = (n: number) => (n / 1e6).toFixed(2);

// The sheet of qgis_a0_export.py: A0 portrait, 1:65,000, a 1 km grid labelled on every edge, legend,
// scale bar, title. QGIS centres its 761 mm wide map on all layers' extent, which shows
// 405.7–455.2 km E × 1346.8–1388.5 km N; our frame (narrower by the furniture's margins and the grid
// labels' room) is given the generator's square, 407–456 × 1347–1388 km, which it shows whole with
// the same data around it.
const SQUARE = '407000,1347000,456000,1388000';
const TITLE = 'BẢN ĐỒ TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ – PEER RUN';

/** A PDF that is all there (QGIS may crash on its way out after writing it). */
function completePdf(path: string): boolean {
  if (!existsSync(path) || statSync(path).size < 1000) return false;
  const fd = openSync(path, 'r');
  const tail = Buffer.alloc(64);
  readSync(fd, tail, 0, 64, statSync(path).size - 64);
  closeSync(fd);
  return tail.toString('latin1').includes('%%EOF');
}

/**
 * `cmd args` with its CPU time (user + system, seconds) written by an inner GNU time into `cpuFile`:
 * the outer harness measures wall time and peak memory of the same process tree.
 */
function withCpu(cpuFile: string, cmd: string, args: string[]): { cmd: string; args: string[] } {
  return { cmd: '/usr/bin/time', args: ['-o', cpuFile, '-f', '%U %S', cmd, ...args] };
}
const readCpu = (f: string): number => {
  const m = /([\d.]+) ([\d.]+)\s*$/.exec(readFileSync(f, 'utf8'));
  return m ? Number(m[1]) + Number(m[2]) : NaN;
};

/** What both PDFs hold: pages, fonts embedded, the georeference, and how big they are. */
function describePdf(path: string): string {
  const fonts = spawnSync('pdffonts', [path], { encoding: 'utf8' }).stdout.split('\n').slice(2).filter(Boolean);
  // pdffonts' last five columns: emb sub uni object-number generation.
  const embedded = fonts.filter((l) => l.trim().split(/\s+/).at(-5) === 'yes').length;
  const georef = readFileSync(path).includes('/Measure') ? 'georeferenced (/VP /Measure)' : 'no /VP georeference';
  return `${mb(statSync(path).size)} MB, ${fonts.length} fonts (${embedded} embedded), ${georef}`;
}

async function heavyComparison(dir: string, factor: 1 | 2, hasQgis: boolean): Promise<void> {
  const heavy = join(dir, `heavy-${factor}x.gpkg`);
  // 1×: the peers' own generator; 2×: our copy of it with a size factor (same square, same seed).
  const generator = factor === 1 ? join(PEERS, 'make_heavy_gpkg.py') : join(ROOT, 'bench/make_heavy_gpkg.py');
  execFileSync('/usr/bin/python3', [generator, heavy, ...(factor === 1 ? [] : [String(factor)])]);
  const project = join(dir, `heavy-${factor}x-project.gpkg`);
  const t0 = performance.now();
  loadHeavy(heavy, project, dir);
  console.log(`\nheavy sheet ${factor}× (${40 * factor}k graves, ${10 * factor}k areas, ${factor}M line vertices): loaded into a QuyTap project in ${((performance.now() - t0) / 1000).toFixed(1)} s (setup, not timed)`);

  const ourPdf = join(dir, `quytap-${factor}x.pdf`);
  const qPdf = join(dir, `qgis-${factor}x.pdf`);
  const ourCpuFile = join(dir, 'ours.cpu');
  const qCpuFile = join(dir, 'qgis.cpu');
  const cpu = { ours: [] as number[], qgis: [] as number[] };
  const ourArgs = ['print', project, '--extent', SQUARE, '--paper', 'A0', '--orientation', 'portrait', '--scale', '65000', '--grid-step', '1000', '--title', TITLE, '--no-project-basemaps', '--out', ourPdf];
  const ours: Command = {
    label: 'QuyTap',
    ...withCpu(ourCpuFile, process.execPath, [LAUNCHER, ...ourArgs]),
    before: () => rmSync(ourPdf, { force: true }),
    wrote: () => {
      cpu.ours.push(readCpu(ourCpuFile));
      return completePdf(ourPdf);
    },
  };
  console.log(`  ours: ${process.execPath} bin/quytap.mjs ${ourArgs.join(' ').replaceAll(dir, '$TMP')}`);
  console.log('        (bin/quytap.mjs is what node_modules/.bin/quytap and npx quytap run; it starts the print again in a Node with an 8 MB young generation, in its own place: process.execve)');
  if (!hasQgis) {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', ours.cmd, ...ours.args], { encoding: 'utf8' });
    console.log(`  QGIS not installed here (python3-qgis missing): ours alone ${r.stderr.trim().split('\n').pop()} (s, KB)`);
    return;
  }
  const qArgs = [join(PEERS, 'qgis_a0_export.py'), heavy, qPdf, '65000'];
  const qgis: Command = {
    label: 'QGIS',
    ...withCpu(qCpuFile, '/usr/bin/python3', qArgs),
    env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' },
    before: () => rmSync(qPdf, { force: true }),
    wrote: () => {
      cpu.qgis.push(readCpu(qCpuFile));
      return completePdf(qPdf);
    },
  };
  console.log(`  QGIS: QT_QPA_PLATFORM=offscreen /usr/bin/python3 ../shared/peers/qgis_a0_export.py ${qArgs.slice(1).join(' ').replaceAll(dir, '$TMP')}`);
  const r = alternatePairs(`  heavy A0 1:65,000, ${factor}× the data, whole process`, ours, qgis, PAIRS);
  if (!r) return;
  const crashes = r.peer.filter((p) => p.crashedAfterWriting).length;
  if (crashes) console.log(`  QGIS exited non-zero after writing a complete PDF in ${crashes} of ${r.peer.length} runs (its exitQgis() crashes here); those runs count.`);
  const c = (xs: number[]) => stats(xs);
  const [co, cq] = [c(cpu.ours), c(cpu.qgis)];
  console.log(`  CPU (user + system): QuyTap ${co.min.toFixed(2)} / ${co.median.toFixed(2)} s, QGIS ${cq.min.toFixed(2)} / ${cq.median.toFixed(2)} s (min / median); ratio of the minima ${(co.min / cq.min).toFixed(2)}`);
  const [wo, wq] = [c(r.ours.map((x) => x.seconds)), c(r.peer.map((x) => x.seconds))];
  console.log(`  ratio of the minima: wall ${(wo.min / wq.min).toFixed(2)}, peak ${(Math.min(...r.ours.map((x) => x.peakMb)) / Math.min(...r.peer.map((x) => x.peakMb))).toFixed(2)}`);
  console.log(`  PDFs: QuyTap ${describePdf(ourPdf)}; QGIS ${describePdf(qPdf)}`);
}

async function demoFigures(dir: string): Promise<void> {
  const demo = join(dir, 'demo.gpkg');
  await createDemoProject(demo, { author: 'bench' });
  const runs: [string, SheetSettingsInput, boolean][] = [
    ['demo district, A0 landscape 1:25,000, every sheet of the series', { paper: 'A0', orientation: 'landscape', area: { kind: 'all' }, scale: 25000 }, true],
    ['demo district, A0 portrait "fit" (one sheet)', { paper: 'A0', orientation: 'portrait', area: { kind: 'all' }, scale: 'fit' }, false],
    ['demo commune Nam Đà, A3 "fit"', { paper: 'A3', area: { kind: 'communes', communes: ['Nam Đà'] }, scale: 'fit' }, false],
  ];
  console.log('\ndemo project, in process (as the app prints):');
  for (const [label, settings, series] of runs) {
    const t0 = performance.now();
    const store = ProjectStore.open(demo);
    const r = await printSheet(store, settings, { series });
    store.close();
    const ms = performance.now() - t0;
    console.log(`  ${label}: ${ms.toFixed(0)} ms, ${mb(r.bytes.length)} MB, ${r.reports.length} sheet(s)${r.index ? ' + index sheet' : ''} at 1:${r.reports[0].scale} (aim < 3 s, < 10 MB)`);
  }
  if (process.env.QUYTAP_BENCH_SKIP_RASTER) console.log('  (raster base maps skipped: QUYTAP_BENCH_SKIP_RASTER)');
  else await rasterBaseMapFigures(dir, demo);
}

export async function printBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'quytap-print-bench-'));
  try {
    // The bench measures the command as installed: a build older than the sources would run through tsx.
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], { stdio: 'inherit' });
    const hasQgis = spawnSync('/usr/bin/python3', ['-c', 'import qgis.core'], { encoding: 'utf8' }).status === 0;
    console.log(`heavy A0 sheet, QuyTap vs QGIS${hasQgis ? '' : ' (QGIS missing: ours alone)'}; ${PAIRS} pairs each; Node ${process.version}`);
    for (const factor of [1, 2] as const) await heavyComparison(dir, factor, hasQgis);
    await demoFigures(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
