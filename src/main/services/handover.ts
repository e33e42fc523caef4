// "The file is the truth": the open project's WAL is checkpointed into the .gpkg after a short idle
// (and by ProjectStore.close on close, switch and quit), and the hand-over copy (project.handover) is
// one verified file named by commune and date in the exports folder, offered as a download.
import { statSync } from 'node:fs';
import { ApiError } from '../../shared/api-error';
import type { Output } from '../../shared/api';
import type { ProjectSettings } from '../../shared/model';
import type { ProjectStore } from '../store';
import { backupStamp } from '../store/backup';
import type { ServiceContext } from './context';
import { slugOf } from './print';
import { writePathIn } from './safe-names';
import { exportsDir, freeName } from './user-folders';

/** Default idle after the last write before the WAL is checkpointed. */
export const CHECKPOINT_IDLE_MS = 2000;

export interface IdleCheckpointer {
  /** Call after anything that may have written: (re)starts the idle delay if the store wrote since. */
  poke(): void;
  /** Stop waiting (the store is being closed, which checkpoints by itself). */
  cancel(): void;
}

/**
 * Debounced checkpoint: `delayMs` after the last write, unless a job (an import, a merge) is still
 * running; then it waits another delay. A write is a change of the store's total_changes, so reads
 * (the map panning) never push the checkpoint further away. better-sqlite3 is synchronous: a timer
 * never fires inside an edit's transaction.
 */
export function idleCheckpointer(opts: { delayMs: number; store: () => ProjectStore | null; busy: () => boolean }): IdleCheckpointer {
  let timer: NodeJS.Timeout | null = null;
  let seen: { store: ProjectStore; writes: number } | null = null;
  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, opts.delayMs);
    timer.unref(); // never keeps a CLI or a test process alive
  };
  const fire = () => {
    timer = null;
    const s = opts.store();
    if (!s?.isOpen) return;
    if (opts.busy()) return arm();
    s.checkpoint();
  };
  return {
    poke() {
      const s = opts.store();
      if (!s?.isOpen) return;
      let writes: number;
      try {
        writes = s.writeCount();
      } catch {
        return;
      }
      if (seen && seen.store === s && seen.writes === writes) return;
      seen = { store: s, writes };
      arm();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

/** The commune part of a generated file name: the project's one commune, else its district, else its title. */
export function communeSlug(settings: ProjectSettings): string {
  const communes = settings.communes.map((c) => c.name).filter(Boolean);
  if (communes.length === 1) return slugOf(communes[0]!);
  if (communes.length > 1 && settings.district?.name) return slugOf(settings.district.name);
  if (communes.length > 1) return `${slugOf(communes[0]!)}-va-${communes.length - 1}-xa`;
  return slugOf(settings.title);
}

/** A file system refusal of the exports folder in one sentence; anything else as it was. */
function folderError(e: unknown, dir: string): unknown {
  const code = (e as NodeJS.ErrnoException | null)?.code ?? '';
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL')
    return new ApiError('internal', `Ổ đĩa của thư mục "${dir}" đã đầy; hãy giải phóng chỗ trống rồi tạo lại bản sao bàn giao.`, `The disk of folder "${dir}" is full; free some space and make the hand-over copy again.`, { dir, code });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY'))
    return new ApiError(
      'forbidden',
      `Không ghi được vào thư mục "${dir}" (thư mục hoặc ổ đĩa chỉ đọc); hãy chép dự án sang thư mục có quyền ghi rồi tạo bản sao bàn giao.`,
      `Folder "${dir}" cannot be written (read-only folder or disk); copy the project to a writable folder, then make the hand-over copy.`,
      { dir, code },
    );
  return e;
}

export function handoverHandler(ctx: ServiceContext): () => Output<'project.handover'> {
  return () => {
    const store = ctx.need();
    // The folder is beside the project: a read-only folder refuses here, in one sentence.
    let dir: string;
    try {
      dir = exportsDir(ctx);
    } catch (e) {
      throw folderError(e, 'exports');
    }
    const stamp = backupStamp(new Date()).slice(0, 13); // yyyymmdd-hhmm, local time as people read it
    const fileName = freeName(dir, `ban-giao-${communeSlug(store.getSettings())}-${stamp}.gpkg`);
    const path = writePathIn(dir, fileName);
    try {
      store.handoverCopy(path); // every table's rows checked in the copy before it got its name
    } catch (e) {
      throw folderError(e, dir);
    }
    return {
      fileName,
      url: `/bin/exports/${encodeURIComponent(fileName)}`,
      path,
      sizeBytes: statSync(path).size,
      // What the user knows (the layer panel's and `quytap info`'s counts, tombstones left out).
      counts: store.info().layers.map((l) => ({ table: l.table, count: l.count })),
    };
  };
}
