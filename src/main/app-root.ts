// The folder the app's own files live in (package.json beside assets/ and dist/renderer/). The same
// code runs from src/main (tsx, vitest), from the CLI bundle in dist-cli/ and from the Electron
// bundle in dist-electron/ (or its asar), so a fixed '../..' from this file is right in one of them
// only: walk up from wherever this module was loaded until that pair is found.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function appRoot(): string {
  if (cached !== undefined) return cached;
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'assets'))) return (cached = dir);
    if (dirname(dir) === dir) break;
  }
  // Not found (a copied bundle without its assets): the working directory, as before.
  return (cached = process.cwd());
}
