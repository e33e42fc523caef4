// A project killed at any moment (in the middle of an edit, right after one committed, in the middle
// of a checkpoint) opens again the way the app opens it: never "damaged", integrity_check ok, every
// acknowledged edit there whole, and the killed process's write lock taken over.
//
// The checkpoint trials aim at the moment that fooled the old opening check: the checkpoint has
// written the main file's page 1 (with the new page count) but not yet the pages that extend the
// file, so the file is shorter than its header says while the missing pages are safe in the WAL.
import type { ChildProcess } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openReadOnly, ProjectStore } from '../../../src/main/store';
import { lockPathOf } from '../../../src/main/store/project-lock';
import { bundleFixture, spawnFixture } from './child-process';
import { AUTHOR, DAK_NONG_CRS, SETTINGS, tempDir } from './helpers';

const tmp = tempDir('quytap-crash-');
afterAll(() => tmp.cleanup());
const ROWS = 2500;
let CHILD = '';
let TEMPLATE = '';
beforeAll(async () => {
  CHILD = await bundleFixture('crash-recovery-child', tmp.dir);
  TEMPLATE = join(tmp.dir, 'template.gpkg');
  ProjectStore.create(TEMPLATE, DAK_NONG_CRS, SETTINGS, AUTHOR).close();
});

/** The main file is shorter than the page count its header declares (the state of a cut checkpoint). */
function shorterThanHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const h = Buffer.alloc(100);
    if (readSync(fd, h, 0, 100, 0) < 100) return false;
    const pageSize = h.readUInt16BE(16) === 1 ? 65536 : h.readUInt16BE(16);
    return fstatSync(fd).size < pageSize * h.readUInt32BE(28);
  } finally {
    closeSync(fd);
  }
}

type Aim = { kind: 'during-edit' } | { kind: 'at-ack' } | { kind: 'checkpoint' };

interface Outcome {
  lastAck: number;
  /** A checkpoint trial killed the child while the file was shorter than its header. */
  caughtShort: boolean;
}

function runAndKill(path: string, tag: string, aim: Aim, killAfterAck: number): Promise<Outcome> {
  const mode = aim.kind === 'checkpoint' ? 'ckpt' : 'rows';
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawnFixture(CHILD, [path, mode, tag, String(ROWS)]);
    let lastAck = -1;
    let lastAckAt = performance.now();
    let editMs = 100;
    let ckptMs = 20;
    let caughtShort = false;
    let killed = false;
    let buf = '';
    let stderr = '';
    const kill = () => {
      if (!killed) child.kill('SIGKILL');
      killed = true;
    };
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const [word, n, ms] = buf.slice(0, nl).split(' ');
        buf = buf.slice(nl + 1);
        // an ack printed before the kill landed is a commit all the same
        if (word === 'ack') lastAck = Number(n);
        if (killed) continue;
        if (word === 'ack') {
          const now = performance.now();
          if (lastAck > 0) editMs = now - lastAckAt;
          lastAckAt = now;
          if (lastAck < killAfterAck) continue;
          if (aim.kind === 'at-ack') kill();
          else if (aim.kind === 'during-edit') setTimeout(kill, Math.random() * editMs);
        } else if (word === 'ckpt-done') {
          ckptMs = Number(ms);
        } else if (word === 'ckpt' && Number(n) >= killAfterAck) {
          // Watch the file through the checkpoint and kill the moment it is shorter than its header;
          // failing that, somewhere inside the checkpoint.
          const until = performance.now() + Math.max(50, 3 * ckptMs);
          while (performance.now() < until) {
            if (shorterThanHeader(path)) {
              caughtShort = true;
              break;
            }
          }
          if (caughtShort) kill();
          else setTimeout(kill, Math.random() * ckptMs);
        }
      }
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended with ${code ?? signal} before being killed: ${stderr}`));
      else resolve({ lastAck, caughtShort });
    });
  });
}

/** Every acknowledged edit whole, the one in flight whole or absent, nothing else. */
function expectEdits(path: string, tag: string, lastAck: number): void {
  const db = openReadOnly(path);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = db.prepare('SELECT commune_code AS c, count(*) AS n FROM graves WHERE commune_code LIKE ? GROUP BY commune_code').all(`${tag}e%`) as { c: string; n: number }[];
    const counts = new Map(rows.map((r) => [Number(r.c.slice(tag.length + 1)), r.n]));
    for (let i = 0; i <= lastAck; i++) expect(counts.get(i), `${tag}: acknowledged edit ${i}`).toBe(ROWS);
    for (const [i, n] of counts) {
      expect(i, `${tag}: edit ${i} after the last acknowledged ${lastAck}`).toBeLessThanOrEqual(lastAck + 1);
      expect(n, `${tag}: edit ${i} whole`).toBe(ROWS);
    }
    const audited = db.prepare("SELECT count(*) AS n FROM qt_audit_log WHERE table_name = 'graves'").get() as { n: number };
    const graves = db.prepare('SELECT count(*) AS n FROM graves').get() as { n: number };
    expect(audited.n).toBe(graves.n);
  } finally {
    db.close();
  }
}

it('opens a project killed during edits, right after commits and inside checkpoints, with every acknowledged edit, as the app opens it', async () => {
  const t0 = performance.now();
  const aims: Aim[] = [
    ...Array.from({ length: 8 }, (): Aim => ({ kind: 'during-edit' })),
    ...Array.from({ length: 4 }, (): Aim => ({ kind: 'at-ack' })),
  ];
  let caught = 0;
  let checkpointKills = 0;
  // The short-file moment lasts a few ms of each checkpoint (about one kill in three lands in it on
  // an idle machine): at least 8 checkpoint kills, more until one has landed there while the time
  // allows. opening-recovery.test.ts builds that state deterministically as well.
  const nextAim = (k: number): Aim | null =>
    aims[k] ?? (checkpointKills < 8 || (caught === 0 && checkpointKills < 16 && performance.now() - t0 < 30_000) ? { kind: 'checkpoint' } : null);
  let k = 0;
  for (let aim = nextAim(k); aim; aim = nextAim(++k)) {
    // a fresh project per kill keeps SQLite's checks of it short
    const path = join(tmp.dir, `${aim.kind}-${k}.gpkg`);
    copyFileSync(TEMPLATE, path);
    const tag = `t${k}`;
    const { lastAck, caughtShort } = await runAndKill(path, tag, aim, k % 3);
    if (aim.kind === 'checkpoint') checkpointKills++;
    if (caughtShort) caught++;
    expect(existsSync(lockPathOf(path)), 'the killed child held the write lock').toBe(true);

    // the way the app opens it: no "damaged", writable, the killed child's lock taken over
    const store = ProjectStore.open(path);
    expect(store.readOnly).toBe(false);
    store.close();
    expect(existsSync(lockPathOf(path))).toBe(false);
    expectEdits(path, tag, lastAck);
  }
  expect(k).toBeGreaterThanOrEqual(20);
  console.log(`crash-recovery: ${k} kills, ${caught} inside a checkpoint with the file shorter than its header, ${Math.round(performance.now() - t0)} ms`);
}, 120_000);
