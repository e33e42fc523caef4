// A Shapefile is imported as a stream (shp-stream.ts → store.importRows): its rows are written
// while the file is still being read, inside ONE transaction. So: a bad record near the end of a
// big layer must leave the project exactly as it was (rows already written are rolled back), and
// the reader must never run ahead of the writes (it holds a record, not the layer).
import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Geometry, PropValue } from '../../../src/shared/model';
import { transform } from '../../../src/shared/crs';
import { filesForPath } from '../../../src/main/io/files';
import { runImport } from '../../../src/main/io/import-run';
import type { ImportSpec } from '../../../src/main/io/import-plan';
import { ShpRecords } from '../../../src/main/io/shp-stream';
import { readOps } from '../../../src/main/store/edit-journal';
import type { ProjectStore } from '../../../src/main/store';
import { writeShapefile } from './shapefile-fixture';
import { AUTHOR, hashAllTables, newProject, tempDir } from './helpers';

const N = 3000;

let dir: string;
let cleanup: () => void;
let store: ProjectStore;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  store = newProject(dir);
});
afterEach(() => {
  store.close();
  cleanup();
  vi.restoreAllMocks();
});

/** N graves in Krông Nô (VN-2000 TM-3 metres); `kind(i)` is the .dbf's value for row i + 1. */
function writeGraves(kind: (i: number) => string, x = (i: number) => 420_000 + (i % 100) * 37): string {
  const geoms: Geometry[] = [];
  const rows: PropValue[][] = [];
  for (let i = 0; i < N; i++) {
    geoms.push({ type: 'Point', coordinates: [x(i), 1_360_000 + Math.floor(i / 100) * 41] });
    rows.push([kind(i), `mộ ${i + 1}`]);
  }
  return writeShapefile(dir, 'graves', 'point', geoms, ['kind', 'name'], rows);
}

const spec: ImportSpec = { table: 'graves', defaults: { verification: 'not_verified' } };

