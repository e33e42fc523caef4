// The store refuses a geometry outside its project's CRS domain on every path a write takes (the
// store's own applyEdit, which importers call without a zod pass; large batched edits; undo and
// redo; package merges), and a project holding such rows from before still reads.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMerge, planMerge } from '../../../src/main/io/package-merge';
import { encodeGpkgGeometry, ProjectStore } from '../../../src/main/store';
import { registerSqlFunctions } from '../../../src/main/store/sql-functions';
import type { Put } from '../../../src/shared/model';
import { AUTHOR, DAK_NONG_CRS, SETTINGS, tempDir, X0, Y0 } from './helpers';
import { refusal } from '../support/refusal';

let dir: string;
let cleanup: () => void;
let n = 0;
const fresh = () => ProjectStore.create(join(dir, `p${++n}.gpkg`), DAK_NONG_CRS, SETTINGS, AUTHOR);
const grave = (x: number, y: number, name = 'M-01'): Put => ({
  table: 'graves',
  geometry: { type: 'Point', coordinates: [x, y] },
  props: { kind: 'newly_found', verification: 'not_verified', name },
});
const count = (s: ProjectStore) => s.info().layers.find((l) => l.table === 'graves')!.count;

beforeAll(() => ({ dir, cleanup } = tempDir('quytap-domain-')));
afterAll(() => cleanup());

