// A process killed in the middle of its edits must leave a sound file holding every edit it
// acknowledged, each one whole or not at all.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openReadOnly, ProjectStore } from '../../../src/main/store';
import { AUTHOR, DAK_NONG_CRS, SETTINGS, tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const CHILD = fileURLToPath(new URL('./fixtures/crash-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CHILD_AUTHOR = 'tiến trình con';

function runAndKill(path: string, killAfterAck: number): Promise<number> {
  return new Promise((resolve, reject) => {
    // process.execPath is the Node 24 that runs vitest (npx puts node_modules/.bin/node first)
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path, '100000'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let lastAck = -1;
    let buf = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const m = /^ack (\d+)$/.exec(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
        if (m) lastAck = Number(m[1]);
        // a random delay lands the kill anywhere inside the next edits
        if (lastAck === killAfterAck) setTimeout(() => child.kill('SIGKILL'), Math.random() * 40);
      }
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended with ${code ?? signal} before being killed: ${stderr}`));
      else resolve(lastAck);
    });
  });
}

it('survives SIGKILL in the middle of edits with every acknowledged edit whole', async () => {
  for (const [round, killAfter] of [
    [1, 12],
    [2, 25],
    [3, 7],
  ] as const) {
    const path = join(tmp.dir, `crash-${round}.gpkg`);
    ProjectStore.create(path, DAK_NONG_CRS, SETTINGS, AUTHOR).close();
    const lastAck = await runAndKill(path, killAfter);
    expect(lastAck).toBeGreaterThanOrEqual(killAfter);

    const db = openReadOnly(path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const counts = new Map(
      (db.prepare('SELECT commune_code AS tag, count(*) AS n FROM graves GROUP BY commune_code').all() as { tag: string; n: number }[]).map((r) => [r.tag, r.n]),
    );
    const highest = Math.max(...[...counts.keys()].map((t) => Number(t.slice(1))));
    expect(highest).toBeGreaterThanOrEqual(lastAck);
    for (let i = 0; i <= highest; i++) expect(counts.get(`e${i}`), `edit ${i}`).toBe(i % 2 === 0 ? 300 : 5);
    // no half edit: every row is audited, every edit journalled, the R-tree complete and its
    // triggers back in place even if the kill came while they were dropped
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(db.prepare("SELECT count(*) AS n FROM qt_audit_log WHERE table_name = 'graves'").get()).toEqual({ n: total });
    expect(db.prepare('SELECT count(*) AS n FROM qt_edits').get()).toEqual({ n: highest + 1 });
    expect(db.prepare('SELECT count(*) AS n FROM rtree_graves_geom').get()).toEqual({ n: total });
    expect(db.prepare("SELECT rtreecheck('rtree_graves_geom') AS c").get()).toEqual({ c: 'ok' });
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_graves_geom_%'").get()).toEqual({ n: 6 });
    db.close();

    const s = ProjectStore.open(path);
    // The child's edits are in its own undo history (it edits as 'tiến trình con').
    expect(s.undoState(CHILD_AUTHOR).undoLabel).toBe(`Lần ${highest}`);
    s.undo(CHILD_AUTHOR);
    expect(s.query('graves', { filter: { commune_code: `e${highest}` } }).rows).toHaveLength(0);
    s.close();
  }
}, 120_000);
