// Commune packages: two copies of the demo edited apart and merged both ways end equal; importing
// the same package twice changes nothing; a row edited on both sides is a conflict for the user;
// deletions travel as tombstones.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMerge, planMerge } from '../../../src/main/io/package-merge';
import { createDemoProject } from '../../../src/main/services/demo-project';
import { ProjectStore } from '../../../src/main/store';
import { TABLE_NAMES, type Row } from '../../../src/shared/model';
import { hashAllTables, run, HAS_GDAL, tempDir } from './helpers';

let dir: string;
let cleanup: () => void;
const A_AUTHOR = 'Cán bộ xã Đắk Drô';
const B_AUTHOR = 'Cán bộ huyện Krông Nô';

function content(s: ProjectStore): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of TABLE_NAMES)
    for (const r of s.query(t, { includeDeleted: true, limit: 200_000 }).rows) out[`${t}/${r.id}`] = JSON.stringify([r.props, r.geometry, r.meta.deleted]);
  return out;
}

function pkg(s: ProjectStore, name: string, communes: string[] | null = null): ProjectStore {
  const path = join(dir, name);
  s.exchange().writePackage(path, communes, { author: 'test', source: s.path });
  return ProjectStore.open(path);
}

let a: ProjectStore;
let b: ProjectStore;
let areas: Row[];
let graves: Row[];

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('quytap-merge-'));
  await createDemoProject(join(dir, 'demo.gpkg'), { author: 'demo' });
  copyFileSync(join(dir, 'demo.gpkg'), join(dir, 'a.gpkg'));
  copyFileSync(join(dir, 'demo.gpkg'), join(dir, 'b.gpkg'));
  a = ProjectStore.open(join(dir, 'a.gpkg'));
  b = ProjectStore.open(join(dir, 'b.gpkg'));
  areas = a.query('search_areas').rows;
  graves = a.query('graves').rows;
  expect(areas.length).toBeGreaterThan(3);
  expect(graves.length).toBeGreaterThan(2);
}, 120_000);
afterAll(() => {
  a.close();
  b.close();
  cleanup();
});