describe('store: coordinates outside the CRS domain', () => {
  it('applyEdit (as importers call it, without the contract) refuses 1e18 and 1e39 naming the row', () => {
    const s = fresh();
    try {
      for (const v of [1e18, 1e39]) {
        const e = refusal(() => s.applyEdit({ put: [grave(X0, Y0, 'M-01'), grave(v, v, 'M-02')] }, AUTHOR));
        expect(e.code).toBe('validation');
        expect(e.vi).toMatch(/^Tọa độ Y \(Đông\) = \d\.000e\+\d\d, X \(Bắc\) = \d\.000e\+\d\d của Mộ liệt sĩ "M-02" nằm ngoài phạm vi của hệ tọa độ dự án/);
        expect(e.details).toMatchObject({ table: 'graves', crs: 'EPSG:9218' });
      }
      expect(count(s)).toBe(0);
      expect(s.info().extent).toBeNull();
    } finally {
      s.close();
    }
  });

  it('a large (batched) edit with one row out is refused whole', () => {
    const s = fresh();
    try {
      const put = Array.from({ length: 500 }, (_, i) => grave(X0 + i, Y0, `M-${i}`));
      put[321] = grave(X0, 1e12, 'M-321');
      const e = refusal(() => s.applyEdit({ put }, AUTHOR));
      expect(e.vi).toMatch(/Mộ liệt sĩ "M-321"/);
      expect(count(s)).toBe(0);
    } finally {
      s.close();
    }
  });

  it('a polygon edge out of range is refused for an update too, and the row keeps its geometry', () => {
    const s = fresh();
    try {
      const r = s.applyEdit({ put: [{ table: 'search_areas', geometry: { type: 'Polygon', coordinates: [[[X0, Y0], [X0 + 100, Y0], [X0 + 100, Y0 + 100], [X0, Y0]]] }, props: { status: 'done', code: 'KV-1' } }] }, AUTHOR);
      const id = r.rows[0]!.id;
      const far = [[[X0, Y0], [X0 + 100, Y0], [-4e7, Y0 + 100], [X0, Y0]]];
      const e = refusal(() => s.applyEdit({ put: [{ table: 'search_areas', id, baseVersion: 1, geometry: { type: 'Polygon', coordinates: far } }] }, AUTHOR));
      expect(e.vi).toMatch(/Tọa độ Y \(Đông\) = -40000000, X \(Bắc\) = 1370100 của Khu vực tìm kiếm[^"]*"KV-1"/);
      expect(s.get('search_areas', id)!.meta.version).toBe(1);
    } finally {
      s.close();
    }
  });
});

describe('store: a project holding a row from before the check', () => {
  let path: string;
  let bad: string;
  let good: string;
  beforeAll(() => {
    const s = fresh();
    path = s.path;
    const r = s.applyEdit({ put: [grave(X0, Y0, 'M-01'), grave(X0 + 10, Y0 + 10, 'M-39')] }, AUTHOR);
    [good, bad] = r.rows.map((x) => x.id) as [string, string];
    s.close();
    const db = new Database(path);
    registerSqlFunctions(db);
    db.prepare('UPDATE graves SET geom = ? WHERE uuid = ?').run(encodeGpkgGeometry({ type: 'Point', coordinates: [1e39, -1e39] }, DAK_NONG_CRS.srsId), bad);
    db.close();
  });

  it('opens, its extent is that of the rows in range (the R-tree holds ±Infinity for the other)', () => {
    const s = ProjectStore.open(path);
    try {
      const info = s.info();
      const e = info.layers.find((l) => l.table === 'graves')!.extent!;
      expect(e.every(Number.isFinite)).toBe(true);
      expect(e[0]).toBeCloseTo(X0, -1);
      expect(e[3]).toBeCloseTo(Y0, -1);
      expect(info.extent).toEqual(e);
    } finally {
      s.close();
    }
  });

  it('with tombstones too (the extent is then read with a join)', () => {
    const s = ProjectStore.open(path);
    try {
      const extra = s.applyEdit({ put: [grave(X0 + 50, Y0 + 50, 'M-02')] }, AUTHOR).rows[0]!;
      s.applyEdit({ remove: [{ table: 'graves', id: extra.id, baseVersion: 1 }] }, AUTHOR);
      const e = s.info().layers.find((l) => l.table === 'graves')!.extent!;
      expect(e.every(Number.isFinite)).toBe(true);
      expect(e[2]).toBeLessThan(X0 + 20);
      expect(s.get('graves', good)).not.toBeNull();
    } finally {
      s.close();
    }
  });

  it('its fields can still change (and the change be undone); it can be fixed, but the undo of the fix is refused', () => {
    const s = ProjectStore.open(path);
    try {
      // The geometry stays as it was: not a new write of the bad coordinate.
      const v0 = s.get('graves', bad)!.meta.version;
      s.applyEdit({ put: [{ table: 'graves', id: bad, baseVersion: v0, props: { description: 'tọa độ sai' } }] }, AUTHOR);
      expect(s.get('graves', bad)!.props.description).toBe('tọa độ sai');
      s.undo(AUTHOR);
      expect(s.get('graves', bad)!.props.description).toBeNull();
      expect(s.get('graves', bad)!.geometry).toEqual({ type: 'Point', coordinates: [1e39, -1e39] });
      // Fixed; undoing the fix would write the bad coordinate again.
      const v = s.get('graves', bad)!.meta.version;
      s.applyEdit({ put: [{ table: 'graves', id: bad, baseVersion: v, geometry: { type: 'Point', coordinates: [X0 + 20, Y0] } }] }, AUTHOR);
      const e = refusal(() => s.undo(AUTHOR));
      expect(e.vi).toMatch(/nằm ngoài phạm vi của hệ tọa độ dự án/);
      expect(s.get('graves', bad)!.geometry).toEqual({ type: 'Point', coordinates: [X0 + 20, Y0] });
    } finally {
      s.close();
    }
  });
});

describe('store: package merge', () => {
  it('a package whose row lies outside the domain is refused, and nothing of it is written', () => {
    const a = fresh();
    const target = fresh();
    try {
      const r = a.applyEdit({ put: [grave(X0, Y0, 'M-01'), grave(X0 + 30, Y0, 'M-05')] }, AUTHOR);
      const pkgPath = join(dir, 'a.pkg.gpkg');
      a.exchange().writePackage(pkgPath, null, { author: AUTHOR, source: a.path });
      const db = new Database(pkgPath);
      registerSqlFunctions(db);
      db.prepare('UPDATE graves SET geom = ? WHERE uuid = ?').run(encodeGpkgGeometry({ type: 'Point', coordinates: [1e18, 1e18] }, DAK_NONG_CRS.srsId), r.rows[1]!.id);
      db.close();
      const pkg = ProjectStore.open(pkgPath);
      try {
        const plan = planMerge(target, pkg);
        const e = refusal(() => applyMerge(target, plan, {}, AUTHOR, 'a'));
        expect(e.vi).toMatch(/Mộ liệt sĩ "M-05"/);
        expect(count(target)).toBe(0);
      } finally {
        pkg.close();
      }
    } finally {
      a.close();
      target.close();
    }
  });
});
