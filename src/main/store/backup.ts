// Rotating backups through SQLite's online backup API: a consistent copy even while edits go on,
// which copying the .gpkg (without its -wal) would not give.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api-error';
import { validationError, type BackupNote } from './errors';

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** Local time: the names are read by people looking for "yesterday's copy". */
export function backupStamp(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function projectBaseName(projectPath: string): string {
  return basename(projectPath, extname(projectPath));
}

interface BackupFile {
  name: string;
  stamp: string;
  n: number;
}

/** This project's backups in `dir`, oldest first (a same-second second backup gets "-1", "-2"…). */
export function listBackups(dir: string, base: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  const re = new RegExp(`^${escapeRe(base)}-(\\d{8}-\\d{6})(?:-(\\d+))?\\.gpkg$`);
  const out: BackupFile[] = [];
  for (const name of readdirSync(dir)) {
    const m = re.exec(name);
    if (m) out.push({ name, stamp: m[1]!, n: m[2] ? Number(m[2]) : 0 });
  }
  return out.sort((a, b) => (a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : a.n - b.n));
}

/** Where the app writes a project's backups: `backups/` beside the project file. */
export function backupDirOf(projectPath: string): string {
  return join(dirname(projectPath), 'backups');
}

/** The newest backup of a project, for an error message to offer (never opened on its own). */
export function latestBackup(projectPath: string): BackupNote | null {
  try {
    const dir = backupDirOf(projectPath);
    const last = listBackups(dir, projectBaseName(projectPath)).at(-1);
    if (!last) return null;
    const path = join(dir, last.name);
    return { path, modified: statSync(path).mtime.toLocaleString('vi-VN') };
  } catch {
    return null;
  }
}

/**
 * A backup step that copies no page for this long gives up: better-sqlite3 retries a step that
 * meets SQLITE_BUSY forever (it did on a read-only project, at 100 % CPU), and nothing else of the
 * app waits on another process for longer than a moment either.
 */
export const BACKUP_STALL_MS = 3000;


function backupFailed(projectPath: string, vi: string, en: string, details: Record<string, unknown> = {}): ApiError {
  const name = basename(projectPath);
  return new ApiError(
    'internal',
    `Không sao lưu được dự án "${name}": ${vi}. Dự án không bị thay đổi.`,
    `Could not back up project "${name}": ${en}. The project was not changed.`,
    { path: projectPath, ...details },
  );
}

/** A failed backup's cause in one sentence (file system errors; SQLite's go through translateSqliteError). */
export function backupError(e: unknown, projectPath: string, dir: string): unknown {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL')
    return backupFailed(projectPath, `ổ đĩa của thư mục "${dir}" đã đầy; hãy giải phóng chỗ trống rồi thử lại`, `the disk of folder "${dir}" is full; free some space and try again`, { dir, code });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return backupFailed(projectPath, `không có quyền ghi vào thư mục "${dir}" (thư mục hoặc ổ đĩa chỉ đọc)`, `folder "${dir}" cannot be written (read-only folder or disk)`, { dir, code });
  return e;
}

/** ~1.6 MB of 8 KiB pages: a few ms, so requests are answered between steps. */
const PAGES_PER_STEP = 200;

/**
 * SQLite's online backup, stopped with an error when it stalls instead of spinning, and refused
 * when it copied nothing: better-sqlite3 also takes a first step that meets SQLITE_BUSY (no page
 * count known yet) for a finished backup, which would have published an empty file as a backup.
 */
async function boundedBackup(db: Database.Database, projectPath: string, target: string, stallMs: number): Promise<void> {
  let remaining = -1;
  let since = Date.now();
  let steps = 0;
  const stalled = () =>
    backupFailed(projectPath, 'bản sao không tiến triển (tệp đang bị chương trình khác khóa); hãy thử lại sau', 'the copy made no progress (a file is locked by another program); try again later', {
      stalled: true,
    });
  const done = await db.backup(target, {
    progress: ({ totalPages, remainingPages }) => {
      // A source SQLite sees changed at every step (a read-only file's WAL index lives in the
      // connection's memory) makes the copy start over at every step, for ever.
      if (++steps > 3 * Math.ceil(totalPages / PAGES_PER_STEP) + 10) throw stalled();
      if (remainingPages !== remaining) {
        remaining = remainingPages;
        since = Date.now();
      } else if (Date.now() - since > stallMs) throw stalled();
      return PAGES_PER_STEP;
    },
  });
  if (!done.totalPages) throw stalled();
}

export async function backupTo(db: Database.Database, projectPath: string, dir: string, keep: number, now = new Date(), stallMs = BACKUP_STALL_MS): Promise<string> {
  if (!Number.isInteger(keep) || keep < 1 || keep > 1000) throw validationError('Số bản sao lưu cần giữ phải từ 1 đến 1000.', 'The number of backups to keep must be 1 to 1000.');
  mkdirSync(dir, { recursive: true });
  const base = projectBaseName(projectPath);
  const stamp = backupStamp(now);
  // A second backup within the same second takes the next number after the highest one of that
  // second (not the first free name: rotation may just have freed a name that sorts as oldest).
  const sameSecond = listBackups(dir, base).filter((b) => b.stamp === stamp);
  const next = sameSecond.length ? Math.max(...sameSecond.map((b) => b.n)) + 1 : 0;
  let target = join(dir, next ? `${base}-${stamp}-${next}.gpkg` : `${base}-${stamp}.gpkg`);
  for (let i = next + 1; existsSync(target); i++) target = join(dir, `${base}-${stamp}-${i}.gpkg`);
  // Written under a name rotation never matches, then renamed: a backup cut short by a crash is
  // never mistaken for a good one, nor counted among the ones to keep.
  const partial = `${target}.partial`;
  try {
    await boundedBackup(db, projectPath, partial, stallMs);
    renameSync(partial, target);
  } catch (e) {
    rmSync(partial, { force: true });
    rmSync(`${partial}-journal`, { force: true });
    throw e;
  }
  // The copy just made is always kept, even if the clock went back and it sorts before others.
  const others = listBackups(dir, base).filter((b) => join(dir, b.name) !== target);
  for (const old of others.slice(0, Math.max(0, others.length - (keep - 1)))) {
    rmSync(join(dir, old.name), { force: true });
    rmSync(join(dir, `${old.name}-wal`), { force: true });
    rmSync(join(dir, `${old.name}-shm`), { force: true });
  }
  return target;
}
