// The arrows renderer → shared ← main, and electron only in src/main/electron, as COMPILE errors:
// the repository's own tsconfig files (copied verbatim) over a tiny tree of the same shape in a
// temporary folder, built with `tsc -b` semantics through the TypeScript API. A clean tree builds;
// each probe adds one forbidden import and must fail with the error the configs promise:
// TS6307 (a file outside the project: the importing project has no reference to that folder) or
// TS2306 ('electron' resolves to a file that is not a module). tests/architecture.test.ts keeps the
// text checks (SQL in the store, the renderer's run-time imports…).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const configs = [
  'tsconfig.base.json',
  'src/only-src-main-electron-may-import-electron.d.ts',
  'src/shared/tsconfig.json',
  'src/main/tsconfig.json',
  'src/main/electron/tsconfig.json',
  'src/renderer/tsconfig.json',
  'tests/tsconfig.json',
];
// One small module per project, each importing what it may: the clean tree must build.
const sources: Record<string, string> = {
  'src/shared/value.ts': 'export const shared = 1;\n',
  'src/main/value.ts': "import { shared } from '../shared/value';\nexport const main = shared + 1;\n",
  'src/main/electron/shell.ts':
    "import { app } from 'electron';\nimport { main } from '../value';\nexport const shell = (): number => (app.isReady() ? main : 0);\n",
  'src/renderer/state.ts': "import { shared } from '../shared/value';\nexport const state = { shared };\n",
  'src/renderer/view.tsx': "import { state } from './state';\nexport const View = () => <p>{state.shared}</p>;\n",
  'tests/all.test.ts':
    "import { shared } from '../src/shared/value';\nimport { main } from '../src/main/value';\nimport { shell } from '../src/main/electron/shell';\nimport { View } from '../src/renderer/view';\nexport const all = [shared, main, shell, View];\n",
};

let dir = '';
const write = (rel: string, text: string) => {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
};

/** Builds one project (and, as `tsc -b` does, the projects it references); its errors as "file TScode". */
function build(project: string): string[] {
  const errors: string[] = [];
  const report = (d: ts.Diagnostic) => {
    if (d.category !== ts.DiagnosticCategory.Error) return;
    errors.push(`${d.file ? d.file.fileName.slice(dir.length + 1) : '(no file)'} TS${d.code}`);
  };
  const host = ts.createSolutionBuilderHost(ts.sys, undefined, report, () => {});
  ts.createSolutionBuilder(host, [join(dir, project)], {}).build();
  return errors;
}

/** The errors of `project` with `probe` (a file of that project) added, then removed. */
function probe(file: string, text: string, project: string): string[] {
  write(file, text);
  try {
    return build(project);
  } finally {
    rmSync(join(dir, file));
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'quytap-tsrefs-'));
  for (const c of configs) {
    mkdirSync(dirname(join(dir, c)), { recursive: true });
    copyFileSync(join(root, c), join(dir, c));
  }
  for (const [rel, text] of Object.entries(sources)) write(rel, text);
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('project references make a wrong import a compile error', () => {
  it('the clean tree builds, electron imported in src/main/electron, tests through references', () => {
    expect(build('tests')).toEqual([]);
  }, 120_000);

  const arrows: [string, string, string][] = [
    // [probe file, import specifier, project]
    ['src/shared/probe.ts', '../main/value', 'src/shared'],
    ['src/shared/probe.ts', '../renderer/state', 'src/shared'],
    ['src/renderer/probe.ts', '../main/value', 'src/renderer'],
    ['src/main/probe.ts', '../renderer/state', 'src/main'],
    ['src/main/probe.ts', './electron/shell', 'src/main'],
    ['src/main/electron/probe.ts', '../../renderer/state', 'src/main/electron'],
  ];
  it.each(arrows)('%s importing %s fails (TS6307: not in the project)', (file, spec, project) => {
    const errors = probe(file, `import * as other from '${spec}';\nexport const probe = other;\n`, project);
    expect(errors).toContain(`${file} TS6307`);
  }, 120_000);

  it('a type-only import across an arrow fails too', () => {
    const errors = probe('src/renderer/probe.ts', "import type { main } from '../main/value';\nexport type Probe = typeof main;\n", 'src/renderer');
    expect(errors).toContain('src/renderer/probe.ts TS6307');
  }, 120_000);

  it.each([
    ['src/main/probe.ts', 'src/main'],
    ['src/renderer/probe.ts', 'src/renderer'],
    ['src/shared/probe.ts', 'src/shared'],
  ])('%s importing electron fails (TS2306: not a module)', (file, project) => {
    const errors = probe(file, "import { app } from 'electron';\nexport const probe = app;\n", project);
    expect(errors).toContain(`${file} TS2306`);
  }, 120_000);
});
