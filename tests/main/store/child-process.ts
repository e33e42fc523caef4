// Child processes for the store tests that kill or restrict a process: each fixture is bundled once
// with esbuild (a child then starts in ~0.2 s instead of ~1 s through tsx) and run by the Node that
// runs vitest, finding better-sqlite3 through NODE_PATH.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Bundles `tests/main/store/fixtures/<name>.ts` into `outDir`; returns the bundle's path. */
export async function bundleFixture(name: string, outDir: string): Promise<string> {
  const entry = fileURLToPath(new URL(`./fixtures/${name}.ts`, import.meta.url));
  const out = join(outDir, `${basename(name)}.cjs`);
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', external: ['better-sqlite3'], outfile: out, logLevel: 'error' });
  return out;
}

/** Root writes through any file mode: such tests run their child as "nobody" then. */
export const RUNNING_AS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

/** Lets an unprivileged child reach `dir` (mkdtemp makes it private to us). */
export function openToOthers(dir: string, mode = 0o755): void {
  chmodSync(dir, mode);
}

export function spawnFixture(bundle: string, args: string[], opts: { unprivileged?: boolean } = {}): ChildProcess {
  const asNobody = opts.unprivileged && RUNNING_AS_ROOT;
  return spawn(process.execPath, [bundle, ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), HOME: asNobody ? '/tmp' : process.env.HOME },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
  });
}

/**
 * Runs a fixture to its end and returns its stdout's last line parsed as JSON. A fixture still
 * running after `timeoutMs` (a backup spinning, say) is killed and the run fails.
 */
export function runFixtureJson<T>(bundle: string, args: string[], opts: { unprivileged?: boolean; timeoutMs?: number } = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawnFixture(bundle, args, opts);
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      err += `\n(killed after ${opts.timeoutMs ?? 15_000} ms)`;
    }, opts.timeoutMs ?? 15_000);
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`fixture ended with ${code}: ${out}\n${err}`));
      }
    });
  });
}

/** The pid of a process that has ended (for stale locks). */
export function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '0']);
  return r.pid!;
}
