// InputFile from disk (size from stat, bytes read only when asked) or from bytes already in memory.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { InputFile } from './types';

export function fileFromPath(path: string): InputFile {
  const size = statSync(path).size;
  return { name: basename(path), size, path, read: () => new Uint8Array(readFileSync(path)) };
}

export function fileFromBytes(name: string, bytes: Uint8Array): InputFile {
  return { name: basename(name), size: bytes.length, read: () => bytes };
}

/** A .shp picked on disk brings its .dbf/.shx/.prj/.cpg siblings (any case) along. */
export function filesForPath(path: string): InputFile[] {
  const main = fileFromPath(path);
  if (!/\.shp$/i.test(path)) return [main];
  const stem = basename(path).replace(/\.shp$/i, '').toLowerCase();
  const siblings = readdirSync(dirname(path)).filter((f) => {
    const m = /^(.*)\.(dbf|shx|prj|cpg)$/i.exec(f);
    return m && m[1]!.toLowerCase() === stem;
  });
  return [main, ...siblings.map((f) => fileFromPath(join(dirname(path), f)))];
}
