// Contract fuzz: every method of the contract, called through the real dispatcher on a real project
// (the demo, in a temp folder) with a few thousand seeded payloads shaped from its input schema and
// mutated with hostile values (huge and non-finite numbers, NUL, lone surrogates, control characters,
// traversal strings and absolute paths, very long strings, 10,000-deep nesting, wrong types, extra
// keys). Each payload must get a success or a 4xx-class ApiError (never `internal`, never a thrown
// dispatch), answer in bounded time (jobs included), log no bug, write nothing outside the projects
// folder, and the project must still open with integrity ok at the end.
//
// The calls run in a child process (fuzz-worker.ts): a call stuck in a synchronous loop would block
// this process's timers too, so the parent's watchdog kills the child, records the payload that
// hung, and starts a new child from the next payload (payload i is built from the seed and i alone).
// Two seeds by default (each with its own project); QUYTAP_FUZZ_SEED=<n> runs that seed only.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { STATUS_OF } from '../../../src/main/http/server';
import { ProjectStore } from '../../../src/main/store';
import { METHOD_NAMES, type ErrorCode } from '../../../src/shared/api';
import type { Pools } from './fuzz-payloads';
import type { WorkerMessage, WorkerStart } from './fuzz-worker';

const SEEDS = process.env.QUYTAP_FUZZ_SEED ? [Number(process.env.QUYTAP_FUZZ_SEED)] : [20_261_204, 7];
const ROUNDS = 6;
const PER_ROUND = 10; // 58 methods × 6 × 10 ≈ 3,500 payloads a seed
const CALL_MS = 10_000;
const JOB_MS = 10_000;
/** Longest a child may stay silent inside one call (the call, its job and the job's cancel). */
const WATCHDOG_MS = CALL_MS + JOB_MS + 3_000 + 4_000;
/** After this many hangs of one method, its other payloads are not tried (each hang costs a restart). */
const MAX_HANGS_PER_METHOD = 1;
const MAX_RESTARTS = 8;
/** Short (traversal strings must fit fields of 32 characters) and unlikely anywhere else. */
const MARKER = `QTF${process.pid % 100_000}`;

interface Finding {
  i: number;
  method: string;
  payload: string;
  what: string;
}

/** One seed's folders: the projects folder, a sibling "outside" one, and the worker's TMPDIR. */
interface Dirs {
  root: string;
  projectsDir: string;
  outsideDir: string;
  childTmp: string;
}
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function makeDirs(): Dirs {
  const root = mkdtempSync(join(tmpdir(), 'quytap-fuzz-'));
  roots.push(root);
  const dirs = { root, projectsDir: join(root, 'projects'), outsideDir: join(root, 'outside'), childTmp: join(root, 'tmp') };
  for (const d of [dirs.projectsDir, dirs.outsideDir, dirs.childTmp]) mkdirSync(d);
  writeFileSync(join(dirs.outsideDir, 'secret.txt'), 'not for the renderer');
  writeFileSync(join(dirs.outsideDir, 'other.gpkg'), 'not a project of this folder');
  return dirs;
}

/** Every file and folder under `dir` (but `skip`), with size and modification time. */
function snapshot(root: string, skip: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (p === skip) continue;
      const st = statSync(p);
      out.set(relative(root, p), e.isDirectory() ? 'dir' : `${st.size}@${st.mtimeMs}`);
      if (e.isDirectory()) walk(p);
    }
  };
  walk(root);
  return out;
}

/** Names holding the traversal marker in the places a traversal string could reach. */
function escapes(root: string): string[] {
  const places = [root, dirname(root), tmpdir(), '/tmp', '/', process.cwd(), dirname(process.cwd())];
  const found: string[] = [];
  for (const d of new Set(places)) {
    try {
      for (const n of readdirSync(d)) if (n.includes(MARKER)) found.push(join(d, n));
    } catch {
      /* not readable: nothing written there either */
    }
  }
  return found;
}

function isClientError(code: string): boolean {
  const status = STATUS_OF[code as ErrorCode];
  return status !== undefined && status >= 400 && status < 500;
}