describe('streamed Shapefile import', () => {
  it('a bad record near the end of a big layer leaves the project unchanged, though earlier rows were already written', async () => {
    const bad = N - 3;
    const shp = writeGraves((i) => (i === bad - 1 ? 'không phải mã' : 'newly_found'));
    // Rows reach the store's write hook (inside the transaction) before the bad one is read.
    let seen = 0;
    store.setWriteHook(() => () => void seen++);
    const before = hashAllTables(store.path);
    const e = await runImport(store, filesForPath(shp), spec, { author: AUTHOR }).then(
      () => null,
      (x: { en: string; details?: { row?: number } }) => x,
    );
    expect(e?.en).toMatch(new RegExp(`row ${bad}: field Kind: "không phải mã" is not one of`));
    expect(seen).toBe(bad - 1);
    expect(hashAllTables(store.path)).toBe(before);
    expect(store.query('graves').rows).toHaveLength(0);
    expect(store.undoState(AUTHOR).undoLabel).toBeNull();
  });

  it('a record outside Vietnam near the end (beyond the header’s box, so checked one by one) rolls back too', async () => {
    const shp = writeGraves(() => 'newly_found', (i) => (i === N - 2 ? 9_000_000 : 420_000 + (i % 100) * 37));
    const before = hashAllTables(store.path);
    await expect(runImport(store, filesForPath(shp), spec, { author: AUTHOR })).rejects.toMatchObject({ en: expect.stringMatching(`row ${N - 1}: coordinates outside Vietnam`) });
    expect(hashAllTables(store.path)).toBe(before);
  });

  it('a header whose box lies (says every record is inside Vietnam) does not skip the check of a record outside it', async () => {
    // The header's box takes the fast path (every feature inside it is inside Vietnam); a record
    // beyond it must still be checked one by one, and refused by its row.
    const shp = writeGraves(() => 'newly_found', (i) => (i === N - 2 ? 9_000_000 : 420_000 + (i % 100) * 37));
    const bytes = readFileSync(shp);
    const good = [420_000, 1_360_000, 420_000 + 99 * 37, 1_360_000 + Math.floor((N - 1) / 100) * 41];
    good.forEach((v, k) => bytes.writeDoubleLE(v, 36 + 8 * k));
    writeFileSync(shp, bytes);
    const before = hashAllTables(store.path);
    const e = await runImport(store, filesForPath(shp), spec, { author: AUTHOR }).then(
      () => null,
      (x: { en: string; details?: { outsideVietnam?: boolean } }) => x,
    );
    expect(e?.en).toMatch(new RegExp(`row ${N - 1}: coordinates outside Vietnam`));
    expect(hashAllTables(store.path)).toBe(before);
    expect(store.query('graves').rows).toHaveLength(0);
  });

  it('the CRS the user chooses beats the one the .prj declares (streamed Shapefile)', async () => {
    // The .prj says TM-3 108°30′; the user knows the numbers are TM-3 107°45′ (EPSG:5899).
    const shp = writeGraves(() => 'newly_found');
    await runImport(store, filesForPath(shp), { ...spec, crs: 'EPSG:5899' }, { author: AUTHOR });
    const byName = new Map(store.query('graves', { limit: 5000 }).rows.map((r) => [r.props.name, (r.geometry as { coordinates: number[] }).coordinates]));
    for (const i of [0, 1234, N - 1]) {
      const src = [420_000 + (i % 100) * 37, 1_360_000 + Math.floor(i / 100) * 41];
      const want = transform('EPSG:5899', store.crs.code, src);
      const got = byName.get(`mộ ${i + 1}`)!;
      expect(Math.hypot(got[0]! - want[0]!, got[1]! - want[1]!)).toBeLessThan(0.001);
      // Read as the .prj says, the point would be tens of kilometres away.
      const asDeclared = transform('EPSG:9218', store.crs.code, src);
      expect(Math.hypot(got[0]! - asDeclared[0]!, got[1]! - asDeclared[1]!)).toBeGreaterThan(10_000);
    }
  });

  it('a good layer is one edit, undone in one step, and the reader never runs ahead of the writes', async () => {
    const shp = writeGraves((i) => (i % 2 ? 'newly_found' : 'family_cared'));
    const next = vi.spyOn(ShpRecords.prototype, 'next');
    let written = 0;
    let ahead = 0;
    store.setWriteHook(() => () => {
      written++;
      // Records read so far minus rows handed to the store: 0 means the one just read is this row.
      ahead = Math.max(ahead, next.mock.calls.length - written);
    });
    const out = await runImport(store, filesForPath(shp), spec, { author: AUTHOR });
    expect(out.prepared.count).toBe(N);
    expect(written).toBe(N);
    expect(ahead).toBe(0);
    expect(next).toHaveBeenCalledTimes(N + 1); // the last call says "done"
    const rows = store.query('graves', { limit: 5000 }).rows;
    expect(rows).toHaveLength(N);
    expect(rows.find((r) => r.props.name === 'mộ 2')?.props.kind).toBe('newly_found');
    expect(store.undoState(AUTHOR).undoLabel).toBe(`Nhập graves.shp → graves (${N})`);
    // Every row has its audit entry, under the edit's label.
    const id = rows[0]!.id;
    expect(store.history('graves', id)[0]!.author).toBe(AUTHOR);
    // The journal names the rows by the edit's insert audit entries (no list of 3,000 ids, twice);
    // the undo and redo below read them back from there.
    const db = new Database(store.path, { readonly: true });
    const seqs = db.prepare('SELECT seq FROM qt_audit_log WHERE edit_id = ? ORDER BY seq').pluck().all(out.result.editId) as number[];
    const entry = db.prepare('SELECT forward, inverse FROM qt_edits WHERE id = ?').get(out.result.editId) as { forward: string; inverse: string };
    db.close();
    expect(seqs).toHaveLength(N);
    const audit = { edit: out.result.editId, after: seqs[0]! - 1 };
    expect(JSON.parse(entry.forward)).toEqual([{ op: 'insert', table: 'graves', audit, version: 1 }]);
    expect(JSON.parse(entry.inverse)).toEqual([{ op: 'delete', table: 'graves', audit, baseVersion: 1 }]);
    // Read without the audit log, such an op is refused, never taken as an empty list.
    expect(() => readOps(entry.inverse)).toThrow(/audit log/);
    store.undo(AUTHOR);
    expect(store.query('graves').rows).toHaveLength(0);
    store.redo(AUTHOR);
    expect(store.query('graves', { limit: 5000 }).rows).toHaveLength(N);
  });
});
