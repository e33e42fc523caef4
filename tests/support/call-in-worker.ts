// Calls an exported function in a worker thread and gives up after a time limit: a test of a loop
// that must end fails (instead of hanging the test run) when the loop does not, because
// Worker.terminate() stops even a synchronous endless loop.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

const BODY = `
const { parentPort, workerData } = require('node:worker_threads');
try {
  const m = require(workerData.tsx).require(workerData.path, workerData.path);
  parentPort.postMessage({ ok: true, value: m[workerData.fn](...workerData.args) });
} catch (e) {
  parentPort.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
}
`;

/** `fn(...args)` from the module at `path` (relative to the repository), its result cloned back. */
export function callInWorker<T>(path: string, fn: string, args: unknown[], ms = 5000): Promise<T> {
  // tsx's CommonJS loader resolves the module's imports as the app's bundler does (no extensions,
  // OpenLayers' ES modules included).
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const w = new Worker(BODY, { eval: true, workerData: { path: join(process.cwd(), path), fn, args, tsx } });
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      void w.terminate();
      reject(new Error(`${fn} did not finish within ${ms} ms`));
    }, ms);
    w.once('message', (m: { ok: boolean; value?: T; error?: string }) => {
      clearTimeout(timer);
      void w.terminate();
      if (m.ok) resolve(m.value as T);
      else reject(new Error(m.error));
    });
    w.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}
