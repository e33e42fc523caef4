// The app's import job runs the import in a worker thread (import-worker.ts), not on the main
// thread: a heavy Shapefile is written in one transaction of seconds, during which the main thread
// would deliver no progress, no cancel and no other drafter's request. The worker writes through a
// connection of its own; the main thread's store sees its rows once it commits (WAL), and undo works
// from there as for any edit (the journal is in the file).
// Cancel sets a shared flag that the import's loop reads every 100 records; a worker that does not
// stop soon after anyway is terminated, which closes its connection and so rolls back.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../shared/api-error';
import type { Operator } from '../../shared/api';
import type { ImportSpec } from '../io/import-plan';
import { runImport, type ImportOutcome, type RunImportOptions } from '../io/import-run';
import type { InputFile } from '../io/types';
import type { ProjectStore } from '../store';
import type { ImportWorkerData, ImportWorkerMessage, WorkerFile } from './import-worker';

/** After a cancel, how long the worker may take to roll back by itself before it is terminated. */
export const CANCEL_GRACE_MS = 150;
/** How many times a worker that fails before 'ready' is started, before the import runs on this thread. */
export const START_ATTEMPTS = 2;
/** After its last message, how long the worker may take to close its connection and end. */
const EXIT_GRACE_MS = 2000;

export type WorkerEntry = { file: string; viaTsx: string | null };

/**
 * The worker's file for the module at `moduleUrl` (this one's, or a bundle's that holds it): the
 * built one beside the bundle (dist-cli/import-worker.mjs beside cli.mjs or its chunks/,
 * dist-electron/import-worker.cjs beside main.cjs), or in the sources (tests, `npm run web`)
 * import-worker.ts, run through tsx's loader (`viaTsx`, its URL). Null: none
 * found (a build without it), and the import runs on the calling thread as before.
 */
export function findImportWorker(moduleUrl: string): WorkerEntry | null {
  const here = fileURLToPath(moduleUrl);
  const dir = dirname(here);
  if (here.endsWith('.ts')) {
    try {
      return { file: join(dir, 'import-worker.ts'), viaTsx: pathToFileURL(createRequire(moduleUrl).resolve('tsx')).href };
    } catch {
      return null;
    }
  }
  // Packaged Electron: main.cjs is inside app.asar, the worker unpacked beside it (electron-builder.yml asarUnpack).
  const unpacked = dir.replace(/([\\/])app\.asar(?=[\\/]|$)/, '$1app.asar.unpacked');
  const candidates = [join(dir, 'import-worker.mjs'), join(dir, '..', 'import-worker.mjs'), join(unpacked, 'import-worker.cjs'), join(dir, 'import-worker.cjs')];
  for (const f of candidates) if (existsSync(f)) return { file: f, viaTsx: null };
  return null;
}

export interface WorkerImportOptions extends RunImportOptions {
  /** Who is writing, for the write rules built in the worker. */
  operator: Operator | null;
  /** The worker's file, in place of the one found beside this module (tests of a build). */
  workerFile?: string;
}

/** A program error in the worker: said as a sentence; its own words go to the log and the details, not the sentence. */
function workerFailed(message: string): ApiError {
  console.error('[import worker] failed:', message);
  return new ApiError(
    'internal',
    'Việc nhập dữ liệu dừng giữa chừng vì lỗi của chương trình; dự án không thay đổi. Hãy thử lại; nếu vẫn lỗi, hãy dùng lệnh "quytap import".',
    'The import stopped half-way on a program error; the project is unchanged. Try again; if it fails again, use the "quytap import" command.',
    { cause: message.slice(0, 200) },
  );
}

function projectClosed(): ApiError {
  return new ApiError(
    'cancelled',
    'Dự án đã được đóng trong khi đang nhập dữ liệu, nên việc nhập đã dừng và không ghi gì vào dự án. Hãy mở lại dự án rồi nhập lại.',
    'The project was closed during the import, so the import stopped and wrote nothing into it. Open the project again, then import again.',
  );
}

