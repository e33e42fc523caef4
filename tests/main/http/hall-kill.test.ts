// A hall server killed with SIGKILL in the middle of a load (no handler runs, nothing is flushed or
// checkpointed) reopens with every edit it acknowledged: a real `quytap serve --hall` process, real
// HTTPS clients with session cookies, a real project file in a temp folder. Bounded: the load stops
// at the kill, a few seconds in.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HallClient, startHallProcess, type HallProcess } from '../../../bench/hall-harness';
import { ProjectStore } from '../../../src/main/store';
import { openReadOnly } from '../../../src/main/store/connection';
import { bootServices } from '../../support/boot-services';

const A = '24682';
const square = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'MultiPolygon' as const,
  coordinates: [[[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]],
});
const PASSWORD = 'quan-tri-phong-hop-2026';

let project = '';
const procs: HallProcess[] = [];
const clients: HallClient[] = [];

beforeAll(async () => {
  const env = await bootServices({ prefix: 'quytap-hall-kill-' });
  const info = await env.call('project.create', {
    fileName: 'huyen.gpkg',
    settings: { title: 'HUYỆN', province: { code: '67', name: 'Đắk Nông' }, communes: [{ code: A, name: 'Xã A' }] },
  });
  await env.call('edits.apply', {
    label: 'Ranh giới',
    put: [{ table: 'admin_units', geometry: square(430000, 1370000, 431000, 1371000), props: { code: A, name: 'Xã A', level: 'commune' } }],
  });
  project = info.path;
  env.services.close();
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.close();
  for (const p of procs) await p.kill();
});

async function admin(server: HallProcess, joinCode?: string | null): Promise<HallClient> {
  const c = new HallClient(server.port, server.fingerprint);
  clients.push(c);
  await c.logIn('admin', PASSWORD, joinCode ?? undefined);
  return c;
}

describe('SIGKILL in the middle of a load', () => {
  it('loses no acknowledged edit: every acknowledged insert and update is in the reopened file, and the file is whole', async () => {
    const first = await startHallProcess({ project, args: ['--snapshot-edits', '25'] });
    procs.push(first);
    expect(first.joinCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const c = await admin(first, first.joinCode);
    // The project runs in WAL mode: the edits are in the -wal file until a checkpoint.
    expect(existsSync(`${project}-wal`)).toBe(true);

    /** Acknowledged: id → the version and name the server answered with. */
    const acked = new Map<string, { version: number; name: string }>();
    let killed = false;
    // Four people, each adding a grave and then renaming it again and again as fast as answers come.
    const person = async (p: number) => {
      for (let i = 0; !killed; i++) {
        const id = crypto.randomUUID();
        const name = `Mộ ${p}-${i}`;
        let r;
        try {
          r = await c.rpc('edits.apply', {
            label: 'Thêm mộ',
            put: [{ table: 'graves', id, geometry: { type: 'Point', coordinates: [430100 + p * 100 + i, 1370500] }, props: { kind: 'newly_found', verification: 'not_verified', name } }],
          });
        } catch {
          return; // the server is gone: this edit was never acknowledged
        }
        if (r.status !== 200) throw new Error(r.text);
        acked.set(id, { version: r.json.result.rows[0].version, name });
        for (let v = 1; v < 4 && !killed; v++) {
          const renamed = `${name} sửa ${v}`;
          try {
            r = await c.rpc('edits.apply', { label: 'Sửa tên', put: [{ table: 'graves', id, baseVersion: v, props: { name: renamed } }] });
          } catch {
            return;
          }
          if (r.status !== 200) throw new Error(r.text);
          acked.set(id, { version: r.json.result.rows[0].version, name: renamed });
        }
      }
    };
    const load = Promise.all([0, 1, 2, 3].map(person));
    const start = Date.now();
    while (acked.size < 30 && Date.now() - start < 20_000) await new Promise((r) => setTimeout(r, 20));
    killed = true;
    await first.kill(); // SIGKILL while requests are in flight
    await load;
    expect(first.proc.signalCode).toBe('SIGKILL');
    expect(acked.size).toBeGreaterThanOrEqual(30);

    // Reopened as the app opens a project: SQLite replays the WAL the kill left behind.
    const store = ProjectStore.open(project);
    try {
      const lost: string[] = [];
      for (const [id, want] of acked) {
        const row = store.get('graves', id);
        // A version above the acknowledged one: an edit committed whose answer the kill cut off.
        if (!row || row.meta.version < want.version || (row.meta.version === want.version && row.props.name !== want.name)) lost.push(id);
      }
      expect(lost).toEqual([]);
    } finally {
      store.close();
    }
    const db = openReadOnly(project);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }

    // The server starts again on the same file (the dead process's lock is taken over), sessions
    // are gone (they lived in its memory), the password is not: every acknowledged row is served.
    const second = await startHallProcess({ project });
    procs.push(second);
    expect(second.joinCode).toBeNull();
    const c2 = await admin(second);
    const ids = [...acked.keys()];
    const served = await c2.rpc('features.query', { table: 'graves', limit: 10_000 });
    expect(served.status).toBe(200);
    const there = new Set(served.json.result.rows.map((r: { id: string }) => r.id));
    expect(ids.filter((id) => !there.has(id))).toEqual([]);
    await second.stop();
    expect(second.proc.exitCode).toBe(0);
  }, 120_000);
});
