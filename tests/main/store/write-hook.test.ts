// The store's one write hook: called for every row of every edit, undo and redo, inside the write
// transaction; what it sets is what is written (and audited), and its refusal leaves nothing behind.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api';
import { ProjectStore, type PlannedWrite } from '../../../src/main/store';
import { AUTHOR, DAK_NONG_CRS, SETTINGS, tempDir, X0, Y0 } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let k = 0;
const fresh = () => ProjectStore.create(join(tmp.dir, `h${++k}.gpkg`), DAK_NONG_CRS, SETTINGS, AUTHOR);
const grave = (x: number) => ({ table: 'graves' as const, geometry: { type: 'Point' as const, coordinates: [X0 + x, Y0] }, props: { kind: 'newly_found', verification: 'not_verified' } });

describe('the write hook', () => {
  it('sets fields of the row it is shown, on edits, undo and redo alike; the audit keeps what was written', () => {
    const store = fresh();
    const kinds: string[] = [];
    store.setWriteHook((kind) => {
      kinds.push(kind);
      return (w: PlannedWrite) => {
        if (!w.after.deleted) w.after.props.commune_code = w.after.geometry && (w.after.geometry.coordinates as number[])[0]! > X0 + 50 ? 'EAST' : 'WEST';
      };
    });
    const r = store.applyEdit({ put: [grave(10), { ...grave(100), props: { ...grave(100).props, commune_code: 'FORGED' } }] }, AUTHOR);
    const [w, e] = r.rows.map((x) => store.get('graves', x.id)!);
    expect([w!.props.commune_code, e!.props.commune_code]).toEqual(['WEST', 'EAST']);
    // Moved east: the hook sees the merged row (stored props + patch, new geometry).
    store.applyEdit({ put: [{ table: 'graves', id: w!.id, baseVersion: 1, geometry: { type: 'Point', coordinates: [X0 + 200, Y0] } }] }, AUTHOR);
    expect(store.get('graves', w!.id)!.props.commune_code).toBe('EAST');
    expect((store.history('graves', w!.id).at(-1)!.after as { props: { commune_code: string } }).props.commune_code).toBe('EAST');
    store.undo(AUTHOR);
    expect(store.get('graves', w!.id)!.props.commune_code).toBe('WEST');
    store.redo(AUTHOR);
    expect(store.get('graves', w!.id)!.props.commune_code).toBe('EAST');
    expect(kinds).toEqual(['edit', 'edit', 'undo', 'redo']);
    store.close();
  });

  it('a row brought back by an undo takes what the hook sets (the commune the boundaries now give)', () => {
    const store = fresh();
    const r = store.applyEdit({ put: [{ ...grave(1), props: { ...grave(1).props, commune_code: 'OLD' } }] }, AUTHOR);
    const id = r.rows[0]!.id;
    store.applyEdit({ remove: [{ table: 'graves', id, baseVersion: 1 }] }, AUTHOR);
    store.setWriteHook(() => (w) => {
      if (!w.after.deleted) w.after.props.commune_code = 'NEW';
    });
    store.undo(AUTHOR);
    const back = store.get('graves', id)!;
    expect([back.meta.deleted, back.props.commune_code]).toEqual([false, 'NEW']);
    // Redo deletes it again; the next undo brings it back as it was then.
    store.setWriteHook(null);
    store.redo(AUTHOR);
    store.undo(AUTHOR);
    expect(store.get('graves', id)!.props.commune_code).toBe('NEW');
    store.close();
  });

  it('a refusal on any row of an edit, undo or redo writes nothing', () => {
    const store = fresh();
    const r = store.applyEdit({ put: [grave(1), grave(2)] }, AUTHOR);
    const before = store.query('graves').rows;
    let refuse: string | null = null;
    store.setWriteHook(() => (w) => {
      if (w.id === refuse) throw new ApiError('forbidden', 'Không được.', 'Not allowed.');
    });
    refuse = r.rows[1]!.id;
    expect(() => store.applyEdit({ put: [grave(3), { table: 'graves', id: refuse!, baseVersion: 1, props: { name: 'x' } }] }, AUTHOR)).toThrow(/Not allowed/);
    expect(() => store.applyEdit({ remove: [{ table: 'graves', id: refuse!, baseVersion: 1 }] }, AUTHOR)).toThrow(/Not allowed/);
    expect(() => store.undo(AUTHOR)).toThrow(/Not allowed/);
    expect(store.query('graves').rows).toEqual(before);
    expect(store.undoState(AUTHOR).canUndo).toBe(true);
    refuse = null;
    store.undo(AUTHOR);
    refuse = r.rows[0]!.id;
    expect(() => store.redo(AUTHOR)).toThrow(/Not allowed/);
    expect(store.query('graves').rows).toEqual([]);
    store.close();
  });
});
