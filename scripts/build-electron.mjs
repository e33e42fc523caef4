// Bundles the Electron shell: src/main/electron/main.ts → dist-electron/main.cjs and
// src/main/electron/preload.ts → dist-electron/preload.cjs (CommonJS: what a sandboxed preload
// requires, and what Electron loads without ESM loader caveats), and the import job's worker thread
// src/main/jobs/import-worker.ts → dist-electron/import-worker.cjs (found beside main.cjs).
//
// External: electron (provided by the runtime) and better-sqlite3 (a native Node-API module,
// loaded from node_modules; unpacked from the asar by electron-builder).
// import.meta.url has no meaning in a CJS bundle: it is mapped to the bundle's own file URL, so
// code that locates files relative to its source must not rely on it (pass directories in).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// --outdir <dir> (inside the repository, so that better-sqlite3 is found): tests build a copy there.
const outArg = process.argv.indexOf('--outdir');
const outdir = outArg > 0 ? process.argv[outArg + 1] : 'dist-electron';
const watch = process.argv.includes('--watch');

rmSync(new URL(`../${outdir}`, import.meta.url), { recursive: true, force: true });

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'info',
  external: ['electron', 'better-sqlite3'],
  // The polyfill `shapefile` requires for a TextDecoder we never use: Node's own (scripts/shims).
  alias: { 'text-encoding': './scripts/shims/text-encoding.cjs' },
};

const targets = [
  {
    ...common,
    entryPoints: ['src/main/electron/main.ts'],
    outfile: `${outdir}/main.cjs`,
    target: 'node22',
    define: { 'import.meta.url': '__quytapImportMetaUrl' },
    banner: { js: "const __quytapImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  },
  {
    ...common,
    entryPoints: ['src/main/jobs/import-worker.ts'],
    outfile: `${outdir}/import-worker.cjs`,
    target: 'node22',
    define: { 'import.meta.url': '__quytapImportMetaUrl' },
    banner: { js: "const __quytapImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  },
  {
    ...common,
    entryPoints: ['src/main/electron/preload.ts'],
    outfile: `${outdir}/preload.cjs`,
    // A sandboxed preload may require only 'electron' (and a few polyfilled modules): bundle all else.
    external: ['electron'],
    target: 'es2022',
  },
];

if (watch) {
  const { context } = await import('esbuild');
  for (const t of targets) await (await context(t)).watch();
} else {
  await Promise.all(targets.map((t) => build(t)));
}
