// Calls an exported function in a worker thread and gives up after a time limit: a test of a loop
// that must end fails (instead of hanging the test run) when the loop does not, because
// Worker.terminate() stops even a synchronous endless loop.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const BODY = `
const { parentPort, workerData } = require('node:worker_threads');
const { tsImport } = require(workerData.tsx);
tsImport(workerData.url, workerData.url)
  .then((m) => parentPort.postMessage({ ok: true, value: m[workerData.fn](...workerData.args) }))
  .catch((e) => parentPort.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) }));
`;

/** `fn(...args)` from the module at `path` (relative to the repository), its result cloned back. */
export function callInWorker<T>(path: string, fn: string, args: unknown[], ms = 5000): Promise<T> {
  const url = pathToFileURL(`${process.cwd()}/${path}`).href;
  // tsx's scoped loader resolves the module's own imports as the app's build does (no extensions).
  const tsx = createRequire(import.meta.url).resolve('tsx/esm/api');
  const w = new Worker(BODY, { eval: true, workerData: { url, fn, args, tsx } });
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
