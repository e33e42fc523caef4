// The import job's worker must run from the built bundles too, not only from the sources: the CLI's
// (`quytap serve`, the hall server: dist-cli/import-worker.mjs, found from cli.mjs or chunks/) and
// Electron's (dist-electron/import-worker.cjs beside main.cjs). Both are built here by their own
// scripts into a folder of the repository (so that better-sqlite3 is found from it) and run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Geometry, PropValue } from '../../../src/shared/model';
import { filesForPath } from '../../../src/main/io/files';
import { writeShapefile } from '../io/shapefile-fixture';
import { findImportWorker, runImportInWorker } from '../../../src/main/jobs/import-in-worker';
import { ProjectStore } from '../../../src/main/store';
import { AUTHOR, newProject, tempDir } from '../io/helpers';


// dist-cli*/ is ignored by git.
const out = resolve(`dist-cli-worker-test-${process.pid}`);
const cliDir = join(out, 'cli');
const electronDir = join(out, 'electron');

beforeAll(() => {
  for (const [script, dir] of [
    ['scripts/build-cli.mjs', cliDir],
    ['scripts/build-electron.mjs', electronDir],
  ] as const) {
    const r = spawnSync(process.execPath, [script, '--outdir', dir.slice(resolve('.').length + 1)], { encoding: 'utf8', timeout: 180_000 });
    expect(r.status, r.stderr).toBe(0);
  }
}, 240_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

let dir: string;
let cleanup: () => void;
let store: ProjectStore | null = null;
afterEach(() => {
  store?.close();
  store = null;
  cleanup?.();
  vi.restoreAllMocks();
});

function writeGraves(n: number): string {
  const geoms: Geometry[] = [];
  const rows: PropValue[][] = [];
  for (let i = 0; i < n; i++) {
    geoms.push({ type: 'Point', coordinates: [420_000 + (i % 100) * 37, 1_360_000 + Math.floor(i / 100) * 41] });
    rows.push(['newly_found', `mộ ${i + 1}`]);
  }
  return writeShapefile(dir, 'graves', 'point', geoms, ['kind', 'name'], rows);
}

describe('the import worker from the built bundles', () => {
  it('is found beside the CLI bundle (from cli.mjs and from its chunks) and beside Electron’s main.cjs', () => {
    const serve = readdirSync(join(cliDir, 'chunks')).find((f) => /^serve-.*\.mjs$/.test(f))!;
    expect(findImportWorker(pathToFileURL(join(cliDir, 'chunks', serve)).href)).toEqual({ file: join(cliDir, 'import-worker.mjs'), viaTsx: null });
    expect(findImportWorker(pathToFileURL(join(cliDir, 'cli.mjs')).href)).toEqual({ file: join(cliDir, 'import-worker.mjs'), viaTsx: null });
    expect(findImportWorker(pathToFileURL(join(electronDir, 'main.cjs')).href)).toEqual({ file: join(electronDir, 'import-worker.cjs'), viaTsx: null });
    expect(findImportWorker(pathToFileURL(join(out, 'nowhere', 'main.cjs')).href)).toBeNull();
    // Packaged: main.cjs in app.asar, the worker unpacked (electron-builder.yml asarUnpack).
    const packed = join(out, 'resources', 'app.asar', 'dist-electron');
    const unpacked = join(out, 'resources', 'app.asar.unpacked', 'dist-electron');
    mkdirSync(packed, { recursive: true });
    mkdirSync(unpacked, { recursive: true });
    writeFileSync(join(packed, 'main.cjs'), '');
    writeFileSync(join(unpacked, 'import-worker.cjs'), '');
    expect(findImportWorker(pathToFileURL(join(packed, 'main.cjs')).href)).toEqual({ file: join(unpacked, 'import-worker.cjs'), viaTsx: null });
  });

  it.each([
    ['the CLI’s', () => join(cliDir, 'import-worker.mjs')],
    ['Electron’s', () => join(electronDir, 'import-worker.cjs')],
  ])('%s worker imports a Shapefile into a project this thread holds, with progress as it writes', async (_, workerFile) => {
    ({ dir, cleanup } = tempDir('quytap-worker-built-'));
    store = newProject(dir);
    const shp = writeGraves(5000);
    const fellBack = vi.spyOn(console, 'error');
    const seen: number[] = [];
    const r = await runImportInWorker(store, filesForPath(shp), { table: 'graves', defaults: { verification: 'not_verified' } }, {
      author: AUTHOR,
      operator: null,
      workerFile: workerFile(),
      progress: (done) => seen.push(done),
    });
    expect(fellBack).not.toHaveBeenCalled();
    expect(r.prepared.count).toBe(5000);
    expect(seen).toEqual(expect.arrayContaining([1000, 2000, 3000, 4000, 5000]));
    expect(store.info().layers.find((l) => l.table === 'graves')!.count).toBe(5000);
    expect(store.undo(AUTHOR)?.rows).toHaveLength(5000);
  }, 60_000);

  it('a worker that fails to load once (before its ready) is started again, logged, and the import still runs in a worker', async () => {
    ({ dir, cleanup } = tempDir('quytap-worker-built-'));
    store = newProject(dir);
    const shp = writeGraves(2000);
    // The built worker behind a loader that fails its first start as the sources' did once in CI.
    const marker = join(dir, 'started-once');
    const flaky = join(out, 'flaky-import-worker.mjs');
    writeFileSync(
      flaky,
      `import { existsSync, writeFileSync } from 'node:fs';\n` +
        `if (!existsSync(${JSON.stringify(marker)})) { writeFileSync(${JSON.stringify(marker)}, ''); throw new Error("Cannot find package 'mgrs'"); }\n` +
        `await import(${JSON.stringify(pathToFileURL(join(cliDir, 'import-worker.mjs')).href)});\n`,
    );
    const said = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const seen: number[] = [];
    const r = await runImportInWorker(store, filesForPath(shp), { table: 'graves', defaults: { verification: 'not_verified' } }, {
      author: AUTHOR,
      operator: null,
      workerFile: flaky,
      progress: (done) => seen.push(done),
    });
    expect(r.prepared.count).toBe(2000);
    expect(store.info().layers.find((l) => l.table === 'graves')!.count).toBe(2000);
    expect(said).toHaveBeenCalledWith(expect.stringMatching(/did not start; starting it again/), expect.anything());
    expect(said).not.toHaveBeenCalledWith(expect.stringMatching(/importing on the main thread/), expect.anything());
    expect(seen).toEqual(expect.arrayContaining([1000, 2000]));
  }, 60_000);

  it('a worker that cannot start (a build without its file) leaves the import to this thread, said on stderr', async () => {
    ({ dir, cleanup } = tempDir('quytap-worker-built-'));
    store = newProject(dir);
    const shp = writeGraves(1500);
    const said = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const r = await runImportInWorker(store, filesForPath(shp), { table: 'graves', defaults: { verification: 'not_verified' } }, { author: AUTHOR, operator: null, workerFile: join(out, 'missing', 'import-worker.mjs') });
    expect(r.prepared.count).toBe(1500);
    expect(store.info().layers.find((l) => l.table === 'graves')!.count).toBe(1500);
    expect(said).toHaveBeenCalledWith(expect.stringMatching(/could not start; importing on the main thread/), expect.anything());
  }, 60_000);
});

