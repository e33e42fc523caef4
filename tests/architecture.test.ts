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
    // src/main/rollup/ speaks SQL to ANOTHER database (the province's PostgreSQL/PostGIS, through
    // `pg`), never to the project file; it reads the project only through ProjectStore.
    const offenders = src.filter((f) => sql.test(f.text) && !f.path.startsWith('src/main/store/') && !f.path.startsWith('src/main/rollup/'));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('the roll-up never touches the project file with SQL: no better-sqlite3, only pg', () => {
    const rollup = src.filter((f) => f.path.startsWith('src/main/rollup/'));
    expect(rollup.length).toBeGreaterThan(0);
    expect(rollup.filter((f) => /better-sqlite3|\.prepare\(|\.exec\(/.test(f.text)).map((f) => f.path)).toEqual([]);
    // and only the roll-up imports pg
    expect(src.filter((f) => /from ['"]pg['"]/.test(f.text) && !f.path.startsWith('src/main/rollup/')).map((f) => f.path)).toEqual([]);
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

  it('ApiError comes from shared/api-error: importing it from shared/api loads the whole contract and its zod schemas (~18 MB, tens of ms) into every command that only throws', () => {
    const offenders = src.filter((f) => /import \{[^}]*\bApiError\b[^}]*\} from ['"][./]*(shared\/)?api['"]/.test(f.text) && !f.path.startsWith('src/renderer/'));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });

  it('the renderer never imports main', () => {
    const offenders = src.filter((f) => f.path.startsWith('src/renderer/') && /from ['"][./]*\/main\//.test(f.text));
    expect(offenders.map((f) => f.path)).toEqual([]);
  });
});

/**
 * The modules the renderer runs, from its entry, following imports that stay in the built code
 * (not `import type`, not specifiers that are all `type`); dynamic import() chunks included.
 */
function runtimeGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const byPath = new Map(src.map((f) => [f.path, f.text]));
  const resolve = (from: string, spec: string): string | null => {
    if (!spec.startsWith('.')) return spec;
    const base = join(from, '..', spec);
    for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')])
      if (byPath.has(relative(root, join(root, c)))) return relative(root, join(root, c));
    return null;
  };
  const todo = [entry];
  while (todo.length) {
    const path = todo.pop()!;
    if (graph.has(path)) continue;
    const text = byPath.get(path);
    const deps: string[] = [];
    graph.set(path, deps);
    if (text === undefined) continue; // a package
    const decl =
      /(?:^|\n)\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;
    for (const m of text.matchAll(decl)) {
      const spec = m[4] ?? m[5] ?? m[6]!;
      if (m[4] !== undefined) {
        if (m[2]) continue; // import type / export type
        const names = /^\{([\s\S]*)\}$/.exec(m[3]!.trim());
        if (
          names &&
          names[1]!
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
            .every((s) => s.startsWith('type '))
        )
          continue;
      }
      const dep = resolve(path, spec);
      if (dep === null) continue;
      deps.push(dep);
      todo.push(dep);
    }
  }
  return graph;
}

describe('the renderer at run time', () => {
  it('loads no zod: the contract is validated by main, and building its schemas cost a cold start ~80 ms', () => {
    const graph = runtimeGraph('src/renderer/main.tsx');
    // Each module that brings zod in, with the modules outside the schemas that import it.
    const schemas = new Set([...graph].filter(([, deps]) => deps.includes('zod')).map(([p]) => p));
    const doors = [...graph].flatMap(([p, deps]) =>
      schemas.has(p) ? [] : deps.filter((d) => schemas.has(d)).map((d) => `${p} → ${d}`),
    );
    expect(doors).toEqual([]);
    expect([...schemas]).toEqual([]);
  });
});
