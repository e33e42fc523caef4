// Rotating backups through SQLite's online backup API: a consistent copy even while edits go on,
// which copying the .gpkg (without its -wal) would not give.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { validationError } from './errors';

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

export async function backupTo(db: Database.Database, projectPath: string, dir: string, keep: number, now = new Date()): Promise<string> {
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
    await db.backup(partial);
    renameSync(partial, target);
  } catch (e) {
    rmSync(partial, { force: true });
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
