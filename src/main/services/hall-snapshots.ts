// Rolling snapshots of the hall's project while a session runs (quytap serve --hall): one when the
// session starts, then one every `everyMs` if anything was written since, and one after every
// `everyEdits` edits; the newest `keep` are kept in `snapshots/` beside the project file.
//
// Each is SQLite's online backup on the project's own connection (store/backup.ts): a consistent
// copy even while people draw, made in steps of ~1.6 MB between which requests are answered (and an
// edit made during the copy is copied with it, SQLite mirrors writes of the same connection). It
// never runs inside a request: a count or a timer starts it on a later turn of the event loop.
// Written as `<name>-YYYYMMDD-HHMMSS.gpkg.partial`, renamed when whole: a copy cut short by a crash
// is never taken for a good one.
//
// An import's worker writes through a connection of its own, whose commit makes SQLite's backup
// start over: a copy waits until no import runs (jobs/import-in-worker.ts importsIdle), and one that
// failed while an import overlapped it is made again after that import, said on the terminal.
//
// A snapshot is the way back from a damaged disk or a wrong mass edit, not what keeps acknowledged
// edits: those are in the project file itself the moment they are answered (WAL, synchronous=FULL).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ProjectStore } from '../store';
import type { EventListener } from '../rpc/events';
import { importsAsked, importsIdle } from '../jobs/import-in-worker';
import { writePathIn } from './safe-names';

export const SNAPSHOTS_FOLDER = 'snapshots';

export interface SnapshotSettings {
  /** A copy this often while anything was written since the last (default 10 min). */
  everyMs: number;
  /** And a copy after this many edits (default 200). */
  everyEdits: number;
  /** How many to keep (default 12). */
  keep: number;
}

export const SNAPSHOT_DEFAULTS: SnapshotSettings = { everyMs: 10 * 60_000, everyEdits: 200, keep: 12 };

export interface HallSnapshots {
  /** Copies now (or after the copy in progress); resolves with the snapshot's path. */
  takeNow(): Promise<string | null>;
  /** Edits since the last copy began. */
  readonly pendingEdits: number;
  /** Paths written, oldest first (this session's). */
  readonly taken: readonly string[];
  stop(): Promise<void>;
}

/** What a copy needs to know of the imports, which write the project through their own connection. */
export interface ImportActivity {
  /** Resolves once no import runs or waits. */
  idle(): Promise<void>;
  /** Imports asked for so far: changed across a copy, one of them overlapped it. */
  asked(): number;
}

/** A copy an import overlapped is made again after it, at most this many times in all. */
const MAX_ATTEMPTS = 3;

/** `snapshots/` beside the project file (the folder's name checked like every file main writes). */
export function snapshotsDirOf(projectPath: string): string {
  return writePathIn(dirname(projectPath), SNAPSHOTS_FOLDER);
}

export function startHallSnapshots(opts: {
  project: () => { store: ProjectStore; path: string } | null;
  subscribe: (listener: EventListener) => () => void;
  settings?: Partial<SnapshotSettings>;
  log?: (message: string, detail?: unknown) => void;
  /** The process's imports (jobs/import-in-worker.ts); tests may stand in for them. */
  imports?: ImportActivity;
}): HallSnapshots {
  const imports = opts.imports ?? { idle: importsIdle, asked: importsAsked };
  const s = { ...SNAPSHOT_DEFAULTS, ...opts.settings };
  const log = opts.log ?? ((m: string, d?: unknown) => console.error(m, d ?? ''));
  let edits = 0;
  let running: Promise<string | null> | null = null;
  let next: Promise<string | null> | null = null;
  let stopped = false;
  const taken: string[] = [];
  // stop() does not wait for an import to end (the session's end would wait for the whole import).
  let stopping: () => void = () => undefined;
  const stopped$ = new Promise<void>((r) => (stopping = r));
  const untilNoImport = () => Promise.race([imports.idle(), stopped$]);

  async function copy(): Promise<string | null> {
    // An import's worker commits through a connection of its own, and SQLite's backup starts over
    // when another connection commits to the file it copies: a copy is made while no import runs
    // (the main side knows), and one that an import overlapped anyway is made again after it.
    await untilNoImport();
    for (let attempt = 1; ; attempt++) {
      if (stopped) {
        log('[hall] snapshot not taken: the session ended first / không chụp bản sao: phiên đã kết thúc trước');
        return null;
      }
      const p = opts.project();
      if (!p || !p.store.isOpen) return null;
      edits = 0;
      const before = imports.asked();
      try {
        const dir = snapshotsDirOf(p.path);
        mkdirSync(dir, { recursive: true });
        const path = await p.store.backup(dir, s.keep);
        taken.push(path);
        return path;
      } catch (e) {
        const message = e instanceof Error ? e.message : e;
        if (imports.asked() !== before && attempt < MAX_ATTEMPTS && !stopped) {
          log('[hall] snapshot overlapped an import; taken again once it ends / bản sao trùng lúc nhập dữ liệu, sẽ chụp lại khi nhập xong', message);
          await untilNoImport();
          continue;
        }
        // The session goes on: a missed snapshot is said on the terminal, and the next is tried as usual.
        log('[hall] snapshot failed / không chụp được bản sao', message);
        return null;
      }
    }
  }

  function start(): Promise<string | null> {
    const run = new Promise<void>((r) => setImmediate(r)).then(copy);
    running = run.finally(() => {
      running = null;
    });
    return run;
  }

  /**
   * One copy after the one in progress serves every caller that asked meanwhile (each of them
   * re-asking once the running copy ended would start a copy that the next one waits for, for ever).
   */
  function takeNow(): Promise<string | null> {
    if (stopped) return Promise.resolve(null);
    if (!running) return start();
    next ??= running.then(() => {
      next = null;
      return stopped ? null : start();
    });
    return next;
  }

  const unsubscribe = opts.subscribe((event, payload) => {
    if (event !== 'project.changed' || (payload as { editId?: unknown } | null)?.editId == null) return;
    edits++;
    if (edits >= s.everyEdits && !running) void takeNow();
  });
  const timer = setInterval(() => {
    if (edits > 0 && !running) void takeNow();
  }, s.everyMs);
  timer.unref();
  void takeNow(); // the project as the session found it

  return {
    takeNow,
    get pendingEdits() {
      return edits;
    },
    taken,
    async stop() {
      stopped = true;
      stopping();
      clearInterval(timer);
      unsubscribe();
      await running;
    },
  };
}
