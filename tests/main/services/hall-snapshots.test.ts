// The hall's rolling snapshots (services/hall-snapshots.ts) on a real project file: one at the
// start, one after every M edits and every N minutes when something was written, the newest K kept
// in snapshots/ beside the project, each a whole, consistent GeoPackage even when edits go on
// during the copy, and edits answered while it is made.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src/main/rpc/dispatch';
import { createEventBus } from '../../../src/main/rpc/events';
import { createServices, type Services } from '../../../src/main/services';
import { startHallSnapshots, type HallSnapshots } from '../../../src/main/services/hall-snapshots';
import { gravesIn } from '../support/graves-in';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const A = '24682';
const square = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'MultiPolygon' as const,
  coordinates: [[[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]],
});

let services: Services;
let events: ReturnType<typeof createEventBus>;
let call: (m: string, input: unknown) => Promise<any>;
let path = '';
let snaps: HallSnapshots | null = null;

beforeEach(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'quytap-snapshots-'));
  events = createEventBus();
  services = await createServices({ mode: 'browser', projectsDir: dir, emit: events.emit });
  const dispatch = createDispatcher(services.handlers);
  call = async (m, input) => {
    const r = await dispatch(m, input, { operator: 'Thử', emit: events.emit });
    if (!r.ok) throw new Error(`${m}: ${r.error.en}`);
    return r.result;
  };
  const info = await call('project.create', {
    fileName: 'huyen.gpkg',
    settings: { title: 'HUYỆN', province: { code: '67', name: 'Đắk Nông' }, communes: [{ code: A, name: 'Xã A' }] },
  });
  path = info.path;
  await call('edits.apply', { label: 'Ranh giới', put: [{ table: 'admin_units', geometry: square(430000, 1370000, 431000, 1371000), props: { code: A, name: 'Xã A', level: 'commune' } }] });
});

afterEach(async () => {
  await snaps?.stop();
  snaps = null;
  services.close();
});

const grave = (n: number) =>
  call('edits.apply', { label: 'Thêm mộ', put: [{ table: 'graves', geometry: { type: 'Point', coordinates: [430100 + n, 1370500] }, props: { kind: 'newly_found', verification: 'not_verified', name: `Mộ ${n}` } }] });

function start(settings: Parameters<typeof startHallSnapshots>[0]['settings']): HallSnapshots {
  snaps = startHallSnapshots({ project: services.openProject, subscribe: events.subscribe, settings, log: () => undefined });
  return snaps;
}

const files = () => readdirSync(join(dirname(path), 'snapshots')).filter((f) => f.endsWith('.gpkg')).sort();
const until = async (ok: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('rolling snapshots of the hall', () => {
  it('copies the project when the session starts and after every M edits, into snapshots/ beside it', async () => {
    const s = start({ everyEdits: 3, everyMs: 3_600_000, keep: 10 });
    await until(() => s.taken.length === 1);
    expect(dirname(s.taken[0]!)).toBe(join(dirname(path), 'snapshots'));
    expect(s.taken[0]).toMatch(/huyen-\d{8}-\d{6}(-\d+)?\.gpkg$/);
    expect(gravesIn(s.taken[0]!)).toBe(0);
    await grave(1);
    await grave(2);
    await new Promise((r) => setTimeout(r, 50));
    expect(s.taken.length).toBe(1); // 2 edits: not yet
    await grave(3);
    await until(() => s.taken.length === 2);
    expect(gravesIn(s.taken[1]!)).toBe(3);
    expect(files()).toHaveLength(2);
    // No partial copy is left behind.
    expect(readdirSync(join(dirname(path), 'snapshots')).filter((f) => f.includes('.partial'))).toEqual([]);
  });

  it('copies every N minutes only when something was written, and keeps the newest K', async () => {
    const s = start({ everyEdits: 1000, everyMs: 150, keep: 2 });
    await until(() => s.taken.length === 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(s.taken.length).toBe(1); // nothing written: no new copy
    for (let round = 1; round <= 3; round++) {
      await grave(round);
      await until(() => s.taken.length === round + 1);
    }
    expect(files()).toHaveLength(2);
    expect(files().map((f) => join(dirname(path), 'snapshots', f))).toEqual(s.taken.slice(-2).sort());
    expect(gravesIn(s.taken.at(-1)!)).toBe(3);
  });

  it('makes a consistent copy while edits go on, and answers those edits meanwhile', async () => {
    // A project of some size, so that the copy takes several steps.
    const put = Array.from({ length: 3000 }, (_, i) => ({
      table: 'graves',
      geometry: { type: 'Point', coordinates: [430010 + (i % 900), 1370010 + Math.floor(i / 900) * 10] },
      props: { kind: 'newly_found', verification: 'not_verified', name: `Mộ số ${i} ${'x'.repeat(200)}` },
    }));
    await call('edits.apply', { label: 'Nhiều mộ', put });
    const s = start({ everyEdits: 1000, everyMs: 3_600_000, keep: 5 });
    await until(() => s.taken.length === 1);
    const copying = s.takeNow();
    let answered = 0;
    let slowest = 0;
    let done = false;
    void copying.then(() => (done = true));
    while (!done) {
      // Requests arrive as the network delivers them, each on a turn of the event loop.
      await new Promise((r) => setImmediate(r));
      const t = performance.now();
      await grave(5000 + answered);
      slowest = Math.max(slowest, performance.now() - t);
      answered++;
    }
    const file = (await copying)!;
    expect(answered).toBeGreaterThan(0); // edits were answered while the copy was being made
    const n = gravesIn(file);
    // Every edit is in the copy or not, whole: the copy holds all edits answered before it ended.
    expect(n).toBeGreaterThanOrEqual(3000);
    expect(n).toBeLessThanOrEqual(3000 + answered);
    expect(slowest).toBeLessThan(1000);
  });

  it('says a failed copy and goes on with the session', async () => {
    const logged: unknown[] = [];
    snaps = startHallSnapshots({ project: () => services.openProject() && { ...services.openProject()!, path: join(path, 'not-a-folder', 'x.gpkg') }, subscribe: events.subscribe, settings: { everyEdits: 1 }, log: (m) => logged.push(m) });
    await until(() => logged.length === 1);
    await grave(1); // the session's edits go on
    expect(existsSync(join(dirname(path), 'snapshots'))).toBe(false);
  });
});

describe('quytap serve --hall --snapshot-*', () => {
  it('reads the flags, with the issue’s defaults, and refuses a wrong value with a sentence', async () => {
    const { snapshotSettings } = await import('../../../src/main/commands/serve-hall');
    expect(snapshotSettings({})).toEqual({ everyMs: 600_000, everyEdits: 200, keep: 12 });
    expect(snapshotSettings({ 'snapshot-minutes': '2.5', 'snapshot-edits': '50', 'snapshot-keep': '3' })).toEqual({ everyMs: 150_000, everyEdits: 50, keep: 3 });
    for (const bad of [{ 'snapshot-keep': '0' }, { 'snapshot-edits': 'nhiều' }, { 'snapshot-minutes': '-1' }]) {
      let e: any = null;
      try {
        snapshotSettings(bad);
      } catch (x) {
        e = x;
      }
      expect(e?.code).toBe('bad_request');
      expect(e?.vi).toMatch(/^--snapshot-\w+ phải là số từ/);
    }
  });
});
