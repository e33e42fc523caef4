// The folders the renderer may name files in: imports (projects folder/imports) and exports (beside
// the open project). Names, never paths, come from the renderer; anything escaping is refused.
import { mkdirSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { ApiError } from '../../shared/api-error';
import type { ServiceContext } from './context';
import { nameTaken, safeFileName } from './safe-names';

/**
 * "stem (i).ext", the stem shortened (by whole characters) until the name is one safeFileName keeps
 * as it is: a name at the length limit would otherwise lose its " (i)" to the cut and come back as
 * the very name that was taken.
 */
function numbered(stem: string, i: number, ext: string): string {
  const chars = Array.from(stem);
  for (;;) {
    const n = `${chars.join('')} (${i})${ext}`;
    if (chars.length === 0 || safeFileName(n) === n) return n;
    chars.pop();
  }
}

export function importsDir(ctx: ServiceContext): string {
  const d = join(ctx.paths.dir, 'imports');
  mkdirSync(d, { recursive: true });
  return d;
}

export function exportsDir(ctx: ServiceContext): string {
  const d = join(dirname(ctx.projectPath()), 'exports');
  mkdirSync(d, { recursive: true });
  return d;
}

/** `name` resolved in `dir`; a name with a folder part (or "..") is refused. */
export function inside(dir: string, name: string): string {
  const p = resolve(dir, basename(name));
  if (!p.startsWith(dir + sep) || basename(name) !== name)
    throw new ApiError('forbidden', `Tên tệp không hợp lệ: ${name}`, `Invalid file name: ${name}`);
  return p;
}

/**
 * A free name: "a.zip", then "a (2).zip", … — uploads and exports never replace a file. A link
 * (even one pointing nowhere) takes its name too: nothing is ever written through it.
 */
export function freeName(dir: string, name: string): string {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 1; i < 10_000; i++) {
    const n = i === 1 ? name : numbered(stem, i, ext);
    if (!nameTaken(dir, n)) return n;
  }
  throw new ApiError('conflict', `Không còn tên trống cho "${name}" trong thư mục; hãy dọn bớt tệp cũ.`, `No free name left for "${name}" in the folder; remove some old files.`);
}
