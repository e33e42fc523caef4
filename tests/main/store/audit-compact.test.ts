// Large edits write insert audit entries without the new row's state (the row keeps it, and the row's
// first change records it in its `before`). What the history, undo, the merge and the review read
// must not change.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeEach, expect, it } from 'vitest';
import type { Geometry, Put } from '../../../src/shared/model';
import { openWritable, ProjectStore } from '../../../src/main/store';
import { AUTHOR, DAK_NONG_CRS, SETTINGS, square, tempDir, X0, Y0 } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
let store: ProjectStore;
let path: string;
beforeEach(() => {
  store?.close();
  path = join(tmp.dir, `a${++n}.gpkg`);
  store = ProjectStore.create(path, DAK_NONG_CRS, SETTINGS, AUTHOR);
});
afterAll(() => store.close());

const N = 300; // above the bulk threshold
const area = (i: number): Geometry => square(X0 + (i % 20) * 100, Y0 + Math.floor(i / 20) * 100, 50);

function importAreas(): string[] {
  const put: Put[] = Array.from({ length: N }, (_, i) => ({ table: 'search_areas', geometry: area(i), props: { name: `Khu ${i}`, status: 'not_started' } }));
  return store.applyEdit({ label: 'Nhập khu vực', put }, AUTHOR).rows.map((r) => r.id);
}

function rawAfter(id: string): Record<string, unknown> {
  const db = new Database(path, { readonly: true });
  try {
    return JSON.parse((db.prepare("SELECT after FROM qt_audit_log WHERE uuid = ? AND action = 'insert'").get(id) as { after: string }).after) as Record<string, unknown>;
  } finally {
    db.close();
  }
}

it('a bulk insert entry leaves the whole state to the row, and history() still shows it exactly, before and after the row changes', () => {
  const ids = importAreas();
  const id = ids[7]!;
  // search_areas has a commune: the entry keeps it for the review's SQL (changesAfter)
  expect(rawAfter(id)).toEqual({ stateInRow: true, version: 1, commune_code: null });
  const row7 = store.get('search_areas', id)!;
  const created = { props: row7.props, geometry: row7.geometry, version: 1, deleted: false, createdAt: row7.meta.createdAt, createdBy: AUTHOR, updatedAt: row7.meta.updatedAt, updatedBy: AUTHOR };
  // the same JSON, key for key, as a small edit's full entry
  expect(JSON.stringify(store.history('search_areas', id)[0]!.after)).toBe(JSON.stringify(created));

  store.applyEdit({ put: [{ table: 'search_areas', id, baseVersion: 1, geometry: area(100), props: { name: 'Khu mới' } }] }, 'B');
  const h = store.history('search_areas', id);
  expect(h.map((e) => e.action)).toEqual(['insert', 'update']);
  expect(JSON.stringify(h[0]!.after)).toBe(JSON.stringify(created));
  expect(h[1]!.before).toEqual(created);
  expect(h[1]!.after).toMatchObject({ version: 2, props: { name: 'Khu mới' }, geometry: store.get('search_areas', id)!.geometry });
  expect(h[1]!.after!.geometry).not.toEqual(row7.geometry);
});

it('a small edit still writes the full state', () => {
  const id = store.applyEdit({ put: [{ table: 'search_areas', geometry: area(1), props: { name: 'Một', status: 'not_started' } }] }, AUTHOR).rows[0]!.id;
  expect(rawAfter(id)).toMatchObject({ props: { name: 'Một' }, version: 1, deleted: false, createdBy: AUTHOR });
  expect(rawAfter(id)).not.toHaveProperty('stateInRow');
});

it('a table without a commune writes no commune key', () => {
  const put: Put[] = Array.from({ length: N }, (_, i) => ({ table: 'base_lines', geometry: { type: 'LineString', coordinates: [[X0 + i, Y0], [X0 + i + 5, Y0 + 5]] }, props: { kind: 'stream' } }));
  const id = store.applyEdit({ label: 'Nhập đường', put }, AUTHOR).rows[3]!.id;
  expect(rawAfter(id)).toEqual({ stateInRow: true, version: 1 });
  expect(store.history('base_lines', id)[0]!.after).toMatchObject({ props: { kind: 'stream' }, geometry: store.get('base_lines', id)!.geometry });
});

