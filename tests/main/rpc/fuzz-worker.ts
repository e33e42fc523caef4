// The child process of the contract fuzz test (tests/main/rpc/fuzz.test.ts). It drives the real
// services through the real dispatcher, one payload at a time, and tells the parent before and after
// each call, so that the parent's watchdog can kill it when a call never returns (a synchronous
// loop would block any timer in here) and name the payload that hung.
//
// Messages to the parent: ready (pools), start (i, method, payload description), done (i, outcome,
// problems), final (the reopened project's info), fatal. From the parent: { from, pools? }.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { api, METHOD_NAMES, type MethodName } from '../../../src/shared/api';
import { createDispatcher, type DispatchResult } from '../../../src/main/rpc/dispatch';
import { createEventBus } from '../../../src/main/rpc/events';
import { createServices } from '../../../src/main/services';
import { seededRandom } from '../../support/seeded-random';
import { describePayload, dictionary, generate, mutate, templates, type Pools } from './fuzz-payloads';

export interface WorkerStart {
  projectsDir: string;
  outsideDir: string;
  marker: string;
  seed: number;
  rounds: number;
  perRound: number;
  callMs: number;
  jobMs: number;
  from: number;
  /** Given on restarts: the first worker's pools, so every payload is the same on every run. */
  pools?: Pools;
  basePath?: string;
  /** Methods that hung before: their payloads are skipped (each hang costs a restart). */
  skipMethods: string[];
}

export type WorkerMessage =
  | { type: 'ready'; pools: Pools; basePath: string; total: number; problems: string[] }
  | { type: 'start'; i: number; method: string; payload: string }
  | { type: 'done'; i: number; method: string; outcome: string; message: string; valid: boolean; ms: number; problems: string[] }
  | { type: 'final'; problems: string[] }
  | { type: 'fatal'; error: string };

/** Methods whose valid calls are slow (whole-project work): fewer of their payloads pass validation. */
const HEAVY = new Set<string>([
  'project.openDemo',
  'training.start',
  'project.backup',
  'project.handover',
  'print.pdf',
  'print.compose',
  'exchange.export',
  'exchange.packageExport',
  'exchange.packageImport',
  'exchange.import',
  'basemaps.add',
  'review.run',
  'review.act',
  'review.statisticsPdf',
  'review.statisticsCsv',
  'review.statistics',
  'review.overview',
]);
const VALID_BUDGET = { heavy: 10, light: 60 };
/** Heavy, but its names are built from the payload (traversal, NUL, surrogates): more tries. */
const BUDGET_OF: Record<string, number> = { 'exchange.packageExport': 25 };

const send = (m: WorkerMessage) => process.send!(m);
/** The last messages must reach the parent before the process exits. */
const sendLast = (m: WorkerMessage) => new Promise<void>((resolve) => process.send!(m, undefined, {}, () => resolve()));

/** The plan: `rounds` passes over every method in a shuffled order, `perRound` payloads each. */
export function planOf(seed: number, rounds: number, perRound: number): MethodName[] {
  const rng = seededRandom(seed);
  const plan: MethodName[] = [];
  for (let r = 0; r < rounds; r++) {
    const order = [...METHOD_NAMES];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const m of order) for (let k = 0; k < perRound; k++) plan.push(m);
  }
  return plan;
}

