// A hall snapshot (services/hall-snapshots.ts, SQLite's backup API in small steps on the main
// connection) while the import job's worker (jobs/import-in-worker.ts) writes ~40,000 points through
// a connection of its own: a commit of another connection makes SQLite's backup start over, and a
// copy racing the import could fail ("keeps starting over"). Every snapshot asked for during the
// import must still be made, whole, and none may be lost without a line on the terminal.
// Real project files, a real worker.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Geometry, PropValue } from '../../../src/shared/model';
import { createDispatcher } from '../../../src/main/rpc/dispatch';
import { createEventBus } from '../../../src/main/rpc/events';
import { createServices, type Services } from '../../../src/main/services';
import { startHallSnapshots, type HallSnapshots } from '../../../src/main/services/hall-snapshots';
import { gravesIn } from '../support/graves-in';
import { writeShapefile } from '../io/shapefile-fixture';
import { tempDir } from '../io/helpers';

let dir: string;
let cleanup: () => void;
let services: Services;
let events: ReturnType<typeof createEventBus>;
let call: (m: string, input: unknown) => Promise<any>;
let snaps: HallSnapshots | null = null;
const progress: { done: number; state: string }[] = [];

beforeEach(async () => {
  ({ dir, cleanup } = tempDir('quytap-snapshots-import-'));
  events = createEventBus();
  events.subscribe((event, payload) => {
    if (event === 'job.progress') progress.push(payload as { done: number; state: string });
  });
  services = await createServices({ mode: 'browser', projectsDir: dir, emit: events.emit });
  const dispatch = createDispatcher(services.handlers);
  call = async (m, input) => {
    const r = await dispatch(m, input, { operator: 'Lê Văn Tám', emit: events.emit });
    if (!r.ok) throw new Error(`${m}: ${r.error.en}`);
    return r.result;
  };
  await call('session.setOperator', { name: 'Lê Văn Tám', role: 'admin', communeCode: null });
  await call('project.create', { fileName: 'huyen.gpkg', settings: { title: 'HUYỆN', province: { code: '67', name: 'Đắk Nông' } } });
  // A project of some size, so that each copy takes many steps.
  const put = Array.from({ length: 3000 }, (_, i) => ({
    table: 'graves',
    geometry: { type: 'Point', coordinates: [420_010 + (i % 900), 1_360_010 + Math.floor(i / 900) * 10] },
    props: { kind: 'newly_found', verification: 'not_verified', name: `Mộ số ${i} ${'x'.repeat(400)}` },
  }));
  await call('edits.apply', { label: 'Nhiều mộ', put });
});

afterEach(async () => {
  await snaps?.stop();
  snaps = null;
  services.close();
  cleanup();
});

function writeGraves(n: number): string {
  const geoms: Geometry[] = [];
  const rows: PropValue[][] = [];
  for (let i = 0; i < n; i++) {
    geoms.push({ type: 'Point', coordinates: [420_000 + (i % 200) * 37, 1_360_000 + Math.floor(i / 200) * 41] });
    rows.push(['newly_found', `mộ ${i + 1}`]);
  }
  writeShapefile(join(dir, 'imports'), 'graves', 'point', geoms, ['kind', 'name'], rows);
  return 'graves.shp';
}

describe('hall snapshots while an import writes in its worker', () => {
  it('every snapshot asked for during a 40,000-point import is made, whole, and none fails', async () => {
    const N = 40_000;
    const file = writeGraves(N);
    const logged: unknown[] = [];
    snaps = startHallSnapshots({ project: services.openProject, subscribe: events.subscribe, settings: { everyEdits: 1_000_000, everyMs: 3_600_000, keep: 100 }, log: (m, d) => logged.push([m, d]) });
    const first = await snaps.takeNow(); // the session's first copy
    expect(first).not.toBeNull();
    const { job } = await call('exchange.import', { files: [file], table: 'graves', defaults: { verification: 'not_verified' } });
    let finished = false;
    const waited = services.jobs.wait(job.id).finally(() => (finished = true));
    // Inside the worker's transaction.
    while (!progress.some((p) => p.done >= 1000 || p.state !== 'running')) await new Promise((r) => setTimeout(r, 5));
    expect(finished).toBe(false);
    // Copies asked for again and again until the import has committed.
    const copies: (string | null)[] = [];
    while (!finished) copies.push(await snaps.takeNow());
    await waited;
    copies.push(await snaps.takeNow());
    expect(logged).toEqual([]);
    expect(copies.every((c) => c !== null)).toBe(true);
    // Each copy is whole, and made once the import had committed: none raced the worker's commit
    // (without that wait, ~60 copies were made here during the import, one of them across the commit).
    for (const c of copies) expect(gravesIn(c!)).toBe(3000 + N);
    expect(gravesIn(first!)).toBe(3000);
  }, 120_000);
});
