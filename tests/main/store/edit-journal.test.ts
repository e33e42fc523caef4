// qt_edits keeps a run of inserts as one op over many ids; undo, redo and the write hook (which sees
// every row a replay writes) read it, and still read the per-row ops that files written before hold.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWritable, ProjectStore } from '../../../src/main/store';
import { opsJson, readOps, UNDO_DEPTH } from '../../../src/main/store/edit-journal';
import type { OpOutcome } from '../../../src/main/store/row-ops';
import { uuid7 } from '../../../src/main/store/uuid7';
import { AUTHOR, DAK_NONG_CRS, SETTINGS, tempDir, X0, Y0 } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let k = 0;
const fresh = () => {
  const path = join(tmp.dir, `j${++k}.gpkg`);
  return { path, store: ProjectStore.create(path, DAK_NONG_CRS, SETTINGS, AUTHOR) };
};

const grave = (i: number) => ({ table: 'graves' as const, geometry: { type: 'Point' as const, coordinates: [X0 + i, Y0] }, props: { kind: 'newly_found', verification: 'not_verified', name: `Mộ ${i}` } });
const journal = (path: string) => {
  const db = openWritable(path);
  try {
    return db.prepare('SELECT id, forward, inverse FROM qt_edits ORDER BY id DESC LIMIT 1').get() as { id: number; forward: string; inverse: string };
  } finally {
    db.close();
  }
};

