// A clone on its own: the repository's files copied to a folder with no ../shared beside it,
// `npm run prepare` (what npm install and npm ci run) building the CLI, then only the production
// packages left in node_modules (what `npm install --omit=dev` keeps: no tsx, no esbuild). The
// installed `quytap` must build the demo, read it, serve it, and answer --help for every command.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve('.');
const base = mkdtempSync(join(tmpdir(), 'quytap-clone-'));
const app = join(base, 'app');
const work = join(base, 'work'); // the user's folder: neither the app's nor its parent
const env: NodeJS.ProcessEnv = { ...process.env, QUYTAP_PROJECTS_DIR: join(base, 'projects'), QUYTAP_OPERATOR: 'ci' };
delete env.QUYTAP_DEMO_DATA;
delete env.QUYTAP_FONTS_DIR;

// Every command cli.ts dispatches (read from its table, so a new command is covered the day it lands).
const COMMANDS = [...readFileSync(join(repo, 'src/main/cli.ts'), 'utf8').matchAll(/^ {2}(\w+): async \(\) =>/gm)].map((m) => m[1]!);

function quytap(...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(app, 'bin/quytap.mjs'), ...args], {
    cwd: work,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

/** The working tree's files as git sees them (tracked and new, not ignored), copied. */
function copyRepository(): void {
  const list = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repo,
    encoding: 'utf8',
  });
  expect(list.status, list.stderr).toBe(0);
  for (const f of list.stdout.split('\0').filter(Boolean)) {
    const from = join(repo, f);
    if (!existsSync(from) || !statSync(from).isFile()) continue; // deleted, or the node_modules link
    mkdirSync(dirname(join(app, f)), { recursive: true });
    copyFileSync(from, join(app, f));
  }
}

/** node_modules with only what `npm install --omit=dev` keeps (package-lock's packages not marked dev). */
function productionNodeModules(): string[] {
  const real = realpathSync(join(repo, 'node_modules'));
  const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8'));
  const kept: string[] = [];
  rmSync(join(app, 'node_modules'), { recursive: true, force: true });
  for (const [path, meta] of Object.entries<any>(lock.packages)) {
    const name = path.replace(/^node_modules\//, '');
    if (!path.startsWith('node_modules/') || name.includes('node_modules/') || meta.dev) continue;
    if (!existsSync(join(real, name))) continue; // an optional package for another platform
    mkdirSync(dirname(join(app, 'node_modules', name)), { recursive: true });
    symlinkSync(join(real, name), join(app, 'node_modules', name));
    kept.push(name);
  }
  return kept;
}

/** The chunks a module imports statically, transitively (what Node loads before it runs). */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+)"/g))
    staticClosure(join(dirname(file), m[1]), seen);
  return seen;
}

