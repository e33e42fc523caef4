// The imports folder's files as the importers get them: each opened ONCE, without following a link,
// checked through that open file (safe-names.ts openUnlinked: a plain file with one name) and read
// only through its fd afterwards. A check by name followed by a read by name (as before) let a file
// swapped for a link in between be read; a held fd reads what was checked. The holder closes them.
import { closeSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../shared/api-error';
import { fileFromFd, shapefileSiblings } from '../io/files';
import type { InputFile } from '../io/types';
import { openUnlinked } from './safe-names';
import { inside } from './user-folders';

export interface HeldFiles {
  files: InputFile[];
  /** Closes every fd (at the end of the reading: a preview's answer, an import's job). */
  close(): void;
}

const missing = (name: string) => new ApiError('not_found', `Không có tệp "${name}" trong thư mục nhập.`, `No file "${name}" in the imports folder.`);

/**
 * `names` inside the imports folder `dir`, a .shp with the .dbf/.shx/.prj/.cpg beside it. A link
 * among them (symbolic or hard) is refused with a sentence, a name that is no plain file answers
 * `notFound(name)`; either way nothing stays open.
 */
export function openImportFiles(dir: string, names: string[], notFound = missing): HeldFiles {
  const fds: number[] = [];
  const out = new Map<string, InputFile>();
  const close = () => {
    for (const fd of fds.splice(0)) closeSync(fd);
  };
  const hold = (path: string, name: string, required: boolean) => {
    if (out.has(name)) return;
    const held = openUnlinked(path, name);
    if (!held) {
      if (required) throw notFound(name);
      return; // a sibling gone since the folder was listed
    }
    fds.push(held.fd);
    out.set(name, fileFromFd(name, held.fd, held.size));
  };
  try {
    for (const n of names) {
      const p = inside(dir, n);
      hold(p, n, true);
      if (/\.shp$/i.test(n)) for (const f of shapefileSiblings(p)) hold(join(dir, f), f, false);
    }
  } catch (e) {
    close();
    throw e;
  }
  return { files: [...out.values()], close };
}

/** Runs `f` over the held files and closes them when it has finished, thrown or not. */
export async function withImportFiles<T>(dir: string, names: string[], f: (files: InputFile[]) => T | Promise<T>): Promise<T> {
  const held = openImportFiles(dir, names);
  try {
    return await f(held.files);
  } finally {
    held.close();
  }
}
