#!/usr/bin/env node
// Builds the command line (src/main/cli.ts) into dist-cli/ as plain JavaScript, so `quytap` starts
// without compiling TypeScript: ES modules with code splitting, one chunk per command (cli.ts imports
// each command on demand), so `quytap --help` and `quytap info` load only what they use.
// Runs from `prepare` (npm install / npm ci) and `npm run build:cli`; about a second.
//   node scripts/build-cli.mjs [--outdir dir]
//
// External: better-sqlite3 (a native addon) and geos-wasm (loads its .wasm beside its own file),
// found in node_modules at run time; both are dependencies. Everything else is bundled.
// dist-cli/inputs.json lists the source files the bundle was built from: bin/quytap.mjs compares
// their times with the bundle's to notice a build older than the sources.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = resolve(root, values.outdir ?? 'dist-cli');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  // `npm install --omit=dev` runs `prepare` too, without esbuild: keep the build already there.
  console.warn('build-cli: esbuild is not installed (npm install --omit=dev?): the command line is not rebuilt.');
  process.exit(0);
}

// Built beside the old one, then swapped in: a `quytap` started meanwhile sees a whole build or none.
const tmp = `${outdir}.tmp-${process.pid}`;
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
try {
  const result = await esbuild.build({
    absWorkingDir: root,
    // The import job's worker thread (src/main/jobs/import-worker.ts) is its own entry: import-worker.mjs
    // beside cli.mjs, found there by src/main/jobs/import-in-worker.ts (from cli.mjs or chunks/).
    entryPoints: { cli: 'src/main/cli.ts', 'import-worker': 'src/main/jobs/import-worker.ts' },
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    legalComments: 'linked',
    charset: 'utf8',
    logLevel: 'warning',
    metafile: true,
    external: ['better-sqlite3', 'geos-wasm'],
    // The polyfill `shapefile` requires for a TextDecoder we never use: Node's own (scripts/shims).
    alias: { 'text-encoding': './scripts/shims/text-encoding.cjs' },
    // Bundled CommonJS packages call require() for Node's built-ins: give ES modules one.
    banner: {
      js: "import { createRequire as __quytapCreateRequire } from 'node:module'; const require = __quytapCreateRequire(import.meta.url);",
    },
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/'));
  writeFileSync(join(tmp, 'inputs.json'), JSON.stringify({ inputs }) + '\n');
  rmSync(outdir, { recursive: true, force: true });
  renameSync(tmp, outdir);
} catch (e) {
  rmSync(tmp, { recursive: true, force: true });
  console.error(`build-cli: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
