// Run by zip-budget.test.ts in a process of its own (`node --import tsx zip-bomb-child.ts <file>`),
// so its peak memory is that of reading one archive through readDataset and nothing else. Prints
// one JSON line: the refusal (or null), the time, the peak RSS (the kernel's high-water mark).
// A watchdog thread samples RSS and kills the process beyond 1 GiB, so a failing run cannot take
// the machine's memory with it.
import { Worker } from 'node:worker_threads';
import { filesForPath } from '../../../src/main/io/files';
import { readDataset } from '../../../src/main/io/read-any';

const KILL_AT = 1024 * 1024 * 1024;
const watchdog = new Worker(
  `const { workerData } = require('node:worker_threads');
   setInterval(() => { if (process.memoryUsage.rss() > workerData) process.kill(process.pid, 'SIGKILL'); }, 5);`,
  { eval: true, workerData: KILL_AT },
);
watchdog.unref();

const mib = (kib: number) => Math.round(kib / 1024);
const baseline = process.resourceUsage().maxRSS;
const t0 = performance.now();
let error: { code: string; vi: string; en: string } | null = null;
try {
  await readDataset(filesForPath(process.argv[2]!));
} catch (e) {
  const x = e as { code?: string; vi?: string; en?: string; message: string };
  error = { code: x.code ?? 'raw', vi: x.vi ?? x.message, en: x.en ?? x.message };
}
const ms = Math.round(performance.now() - t0);
process.stdout.write(`${JSON.stringify({ error, ms, baselineMiB: mib(baseline), peakMiB: mib(process.resourceUsage().maxRSS) })}\n`);
process.exit(0);