interface RunState {
  findings: Finding[];
  pools?: Pools;
  basePath?: string;
  total: number;
  next: number;
  calls: number;
  hangs: Map<string, number>;
  final: string[] | null;
  /** Methods with at least one payload past validation (the handler ran). */
  reached: Set<string>;
  /** Per method: time spent and outcomes (QUYTAP_FUZZ_TIMING=1 prints them). */
  timing: Map<string, { ms: number; outcomes: Record<string, number>; examples: Record<string, string> }>;
}

/** One child from `from` on; resolves when it ends, is killed by the watchdog, or dies. */
function runChild(state: RunState, skip: Set<string>, dirs: Dirs, seed: number): Promise<'finished' | 'restart'> {
  return new Promise((resolve) => {
    const child: ChildProcess = fork(join(__dirname, 'fuzz-worker.ts'), [], {
      execArgv: ['--import', 'tsx'], // resolved from the repository's node_modules
      cwd: join(__dirname, '..', '..', '..'),
      env: { ...process.env, TMPDIR: dirs.childTmp },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    let tail = '';
    const keep = (b: Buffer) => (tail = (tail + b.toString()).slice(-4000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    let current: { i: number; method: string; payload: string } | null = null;
    let timer: NodeJS.Timeout | null = null;
    let settled = false;
    const arm = (ms: number) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        const c = current ?? { i: state.next, method: '(start-up)', payload: '' };
        state.findings.push({ ...c, what: `no answer within ${ms} ms: the process was killed (synchronous hang?)` });
        state.hangs.set(c.method, (state.hangs.get(c.method) ?? 0) + 1);
        state.next = c.i + 1;
        finish('restart');
      }, ms);
    };
    const finish = (how: 'finished' | 'restart') => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      child.kill('SIGKILL');
      resolve(how);
    };
    arm(120_000); // start-up: the first child builds the demo
    child.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') {
        state.pools ??= m.pools;
        state.basePath ??= m.basePath;
        state.total = m.total;
        for (const p of m.problems) state.findings.push({ i: state.next, method: '(restart)', payload: '', what: p });
        arm(WATCHDOG_MS);
      } else if (m.type === 'start') {
        current = { i: m.i, method: m.method, payload: m.payload };
        arm(WATCHDOG_MS);
      } else if (m.type === 'done') {
        state.next = m.i + 1;
        if (m.outcome !== 'skipped') state.calls++;
        if (m.valid && m.outcome !== 'skipped') state.reached.add(m.method);
        const t = state.timing.get(m.method) ?? { ms: 0, outcomes: {}, examples: {} };
        t.ms += m.ms;
        const o = `${m.valid ? 'valid' : 'invalid'}:${m.outcome}`;
        t.outcomes[o] = (t.outcomes[o] ?? 0) + 1;
        if (m.valid) t.examples[o] ??= m.message;
        state.timing.set(m.method, t);
        const payload = current?.payload ?? '';
        const bad = (what: string) => state.findings.push({ i: m.i, method: m.method, payload, what });
        if (m.outcome === 'internal') bad('answered internal (HTTP 500)');
        else if (m.outcome !== 'ok' && m.outcome !== 'skipped' && m.outcome !== 'timeout' && m.outcome !== 'threw' && !isClientError(m.outcome))
          bad(`answered ${m.outcome} (HTTP ${STATUS_OF[m.outcome as ErrorCode] ?? 500})`);
        for (const p of m.problems) bad(p);
        current = null;
        arm(WATCHDOG_MS);
      } else if (m.type === 'final') {
        state.final = m.problems;
        finish('finished');
      } else if (m.type === 'fatal') {
        state.findings.push({ i: state.next, method: '(worker)', payload: '', what: `worker failed: ${m.error}` });
        finish('finished');
      }
    });
    child.on('exit', (code, signal) => {
      if (settled) return;
      const c = current ?? { i: state.next, method: '(between calls)', payload: '' };
      state.findings.push({ ...c, what: `the process died (${signal ?? `exit ${code}`}): ${tail.slice(-800)}` });
      state.next = c.i + 1;
      finish('restart');
    });
    const start: WorkerStart = {
      projectsDir: dirs.projectsDir,
      outsideDir: dirs.outsideDir,
      marker: MARKER,
      seed,
      rounds: ROUNDS,
      perRound: PER_ROUND,
      callMs: CALL_MS,
      jobMs: JOB_MS,
      from: state.next,
      pools: state.pools,
      basePath: state.basePath,
      skipMethods: [...skip],
    };
    child.send(start);
  });
}