describe('the edit journal', () => {
  it('groups consecutive inserts per table, inverse last-first, and reads them back one op per row', () => {
    const ins = (table: 'graves' | 'search_areas', id: string): OpOutcome => ({ result: { table, id, version: 1, deleted: false } });
    const upd: OpOutcome = {
      result: { table: 'graves', id: 'u', version: 3, deleted: false },
      forward: '{"op":"update","table":"graves","id":"u","baseVersion":2,"version":3}',
      inverse: '{"op":"update","table":"graves","id":"u","baseVersion":3,"row":{"props":{},"geometry":null}}',
    };
    const outcomes = [ins('graves', 'a'), ins('graves', 'b'), upd, ins('graves', 'c'), ins('search_areas', 'd')];
    expect(JSON.parse(opsJson(outcomes, 'forward'))).toEqual([
      { op: 'insert', table: 'graves', ids: ['a', 'b'], version: 1 },
      JSON.parse(upd.forward!),
      { op: 'insert', table: 'graves', ids: ['c'], version: 1 },
      { op: 'insert', table: 'search_areas', ids: ['d'], version: 1 },
    ]);
    expect(readOps(opsJson(outcomes, 'inverse'))).toEqual([
      { op: 'delete', table: 'search_areas', id: 'd', baseVersion: 1 },
      { op: 'delete', table: 'graves', id: 'c', baseVersion: 1 },
      JSON.parse(upd.inverse!),
      { op: 'delete', table: 'graves', id: 'b', baseVersion: 1 },
      { op: 'delete', table: 'graves', id: 'a', baseVersion: 1 },
    ]);
  });

  it('an import of 1,000 rows is one op each way, and undo, redo and the write hook work from it', () => {
    const { path, store } = fresh();
    store.applyEdit({ label: 'Nhập', put: Array.from({ length: 1000 }, (_, i) => grave(i)) }, AUTHOR);
    const j = journal(path);
    expect(JSON.parse(j.inverse)).toHaveLength(1);
    expect(j.inverse.length).toBeLessThan(1000 * 45);
    const ids = store.query('graves', { limit: 5000 }).rows.map((r) => r.id);
    const seen: Record<string, string[]> = { undo: [], redo: [] };
    store.setWriteHook((kind) => (kind === 'edit' ? null : (w) => seen[kind]!.push(`${w.id}:${w.after.deleted}`)));
    store.undo(AUTHOR);
    expect(new Set(seen.undo)).toEqual(new Set(ids.map((id) => `${id}:true`)));
    expect(store.query('graves').rows).toHaveLength(0);
    store.redo(AUTHOR);
    expect(seen.redo).toHaveLength(1000);
    expect(store.query('graves', { limit: 5000 }).rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(store.history('graves', ids[0]!).map((e) => e.action)).toEqual(['insert', 'delete', 'restore']);
    store.close();
  });

  it('still undoes and redoes an edit journaled one op per row (files written before)', () => {
    const { path, store } = fresh();
    store.applyEdit({ label: 'Nhập', put: Array.from({ length: 300 }, (_, i) => grave(i)) }, AUTHOR);
    const ids = store.query('graves', { limit: 5000 }).rows.map((r) => r.id);
    store.close();
    const db = openWritable(path);
    const j = journal(path);
    const old = (op: string, key: string) => `[${ids.map((id) => `{"op":"${op}","table":"graves","id":"${id}","${key}":1}`).join(',')}]`;
    db.prepare('UPDATE qt_edits SET forward = ?, inverse = ? WHERE id = ?').run(old('insert', 'version'), old('delete', 'baseVersion'), j.id);
    db.close();
    const again = ProjectStore.open(path);
    let seen = 0;
    again.setWriteHook(() => () => void seen++);
    again.undo(AUTHOR);
    expect(seen).toBe(300);
    expect(again.query('graves').rows).toHaveLength(0);
    again.redo(AUTHOR);
    expect(again.query('graves', { limit: 5000 }).rows).toHaveLength(300);
    again.close();
  });
});

describe('uuid7', () => {
  it('makes RFC 9562 version-7 ids, unique, ordered by their millisecond', () => {
    const made = Array.from({ length: 20_000 }, (_, i) => uuid7(1_700_000_000_000 + Math.floor(i / 100)));
    for (const id of made.slice(0, 50)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(made).size).toBe(made.length);
    expect(made[0]!.slice(0, 13)).toBe('018bcfe5-6800');
    // ids of a later millisecond sort after every id of an earlier one
    for (let i = 100; i < made.length; i += 100) expect(made[i]! > made[i - 1]!).toBe(true);
    expect(uuid7(1_700_000_000_001).slice(0, 13)).toBe('018bcfe5-6801');
  });
});

describe('audit entries of a large edit', () => {
  it('record each row under its own table and action, batched runs of inserts and mixed batches alike', () => {
    const { path, store } = fresh();
    store.applyEdit({ label: 'Nhập', put: Array.from({ length: 250 }, (_, i) => grave(i)) }, AUTHOR);
    const old = store.query('graves', { limit: 5000 }).rows;
    // one edit: inserts into two tables interleaved, updates and removes of the rows above
    const put = [];
    for (let i = 0; i < 250; i++) {
      put.push(grave(1000 + i));
      put.push({ table: 'search_areas' as const, geometry: { type: 'Polygon' as const, coordinates: [[[X0 + i, Y0], [X0 + i + 1, Y0], [X0 + i + 1, Y0 + 1], [X0 + i, Y0]]] }, props: { name: `Vùng ${i}`, status: 'not_started' } });
      if (i % 2 === 0) put.push({ table: 'graves' as const, id: old[i]!.id, baseVersion: 1, props: { name: `Sửa ${i}` } });
    }
    // …then a run of inserts into one table other than the first's (batched as one run)
    for (let i = 0; i < 300; i++) put.push({ table: 'search_areas' as const, geometry: { type: 'Polygon' as const, coordinates: [[[X0 + i, Y0 + 5], [X0 + i + 1, Y0 + 5], [X0 + i + 1, Y0 + 6], [X0 + i, Y0 + 5]]] }, props: { name: `Khu ${i}`, status: 'done' } });
    store.applyEdit({ label: 'Trộn', put, remove: old.filter((_, i) => i % 2 === 1).map((r) => ({ table: 'graves' as const, id: r.id, baseVersion: 1 })) }, AUTHOR);
    store.close();
    const db = openWritable(path);
    const rows = db.prepare("SELECT table_name, uuid, action, before IS NOT NULL AS b, json_extract(after, '$.props.name') AS name FROM qt_audit_log WHERE label = 'Trộn' ORDER BY seq").all() as {
      table_name: string;
      uuid: string;
      action: string;
      b: number;
      name: string;
    }[];
    expect(rows).toHaveLength(250 * 2 + 125 + 125 + 300);
    const byUuid = (t: string) => new Map(db.prepare(`SELECT uuid, name FROM "${t}"`).all().map((r) => [(r as { uuid: string }).uuid, (r as { name: string }).name]));
    const graves = byUuid('graves');
    const areas = byUuid('search_areas');
    for (const r of rows) {
      // A large edit's insert entry leaves the new row's state to the row (audit-compact.ts).
      const table = r.table_name === 'graves' ? graves : areas;
      expect(table.has(r.uuid)).toBe(true);
      expect(r.name).toBe(r.action === 'insert' ? null : table.get(r.uuid));
      expect(r.b).toBe(r.action === 'insert' ? 0 : 1);
    }
    expect(rows.filter((r) => r.action === 'update').every((r) => r.name.startsWith('Sửa'))).toBe(true);
    expect(rows.filter((r) => r.action === 'delete')).toHaveLength(125);
    expect(rows.filter((r) => r.table_name === 'search_areas' && r.action === 'insert')).toHaveLength(550);
    db.close();
    // …and the history reads each insert's state back from the row
    const reopened = ProjectStore.open(path);
    const inserted = rows.filter((r) => r.action === 'insert');
    for (const r of [inserted[0]!, inserted[1]!, inserted.at(-1)!]) {
      const table = r.table_name === 'graves' ? graves : areas;
      expect(reopened.history(r.table_name as 'graves', r.uuid)[0]!.after).toMatchObject({ version: 1, props: { name: table.get(r.uuid) } });
    }
    reopened.close();
  });
});

describe('field values', () => {
  it('refuses a non-finite number in a real field, naming the field, and writes nothing', () => {
    const { store } = fresh();
    for (const elevation of [Infinity, -Infinity, NaN]) {
      let err: unknown;
      try {
        store.applyEdit({ put: [{ table: 'base_lines', geometry: { type: 'LineString', coordinates: [[X0, Y0], [X0 + 1, Y0]] }, props: { kind: 'contour', elevation } }] }, AUTHOR);
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({ code: 'validation' });
      expect((err as { en: string }).en).toMatch(/elevation: must be a finite number/);
    }
    expect(store.query('base_lines').rows).toHaveLength(0);
    // the same row with a finite elevation is taken
    store.applyEdit({ put: [{ table: 'base_lines', geometry: { type: 'LineString', coordinates: [[X0, Y0], [X0 + 1, Y0]] }, props: { kind: 'contour', elevation: 512.5 } }] }, AUTHOR);
    expect(store.query('base_lines').rows).toHaveLength(1);
    store.close();
  });

  it(`keeps each author's ${UNDO_DEPTH} latest edits, no more; another author's history is untouched`, () => {
    const { store } = fresh();
    const other = 'Trần Thị Khác';
    for (let i = 0; i < 3; i++) store.applyEdit({ label: `khác ${i}`, put: [grave(10_000 + i)] }, other);
    const extra = 5;
    for (let i = 0; i < UNDO_DEPTH + extra; i++) store.applyEdit({ label: `mộ ${i}`, put: [grave(i)] }, AUTHOR);
    let undone = 0;
    while (store.undo(AUTHOR)) undone++;
    expect(undone).toBe(UNDO_DEPTH);
    // The first `extra` edits fell off the history: their graves stay.
    expect(store.query('graves', { filter: { name: Array.from({ length: extra + 1 }, (_, i) => `Mộ ${i}`) } }).rows.map((r) => r.props.name).sort()).toEqual(
      Array.from({ length: extra }, (_, i) => `Mộ ${i}`).sort(),
    );
    let otherUndone = 0;
    while (store.undo(other)) otherUndone++;
    expect(otherUndone).toBe(3);
    store.close();
  });
});