beforeAll(() => {
  copyRepository();
  mkdirSync(work, { recursive: true });
  symlinkSync(realpathSync(join(repo, 'node_modules')), join(app, 'node_modules'));
  const prepare = spawnSync('npm', ['run', 'prepare'], { cwd: app, env, encoding: 'utf8', timeout: 120_000 });
  expect(prepare.status, prepare.stderr + prepare.stdout).toBe(0);
  const kept = productionNodeModules();
  expect(kept).toContain('better-sqlite3');
  expect(kept).not.toContain('tsx');
  expect(kept).not.toContain('esbuild');
}, 180_000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('a clone with its production packages only, and no ../shared', () => {
  it('has no ../shared beside it', () => {
    expect(existsSync(join(app, '../shared'))).toBe(false);
    expect(existsSync(join(app, 'node_modules/tsx'))).toBe(false);
  });

  it('`npm run prepare` built the CLI: dist-cli/cli.mjs, its input list and one chunk per command', () => {
    expect(existsSync(join(app, 'dist-cli/cli.mjs'))).toBe(true);
    const inputs: string[] = JSON.parse(readFileSync(join(app, 'dist-cli/inputs.json'), 'utf8')).inputs;
    expect(inputs).toContain('src/main/cli.ts');
    expect(inputs).toContain('src/main/commands/print.ts');
    const chunks = readdirSync(join(app, 'dist-cli/chunks'));
    for (const c of COMMANDS)
      expect(
        chunks.some((f) => f.startsWith(`${c}-`) && f.endsWith('.mjs')),
        c,
      ).toBe(true);
  });

  it('--help loads only the dispatcher, and info none of jsPDF, the HTTP server or the importers', () => {
    const help = [...staticClosure(join(app, 'dist-cli/cli.mjs'))];
    expect(help.reduce((n, f) => n + statSync(f).size, 0)).toBeLessThan(20_000);
    const info = readdirSync(join(app, 'dist-cli/chunks')).find((f) => /^info-.*\.mjs$/.test(f))!;
    const text = [...staticClosure(join(app, 'dist-cli/chunks', info))].map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(text).toContain('ProjectStore');
    expect(text).not.toMatch(/jsPDF|node:http"|@xmldom|papaparse/);
  });

  it('import loads GEOS and the XML readers only when asked for (a Shapefile of points needs neither)', () => {
    const imp = readdirSync(join(app, 'dist-cli/chunks')).find((f) => /^import-.*\.mjs$/.test(f))!;
    const text = [...staticClosure(join(app, 'dist-cli/chunks', imp))].map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(text).toContain('ProjectStore');
    expect(text).toMatch(/import\("geos-wasm"\)/);
    expect(text).not.toMatch(/from "geos-wasm|@xmldom|DOMParser/);
  });

  it('every command answers --help with its usage and exit code 0', () => {
    const top = quytap('--help');
    expect(top.status, top.stderr).toBe(0);
    for (const c of COMMANDS) expect(top.stdout).toContain(`quytap ${c}`);
    for (const c of COMMANDS) {
      for (const flag of ['--help', '-h']) {
        const r = quytap(c, flag);
        expect(r.status, `${c} ${flag}: ${r.stderr}`).toBe(0);
        expect(r.stdout, c).toMatch(/Cách dùng \/ usage/);
        expect(r.stdout, c).toContain(`quytap ${c}`);
        expect(r.stderr, c).toBe('');
      }
    }
    const bad = quytap('info', '--nope');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('quytap info');
  });

  it('builds the demo from the boundaries in the repository, and info reads it', () => {
    const out = join(work, 'mau.gpkg');
    const demo = quytap('demo', '--out', out);
    expect(demo.status, demo.stderr).toBe(0);
    expect(demo.stderr).toBe(''); // no tsx note: the build ran
    expect(existsSync(out)).toBe(true);
    const info = quytap('info', out);
    expect(info.status, info.stderr).toBe(0);
    expect(info.stdout).toMatch(/EPSG:9218/);
    expect(info.stdout).toMatch(/admin_units\s+8\s/);
    expect(info.stdout).toMatch(/DỮ LIỆU MINH HỌA/);
  });

  it('serve opens the demo (built from the repository) and answers /healthz, then stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [join(app, 'bin/quytap.mjs'), 'serve', '--last-or-demo', '--port', '0', '--projects-dir', join(base, 'served')],
      { cwd: work, env },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      const url = await new Promise<string>((ok, ko) => {
        const t = setInterval(() => {
          const m = /http:\/\/127\.0\.0\.1:\d+/.exec(stdout);
          if (m) {
            clearInterval(t);
            ok(m[0]);
          }
        }, 50);
        void exited.then(() => ko(new Error(`serve exited: ${stderr}`)));
      });
      const r = await fetch(`${url}/healthz`);
      expect(r.status).toBe(200);
      expect(await r.text()).toBe('ok');
      expect(existsSync(join(base, 'served', 'du-an-mau-krong-no.gpkg'))).toBe(true);
      expect(stderr).toContain('npm run build:renderer'); // no dist/renderer in a clone: it says how to build the page
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 60_000);

  it('a build older than the sources still runs, saying so on stderr (no tsx to fall back on)', () => {
    const src = join(app, 'src/main/commands/info.ts');
    const later = new Date(Date.now() + 60_000);
    utimesSync(src, later, later);
    try {
      const r = quytap('info', join(work, 'mau.gpkg'));
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain('dist-cli/ is older than src/main/commands/info.ts');
    } finally {
      const past = new Date(Date.now() - 3_600_000);
      utimesSync(src, past, past);
    }
  });
});
