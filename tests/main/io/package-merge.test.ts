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
});