/** Payload i: from its own seed, so a restart after a hang rebuilds the very same payloads. */
function payloadOf(method: MethodName, i: number, seed: number, pools: Pools, validLeft: number): unknown {
  const rng = seededRandom(seed * 7919 + i * 104_729 + 1);
  const schema = api[method].input;
  // Some payloads are clean, some have a few hostile leaves, some many; half are mutated besides.
  const template = templates(pools, rng)[method];
  let v = template && rng() < 0.6 ? template() : generate(schema, rng, pools, [0, 0.03, 0.1, 0.3][Math.floor(rng() * 4)]!);
  if (rng() < 0.5) v = mutate(v, rng, pools);
  if (template && rng() < 0.3) v = mutate(v, rng, pools);
  // Past its budget of valid calls a method gets only payloads its schema refuses (or none).
  for (let tries = 0; validLeft <= 0 && tries < 6 && schema.safeParse(v).success; tries++) v = mutate(v, rng, pools);
  return v;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(cfg: WorkerStart): Promise<void> {
  // Every log line of the services (dispatch's bug reports, failed jobs) belongs to the call running.
  let logs: string[] = [];
  const capture = (...a: unknown[]) => {
    logs.push(a.map((x) => (x instanceof Error ? (x.stack ?? x.message) : typeof x === 'string' ? x : describePayload(x))).join(' ').slice(0, 600));
  };
  console.error = capture;
  console.warn = capture;
  process.on('unhandledRejection', (r) => capture('[fuzz] unhandled rejection', r));

  const bus = createEventBus({ log: capture });
  const services = await createServices({ mode: 'browser', projectsDir: cfg.projectsDir, emit: bus.emit });
  // QUYTAP_FUZZ_HANG=<method>: that handler spins forever (checks the parent's watchdog by hand).
  const hang = process.env.QUYTAP_FUZZ_HANG;
  if (hang && hang in services.handlers)
    (services.handlers as Record<string, unknown>)[hang] = () => {
      for (;;);
    };
  const dispatch = createDispatcher(services.handlers, { log: capture });
  const ctx = { operator: 'fuzz', emit: bus.emit };
  const call = (m: string, input: unknown): Promise<DispatchResult> => dispatch(m, input, ctx);
  const must = async (m: string, input: unknown): Promise<any> => {
    const r = await call(m, input);
    if (!r.ok) throw new Error(`${m}: ${r.error.code} ${r.error.en}`);
    return r.result;
  };
  const admin = () => must('session.setOperator', { name: 'Fuzz', role: 'admin' });

  const startProblems: string[] = [];
  let pools = cfg.pools;
  let basePath = cfg.basePath;
  await admin();
  if (!pools || !basePath) {
    const info = await must('project.openDemo', {});
    basePath = info.path as string;
    const imports = join(cfg.projectsDir, 'imports');
    mkdirSync(imports, { recursive: true });
    writeFileSync(
      join(imports, 'diem.geojson'),
      JSON.stringify({
        type: 'FeatureCollection',
        features: [0, 1, 2].map((k) => ({ type: 'Feature', properties: { ten: `Điểm ${k}` }, geometry: { type: 'Point', coordinates: [107.8 + k / 100, 12.45] } })),
      }),
    );
    writeFileSync(join(imports, 'bang.csv'), 'ten,x,y\nMộ 1,107.81,12.46\nMộ 2,abc,1e999\n');
    writeFileSync(join(imports, 'rac.kml'), '<kml><Document><Placemark><Point><coordinates>1e39,NaN</coordinates></Point></Placemark>');
    const pkg = await must('exchange.packageExport', { communes: null });
    copyFileSync(join(basePath, '..', 'exports', pkg.fileName), join(imports, 'goi.gpkg'));
    const uuids: string[] = [];
    const grave = (await must('features.query', { table: 'graves', limit: 1 })).rows[0] as { id: string; meta: { version: number } };
    for (const table of ['admin_units', 'search_areas', 'graves', 'cemeteries', 'info_points']) {
      const q = await must('features.query', { table, limit: 2 });
      uuids.push(...q.rows.map((r: { id: string }) => r.id));
    }
    for (const table of ['martyrs', 'conclusions', 'links']) {
      const q = await must('records.query', { table, limit: 2 });
      uuids.push(...q.rows.map((r: { id: string }) => r.id));
    }
    pools = {
      uuids,
      communes: (info.settings.communes as { code: string }[]).map((c) => c.code),
      files: ['diem.geojson', 'bang.csv', 'rac.kml', 'goi.gpkg'],
      extent: info.extent,
      marker: cfg.marker,
      outsideDir: cfg.outsideDir,
      grave: { id: grave.id, version: grave.meta.version },
      communeNames: (info.settings.communes as { name: string }[]).map((c) => c.name),
    };
  } else {
    const r = await call('project.open', { path: basePath });
    if (!r.ok) startProblems.push(`reopening the project on restart: project.open answered ${r.error.code} ${r.error.en}`);
  }
  // First the dictionary (every template with each malformed string and huge number), then the
  // random rounds.
  const dict = dictionary(pools, seededRandom(cfg.seed));
  const plan = [...dict.map((d) => d.method as MethodName), ...planOf(cfg.seed, cfg.rounds, cfg.perRound)];
  send({ type: 'ready', pools, basePath, total: plan.length, problems: startProblems });

  /** Back to the base project and an administrator, after a call that may have moved away. */
  const restore = async (res: DispatchResult | null): Promise<string[]> => {
    if (!res?.ok || (res.result as { path?: string }).path === basePath) return [];
    const r = await call('project.open', { path: basePath });
    await admin();
    return r.ok ? [] : [`reopening the project afterwards: project.open answered ${r.error.code} ${r.error.en}`];
  };

  let healthy = (await call('project.info', {})).ok;
  logs = [];
  // Cheap per-call look at the places a traversal could reach, so that an escape names its payload
  // (the parent compares whole trees at the end).
  const watched = [cfg.outsideDir, dirname(cfg.projectsDir), tmpdir(), '/tmp', '/', process.cwd()];
  const seen = new Set<string>();
  const newEntries = (): string[] => {
    const out: string[] = [];
    for (const d of watched) {
      let names: string[] = [];
      try {
        names = readdirSync(d);
      } catch {
        continue;
      }
      for (const n of names) {
        const p = join(d, n);
        if (seen.has(p)) continue;
        seen.add(p);
        if (d === cfg.outsideDir || n.includes(cfg.marker)) out.push(p);
      }
    }
    return out;
  };
  newEntries();
  const validLeft = new Map<string, number>();
  // Replay the budget of valid calls up to `from`, so payload i is the same after a restart.
  for (let i = 0; i < plan.length; i++) {
    const method = plan[i]!;
    const fromDict = i < dict.length;
    const left = fromDict ? 1 : (validLeft.get(method) ?? BUDGET_OF[method] ?? (HEAVY.has(method) ? VALID_BUDGET.heavy : VALID_BUDGET.light));
    const payload = fromDict ? dict[i]!.payload : payloadOf(method, i, cfg.seed, pools, left);
    const valid = api[method].input.safeParse(payload).success;
    if (valid && !fromDict) validLeft.set(method, left - 1);
    if (i < cfg.from) continue;
    // Past its budget nothing refusable came of it (skip rather than spend another slow valid
    // call), or the method hung before.
    if ((valid && left <= 0) || cfg.skipMethods.includes(method)) {
      send({ type: 'start', i, method, payload: describePayload(payload) });
      send({ type: 'done', i, method, outcome: 'skipped', message: '', valid, ms: 0, problems: [] });
      continue;
    }
    send({ type: 'start', i, method, payload: describePayload(payload) });
    logs = [];
    const problems: string[] = [];
    const t0 = performance.now();
    let outcome = '';
    let message = '';
    let answer: DispatchResult | null = null;
    try {
      const res = await Promise.race([call(method, payload), sleep(cfg.callMs).then(() => null)]);
      answer = res;
      if (res === null) {
        outcome = 'timeout';
        problems.push(`no answer within ${cfg.callMs} ms`);
      } else if (res.ok) {
        outcome = 'ok';
        problems.push(...(await waitForJobs(res.result)));
      } else {
        outcome = res.error.code;
        message = res.error.en.slice(0, 200);
      }
    } catch (e) {
      outcome = 'threw';
      problems.push(`dispatch rejected: ${e instanceof Error ? e.message : String(e)}`);
    }
    for (const line of logs) if (/\[(rpc|jobs|fuzz)\]/.test(line)) problems.push(line);
    for (const p of newEntries()) problems.push(`wrote outside the projects folder: ${p}`);
    const ms = Math.round(performance.now() - t0);
    logs = [];
    if (['project.create', 'project.open', 'project.openDemo', 'project.close', 'training.start'].includes(method)) problems.push(...(await restore(answer)));
    if (method === 'session.setOperator') await admin();
    // Which call broke the project for everyone: project.info answered before it and fails after
    // (the probe's own log lines are not this call's).
    if (method !== 'project.info') {
      const probe = await call('project.info', {});
      const now = probe.ok || probe.error.code !== 'internal';
      if (healthy && !now) problems.push(`after this call, project.info answers internal: ${logs.at(-1) ?? ''}`);
      healthy = now;
    }
    logs = [];
    send({ type: 'done', i, method, outcome, message, valid, ms, problems });
  }

  // The end: the base project opens again through the services and answers project.info.
  logs = [];
  const problems: string[] = [];
  send({ type: 'start', i: plan.length, method: 'final project.open + project.info', payload: JSON.stringify(basePath) });
  for (const [m, input] of [
    ['project.open', { path: basePath }],
    ['project.info', {}],
    ['features.map', { table: 'graves' }],
  ] as const) {
    const r = await call(m, input);
    if (!r.ok) problems.push(`${m} after the fuzz: ${r.error.code} ${r.error.en}`);
  }
  problems.push(...logs);
  services.close();
  await sendLast({ type: 'final', problems });

  /** A call that started a job: wait for it, cancel it past jobMs, and report how it ended. */
  async function waitForJobs(result: unknown): Promise<string[]> {
    const id = (result as { job?: { id?: string } } | null)?.job?.id;
    if (!id) return [];
    const t0 = performance.now();
    const state = async () => {
      const jobs = await must('jobs.list', {});
      return (jobs as { id: string; state: string; error: string | null; errorEn?: string | null }[]).find((j) => j.id === id);
    };
    let job = await state();
    while (job?.state === 'running' && performance.now() - t0 < cfg.jobMs) {
      await sleep(20);
      job = await state();
    }
    if (job?.state === 'running') {
      await call('jobs.cancel', { id });
      const t1 = performance.now();
      while (job?.state === 'running' && performance.now() - t1 < 3000) {
        await sleep(20);
        job = await state();
      }
      if (job?.state === 'running') return [`its job ran past ${cfg.jobMs} ms and did not stop within 3 s of jobs.cancel`];
      return [`its job ran past ${cfg.jobMs} ms (cancelled)`];
    }
    return [];
  }
}

process.once('message', (cfg: WorkerStart) => {
  main(cfg)
    .then(() => process.exit(0))
    .catch(async (e: unknown) => {
      await sendLast({ type: 'fatal', error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      process.exit(1);
    });
});