const cancelled = (signal: AbortSignal | undefined) => (signal?.reason instanceof Error ? signal.reason : new ApiError('cancelled', 'Công việc đã bị huỷ.', 'The job was cancelled.'));

/** The import running now (settled either way): the next one waits for it. */
let running: Promise<unknown> = Promise.resolve();
/** Imports asked for in this process so far (running, waiting or ended). */
let asked = 0;

/**
 * How many imports this process has been asked for so far: a reader that must not overlap one (the
 * hall's snapshots: the worker's commit through its own connection makes SQLite's backup start over)
 * compares it before and after its work.
 */
export function importsAsked(): number {
  return asked;
}

/** Resolves once no import runs or waits in this process (one queued meanwhile is waited for too). */
export async function importsIdle(): Promise<void> {
  for (let p = running; ; p = running) {
    await p;
    if (p === running) return;
  }
}

/**
 * runImport of `files` into the open project `store`, in a worker thread. Resolves or rejects only
 * once the worker's connection is closed (its transaction committed or rolled back) or the worker
 * has ended. Files without a path on disk, a build without the worker, or a worker that cannot
 * start run on this thread (runImport, as the CLI does).
 * Imports run one at a time, as they did on the main thread: two drafters importing at once would
 * otherwise have the second worker wait on the first's transaction and give up "busy".
 */
export function runImportInWorker(store: ProjectStore, files: InputFile[], spec: ImportSpec, opts: WorkerImportOptions): Promise<ImportOutcome> {
  const before = running;
  asked++;
  const mine = (async () => {
    if (!(await isSettled(before))) {
      opts.progress?.(0, 0, 'Đang chờ việc nhập khác xong…');
      await Promise.race([before.catch(() => undefined), aborted(opts.signal)]);
    }
    if (opts.signal?.aborted) throw cancelled(opts.signal);
    return importInWorker(store, files, spec, opts);
  })();
  running = mine.catch(() => undefined);
  return mine;
}

async function isSettled(p: Promise<unknown>): Promise<boolean> {
  const pending = Symbol();
  return (await Promise.race([p.then(() => undefined, () => undefined), Promise.resolve(pending)])) !== pending;
}

