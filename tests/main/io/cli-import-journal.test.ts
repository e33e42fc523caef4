// `quytap import` writes through a rollback journal while it runs (ProjectStore.useRollbackJournal:
// each page written once, not to the WAL and then again by the checkpoint) and puts the file back
// into WAL mode at the end. The journal must be as safe as the WAL: a kill in the middle of the
// import leaves the project exactly as it was, and the next opening is in WAL mode again. When
// another program has the file open, the import goes through the WAL as before.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Geometry, PropValue } from '../../../src/shared/model';
import { writeShapefile } from './shapefile-fixture';
import { ProjectStore } from '../../../src/main/store';
import { tempDir } from './helpers';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = ['--import', 'tsx', join(ROOT, 'src/main/cli.ts')];

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('quytap-cli-journal-')));
afterAll(() => cleanup());

const cli = (args: string[]) => spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, QUYTAP_OPERATOR: 'Lê Thị Hoa' } });

/** `n` lines of `vertices` vertices in Krông Nô (VN-2000 TM-3 metres), as a Shapefile. */
function writeLines(name: string, n: number, vertices: number): string {
  const geoms: Geometry[] = [];
  const rows: PropValue[][] = [];
  for (let i = 0; i < n; i++) {
    const x0 = 420_000 + (i % 50) * 200;
    const y0 = 1_360_000 + Math.floor(i / 50) * 200;
    geoms.push({ type: 'LineString', coordinates: Array.from({ length: vertices }, (_, k) => [x0 + k * 0.3, y0 + (k % 7)]) });
    rows.push(['stream']);
  }
  return writeShapefile(dir, name, 'line', geoms, ['kind'], rows);
}

const journalMode = (p: string) => {
  const db = new Database(p, { readonly: true });
  try {
    return String(db.pragma('journal_mode', { simple: true }));
  } finally {
    db.close();
  }
};

function lineCount(p: string): number {
  const store = ProjectStore.open(p);
  try {
    return store.query('base_lines', { limit: 100_000 }).rows.length;
  } finally {
    store.close();
  }
}

describe('quytap import and the journal', () => {
  let small: string;
  let big: string;
  beforeAll(() => {
    small = writeLines('small', 300, 20);
    big = writeLines('big', 3000, 400);
  });

  it('imports, and leaves the file in WAL mode with no journal beside it', () => {
    const p = join(dir, 'plain.gpkg');
    expect(cli(['init', p, '--province', 'Đắk Nông']).status).toBe(0);
    const r = cli(['import', p, small, '--layer', 'base_lines']);
    expect(r.stderr).not.toMatch(/Lỗi|Error/);
    expect(r.stdout).toMatch(/imported: 300 → base_lines/);
    expect(journalMode(p)).toBe('wal');
    expect(existsSync(`${p}-journal`)).toBe(false);
    expect(lineCount(p)).toBe(300);
  }, 60_000);

  it('a kill in the middle of the import leaves the project as it was, and it opens in WAL mode again', async () => {
    // A journal shows briefly while the file is switched to it and back (one header page), and for
    // the whole import's transaction (from its first written page to its commit): the kill comes
    // once a journal has stayed for 150 ms, which only the import's does. On a loaded machine a
    // poll may still miss it (the import commits first): that attempt proves only that the file is
    // whole, and another is made on a fresh project.
    let hot = 0;
    for (let attempt = 0; attempt < 5 && !hot; attempt++) {
      const p = join(dir, `killed-${attempt}.gpkg`);
      expect(cli(['init', p, '--province', 'Đắk Nông']).status).toBe(0);
      expect(cli(['import', p, small, '--layer', 'base_lines']).status).toBe(0);
      const child = spawn(process.execPath, [...CLI, 'import', p, big, '--layer', 'base_lines'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      const ended = new Promise<NodeJS.Signals | number | null>((res) => child.on('exit', (code, signal) => res(signal ?? code)));
      let since: number | null = null;
      while (child.exitCode === null && child.signalCode === null) {
        if (!existsSync(`${p}-journal`)) since = null;
        else if (since === null) since = performance.now();
        else if (performance.now() - since >= 150) {
          child.kill('SIGKILL');
          break;
        }
        await new Promise((r) => setTimeout(r, 1));
      }
      const end = await ended;
      const wasHot = end === 'SIGKILL' && existsSync(`${p}-journal`); // killed before the commit
      // Killed before or after the commit, or not at all: the import is whole or absent.
      const lines = lineCount(p);
      expect(lines).toBe(wasHot ? 300 : end === 'SIGKILL' ? lines : 3300);
      expect([300, 3300]).toContain(lines);
      expect(journalMode(p)).toBe('wal');
      expect(existsSync(`${p}-journal`)).toBe(false);
      const db = new Database(p, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
      if (wasHot) hot++;
    }
    expect(hot).toBe(1);
  }, 240_000);

  it('goes through the WAL when another program has the file open, and imports all the same', () => {
    const p = join(dir, 'shared.gpkg');
    expect(cli(['init', p, '--province', 'Đắk Nông']).status).toBe(0);
    const reader = new Database(p, { readonly: true });
    try {
      expect(reader.prepare('SELECT count(*) AS n FROM base_lines').get()).toEqual({ n: 0 });
      const r = cli(['import', p, small, '--layer', 'base_lines']);
      expect(r.stderr).not.toMatch(/Lỗi|Error/);
      expect(r.stdout).toMatch(/imported: 300 → base_lines/);
      expect(reader.prepare('SELECT count(*) AS n FROM base_lines').get()).toEqual({ n: 300 });
    } finally {
      reader.close();
    }
    expect(journalMode(p)).toBe('wal');
  }, 60_000);
});
