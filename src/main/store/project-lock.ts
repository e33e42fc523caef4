// One writing process per project file: `<file>.lock` beside the project names the process that has
// it open for writing (pid, host, app). SQLite alone would let two QuyTap windows (or the app and a
// CLI import) write the same file; each edit stays whole, but people would overwrite each other's
// work without knowing the other exists. Readers (GDAL, QGIS, `quytap info|check|print`) never look
// at this file.
import { linkSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename } from 'node:path';
import { ApiError } from '../../shared/api-error';

export interface LockOwner {
  pid: number;
  host: string;
  app: string;
  since: string;
}

/** The owner refreshes its lock's time this often; a lock left untouched much longer is abandoned. */
const HEARTBEAT_MS = 20_000;
/**
 * A lock not refreshed for this long is taken over even if its pid is alive: the pid may have been
 * reused by an unrelated program after a crash (Windows reuses them quickly), or the owner is on a
 * machine we cannot ask. Long enough that a busy owner's blocked event loop (a big import) never
 * loses its lock.
 */
const ABANDONED_MS = 10 * 60_000;
/** An unreadable lock younger than this may be one being written right now. */
const UNREADABLE_GRACE_MS = 10_000;

interface Held {
  count: number;
  timer: NodeJS.Timeout;
}
const held = new Map<string, Held>();

export const lockPathOf = (projectPath: string): string => `${projectPath}.lock`;

export interface ProjectLock {
  release(): void;
}

/**
 * Takes the project's write lock for this process, or throws ApiError('conflict') naming the process
 * that has it. The same process may take it again (it counts). Errors of the file system (a
 * read-only folder: EACCES, EROFS, EPERM) are thrown as they are: the caller opens read-only then.
 */
export function acquireProjectLock(projectPath: string): ProjectLock {
  const lockPath = lockPathOf(projectPath);
  const mine = held.get(lockPath);
  if (mine) {
    mine.count++;
    return releaser(lockPath);
  }
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(lockPath)) break;
    const seen = readOwner(lockPath);
    if (seen === 'gone') continue; // released between our two looks: try again
    if (seen !== 'unreadable' && seen.pid === process.pid && seen.host === hostname()) {
      rmSync(lockPath, { force: true }); // our own, left by a store this process never closed
      continue;
    }
    if (attempt >= 3 || !isStale(lockPath, seen)) throw lockedError(projectPath, seen);
    takeOver(lockPath, seen);
  }
  const timer = setInterval(() => touch(lockPath), HEARTBEAT_MS);
  timer.unref();
  held.set(lockPath, { count: 1, timer });
  return releaser(lockPath);
}

function releaser(lockPath: string): ProjectLock {
  let done = false;
  return {
    release() {
      if (done) return;
      done = true;
      const h = held.get(lockPath);
      if (!h || --h.count > 0) return;
      clearInterval(h.timer);
      held.delete(lockPath);
      removeIfMine(lockPath);
    },
  };
}

/**
 * Whether the project's lock file names this process: a worker thread opening a second connection
 * (ProjectStore.open access 'held') asks it, as the holder's count of takes lives in the main thread.
 */
export function lockHeldByThisProcess(projectPath: string): boolean {
  const o = readOwner(lockPathOf(projectPath));
  return o !== 'gone' && o !== 'unreadable' && o.pid === process.pid && o.host === hostname();
}

function removeIfMine(lockPath: string): void {
  const o = readOwner(lockPath);
  if (o !== 'gone' && o !== 'unreadable' && o.pid === process.pid && o.host === hostname()) rmSync(lockPath, { force: true });
}

// A process that ends without closing its project (an uncaught error, process.exit) still leaves
// no lock behind; only a kill or a power cut does, and the next opener takes that one over.
process.on('exit', () => {
  for (const lockPath of held.keys()) {
    try {
      removeIfMine(lockPath);
    } catch {
      /* exiting anyway */
    }
  }
});

