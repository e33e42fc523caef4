// Whole-process timing for the benches that compare QuyTap with a peer (issue 15 item 3): the
// documented command and the peer's command each run as their own process under /usr/bin/time
// (wall seconds and peak resident memory, the figures a user sees), ours and the peer's alternating,
// at least 3 pairs, with the load average printed beside them so a noisy machine shows.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';

export interface Run {
  seconds: number;
  /** User + system CPU time of the process and its children: steadier than the wall clock on a shared machine. */
  cpuSeconds: number;
  peakMb: number;
  exit: number | null;
  stdout: string;
  /** The command exited non-zero but `wrote()` found its output: reported, not hidden. */
  crashedAfterWriting: boolean;
}

export interface Command {
  label: string;
  cmd: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Called after the run: true when the command's output exists and is good. */
  wrote?: () => boolean;
  /** Called before each run (e.g. to delete the previous output). */
  before?: () => void;
}

/** One run under GNU time. Null when the command failed and wrote nothing. */
export function runTimed(c: Command): Run | null {
  c.before?.();
  const r = spawnSync('/usr/bin/time', ['-f', 'QTBENCH %e %M %U %S', c.cmd, ...c.args], {
    encoding: 'utf8',
    env: c.env ?? process.env,
    cwd: c.cwd,
    maxBuffer: 64 << 20,
  });
  const m = /QTBENCH ([\d.]+) (\d+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
  const wrote = c.wrote ? c.wrote() : r.status === 0;
  if (!m || !wrote) {
    console.log(`  (failed: ${c.label}: exit ${r.status}: ${(r.stderr ?? '').slice(-400)})`);
    return null;
  }
  return { seconds: Number(m[1]), peakMb: Number(m[2]) / 1024, cpuSeconds: Number(m[3]) + Number(m[4]), exit: r.status, stdout: r.stdout, crashedAfterWriting: r.status !== 0 };
}

export interface Stats {
  min: number;
  median: number;
  max: number;
}

export function stats(xs: readonly number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { min: s[0]!, median, max: s[s.length - 1]! };
}

export interface PairResult {
  ours: Run[];
  peer: Run[];
  timeRatio: Stats;
  cpuRatio: Stats;
  memoryRatio: Stats;
  load: string[];
}

const fmt = (s: Stats, digits = 2): string => `${s.min.toFixed(digits)} / ${s.median.toFixed(digits)} / ${s.max.toFixed(digits)}`;
const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');

/**
 * Runs ours then the peer, `pairs` times (the order alternates each pair so neither always runs on a
 * warmer cache), and prints each pair and the min/median/max of the ratios. Null when a run failed.
 */
export function alternatePairs(title: string, ours: Command, peer: Command, pairs = 3): PairResult | null {
  console.log(`${title}: ${pairs} pairs, alternating (load average before: ${load()})`);
  const result: PairResult = { ours: [], peer: [], timeRatio: stats([0]), cpuRatio: stats([0]), memoryRatio: stats([0]), load: [] };
  for (let i = 0; i < pairs; i++) {
    const order = i % 2 === 0 ? [ours, peer] : [peer, ours];
    const runs = new Map<Command, Run>();
    for (const c of order) {
      const r = runTimed(c);
      if (!r) return null;
      runs.set(c, r);
    }
    const o = runs.get(ours)!;
    const p = runs.get(peer)!;
    result.ours.push(o);
    result.peer.push(p);
    result.load.push(load());
    const crash = p.crashedAfterWriting ? ` (${peer.label} exited ${p.exit} after writing its output)` : '';
    console.log(
      `  pair ${i + 1}: ${ours.label} ${o.seconds.toFixed(2)} s ${o.peakMb.toFixed(0)} MB · ${peer.label} ${p.seconds.toFixed(2)} s ${p.peakMb.toFixed(0)} MB${crash} · load ${result.load[i]}`,
    );
  }
  result.timeRatio = stats(result.ours.map((o, i) => o.seconds / result.peer[i]!.seconds));
  result.cpuRatio = stats(result.ours.map((o, i) => o.cpuSeconds / result.peer[i]!.cpuSeconds));
  result.memoryRatio = stats(result.ours.map((o, i) => o.peakMb / result.peer[i]!.peakMb));
  console.log(`  ${ours.label} time: ${fmt(stats(result.ours.map((r) => r.seconds)))} s (min / median / max); peak ${fmt(stats(result.ours.map((r) => r.peakMb)), 0)} MB`);
  console.log(`  ${peer.label} time: ${fmt(stats(result.peer.map((r) => r.seconds)))} s; peak ${fmt(stats(result.peer.map((r) => r.peakMb)), 0)} MB`);
  console.log(`  CPU time (user + system): ${ours.label} ${fmt(stats(result.ours.map((r) => r.cpuSeconds)))} s; ${peer.label} ${fmt(stats(result.peer.map((r) => r.cpuSeconds)))} s`);
  console.log(`  ratio ours/peer: time ${fmt(result.timeRatio)}, CPU time ${fmt(result.cpuRatio)}, peak memory ${fmt(result.memoryRatio)} (< 1 = QuyTap better)`);
  return result;
}