describe('commune packages', () => {
  it('two copies edited apart, merged both ways, end with the same content', () => {
    const [r1, r2] = areas;
    const [g1] = graves;
    a.applyEdit({ label: 'sửa ở xã', put: [{ table: 'search_areas', id: r1!.id, baseVersion: r1!.meta.version, props: { name: 'Khu vực đã sửa ở xã' } }], remove: [{ table: 'graves', id: g1!.id, baseVersion: g1!.meta.version }] }, A_AUTHOR);
    b.applyEdit(
      {
        label: 'sửa ở huyện',
        put: [
          { table: 'search_areas', id: r2!.id, baseVersion: r2!.meta.version, props: { status: 'no_result' } },
          { table: 'graves', geometry: { type: 'Point', coordinates: [graves[1]!.geometry!.coordinates[0] as number + 50, graves[1]!.geometry!.coordinates[1] as number] }, props: { kind: 'newly_found', verification: 'not_verified', name: 'Mộ mới ở huyện' } },
        ],
      },
      B_AUTHOR,
    );
    const pa = pkg(a, 'a.pkg.gpkg');
    const pb = pkg(b, 'b.pkg.gpkg');
    try {
      const planA = planMerge(a, pb);
      expect(planA.conflicts).toHaveLength(0);
      expect(planA.changes.map((c) => c.kind).sort()).toEqual(['insert', 'update']);
      const planB = planMerge(b, pa);
      expect(planB.conflicts).toHaveLength(0);
      expect(planB.changes.map((c) => c.kind).sort()).toEqual(['delete', 'update']); // the deletion travels as a tombstone
      applyMerge(a, planA, {}, A_AUTHOR, 'b');
      applyMerge(b, planB, {}, B_AUTHOR, 'a');
      expect(content(a)).toEqual(content(b));
      expect(a.get('search_areas', r1!.id)!.props.name).toBe('Khu vực đã sửa ở xã');
      expect(a.get('search_areas', r2!.id)!.props.status).toBe('no_result');
      expect(b.get('graves', g1!.id)!.meta.deleted).toBe(true);
      // The merge is written by the district operator, and its history names whose work it brought.
      const last = b.history('search_areas', r1!.id).at(-1)!;
      expect(last.author).toBe(B_AUTHOR);
      expect(last.label).toBe(`Gộp gói dữ liệu a (2): thay đổi của ${A_AUTHOR}`); // the update and the tombstone
    } finally {
      pa.close();
      pb.close();
    }
  });

  it('importing the same package twice changes nothing the second time', () => {
    const pb = pkg(b, 'b2.pkg.gpkg');
    try {
      const before = hashAllTables(a.path);
      const plan = planMerge(a, pb);
      expect(plan.changes).toHaveLength(0);
      expect(plan.conflicts).toHaveLength(0);
      expect(applyMerge(a, plan, {}, A_AUTHOR, 'b')).toBeNull();
      expect(hashAllTables(a.path)).toBe(before);
    } finally {
      pb.close();
    }
  });

  it('a row edited on both sides is a conflict; the user’s choice is applied', () => {
    const r3 = areas[2]!;
    const ra = a.get('search_areas', r3.id)!;
    const rb = b.get('search_areas', r3.id)!;
    a.applyEdit({ put: [{ table: 'search_areas', id: r3.id, baseVersion: ra.meta.version, props: { description: 'Theo xã: đồi phía bắc' } }] }, A_AUTHOR);
    b.applyEdit({ put: [{ table: 'search_areas', id: r3.id, baseVersion: rb.meta.version, props: { description: 'Theo huyện: đồi phía nam' } }] }, B_AUTHOR);
    const pb = pkg(b, 'b3.pkg.gpkg');
    try {
      const plan = planMerge(a, pb);
      expect(plan.conflicts).toHaveLength(1);
      expect(plan.conflicts[0]!.ours.props.description).toBe('Theo xã: đồi phía bắc');
      expect(plan.conflicts[0]!.theirs.props.description).toBe('Theo huyện: đồi phía nam');
      expect(() => applyMerge(a, plan, {}, A_AUTHOR, 'b')).toThrow(/not decided/);
      applyMerge(a, plan, { [`search_areas/${r3.id}`]: 'theirs' }, A_AUTHOR, 'b');
      expect(a.get('search_areas', r3.id)!.props.description).toBe('Theo huyện: đồi phía nam');
    } finally {
      pb.close();
    }
  });

  it('a commune package holds only that commune’s rows, and GDAL opens it', () => {
    const code = String(areas[0]!.props.commune_code);
    const p = pkg(a, 'commune.pkg.gpkg', [code]);
    try {
      const rows = p.query('search_areas', { includeDeleted: true }).rows;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.props.commune_code === code)).toBe(true);
      expect(p.query('base_lines').rows).toHaveLength(0);
      expect(p.exchange().packageInfo()!.communes).toEqual([code]);
      if (HAS_GDAL) expect(run('ogrinfo', ['-so', p.path, 'search_areas'])).toMatch(new RegExp(`Feature Count: ${rows.length}`));
    } finally {
      p.close();
    }
  });

  describe('a feature deleted on one side and edited on the other', () => {
    let n = 0;
    /** Two fresh copies of the demo: one deletes the first search area, the other edits it. */
    function apart(): { del: ProjectStore; ed: ProjectStore; id: string; close: () => void } {
      n++;
      copyFileSync(join(dir, 'demo.gpkg'), join(dir, `del${n}.gpkg`));
      copyFileSync(join(dir, 'demo.gpkg'), join(dir, `ed${n}.gpkg`));
      const del = ProjectStore.open(join(dir, `del${n}.gpkg`));
      const ed = ProjectStore.open(join(dir, `ed${n}.gpkg`));
      const r = del.query('search_areas').rows[0]!;
      del.applyEdit({ remove: [{ table: 'search_areas', id: r.id, baseVersion: r.meta.version }] }, A_AUTHOR);
      const shift = (c: unknown): unknown => (typeof (c as number[])[0] === 'number' ? [(c as number[])[0]! + 20, (c as number[])[1]] : (c as unknown[]).map(shift));
      const moved = { ...r.geometry!, coordinates: shift(r.geometry!.coordinates) } as Row['geometry'];
      ed.applyEdit({ put: [{ table: 'search_areas', id: r.id, baseVersion: r.meta.version, geometry: moved, props: { description: 'Huyện sửa: dời 20 m về phía đông' } }] }, B_AUTHOR);
      return { del, ed, id: r.id, close: () => (del.close(), ed.close()) };
    }
    /** Imports `from`'s package into `into` with one decision for every conflict; returns the plan. */
    function merge(into: ProjectStore, from: ProjectStore, name: string, decision: 'ours' | 'theirs' | null) {
      const p = pkg(from, name);
      try {
        const plan = planMerge(into, p);
        applyMerge(into, plan, Object.fromEntries(plan.conflicts.map((c) => [`${c.table}/${c.id}`, decision ?? 'ours'])), 'gộp', name);
        return plan;
      } finally {
        p.close();
      }
    }
    function noOpAgain(into: ProjectStore, from: ProjectStore, name: string) {
      const before = hashAllTables(into.path);
      const p = pkg(from, name);
      try {
        const plan = planMerge(into, p);
        expect(plan.changes).toHaveLength(0);
        expect(plan.conflicts).toHaveLength(0);
        expect(applyMerge(into, plan, {}, 'gộp', name)).toBeNull();
      } finally {
        p.close();
      }
      expect(hashAllTables(into.path)).toBe(before);
    }

    it('deleted here, edited there: keep the edited feature restores it with their content; undo deletes it again; both ways converge', () => {
      const { del, ed, id, close } = apart();
      try {
        const plan = merge(del, ed, `r1-${n}.gpkg`, 'theirs');
        expect(plan.conflicts).toHaveLength(1);
        expect(plan.conflicts[0]).toMatchObject({ needsRestore: true, ours: { meta: { deleted: true } }, theirs: { meta: { deleted: false } } });
        const back = del.get('search_areas', id)!;
        expect(back.meta.deleted).toBe(false);
        expect(back.props.description).toBe('Huyện sửa: dời 20 m về phía đông');
        expect(back.geometry).toEqual(ed.get('search_areas', id)!.geometry);
        expect(del.history('search_areas', id).map((e) => e.action)).toEqual(['insert', 'delete', 'restore']);
        // The R-tree finds it where it now is.
        let first: unknown = back.geometry!.coordinates;
        while (typeof (first as unknown[])[0] !== 'number') first = (first as unknown[])[0];
        const [x, y] = first as number[];
        expect(del.query('search_areas', { bbox: [x! - 1, y! - 1, x! + 1, y! + 1] }).rows.map((r) => r.id)).toContain(id);

        merge(ed, del, `r2-${n}.gpkg`, null);
        expect(content(del)).toEqual(content(ed));
        noOpAgain(del, ed, `r3-${n}.gpkg`);
        noOpAgain(ed, del, `r4-${n}.gpkg`);

        del.undo('gộp');
        expect(del.get('search_areas', id)!.meta.deleted).toBe(true);
        expect(del.get('search_areas', id)!.props.description).not.toBe('Huyện sửa: dời 20 m về phía đông');
        del.redo('gộp');
        expect(del.get('search_areas', id)).toMatchObject({ meta: { deleted: false }, props: { description: 'Huyện sửa: dời 20 m về phía đông' } });
      } finally {
        close();
      }
    });

    it('deleted here, edited there: keep the deletion leaves the row deleted; the other side then decides the same and both converge', () => {
      const { del, ed, id, close } = apart();
      try {
        const before = hashAllTables(del.path);
        merge(del, ed, `k1-${n}.gpkg`, 'ours');
        expect(del.get('search_areas', id)!.meta.deleted).toBe(true);
        expect(hashAllTables(del.path)).not.toBe(before); // the exchange log records the import
        const plan = merge(ed, del, `k2-${n}.gpkg`, 'theirs');
        expect(plan.conflicts).toHaveLength(1);
        expect(plan.conflicts[0]).toMatchObject({ needsRestore: false, ours: { meta: { deleted: false } }, theirs: { meta: { deleted: true } } });
        expect(ed.get('search_areas', id)!.meta.deleted).toBe(true);
        expect(content(del)).toEqual(content(ed));
        noOpAgain(ed, del, `k3-${n}.gpkg`);
        noOpAgain(del, ed, `k4-${n}.gpkg`);
      } finally {
        close();
      }
    });

    it('edited here, deleted there: keep the edited feature, or keep the deletion', () => {
      const { del, ed, id, close } = apart();
      try {
        const plan = merge(ed, del, `e1-${n}.gpkg`, 'ours');
        expect(plan.conflicts.map((c) => [c.ours.meta.deleted, c.theirs.meta.deleted])).toEqual([[false, true]]);
        expect(ed.get('search_areas', id)).toMatchObject({ meta: { deleted: false }, props: { description: 'Huyện sửa: dời 20 m về phía đông' } });
        merge(del, ed, `e2-${n}.gpkg`, 'theirs');
        expect(content(del)).toEqual(content(ed));
        noOpAgain(ed, del, `e3-${n}.gpkg`);
      } finally {
        close();
      }
    });
  });
});