function aborted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal || signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function importInWorker(store: ProjectStore, files: InputFile[], spec: ImportSpec, opts: WorkerImportOptions): Promise<ImportOutcome> {
  const { operator, signal, progress, workerFile, ...options } = opts;
  const entry = workerFile ? { file: workerFile, viaTsx: null } : findImportWorker(import.meta.url);
  // Held files go by their fd, others by their path; bytes only in memory stay on this thread.
  const described = files.map((f): WorkerFile | null => (f.fd !== undefined ? { name: f.name, fd: f.fd, size: f.size } : f.path !== undefined ? { path: f.path } : null));
  const here = () => runImport(store, files, spec, { ...options, signal, progress });
  // A read-only project has no lock to share: on this thread, its write says why it cannot be made.
  if (!entry || store.readOnly || !described.every((f): f is WorkerFile => f !== null)) return here();
  if (signal?.aborted) return Promise.reject(cancelled(signal));

  const cancel = new SharedArrayBuffer(8);
  const state = new Int32Array(cancel);
  const data: ImportWorkerData = { quytapImportWorker: 1, project: store.path, files: described, spec, options, operator, cancel };
  // The sources run as bin/quytap.mjs runs them: through tsx's loader (ES modules and the dynamic imports of the readers).
  const spawn = () => new Worker(entry.file, { workerData: data, ...(entry.viaTsx ? { execArgv: ['--import', entry.viaTsx] } : {}) });
  let worker: Worker;
  try {
    worker = spawn();
  } catch (e) {
    console.error('[import worker] could not start; importing on the main thread', e);
    return here();
  }

  return new Promise<ImportOutcome>((resolve, reject) => {
    let settled = false;
    let ready = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const later = (ms: number, f: () => void) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(f, ms);
      timer.unref?.();
    };
    const cancelledError = () => (closed ? projectClosed() : cancelled(signal));
    const name = files[0]!.name.split(/[\\/]/).pop()!;
    store.setOwnWork({ vi: `nhập tệp "${name}"`, en: `importing "${name}"` });
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      store.setOwnWork(null);
      clearInterval(watch);
      signal?.removeEventListener('abort', onAbort);
      f();
    };
    // The import's loop reads the flag every 100 records and rolls back; in a step without such a
    // look (a long GEOS repair, a non-streamed file's one write) the worker is terminated, which
    // closes its connection (better-sqlite3's clean-up) and so rolls back too, unless it has committed.
    const onAbort = () => {
      Atomics.store(state, 0, 1);
      later(CANCEL_GRACE_MS, () => {
        if (Atomics.load(state, 1) !== 1) void worker.terminate();
      });
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    // The project closed meanwhile (another one opened, the app quitting): its lock is released, so
    // the worker must not go on writing there. Stopped as on a cancel, and said so.
    let closed = false;
    const watch = setInterval(() => {
      if (store.isOpen || closed) return;
      closed = true;
      onAbort();
    }, 50);
    watch.unref?.();
    /**
     * A worker that could not even load (a packaging that cannot run it, a file missing from a build)
     * has opened nothing: the import runs on this thread then, as before, rather than not at all.
     */
    let starts = 1;
    const notStarted = (w: Worker, why: unknown) => {
      if (settled || w !== worker) return; // its 'exit' after its 'error', or one started again since
      // Before 'ready' the worker has opened nothing, so starting it again is safe. Once, started
      // from the sources (tsx's loader), a worker failed to load with "Cannot find package 'mgrs'",
      // a bare import Node resolves by looking for node_modules/mgrs on disk; ~300 starts from the
      // sources (6 at once, beside other vitest processes, with a cold and a shared tsx cache) all
      // loaded, so the likeliest cause is node_modules changing under a running test (an npm
      // ci/install in the shared tree), not the loader. A second start rides over such a moment;
      // a worker that cannot load at all still ends on this thread, said on the terminal both times.
      if (starts < START_ATTEMPTS) {
        starts++;
        console.error('[import worker] did not start; starting it again', why);
        try {
          worker = spawn();
          return listen(worker);
        } catch (e) {
          why = e;
        }
      }
      console.error('[import worker] could not start; importing on the main thread', why);
      settle(() => here().then(resolve, reject));
    };
    const listen = (w: Worker) => {
      w.on('message', (m: ImportWorkerMessage) => {
        if (m.type === 'ready') return void (ready = true);
        if (m.type === 'progress') return void progress?.(m.done, m.total, m.message);
        // The worker has closed its connection before answering: the project is as the answer says.
        if (m.type === 'done') settle(() => resolve(m.outcome));
        else if (closed && m.error?.code === 'cancelled') settle(() => reject(projectClosed()));
        else {
          if (!m.error) console.error('[import worker] failed', m.stack ?? m.message);
          settle(() => reject(m.error ? ApiError.fromBody(m.error) : workerFailed(m.message)));
        }
        later(EXIT_GRACE_MS, () => void worker.terminate());
      });
      w.on('error', (e) => {
        if (w !== worker) return;
        if (!ready && !signal?.aborted && !closed) return notStarted(w, e);
        if (!settled) console.error('[import worker] crashed', e);
        settle(() => reject(signal?.aborted || closed ? cancelledError() : workerFailed(e instanceof Error ? e.message : String(e))));
      });
      // Ended without an answer: terminated on a cancel (rolled back as its connection closed) or crashed.
      w.once('exit', (code) => {
        if (w !== worker) return;
        if (timer) clearTimeout(timer);
        if (!ready && !signal?.aborted && !closed) return notStarted(w, `exit ${code}`);
        settle(() => reject(signal?.aborted || closed ? cancelledError() : workerFailed(`exit ${code}`)));
      });
    };
    listen(worker);
  });
}
