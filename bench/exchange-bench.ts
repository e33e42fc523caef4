// Issue 15 items 3–4, exchange: importing the heavy data of ../shared/peers as Shapefiles (40,000
// points, 10,000 polygons, 2,000 lines of 500 vertices, VN-2000 TM-3 108°30′; made from the peers'
// GeoPackage with ogr2ogr), at 1× and 2× that data, as WHOLE PROCESSES: what a user runs, start-up,
// loading GEOS and opening the project included.
//  - QuyTap: the documented command, `quytap import <project> <file> --layer … --and <file> …`,
//    started through the package's bin (bin/quytap.mjs, what `npx quytap` runs) with the Node that
//    runs this bench (npm's, as `npx` would pick), into a fresh project made by `quytap init`: every
//    feature read, checked inside Vietnam and (polygons) by GEOS, its commune computed by the write
//    rules, written with its audit entry, one undoable edit per file.
//  - GDAL: `ogr2ogr -f GPKG out.gpkg <folder of the three Shapefiles>` (no validity check, no audit).
// Each pair alternates which side runs first (whole-process.ts); wall time and peak memory from GNU
// time, with the load average, because the machine is often shared.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alternatePairs, runTimed, type Command } from './whole-process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const QUYTAP = join(root, 'bin', 'quytap.mjs');
const MAKE_HEAVY = join(root, 'bench', 'make_heavy_gpkg.py'); // shared with the print bench

/** The three layers and the command-line options that put them in our tables. */
const LAYERS: { name: string; args: string[] }[] = [
  // The peers' kinds are not our code list: they are kept as the description, and every point
  // becomes a newly found grave, not verified.
  { name: 'graves', args: ['--layer', 'graves', '--map', 'kind=description', '--set', 'kind=newly_found', '--set', 'verification=not_verified'] },
  { name: 'search_areas', args: ['--layer', 'search_areas', '--map', 'status=status'] },
  { name: 'base_lines', args: ['--layer', 'base_lines', '--map', 'class=kind'] },
];

function sh(cmd: string, args: string[], cwd?: string): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** The Shapefiles of the heavy data at `scale` in `dir`/shp. */
function makeData(dir: string, scale: number): string {
  const gpkg = join(dir, `heavy-${scale}.gpkg`);
  sh('/usr/bin/python3', [MAKE_HEAVY, gpkg, String(scale)]);
  const shp = join(dir, `shp-${scale}`);
  mkdirSync(shp);
  for (const l of LAYERS) sh('ogr2ogr', ['-f', 'ESRI Shapefile', '-lco', 'ENCODING=UTF-8', join(shp, `${l.name}.shp`), gpkg, l.name]);
  rmSync(gpkg);
  return shp;
}

function runScale(dir: string, scale: number, pairs: number): void {
  const shp = makeData(dir, scale);
  const empty = join(dir, 'empty.gpkg');
  const ours = join(dir, 'ours.gpkg');
  const gdal = join(dir, 'gdal.gpkg');
  const removeProject = (p: string) => {
    for (const s of ['', '-wal', '-shm', '.lock']) rmSync(p + s, { force: true });
  };
  const quytap: Command = {
    label: 'QuyTap',
    cmd: process.execPath,
    args: [QUYTAP, 'import', ours, ...LAYERS.flatMap((l, i) => [...(i ? ['--and'] : []), join(shp, `${l.name}.shp`), ...l.args])],
    before: () => {
      removeProject(ours);
      copyFileSync(empty, ours);
    },
    wrote: () => existsSync(ours) && statSync(ours).size > 10 << 20,
  };
  const ogr: Command = {
    label: 'ogr2ogr',
    cmd: 'ogr2ogr',
    args: ['-f', 'GPKG', gdal, shp],
    before: () => removeProject(gdal),
    wrote: () => existsSync(gdal) && statSync(gdal).size > 10 << 20,
  };
  // One run of each first, not counted: the disk cache holds the Shapefiles and Node's compile
  // cache the bundle, as for any run after a user's first.
  for (const c of [quytap, ogr]) runTimed(c);
  const r = alternatePairs(`import of the heavy Shapefiles ×${scale} (QuyTap: ${process.execPath} bin/quytap.mjs import … --and …; GDAL: ogr2ogr -f GPKG out.gpkg <folder>)`, quytap, ogr, pairs);
  if (r) {
    const counts = /imported: (\d+) → graves[\s\S]*imported: (\d+) → search_areas[\s\S]*imported: (\d+) → base_lines/.exec(r.ours[0]!.stdout);
    console.log(`  QuyTap wrote ${counts ? counts.slice(1).join(' + ') : '?'} features (graves + search_areas + base_lines); aim: time ratio ≤ 1.5, peak ≤ 150 MB at ×2`);
  }
}

export async function exchangeBench(): Promise<void> {
  if (!has('ogr2ogr') || !existsSync('/usr/bin/python3')) {
    console.log('ogr2ogr or /usr/bin/python3 (with GDAL) not found: exchange bench skipped');
    return;
  }
  const pairs = Math.max(3, Number(process.env.QUYTAP_BENCH_PAIRS ?? 3));
  // What `npm install` does (prepare): a build older than the sources would run through tsx instead.
  sh(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], root);
  const dir = mkdtempSync(join(tmpdir(), 'quytap-xbench-'));
  try {
    // The project every QuyTap run starts from, made once by the documented command too.
    sh(process.execPath, [QUYTAP, 'init', join(dir, 'empty.gpkg'), '--province', 'Đắk Nông']);
    for (const scale of [1, 2]) runScale(dir, scale, pairs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
