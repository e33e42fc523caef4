// InputFile from disk (size from stat, bytes read only when asked), from a file descriptor held
// open since the file was checked (the imports folder: services/import-files.ts), or from bytes
// already in memory.
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { InputFile } from './types';

export function fileFromPath(path: string): InputFile {
  const size = statSync(path).size;
  return { name: basename(path), size, path, read: () => new Uint8Array(readFileSync(path)) };
}

export function fileFromBytes(name: string, bytes: Uint8Array): InputFile {
  return { name: basename(name), size: bytes.length, read: () => bytes };
}

/**
 * A file read only through `fd` (never by its name again), from offset 0 at every read(), so each
 * reader sees the same bytes. No `path`: SQLite, which opens by name, gets a copy (copyFromFd).
 * The fd stays the caller's to close.
 */
export function fileFromFd(name: string, fd: number, size: number): InputFile {
  return {
    name: basename(name),
    size,
    fd,
    read: () => {
      const out = new Uint8Array(size);
      let got = 0;
      for (let n = 1; got < size && n > 0; got += n) n = readSync(fd, out, got, size - got, got);
      return got === size ? out : out.subarray(0, got);
    },
  };
}

/** Copies the bytes behind `fd` (from offset 0) into a new file at `dest`, 1 MiB at a time. */
export function copyFromFd(fd: number, dest: string): void {
  const out = openSync(dest, 'wx');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let pos = 0, n = readSync(fd, buf, 0, buf.length, pos); n > 0; pos += n, n = readSync(fd, buf, 0, buf.length, pos)) writeSync(out, buf, 0, n);
  } finally {
    closeSync(out);
  }
}

/** The .dbf/.shx/.prj/.cpg beside a .shp (any case), by name. */
export function shapefileSiblings(shpPath: string): string[] {
  const stem = basename(shpPath).replace(/\.shp$/i, '').toLowerCase();
  return readdirSync(dirname(shpPath)).filter((f) => {
    const m = /^(.*)\.(dbf|shx|prj|cpg)$/i.exec(f);
    return m && m[1]!.toLowerCase() === stem;
  });
}

/** A .shp picked on disk brings its .dbf/.shx/.prj/.cpg siblings (any case) along. */
export function filesForPath(path: string): InputFile[] {
  const main = fileFromPath(path);
  if (!/\.shp$/i.test(path)) return [main];
  return [main, ...shapefileSiblings(path).map((f) => fileFromPath(join(dirname(path), f)))];
}
