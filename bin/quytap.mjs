#!/usr/bin/env node
// `quytap`: runs the command line built into dist-cli/ by scripts/build-cli.mjs (`npm install` and
// `npm ci` build it through `prepare`; `npm run build:cli` by hand), so no TypeScript is compiled at
// start and each command loads only its own modules.
//
// A build older than its sources (a developer edited src/ since) is not run: the sources are run
// through tsx instead, with a one-line note on stderr. It is not rebuilt from here because a command
// must not write into the checkout behind the user's back: several commands started together (the
// tests do that) would race over dist-cli/, and an install may be read-only. Without tsx
// (`npm install --omit=dev`) a stale build still runs, with the note.
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// An older Node (Debian's is 20) crashes in better-sqlite3, which is built for npm's Node 24.
if (Number(process.versions.node.split('.')[0]) < 22) {
  console.error(
    `QuyTap cần Node 22 trở lên (đang chạy ${process.version}): hãy chạy "npx quytap …" trong thư mục chương trình, npm dùng Node 24 của nó.`,
  );
  console.error(
    `QuyTap needs Node 22 or newer (this is ${process.version}): run "npx quytap …" in the program's folder; npm uses its own Node 24.`,
  );
  process.exit(1);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist-cli', 'cli.mjs');
const args = process.argv.slice(2);

// Commands that start in this process. The others are batch jobs or the server (printing an A0
// sheet among them) and are started again in a Node with an 8 MB young generation (in place of this
// process where Node can, else as its child, see runChild): Node's default grows it to
// 64 MB a semi-space, which such a job pays for in peak memory (~120 MB) without running faster
// (8 against 16 MB: ~25 MB less at the same CPU time on the heavy A0 print, docs/BENCHMARKS.md).
// The ~40 ms of a second start are nothing beside them, and much beside `quytap --help`.
const IN_PROCESS = new Set([undefined, 'help', '--help', '-h', 'info', 'init']);
const inProcess = IN_PROCESS.has(args[0]) || args.includes('--help') || args.includes('-h');
// An import streams its file through one transaction and a print draws feature after feature, both
// making short-lived garbage: an 8 MB young generation keeps their peaks lower than 16 MB at the same
// CPU time (import: ~17 MB less on twice the heavy Shapefiles; print: measured with the print bench).
const SEMI_SPACE_MB = args[0] === 'import' || args[0] === 'print' ? 8 : 16;
// An import's native memory (SQLite's pages, the statements' buffers) is malloc'ed from whichever
// thread runs: with one arena instead of glibc's per-thread ones the peak of twice the heavy
// Shapefiles is ~10 MB lower (140–144 against 150–164 MB) at the same CPU time. Read by glibc only
// (elsewhere harmless); a value the user set is kept.
const MALLOC_ENV = args[0] === 'import' && !process.env.MALLOC_ARENA_MAX ? { MALLOC_ARENA_MAX: '1' } : {};
// V8 allocates objects straight into the old generation once most objects of their allocation site
// survived a scavenge ("pretenuring"). An import's objects are short-lived, but now and then (when
// a scavenge meets a batch of rows still pending, we think) the sites of the lines' vertices get
// pretenured and every later vertex fills the old generation until a full GC: 1 run in 3 at 2× the
// heavy Shapefiles peaked at 193–221 MB instead of ~140 (--trace-gc: each scavenge of the lines
// promoted all it found). Without pretenuring: 0 in 24 runs, at the same CPU time.
const V8_FLAGS = args[0] === 'import' ? ['--no-allocation-site-pretenuring'] : [];

/** Why the build cannot be trusted ("missing", or the first source newer than it), or null. */
function staleness() {
  let manifest, builtAt;
  try {
    manifest = JSON.parse(readFileSync(join(root, 'dist-cli', 'inputs.json'), 'utf8'));
    builtAt = Math.min(statSync(join(root, 'dist-cli', 'inputs.json')).mtimeMs, statSync(built).mtimeMs);
  } catch {
    return 'missing';
  }
  for (const f of manifest.inputs) {
    let t;
    try {
      t = statSync(join(root, f)).mtimeMs;
    } catch {
      continue; // a deleted file: whoever imported it changed too
    }
    if (t > builtAt) return f;
  }
  return null;
}

function tsxLoader() {
  try {
    return import.meta.resolve('tsx');
  } catch {
    return null;
  }
}

/**
 * Runs `node <nodeArgs> <args>` in place of this process where Node can (process.execve, Node ≥
 * 23.11 on Linux and macOS: one process, no launcher left waiting beside the job with its own ~15 MB),
 * else as a child, passing signals on, and ends with its exit status.
 */
function runChild(nodeArgs) {
  const cache = process.env.NODE_COMPILE_CACHE ?? join(tmpdir(), 'node-compile-cache');
  const argv = [`--max-semi-space-size=${SEMI_SPACE_MB}`, ...V8_FLAGS, ...nodeArgs, ...args];
  const env = { ...process.env, NODE_COMPILE_CACHE: cache, ...MALLOC_ENV };
  if (typeof process.execve === 'function' && process.platform !== 'win32') {
    try {
      process.execve(process.execPath, [process.execPath, ...argv], env);
    } catch {
      // not replaced (a sandbox refusing execve): run it as a child below
    }
  }
  const child = spawn(process.execPath, argv, { stdio: 'inherit', env });
  // Ctrl+C reaches the child through the terminal's process group: passing SIGINT on would make two.
  process.on('SIGINT', () => {});
  for (const s of ['SIGTERM', 'SIGHUP']) process.on(s, () => child.kill(s));
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    }
    process.exit(code ?? 1);
  });
}

const stale = staleness();
const tsx = stale ? tsxLoader() : null;
if (stale && tsx) {
  const why = stale === 'missing' ? 'dist-cli/ is not built' : `dist-cli/ is older than ${stale}`;
  console.error(`quytap: ${why}; running the TypeScript through tsx (slower start). npm run build:cli builds it.`);
  runChild([...(args[0] === 'print' ? ['--expose-gc'] : []), '--import', tsx, join(root, 'src/main/cli.ts')]);
} else if (stale === 'missing') {
  console.error(`Chưa dựng chương trình dòng lệnh: hãy chạy "npm install" (hoặc "npm run build:cli") trong ${root}.`);
  console.error(`The command line is not built: run "npm install" (or "npm run build:cli") in ${root}.`);
  process.exit(1);
} else {
  if (stale)
    console.error(
      `quytap: dist-cli/ is older than ${stale} and tsx is not installed: running the old build. npm run build:cli rebuilds it.`,
    );
  if (inProcess) {
    // Node ≥ 22.1 keeps the compiled bundle on disk: later starts skip most of the parsing.
    module.enableCompileCache?.();
    await import(pathToFileURL(built).href);
  } else runChild(args[0] === 'print' ? ['--expose-gc', built] : [built]);
}
