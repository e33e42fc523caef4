// The import job's worker thread (started by import-in-worker.ts): runs runImport, the same code the
// CLI runs in its own process, on a connection of its own to the project (same file, same WAL;
// ProjectStore.open access 'held': the main thread holds the project's lock). Its one transaction
// blocks this thread only: the main thread keeps answering reads from its WAL snapshot, and another
// drafter's write gets the store's "busy, try again" at once. The rules on writes are the main
// thread's (review/write-rules.ts), built here from the same functions for the job's operator.
// Built as its own entry by scripts/build-cli.mjs (dist-cli/import-worker.mjs) and
// scripts/build-electron.mjs (dist-electron/import-worker.cjs).
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError, type ApiErrorBody } from '../../shared/api-error';
import type { Operator } from '../../shared/api';
import { fileFromFd, fileFromPath } from '../io/files';
import type { InputFile } from '../io/types';
import type { ImportSpec } from '../io/import-plan';
import { runImport, type ImportOutcome, type RunImportOptions } from '../io/import-run';
import { loadGeos, type Geos } from '../review/geos';
import { installWriteRules } from '../review/write-rules';
import { ProjectStore } from '../store';

export type WorkerFile = { path: string } | { name: string; fd: number; size: number };

const inputFile = (f: WorkerFile): InputFile => ('fd' in f ? fileFromFd(f.name, f.fd, f.size) : fileFromPath(f.path));

/** What the main thread hands the worker (structured-cloned, so data only). */
export interface ImportWorkerData {
  quytapImportWorker: 1;
  project: string;
  /**
   * The input files (the .shp with its siblings, as the caller picked them): a path, or a file the
   * main thread holds open (its fd: a process's fds are its threads' too), read through that fd.
   */
  files: WorkerFile[];
  spec: ImportSpec;
  options: Omit<RunImportOptions, 'signal' | 'progress'>;
  /** Who is writing, for the rules (the caller's operator when the job started). */
  operator: Operator | null;
  /** Int32 [0]: set to 1 by the main thread to cancel (read every 100 records); [1]: set to 1 by the worker once committed. */
  cancel: SharedArrayBuffer;
}

export type ImportWorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; done: number; total: number; message?: string }
  | { type: 'done'; outcome: ImportOutcome }
  | { type: 'error'; error: ApiErrorBody | null; message: string; stack?: string };

/**
 * The import's AbortSignal, read from shared memory: this thread's event loop is blocked for the
 * whole transaction, so a message could not reach it, while the loop's `signal.aborted` checks
 * read the flag the main thread sets. Only `aborted` is used by the import (io/errors.ts).
 */
function sharedSignal(flag: Int32Array): AbortSignal {
  return {
    get aborted() {
      return Atomics.load(flag, 0) === 1;
    },
  } as AbortSignal;
}

/**
 * The import, then its one answer. The store is closed before the answer goes: once the main thread
 * has it, the transaction is committed or rolled back and this connection is gone. `state` [1] is
 * set the moment runImport has returned (committed): from then on the main thread lets the worker
 * finish instead of terminating it on a late cancel, so committed rows are never called cancelled.
 */
export async function runImportWorker(data: ImportWorkerData, post: (m: ImportWorkerMessage) => void): Promise<void> {
  const state = new Int32Array(data.cancel);
  let store: ProjectStore | null = null;
  let disposeRules: (() => void) | null = null;
  let answer: ImportWorkerMessage;
  post({ type: 'ready' });
  try {
    store = ProjectStore.open(data.project, { access: 'held' });
    // GEOS places features only in a project with commune boundaries (as the CLI does: ~28 MB otherwise spared).
    let geos: Geos | null = null;
    if (store.query('admin_units', { filter: { level: 'commune' }, limit: 1 }).rows.length) geos = await loadGeos();
    disposeRules = installWriteRules(store, {
      operator: () => data.operator,
      geos: () => {
        if (!geos) throw new Error('GEOS was not loaded for a project with commune boundaries');
        return geos;
      },
    });
    const outcome = await runImport(store, data.files.map(inputFile), data.spec, {
      ...data.options,
      signal: sharedSignal(state),
      progress: (done, total, message) => post({ type: 'progress', done, total, message }),
    });
    Atomics.store(state, 1, 1);
    answer = { type: 'done', outcome };
  } catch (e) {
    answer = {
      type: 'error',
      error: e instanceof ApiError ? e.toBody() : null,
      message: e instanceof Error ? e.message : String(e),
      stack: e instanceof Error ? e.stack : undefined,
    };
  } finally {
    disposeRules?.();
    store?.close();
  }
  post(answer);
}

const data = workerData as ImportWorkerData | undefined;
if (parentPort && data?.quytapImportWorker === 1) {
  const port = parentPort;
  void runImportWorker(data, (m) => port.postMessage(m));
}
