// The architecture rules of docs/ARCHITECTURE.md, checked on the source tree (the compiler and
// ESLint enforce the import arrows; these catch what they cannot see).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(n) ? [p] : [];
  });
}
const src = files(join(root, 'src')).map((p) => ({ path: relative(root, p), text: readFileSync(p, 'utf8') }));

describe('architecture', () => {
  it('only src/main/electron imports electron', () => {
    const offenders = src.filter((f) => /from ['"]electron['"]|require\(['"]electron['"]\)/.test(f.text) && !f.path.startsWith('src/main/electron/'));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('SQL lives only in the store', () => {
    const sql = /\b(SELECT\s+[\w*]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|TRIGGER|VIRTUAL))\b|\.prepare\(|\.exec\(\s*['"`]/;
    const offenders = src.filter((f) => sql.test(f.text) && !f.path.startsWith('src/main/store/'));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('only the store imports better-sqlite3', () => {
    const offenders = src.filter((f) => /from ['"]better-sqlite3['"]/.test(f.text) && !f.path.startsWith('src/main/store/'));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('shared code imports no Node, DOM-only, Electron, OpenLayers or React module', () => {
    const bad = /from ['"](node:|fs['"]|path['"]|electron|ol(\/|['"])|react)/;
    const offenders = src.filter((f) => f.path.startsWith('src/shared/') && bad.test(f.text));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('the renderer never imports main', () => {
    const offenders = src.filter((f) => f.path.startsWith('src/renderer/') && /from ['"][./]*\/main\//.test(f.text));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });
});