/** Creates the lock whole or not at all: written under a private name, then hard-linked into place. */
function tryCreate(lockPath: string): boolean {
  const owner: LockOwner = { pid: process.pid, host: hostname(), app: 'QuyTap', since: new Date().toISOString() };
  const text = JSON.stringify(owner);
  const tmp = `${lockPath}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  try {
    linkSync(tmp, lockPath); // atomic; EEXIST if someone has it
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // FAT32/exFAT USB sticks have no hard links: an exclusive create is the next best thing.
    try {
      writeFileSync(lockPath, text, { flag: 'wx' });
      return true;
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e2;
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}

function readOwner(lockPath: string): LockOwner | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw e;
  }
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    if (typeof o.pid === 'number' && typeof o.host === 'string') return { pid: o.pid, host: o.host, app: String(o.app ?? ''), since: String(o.since ?? '') };
  } catch {
    /* below */
  }
  return 'unreadable';
}

function ageMs(lockPath: string): number {
  try {
    return Date.now() - statSync(lockPath).mtimeMs;
  } catch {
    return 0;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

function isStale(lockPath: string, owner: LockOwner | 'unreadable'): boolean {
  const age = ageMs(lockPath);
  if (owner === 'unreadable') return age > UNREADABLE_GRACE_MS;
  if (owner.host === hostname() && !pidAlive(owner.pid)) return true;
  return age > ABANDONED_MS;
}

/**
 * Moves the stale lock aside under a name of our own (rename is atomic: of two processes taking
 * over at once only one moves it) and checks that what it moved is the stale lock it judged, not a
 * fresh one another process made meanwhile; then the caller creates its own.
 */
function takeOver(lockPath: string, judged: LockOwner | 'unreadable'): void {
  const aside = `${lockPath}.stale-${process.pid}`;
  try {
    renameSync(lockPath, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const moved = readOwner(aside);
  const same = moved === judged || (typeof moved === 'object' && typeof judged === 'object' && moved.pid === judged.pid && moved.host === judged.host && moved.since === judged.since);
  if (!same) {
    // Someone else's fresh lock: put it back (never over a newer one).
    try {
      linkSync(aside, lockPath);
    } catch {
      /* a newer lock is in place; ours waits its turn below */
    }
  }
  rmSync(aside, { force: true });
}

function touch(lockPath: string): void {
  try {
    const now = new Date();
    utimesSync(lockPath, now, now);
  } catch {
    /* a removed lock is re-created by nobody: the next opener simply gets it */
  }
}

export function lockedError(projectPath: string, owner: LockOwner | 'unreadable'): ApiError {
  const name = basename(projectPath);
  const lock = basename(lockPathOf(projectPath));
  if (owner === 'unreadable')
    return new ApiError(
      'conflict',
      `Dự án "${name}" đang được một chương trình khác mở để ghi (tệp khóa "${lock}"). Hãy đóng dự án ở đó rồi mở lại.`,
      `Project "${name}" is open for writing in another program (lock file "${lock}"). Close it there, then open it again.`,
      { path: projectPath, lock: lockPathOf(projectPath) },
    );
  const here = owner.host === hostname();
  const whereVi = here ? `trên máy này (tiến trình ${owner.pid})` : `trên máy "${owner.host}" (tiến trình ${owner.pid})`;
  const whereEn = here ? `on this computer (process ${owner.pid})` : `on computer "${owner.host}" (process ${owner.pid})`;
  return new ApiError(
    'conflict',
    `Dự án đang được mở ở ${whereVi}${owner.since ? ` từ ${owner.since}` : ''}: mỗi lúc chỉ một cửa sổ QuyTap được sửa tệp "${name}". Hãy đóng dự án ở đó rồi mở lại.`,
    `The project is open ${whereEn}${owner.since ? ` since ${owner.since}` : ''}: only one QuyTap window at a time may edit "${name}". Close it there, then open it again.`,
    { path: projectPath, lock: lockPathOf(projectPath), owner },
  );
}
