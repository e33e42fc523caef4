// Large edits write insert audit entries without the geometry (the row keeps it, and the row's first
// change records it in its `before`). What the history, undo and the merge read must not change.
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

it('a bulk insert entry leaves the geometry to the row, and history() still shows it, before and after the row changes', () => {
  const ids = importAreas();
  const id = ids[7]!;
  expect(rawAfter(id)).toMatchObject({ geometryInRow: true, version: 1, props: { name: 'Khu 7' } });
  expect(rawAfter(id)).not.toHaveProperty('geometry');
  const g7 = store.get('search_areas', id)!.geometry;
  expect(store.history('search_areas', id)[0]!.after).toMatchObject({ version: 1, geometry: g7 });
  expect(store.history('search_areas', id)[0]!.after).not.toHaveProperty('geometryInRow');

  store.applyEdit({ put: [{ table: 'search_areas', id, baseVersion: 1, geometry: area(100) }] }, 'B');
  const h = store.history('search_areas', id);
  expect(h.map((e) => e.action)).toEqual(['insert', 'update']);
  expect(h[0]!.after).toMatchObject({ version: 1, geometry: g7 });
  expect(h[1]!.before).toMatchObject({ version: 1, geometry: g7 });
  expect(h[1]!.after).toMatchObject({ version: 2, geometry: store.get('search_areas', id)!.geometry });
  expect(h[1]!.after!.geometry).not.toEqual(g7);
});

it('a change made outside QuyTap (no audit entry) makes the creation geometry unknown, never guessed', () => {
  const [id] = importAreas();
  store.close();
  const db = openWritable(path);
  // What QGIS does: a plain UPDATE; our trigger bumps the version, no audit entry is written.
  db.prepare("UPDATE search_areas SET name = 'Sửa trong QGIS' WHERE uuid = ?").run(id);
  db.close();
  store = ProjectStore.open(path);
  const h = store.history('search_areas', id!);
  expect(h).toHaveLength(1);
  expect(h[0]!.after).toMatchObject({ geometryInRow: true, version: 1 });
  expect(h[0]!.after).not.toHaveProperty('geometry');
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