/** One line per distinct kind of failure, with the first payload that showed it. */
function summary(findings: Finding[]): string {
  const byKind = new Map<string, Finding & { n: number }>();
  for (const f of findings) {
    const kind = `${f.method}: ${f.what.replace(/\b(ref|reference) [0-9a-f]{8}\b|[0-9a-f]{8}-[0-9a-f-]{27}|\d+ ms|\d+/g, '#').slice(0, 160)}`;
    const seen = byKind.get(kind);
    if (seen) seen.n++;
    else byKind.set(kind, { ...f, n: 1 });
  }
  return [...byKind.entries()]
    .map(([kind, f]) => `- ${kind} [×${f.n}]\n    payload #${f.i}: ${f.payload.slice(0, 400)}\n    ${f.what.slice(0, 600)}`)
    .join('\n');
}

describe('contract fuzz', () => {
  it.each(SEEDS)(
    'seed %i: every method answers hostile payloads with success or a 4xx error, in bounded time, writing nothing outside the projects folder',
    async (seed) => {
      const dirs = makeDirs();
      const { root, projectsDir, childTmp } = dirs;
      const before = snapshot(root, projectsDir);

      const state: RunState = {
        findings: [],
        total: 0,
        next: 0,
        calls: 0,
        hangs: new Map(),
        final: null,
        reached: new Set(),
        timing: new Map(),
      };
      let restarts = 0;
      for (;;) {
        const skip = new Set([...state.hangs].filter(([, n]) => n >= MAX_HANGS_PER_METHOD).map(([m]) => m));
        const how = await runChild(state, skip, dirs, seed);
        if (how === 'finished') break;
        if (++restarts > MAX_RESTARTS) {
          state.findings.push({ i: state.next, method: '(fuzz)', payload: '', what: `stopped after ${MAX_RESTARTS} restarts` });
          break;
        }
      }

      // Files: nothing new or changed outside the projects folder, no temp file left, no escape.
      const after = snapshot(root, projectsDir);
      const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k) && !k.startsWith('tmp'));
      for (const k of changed) state.findings.push({ i: -1, method: '(files)', payload: '', what: `changed outside the projects folder: ${k}` });
      // (tsx-*: the TypeScript loader's own cache, not the app's.)
      for (const k of readdirSync(childTmp).filter((n) => !n.startsWith('tsx-'))) state.findings.push({ i: -1, method: '(files)', payload: '', what: `temporary file left behind: ${k}` });
      for (const p of escapes(root)) state.findings.push({ i: -1, method: '(files)', payload: '', what: `a traversal string reached ${p}` });

      // The project: opened again through the services (in the worker), and through the store here.
      for (const p of state.final ?? ['the worker never reached the final check']) state.findings.push({ i: -1, method: '(final)', payload: '', what: p });
      if (state.basePath && existsSync(state.basePath)) {
        const store = ProjectStore.open(state.basePath);
        expect(store.info().schemaVersion).toBeGreaterThan(0);
        store.close();
        const db = new Database(state.basePath, { readonly: true });
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        db.close();
      } else {
        state.findings.push({ i: -1, method: '(final)', payload: '', what: 'the base project is missing' });
      }

      if (process.env.QUYTAP_FUZZ_TIMING)
        console.log(
          [...state.timing]
            .sort((a, b) => b[1].ms - a[1].ms)
            .map(([m, t]) => `${m} ${t.ms} ms ${JSON.stringify(t.outcomes)} ${JSON.stringify(t.examples)}`)
            .join('\n'),
        );
      // The fuzz did call every method, and every handler ran at least once (a payload passed validation).
      expect(state.total).toBeGreaterThan(METHOD_NAMES.length * ROUNDS * PER_ROUND); // plus the dictionary
      expect(state.calls).toBeGreaterThan(state.total / 2);
      expect(METHOD_NAMES.filter((m) => !state.reached.has(m) && !state.hangs.has(m))).toEqual([]);
      // The count, not the array: the message lists each kind of failure once, with a payload.
      expect(state.findings.length, `${state.findings.length} failures (seed ${seed}):\n${summary(state.findings)}`).toBe(0);
    },
    900_000,
  );
});
