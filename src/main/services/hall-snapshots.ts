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
// A snapshot is the way back from a damaged disk or a wrong mass edit, not what keeps acknowledged
// edits: those are in the project file itself the moment they are answered (WAL, synchronous=FULL).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ProjectStore } from '../store';
import type { EventListener } from '../rpc/events';
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

/** `snapshots/` beside the project file (the folder's name checked like every file main writes). */
export function snapshotsDirOf(projectPath: string): string {
  return writePathIn(dirname(projectPath), SNAPSHOTS_FOLDER);
}

export function startHallSnapshots(opts: {
  project: () => { store: ProjectStore; path: string } | null;
  subscribe: (listener: EventListener) => () => void;
  settings?: Partial<SnapshotSettings>;
  log?: (message: string, detail?: unknown) => void;
}): HallSnapshots {
  const s = { ...SNAPSHOT_DEFAULTS, ...opts.settings };
  const log = opts.log ?? ((m: string, d?: unknown) => console.error(m, d ?? ''));
  let edits = 0;
  let running: Promise<string | null> | null = null;
  let again = false;
  let stopped = false;
  const taken: string[] = [];

  async function copy(): Promise<string | null> {
    const p = opts.project();
    if (!p || !p.store.isOpen) return null;
    edits = 0;
    try {
      const dir = snapshotsDirOf(p.path);
      mkdirSync(dir, { recursive: true });
      const path = await p.store.backup(dir, s.keep);
      taken.push(path);
      return path;
    } catch (e) {
      // The session goes on: a missed snapshot is said on the terminal, and the next is tried as usual.
      log('[hall] snapshot failed / không chụp được bản sao', e instanceof Error ? e.message : e);
      return null;
    }
  }

  function takeNow(): Promise<string | null> {
    if (stopped) return Promise.resolve(null);
    if (running) {
      again = true;
      return running.then(() => takeNow());
    }
    const run = new Promise<void>((r) => setImmediate(r)).then(copy);
    running = run.finally(() => {
      running = null;
      if (again && !stopped) {
        again = false;
        void takeNow();
      }
    });
    return run;
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
      clearInterval(timer);
      unsubscribe();
      await running;
    },
  };
}