it('a change made outside QuyTap (no audit entry) makes the creation state unknown, never guessed', () => {
  const [id] = importAreas();
  store.close();
  const db = openWritable(path);
  // What QGIS does: a plain UPDATE; our trigger bumps the version, no audit entry is written.
  db.prepare("UPDATE search_areas SET name = 'Sửa trong QGIS' WHERE uuid = ?").run(id);
  db.close();
  store = ProjectStore.open(path);
  const h = store.history('search_areas', id!);
  expect(h).toHaveLength(1);
  expect(h[0]!.after).toEqual({ stateInRow: true, version: 1, commune_code: null });
});

it('files written before (attributes kept, geometry left to the row) read as before', () => {
  const [id] = importAreas();
  store.close();
  // Rewrite the entry as the older format wrote it (the append-only trigger is dropped for the test only).
  const db = openWritable(path);
  const row = db.prepare('SELECT name, status, created_at FROM search_areas WHERE uuid = ?').get(id) as { name: string; status: string; created_at: string };
  const old = { props: { code: null, name: row.name, status: row.status, commune_code: null, estimated_remains: null, description: null }, geometryInRow: true, version: 1, deleted: false, createdAt: row.created_at, createdBy: AUTHOR, updatedAt: row.created_at, updatedBy: AUTHOR };
  db.exec('DROP TRIGGER qt_audit_log_no_update');
  db.prepare("UPDATE qt_audit_log SET after = ? WHERE uuid = ? AND action = 'insert'").run(JSON.stringify(old), id);
  db.close();
  store = ProjectStore.open(path);
  const after = store.history('search_areas', id!)[0]!.after!;
  expect(after).toMatchObject({ props: { name: 'Khu 0' }, version: 1, geometry: store.get('search_areas', id!)!.geometry });
  expect(after).not.toHaveProperty('geometryInRow');
});

it('undo of an import still works after a row was changed and the change undone (the insert state is compared with its geometry)', () => {
  const ids = importAreas();
  const id = ids[3]!;
  store.applyEdit({ label: 'dời', put: [{ table: 'search_areas', id, baseVersion: 1, geometry: area(200) }] }, 'B');
  store.undo('B'); // back to the imported geometry, version 3
  expect(store.get('search_areas', id)!.meta.version).toBe(3);
  store.undo(AUTHOR); // the import itself
  expect(store.query('search_areas').rows).toHaveLength(0);
  store.redo(AUTHOR);
  expect(store.query('search_areas').rows).toHaveLength(N);
});

it('the merge still sees an imported row’s creation state in the history (so an edit made there is an update, not a conflict)', async () => {
  const { copyFileSync } = await import('node:fs');
  const { planMerge } = await import('../../../src/main/io/package-merge');
  const ids = importAreas();
  store.close();
  const other = join(tmp.dir, `b${n}.gpkg`);
  copyFileSync(path, other);
  store = ProjectStore.open(path);
  const b = ProjectStore.open(other);
  try {
    b.applyEdit({ put: [{ table: 'search_areas', id: ids[0]!, baseVersion: 1, props: { status: 'no_result' } }] }, 'B');
    const pkgPath = join(tmp.dir, `b${n}.pkg.gpkg`);
    b.exchange().writePackage(pkgPath, null, { author: 'B', source: 'b' });
    const pkg = ProjectStore.open(pkgPath);
    try {
      const plan = planMerge(store, pkg);
      expect(plan.conflicts).toHaveLength(0);
      expect(plan.changes.map((c) => [c.kind, c.id])).toEqual([['update', ids[0]]]);
      expect(plan.unchanged).toBe(N - 1);
    } finally {
      pkg.close();
    }
  } finally {
    b.close();
  }
});

it('the review still finds a large edit’s new rows among a commune’s changes since its submission', () => {
  const put: Put[] = Array.from({ length: N }, (_, i) => ({ table: 'search_areas', geometry: area(i), props: { name: `Khu ${i}`, status: 'not_started', commune_code: i % 3 ? '24001' : '24002' } }));
  const ids = store.applyEdit({ label: 'Nhập khu vực', put }, AUTHOR).rows.map((r) => r.id);
  expect(rawAfter(ids[1]!)).toEqual({ stateInRow: true, version: 1, commune_code: '24001' });
  const listed = store.review().changesAfter('24002', 0).map((c) => c.id);
  expect(listed).toEqual(ids.filter((_, i) => i % 3 === 0));
});
