// The cold first render judged by CPU, not wall time (issue 15 item 4): on a machine shared with
// other work, the time from navigation to the first picture moves with the load, while the CPU time
// the page's main thread spends until then (thread clock, from a Chromium trace) moves far less.
// For each renderer build given, alternately, a new browser (nothing cached) loads the page and is
// traced until the map's `quytap:first-picture` mark; printed per build: the median main-thread
// CPU until then (and until the code had run), parsing and compiling the code (on any thread),
// evaluating it, garbage collection, the start bundle's bytes, and the wall time (for reference).
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export interface ColdCpu {
  /** Main-thread CPU until the first picture (ms, thread clock). */
  cpu: number;
  /** … of which until the code had run (main.tsx's `quytap:code-evaluated`). */
  cpuToCode: number;
  /** Parsing and compiling scripts on any thread of the page's process (V8 parses off the main thread). */
  compile: number;
  evaluate: number;
  gc: number;
  jsBytes: number;
  wall: number;
}

const COMPILE = new Set(['v8.compile', 'v8.compileModule', 'v8.parseOnBackground']);
const TASKS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
const EVALUATE = new Set(['v8.evaluateModule']);
const GC = new Set(['MinorGC', 'MajorGC', 'V8.GCScavenger', 'V8.GCFinalizeMC', 'V8.GCIncrementalMarking', 'V8.GC_MC_BACKGROUND_MARKING']);

/** Sums each event's thread time once: nested events of a kind already counted are skipped. */
function sumOnce(events: TraceEvent[], names: Set<string>, until: number): number {
  let total = 0;
  let coveredTo = -1;
  for (const e of events) {
    if (!names.has(e.name) || e.ph !== 'X' || e.ts > until || e.ts < coveredTo) continue;
    total += (e.tdur ?? e.dur ?? 0) / 1000;
    coveredTo = e.ts + (e.dur ?? 0);
  }
  return total;
}

/** Per thread of the process, so that events of different threads do not hide each other. */
function sumPerThread(events: TraceEvent[], pid: number, names: Set<string>, until: number): number {
  const threads = new Map<number, TraceEvent[]>();
  for (const e of events) if (e.pid === pid) (threads.get(e.tid) ?? threads.set(e.tid, []).get(e.tid)!).push(e);
  let total = 0;
  for (const list of threads.values()) total += sumOnce(list, names, until);
  return total;
}

export function analyseTrace(file: string): Omit<ColdCpu, 'jsBytes' | 'wall'> {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = (Array.isArray(raw) ? raw : raw.traceEvents).sort((a, b) => a.ts - b.ts);
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
  const mark = events.find((e) => e.name === 'quytap:first-picture');
  const code = events.find((e) => e.name === 'quytap:code-evaluated');
  if (!mark || !code) throw new Error('no quytap:first-picture or quytap:code-evaluated mark in the trace');
  const until = mark.ts;
  // The page's main thread: the renderer main thread that ran the most top-level work.
  let best: { key: string; cpu: number } | null = null;
  for (const key of mains) {
    const mine = events.filter((e) => `${e.pid}:${e.tid}` === key);
    const cpu = sumOnce(mine, TASKS, until);
    if (!best || cpu > best.cpu) best = { key, cpu };
  }
  if (!best) throw new Error('no renderer main thread in the trace');
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === best!.key);
  if (process.env.QUYTAP_BENCH_COLD_NAMES) {
    // Which trace events the thread time went to (nested events counted in each of their parents).
    const by = new Map<string, number>();
    for (const e of mine) if (e.ph === 'X' && e.ts <= until) by.set(`${e.cat} ${e.name}`, (by.get(`${e.cat} ${e.name}`) ?? 0) + (e.tdur ?? 0) / 1000);
    console.log([...by].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `    ${v.toFixed(0).padStart(6)} ms  ${k}`).join('\n'));
    const other = new Map<string, number>();
    for (const e of events) if (e.ph === 'X' && e.ts <= until && /compile|parse/i.test(e.name)) other.set(`${e.tid === mine[0]?.tid ? 'main' : 'other'} ${e.cat} ${e.name}`, (other.get(`${e.tid === mine[0]?.tid ? 'main' : 'other'} ${e.cat} ${e.name}`) ?? 0) + (e.tdur ?? 0) / 1000);
    console.log([...other].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `    ${v.toFixed(0).padStart(6)} ms  ${k}`).join('\n'));
  }
  return {
    cpu: best.cpu,
    cpuToCode: sumOnce(mine, TASKS, code.ts),
    compile: sumPerThread(events, mine[0]!.pid, COMPILE, until),
    evaluate: sumOnce(mine, EVALUATE, until),
    gc: sumOnce(mine, GC, until),
  };
}

/** One cold load of `url` in a new browser, traced until the first picture. */
export async function coldLoad(url: string): Promise<ColdCpu> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const file = join(tmpdir(), `quytap-cold-${process.pid}-${Date.now()}.json`);
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await browser.startTracing(page, { path: file, categories: ['toplevel', 'v8', 'v8.execute', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('quytap:first-picture').length > 0, undefined, { timeout: 120_000, polling: 20 });
    const [wall, jsBytes] = (await page.evaluate(`(() => {
      const at = performance.getEntriesByName('quytap:first-picture')[0].startTime;
      const code = performance.getEntriesByName('quytap:code-evaluated')[0].startTime;
      // The start bundle: scripts asked before the code had run (later chunks load on demand).
      const js = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js') && e.startTime <= code);
      return [at, js.reduce((s, e) => s + e.encodedBodySize, 0)];
    })()`)) as [number, number];
    await browser.stopTracing();
    return { ...analyseTrace(file), jsBytes, wall };
  } finally {
    await browser.close();
    rmSync(file, { force: true });
  }
}
