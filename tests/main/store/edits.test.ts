// applyEdit, undo/redo, conflicts, validation, tombstones, history and the audit log.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { TABLE_NAMES, type EditInput } from '../../../src/shared/model';
import { LATEST_SCHEMA_VERSION, openWritable, ProjectStore } from '../../../src/main/store';
import { ATTACHMENT_BYTES, AUTHOR, DAK_NONG_CRS, fillEveryTable, IDS, SETTINGS, square, tempDir, X0, Y0, thrownApiError as apiError } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let n = 0;
function fresh(): { store: ProjectStore; path: string } {
  const path = join(tmp.dir, `p${++n}.gpkg`);
  return { store: ProjectStore.create(path, DAK_NONG_CRS, SETTINGS, AUTHOR), path };
}


const G1 = '0f0f0f0f-0000-4000-8000-000000000001';
const G2 = '0f0f0f0f-0000-4000-8000-000000000002';
const graveEdit = (id: string, name: string, x = X0, y = Y0): EditInput => ({
  label: `Thêm mộ ${name}`,
  put: [{ table: 'graves', id, geometry: { type: 'Point', coordinates: [x, y] }, props: { kind: 'newly_found', verification: 'not_verified', name } }],
});

function auditCount(path: string): number {
  const db = openWritable(path);
  try {
    return (db.prepare('SELECT count(*) AS n FROM qt_audit_log').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('creating a project', () => {
  it('starts empty with its CRS and settings', () => {
    const { store } = fresh();
    const info = store.info();
    expect(info.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(info.crs).toEqual({ srsId: 9218, code: 'EPSG:9218', name: 'VN-2000 / TM-3 zone 108-30', definition: DAK_NONG_CRS.definition });
    expect(info.settings.title).toBe(SETTINGS.title);
    expect(info.settings.statusFills.not_started).toBe('#ccff99');
    expect(info.layers).toHaveLength(TABLE_NAMES.length); // every table of the model, none left out
    expect(info.layers.every((l) => l.count === 0 && l.extent === null)).toBe(true);
    expect(info.layers.find((l) => l.table === 'graves')).toMatchObject({ kind: 'feature', geometryType: 'POINT' });
    expect(info.layers.find((l) => l.table === 'martyrs')).toMatchObject({ kind: 'record', geometryType: null });
    expect(info.extent).toBeNull();
    expect(store.undoState(AUTHOR)).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null });
    store.close();
  });

  it('never overwrites an existing file', () => {
    const { store, path } = fresh();
    store.applyEdit(graveEdit(G1, 'Mộ 1'), AUTHOR);
    store.close();
    const e = apiError(() => ProjectStore.create(path, DAK_NONG_CRS, SETTINGS, AUTHOR));
    expect(e.code).toBe('conflict');
    const again = ProjectStore.open(path);
    expect(again.get('graves', G1)).not.toBeNull();
    again.close();
  });

  it('refuses invalid settings and an empty author', () => {
    expect(apiError(() => ProjectStore.create(join(tmp.dir, 'x.gpkg'), DAK_NONG_CRS, { title: '' } as never, AUTHOR)).code).toBe('validation');
    expect(apiError(() => ProjectStore.create(join(tmp.dir, 'y.gpkg'), DAK_NONG_CRS, SETTINGS, '  ')).code).toBe('validation');
  });
});

describe('applyEdit', () => {
  let store: ProjectStore;
  let path: string;
  beforeEach(() => {
    ({ store, path } = fresh());
    return () => store.close();
  });

  it('inserts every table in one edit and reads the rows back', () => {
    const sha = createHash('sha256').update(ATTACHMENT_BYTES).digest('hex');
    const r = store.applyEdit(fillEveryTable(sha), AUTHOR);
    expect(r.rows).toHaveLength(TABLE_NAMES.length); // fillEveryTable puts one row in each
    expect(r.rows.every((x) => x.version === 1 && !x.deleted)).toBe(true);
    const grave = store.get('graves', IDS.grave)!;
    expect(grave.geometry).toEqual({ type: 'Point', coordinates: [X0 + 123.456, Y0 + 654.321] });
    expect(grave.props).toEqual({
      kind: 'newly_found',
      name: 'Mộ chưa xác định danh tính',
      estimated_remains: 1,
      description: null,
      verification: 'verified_with_grounds',
      commune_code: '24682',
    });
    expect(grave.meta).toMatchObject({ version: 1, createdBy: AUTHOR, updatedBy: AUTHOR, deleted: false });
    // single parts are stored as the table's multi type
    expect(store.get('search_areas', IDS.area)!.geometry!.type).toBe('MultiPolygon');
    expect(store.get('base_lines', IDS.baseLine)!.geometry!.type).toBe('MultiLineString');
    expect(store.get('martyrs', IDS.martyr)!.props.recovered).toBe(false);
    expect(store.get('martyrs', IDS.martyr)!.geometry).toBeNull();
    const info = store.info();
    expect(info.layers.every((l) => l.count === 1)).toBe(true);
    expect(info.layers.find((l) => l.table === 'admin_units')!.extent).toEqual([X0 - 5000, Y0 - 5000, X0 + 5000, Y0 + 5000]);
    expect(info.extent).toEqual([X0 - 5000, Y0 - 5000, X0 + 5000, Y0 + 5000]);
  });

  it('stores Vietnamese text composed (NFC), however it was typed', () => {
    const nfd = 'Nguyễn Văn Đức'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Văn Đức'.normalize('NFC'));
    store.applyEdit({ put: [{ table: 'martyrs', id: G1, props: { full_name: nfd } }] }, 'Lê Thị Hà'.normalize('NFD'));
    const row = store.get('martyrs', G1)!;
    expect(row.props.full_name).toBe('Nguyễn Văn Đức'.normalize('NFC'));
    expect(row.meta.createdBy).toBe('Lê Thị Hà'.normalize('NFC'));
    expect(store.query('martyrs', { filter: { full_name: nfd } }).rows).toHaveLength(1);
  });

  it('keeps a GEOMETRY table\'s polygon a polygon and a point a point', () => {
    store.applyEdit(
      {
        put: [
          { table: 'cemeteries', id: G1, geometry: square(X0, Y0, 10), props: { kind: 'local', name: 'Nghĩa trang thôn 1' } },
          { table: 'cemeteries', id: G2, geometry: { type: 'Point', coordinates: [X0, Y0] }, props: { kind: 'martyrs', name: 'NTLS xã' } },
        ],
      },
      AUTHOR,
    );
    expect(store.get('cemeteries', G1)!.geometry!.type).toBe('Polygon');
    expect(store.get('cemeteries', G2)!.geometry!.type).toBe('Point');
  });

  it('refuses a geometry type the table does not accept', () => {
    const e = apiError(() =>
      store.applyEdit({ put: [{ table: 'graves', geometry: { type: 'LineString', coordinates: [[X0, Y0], [X0 + 1, Y0 + 1]] }, props: { kind: 'newly_found', verification: 'not_verified' } }] }, AUTHOR),
    );
    expect(e.code).toBe('validation');
    expect(e.vi).toContain('Mộ liệt sĩ');
    expect(e.vi).toContain('LineString');
    expect(e.en).toMatch(/does not accept LineString/);
    expect(apiError(() => store.applyEdit({ put: [{ table: 'martyrs', geometry: { type: 'Point', coordinates: [1, 2] }, props: { full_name: 'A' } }] }, AUTHOR)).code).toBe(
      'validation',
    );
    const open = square(X0, Y0, 10) as { type: 'Polygon'; coordinates: number[][][] };
    open.coordinates[0]!.pop();
    open.coordinates[0]!.push([X0 + 1, Y0 + 1]);
    expect(apiError(() => store.applyEdit({ put: [{ table: 'search_areas', geometry: open as never, props: { status: 'done' } }] }, AUTHOR)).vi).toContain('khép kín');
    expect(store.info().layers.every((l) => l.count === 0)).toBe(true);
  });

  it('validates the merged props and names the fields in Vietnamese', () => {
    const e = apiError(() => store.applyEdit({ put: [{ table: 'graves', geometry: { type: 'Point', coordinates: [X0, Y0] }, props: { kind: 'ghost', estimated_remains: -1, colour: 'red' } }] }, AUTHOR));
    expect(e.code).toBe('validation');
    expect(e.vi).toContain('Loại mộ');
    expect(e.vi).toContain('Xác minh');
    expect(e.vi).toContain('Số hài cốt ước tính');
    expect(e.vi).toContain('colour');
    const fields = (e.details as { field: string }[]).map((i) => i.field).sort();
    expect(fields).toEqual(['colour', 'estimated_remains', 'kind', 'verification']);
    store.applyEdit(graveEdit(G1, 'Mộ 1'), AUTHOR);
    // a patch that empties a required field is refused against the merged row
    expect(apiError(() => store.applyEdit({ put: [{ table: 'graves', id: G1, baseVersion: 1, props: { kind: null } }] }, AUTHOR)).vi).toContain('Chưa nhập trường bắt buộc: Loại mộ');
    expect(store.get('graves', G1)!.meta.version).toBe(1);
  });

  it('is all or nothing', () => {
    store.applyEdit(graveEdit(G1, 'Mộ 1'), AUTHOR);
    const before = auditCount(path);
    const e = apiError(() =>
      store.applyEdit(
        {
          label: 'hỏng',
          put: [
            { table: 'graves', id: G2, geometry: { type: 'Point', coordinates: [X0, Y0] }, props: { kind: 'newly_found', verification: 'not_verified' } },
            { table: 'graves', id: G1, baseVersion: 1, props: { name: 'đổi tên' } },
          ],
          remove: [{ table: 'graves', id: '0f0f0f0f-0000-4000-8000-0000000000ff', baseVersion: 1 }],
        },
        AUTHOR,
      ),
    );
    expect(e.code).toBe('not_found');
    expect(store.get('graves', G2)).toBeNull();
    expect(store.get('graves', G1)!.props.name).toBe('Mộ 1');
    expect(auditCount(path)).toBe(before);
    expect(store.undoState(AUTHOR).undoLabel).toBe('Thêm mộ Mộ 1');
  });

  it('updates with a patch, leaves the geometry when absent and clears it with null', () => {
    store.applyEdit(graveEdit(G1, 'Mộ 1'), AUTHOR);
    const r = store.applyEdit({ label: 'Sửa', put: [{ table: 'graves', id: G1, baseVersion: 1, props: { description: 'Gần gốc cây' } }] }, 'Trần Thị Hoa');
    expect(r.rows).toEqual([{ table: 'graves', id: G1, version: 2, deleted: false }]);
    const g = store.get('graves', G1)!;
    expect(g.props.name).toBe('Mộ 1');
    expect(g.props.description).toBe('Gần gốc cây');
    expect(g.geometry).toEqual({ type: 'Point', coordinates: [X0, Y0] });
    expect(g.meta).toMatchObject({ version: 2, createdBy: AUTHOR, updatedBy: 'Trần Thị Hoa' });
    store.applyEdit({ put: [{ table: 'graves', id: G1, baseVersion: 2, geometry: null }] }, AUTHOR);
    expect(store.get('graves', G1)!.geometry).toBeNull();
    expect(store.query('graves', { bbox: [X0 - 1, Y0 - 1, X0 + 1, Y0 + 1] }).rows).toHaveLength(0);
  });

  it('refuses a stale version with a conflict and changes nothing', () => {
    store.applyEdit(graveEdit(G1, 'Mộ 1'), AUTHOR);
    store.applyEdit({ put: [{ table: 'graves', id: G1, baseVersion: 1, props: { name: 'Người khác sửa' } }] }, 'Lê Văn C');
    const e = apiError(() => store.applyEdit({ put: [{ table: 'graves', id: G1, baseVersion: 1, props: { name: 'Tôi sửa' } }] }, AUTHOR));
    expect(e.code).toBe('conflict');
    // It names who changed the row since: the person whose work an overwrite would have lost.
    expect(e.vi).toBe('Đối tượng này (Mộ liệt sĩ) đã được Lê Văn C sửa sau khi bạn xem (bạn xem phiên bản 1, hiện là phiên bản 2); hãy tải lại rồi thử lại.');
    expect(e.en).toMatch(/^Lê Văn C changed this row/);
    expect(e.details).toEqual({ table: 'graves', id: G1, expected: 1, actual: 2, by: 'Lê Văn C' });
    expect(store.get('graves', G1)!.props.name).toBe('Người khác sửa');
    // and a put on an existing id without baseVersion (a retried insert, a blind overwrite)
    expect(apiError(() => store.applyEdit(graveEdit(G1, 'lần nữa'), AUTHOR)).code).toBe('conflict');
    // an update of a row that does not exist
    expect(apiError(() => store.applyEdit({ put: [{ table: 'graves', id: G2, baseVersion: 1, props: { name: 'x' } }] }, AUTHOR)).code).toBe('not_found');
    // the same row twice in one edit
    expect(
      apiError(() =>
        store.applyEdit({ put: [{ table: 'graves', id: G1, baseVersion: 2, props: { name: 'a' } }], remove: [{ table: 'graves', id: G1, baseVersion: 2 }] }, AUTHOR),
      ).code,
    ).toBe('validation');
  });

  it('removes by tombstone; removing twice or an unknown row is an error', () => {
    store.applyEdit(graveEdit(G1, 'Mộ 1'), AUTHOR);
    // Callers inside main (importers, the CLI) skip the contract's zod: the store holds them to the
    // version seen too, and deletes nothing without it.
    for (const baseVersion of [undefined, 0, 1.5, '1']) {
      const blind = apiError(() => store.applyEdit({ remove: [{ table: 'graves', id: G1, baseVersion } as never] }, AUTHOR));
      expect(blind.code).toBe('validation');
      expect(blind.vi).toMatch(/thiếu phiên bản bạn đã xem, nên không xóa/);
    }
    expect(store.get('graves', G1)!.meta).toMatchObject({ version: 1, deleted: false });
    const r = store.applyEdit({ label: 'Xóa', remove: [{ table: 'graves', id: G1, baseVersion: 1 }] }, AUTHOR);
    expect(r.rows).toEqual([{ table: 'graves', id: G1, version: 2, deleted: true }]);
    const row = store.get('graves', G1)!;
    expect(row.meta.deleted).toBe(true);
    expect(row.geometry).toEqual({ type: 'Point', coordinates: [X0, Y0] });
    expect(store.query('graves').rows).toHaveLength(0);
    expect(store.query('graves', { includeDeleted: true }).rows).toHaveLength(1);
    expect(store.info().layers.find((l) => l.table === 'graves')).toMatchObject({ count: 0, extent: null });
    const twice = apiError(() => store.applyEdit({ remove: [{ table: 'graves', id: G1, baseVersion: 2 }] }, AUTHOR));
    expect(twice.code).toBe('conflict');
    expect(twice.vi).toContain(`đã được ${AUTHOR} xóa`);
    expect(apiError(() => store.applyEdit({ remove: [{ table: 'graves', id: G2, baseVersion: 1 }] }, AUTHOR)).code).toBe('not_found');
    expect(apiError(() => store.applyEdit({ put: [{ table: 'graves', id: G1, baseVersion: 2, props: { name: 'x' } }] }, AUTHOR)).code).toBe('conflict');
    expect(apiError(() => store.applyEdit({ remove: [{ table: 'nope' as never, id: G1, baseVersion: 1 }] }, AUTHOR)).code).toBe('validation');
    expect(apiError(() => store.applyEdit({ put: [], remove: [] }, AUTHOR)).code).toBe('validation');
  });

  it('stores every row change in the audit log, before and after, and history() reads it oldest first', () => {
    store.applyEdit(graveEdit(G1, 'Mộ 1'), AUTHOR);
    store.applyEdit({ label: 'Dời mộ', put: [{ table: 'graves', id: G1, baseVersion: 1, geometry: { type: 'Point', coordinates: [X0 + 5, Y0 + 5] } }] }, 'B');
    store.applyEdit({ label: 'Xóa mộ', remove: [{ table: 'graves', id: G1, baseVersion: 2 }] }, 'C');
    store.undo('C');
    store.updateSettings({ place: 'Đắk Mâm' }, AUTHOR);
    const h = store.history('graves', G1);
    expect(h.map((e) => [e.action, e.author, e.label])).toEqual([
      ['insert', AUTHOR, 'Thêm mộ Mộ 1'],
      ['update', 'B', 'Dời mộ'],
      ['delete', 'C', 'Xóa mộ'],
      ['restore', 'C', 'Hoàn tác: Xóa mộ'],
    ]);
    expect(h[0]!.before).toBeNull();
    expect(h[0]!.after).toMatchObject({ version: 1, deleted: false, props: { name: 'Mộ 1' }, geometry: { type: 'Point', coordinates: [X0, Y0] } });
    expect(h[1]!.before).toMatchObject({ version: 1, geometry: { coordinates: [X0, Y0] } });
    expect(h[1]!.after).toMatchObject({ version: 2, geometry: { coordinates: [X0 + 5, Y0 + 5] } });
    expect(h[2]!.after).toMatchObject({ version: 3, deleted: true });
    expect(h[3]!.after).toMatchObject({ version: 4, deleted: false });
    expect(h.every((e, i) => i === 0 || e.seq > h[i - 1]!.seq)).toBe(true);
    expect(new Set(h.map((e) => e.table))).toEqual(new Set(['graves']));
    expect(store.settingsHistory().map((e) => [e.action, e.label])).toEqual([
      ['insert', 'Tạo dự án'],
      ['update', 'Sửa thiết lập dự án'],
    ]);
  });

  it('keeps the audit log append-only', () => {
    store.applyEdit(graveEdit(G1, 'Mộ 1'), AUTHOR);
    store.close();
    const db = openWritable(path);
    try {
      expect(() => db.prepare("UPDATE qt_audit_log SET author = 'kẻ gian'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM qt_audit_log').run()).toThrow(/append-only/);
      expect((db.prepare('SELECT count(*) AS n FROM qt_audit_log WHERE author = ?').get(AUTHOR) as { n: number }).n).toBeGreaterThan(0);
    } finally {
      db.close();
    }
    store = ProjectStore.open(path);
  });

  it('updates settings with an audit entry and refuses invalid ones', () => {
    const s = store.updateSettings({ producingAgency: 'Ban CHQS huyện Krông Nô', backupKeep: 5 }, AUTHOR);
    expect(s.producingAgency).toBe('Ban CHQS huyện Krông Nô');
    expect(store.getSettings().backupKeep).toBe(5);
    expect(store.getSettings().title).toBe(SETTINGS.title);
    expect(apiError(() => store.updateSettings({ statusFills: { done: 'white' } as never }, AUTHOR)).code).toBe('validation');
    expect(store.settingsHistory()).toHaveLength(2);
  });
});

describe('undo and redo', () => {
  let store: ProjectStore;
  let path: string;
  beforeEach(() => {
    ({ store, path } = fresh());
    return () => store.close();
  });

  it('undoes and redoes an insert, an update and a remove exactly', () => {
    store.applyEdit(graveEdit(G1, 'Mộ 1'), AUTHOR);
    const inserted = store.get('graves', G1)!;
    store.applyEdit({ label: 'Sửa mộ', put: [{ table: 'graves', id: G1, baseVersion: 1, geometry: { type: 'Point', coordinates: [X0 + 9, Y0 + 9] }, props: { name: 'Mộ A', estimated_remains: 3 } }] }, AUTHOR);
    const updated = store.get('graves', G1)!;
    store.applyEdit({ label: 'Xóa mộ', remove: [{ table: 'graves', id: G1, baseVersion: 2 }] }, AUTHOR);
    expect(store.undoState(AUTHOR)).toEqual({ canUndo: true, canRedo: false, undoLabel: 'Xóa mộ', redoLabel: null });

    const u1 = store.undo(AUTHOR)!;
    expect(u1.rows).toEqual([{ table: 'graves', id: G1, version: 4, deleted: false }]);
    expect(store.get('graves', G1)!.props).toEqual(updated.props);
    expect(store.undoState(AUTHOR)).toEqual({ canUndo: true, canRedo: true, undoLabel: 'Sửa mộ', redoLabel: 'Xóa mộ' });

    store.undo(AUTHOR);
    const back = store.get('graves', G1)!;
    expect(back.props).toEqual(inserted.props);
    expect(back.geometry).toEqual(inserted.geometry);
    expect(back.meta.version).toBe(5);

    store.undo(AUTHOR);
    expect(store.get('graves', G1)!.meta.deleted).toBe(true);
    expect(store.undo(AUTHOR)).toBeNull();
    expect(store.undoState(AUTHOR)).toEqual({ canUndo: false, canRedo: true, undoLabel: null, redoLabel: 'Thêm mộ Mộ 1' });

    store.redo(AUTHOR);
    expect(store.get('graves', G1)!.meta.deleted).toBe(false);
    store.redo(AUTHOR);
    expect(store.get('graves', G1)!.props).toEqual(updated.props);
    expect(store.get('graves', G1)!.geometry).toEqual(updated.geometry);
    store.redo(AUTHOR);
    expect(store.get('graves', G1)!.meta.deleted).toBe(true);
    expect(store.redo(AUTHOR)).toBeNull();
    const labels = store.history('graves', G1).map((e) => e.label);
    expect(labels).toEqual([
      'Thêm mộ Mộ 1',
      'Sửa mộ',
      'Xóa mộ',
      'Hoàn tác: Xóa mộ',
      'Hoàn tác: Sửa mộ',
      'Hoàn tác: Thêm mộ Mộ 1',
      'Làm lại: Thêm mộ Mộ 1',
      'Làm lại: Sửa mộ',
      'Làm lại: Xóa mộ',
    ]);
  });

  it('a new edit clears the redo stack', () => {
    store.applyEdit(graveEdit(G1, 'Mộ 1'), AUTHOR);
    store.undo(AUTHOR);
    expect(store.undoState(AUTHOR).canRedo).toBe(true);
    store.applyEdit(graveEdit(G2, 'Mộ 2'), AUTHOR);
    expect(store.undoState(AUTHOR)).toEqual({ canUndo: true, canRedo: false, undoLabel: 'Thêm mộ Mộ 2', redoLabel: null });
    expect(store.redo(AUTHOR)).toBeNull();
  });

  it('fails with a conflict and changes nothing when a row changed since', () => {
    store.applyEdit(
      {
        label: 'Hai mộ',
        put: [
          { table: 'graves', id: G1, geometry: { type: 'Point', coordinates: [X0, Y0] }, props: { kind: 'newly_found', verification: 'not_verified', name: 'Một' } },
          { table: 'graves', id: G2, geometry: { type: 'Point', coordinates: [X0, Y0] }, props: { kind: 'newly_found', verification: 'not_verified', name: 'Hai' } },
        ],
      },
      AUTHOR,
    );
    store.close();
    // QGIS edits G2 directly in the file: the version trigger bumps its version.
    const db = openWritable(path);
    db.prepare("UPDATE graves SET name = 'Hai (QGIS)' WHERE uuid = ?").run(G2);
    db.close();
    store = ProjectStore.open(path);
    expect(store.get('graves', G2)!.meta.version).toBe(2);
    const audits = auditCount(path);
    const e = apiError(() => store.undo(AUTHOR));
    expect(e.code).toBe('conflict');
    expect(e.details).toMatchObject({ table: 'graves', id: G2, expected: 1, actual: 2, by: null });
    // No audit entry names anyone: the change came from outside QuyTap.
    expect(e.vi).toMatch(/^Không thể hoàn tác "Hai mộ": một chương trình khác \(ngoài QuyTap\) đã sửa đối tượng này \(Mộ liệt sĩ\) sau bạn\./);
    expect(store.get('graves', G1)!.meta).toMatchObject({ version: 1, deleted: false });
    expect(store.get('graves', G2)!.props.name).toBe('Hai (QGIS)');
    expect(auditCount(path)).toBe(audits);
    expect(store.undoState(AUTHOR)).toMatchObject({ canUndo: true, undoLabel: 'Hai mộ', canRedo: false });
  });

  it('survives closing and reopening the file', () => {
    store.applyEdit(graveEdit(G1, 'Mộ 1'), AUTHOR);
    store.applyEdit(graveEdit(G2, 'Mộ 2'), AUTHOR);
    store.undo(AUTHOR);
    store.close();
    store = ProjectStore.open(path);
    expect(store.undoState(AUTHOR)).toEqual({ canUndo: true, canRedo: true, undoLabel: 'Thêm mộ Mộ 1', redoLabel: 'Thêm mộ Mộ 2' });
    store.redo(AUTHOR);
    expect(store.get('graves', G2)!.meta.deleted).toBe(false);
    store.close();
    store = ProjectStore.open(path);
    store.undo(AUTHOR);
    store.undo(AUTHOR);
    expect(store.query('graves').rows).toHaveLength(0);
    expect(store.undoState(AUTHOR)).toMatchObject({ canUndo: false, canRedo: true });
  });

  it('undoes a large edit in one step', () => {
    const put = Array.from({ length: 2000 }, (_, i) => ({
      table: 'graves' as const,
      geometry: { type: 'Point' as const, coordinates: [X0 + i, Y0 + i] },
      props: { kind: 'newly_found', verification: 'not_verified', name: `Mộ số ${i}` },
    }));
    const r = store.applyEdit({ label: 'Nhập 2000 mộ', put }, AUTHOR);
    expect(r.rows).toHaveLength(2000);
    expect(store.info().layers.find((l) => l.table === 'graves')!.count).toBe(2000);
    store.undo(AUTHOR);
    expect(store.info().layers.find((l) => l.table === 'graves')!.count).toBe(0);
    store.redo(AUTHOR);
    expect(store.info().layers.find((l) => l.table === 'graves')!.count).toBe(2000);
  });
});

describe('large edits (batched, R-tree written without its triggers)', () => {
  it('keep the R-tree, the audit log and the triggers right through updates, removes, undo and redo', () => {
    const { store, path } = fresh();
    const n = 600;
    const ids = Array.from({ length: n }, (_, i) => `0c0c0c0c-0000-4000-8000-${String(i).padStart(12, '0')}`);
    store.applyEdit(
      { label: 'Nhập', put: ids.map((id, i) => ({ table: 'graves' as const, id, geometry: { type: 'Point' as const, coordinates: [X0 + i, Y0] }, props: { kind: 'newly_found', verification: 'not_verified' } })) },
      AUTHOR,
    );
    // move every grave 1 km north, and clear the geometry of the last one
    store.applyEdit(
      {
        label: 'Dời',
        put: ids.map((id, i) => ({ table: 'graves' as const, id, baseVersion: 1, geometry: i === n - 1 ? null : { type: 'Point' as const, coordinates: [X0 + i, Y0 + 1000] } })),
      },
      AUTHOR,
    );
    const north: [number, number, number, number] = [X0 - 1, Y0 + 999, X0 + n, Y0 + 1001];
    const south: [number, number, number, number] = [X0 - 1, Y0 - 1, X0 + n, Y0 + 1];
    expect(store.query('graves', { bbox: north }).rows).toHaveLength(n - 1);
    expect(store.query('graves', { bbox: south }).rows).toHaveLength(0);
    store.applyEdit({ label: 'Xóa', remove: ids.slice(0, 300).map((id) => ({ table: 'graves' as const, id, baseVersion: 2 })) }, AUTHOR);
    expect(store.query('graves').rows).toHaveLength(300);
    store.undo(AUTHOR); // the removes
    store.undo(AUTHOR); // the move
    expect(store.query('graves', { bbox: south }).rows).toHaveLength(n);
    expect(store.query('graves', { bbox: north }).rows).toHaveLength(0);
    store.redo(AUTHOR);
    expect(store.query('graves', { bbox: north }).rows).toHaveLength(n - 1);
    expect(store.history('graves', ids[0]!).map((e) => e.action)).toEqual(['insert', 'update', 'delete', 'restore', 'update', 'update']);
    store.close();
    const db = openWritable(path);
    const live = (db.prepare('SELECT count(*) AS n FROM graves WHERE geom IS NOT NULL').get() as { n: number }).n;
    expect(db.prepare('SELECT count(*) AS n FROM rtree_graves_geom').get()).toEqual({ n: live });
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_graves_geom_%'").get()).toEqual({ n: 6 });
    // the rows' R-tree boxes are those of their geometries
    const wrong = db
      .prepare('SELECT count(*) AS n FROM graves g JOIN rtree_graves_geom r ON r.id = g.fid WHERE r.minx > ST_MinX(g.geom) OR r.maxx < ST_MaxX(g.geom) OR r.miny > ST_MinY(g.geom) OR r.maxy < ST_MaxY(g.geom)')
      .get();
    expect(wrong).toEqual({ n: 0 });
    db.close();
  });
});

describe('a large edit that fails', () => {
  it('leaves nothing behind, triggers included', () => {
    const { store, path } = fresh();
    const put = Array.from({ length: 500 }, (_, i) => ({
      table: 'graves' as const,
      geometry: { type: 'Point' as const, coordinates: [X0 + i, Y0] },
      props: { kind: i === 499 ? 'ma' : 'newly_found', verification: 'not_verified' },
    }));
    expect(apiError(() => store.applyEdit({ put }, AUTHOR)).code).toBe('validation');
    expect(store.info().layers.find((l) => l.table === 'graves')!.count).toBe(0);
    store.applyEdit(graveEdit(G1, 'Mộ sau'), AUTHOR);
    expect(store.query('graves', { bbox: [X0 - 1, Y0 - 1, X0 + 1, Y0 + 1] }).rows).toHaveLength(1);
    store.close();
    const db = openWritable(path);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_graves_geom_%'").get()).toEqual({ n: 6 });
    expect(db.prepare('SELECT count(*) AS n FROM qt_audit_log WHERE table_name = ?').get('graves')).toEqual({ n: 1 });
    db.close();
  });
});

describe('attachments', () => {
  it('stores bytes that match the row\'s SHA-256 and refuses others', () => {
    const { store } = fresh();
    const sha = createHash('sha256').update(ATTACHMENT_BYTES).digest('hex');
    store.applyEdit(fillEveryTable(sha), AUTHOR);
    expect(store.getAttachmentData(IDS.attachment)).toBeNull();
    const e = apiError(() => store.putAttachmentData(IDS.attachment, Buffer.from('khác')));
    expect(e.code).toBe('validation');
    expect(store.getAttachmentData(IDS.attachment)).toBeNull();
    store.putAttachmentData(IDS.attachment, new Uint8Array(ATTACHMENT_BYTES));
    expect(store.getAttachmentData(IDS.attachment)!.equals(ATTACHMENT_BYTES)).toBe(true);
    // the blob does not bump the row's version, and its hash can no longer change
    expect(store.get('attachments', IDS.attachment)!.meta.version).toBe(1);
    expect(apiError(() => store.applyEdit({ put: [{ table: 'attachments', id: IDS.attachment, baseVersion: 1, props: { sha256: 'ab'.repeat(32) } }] }, AUTHOR)).code).toBe('validation');
    store.applyEdit({ put: [{ table: 'attachments', id: IDS.attachment, baseVersion: 1, props: { caption: 'Bản chụp' } }] }, AUTHOR);
    // tombstoning keeps the bytes (undo may bring the row back)
    store.applyEdit({ remove: [{ table: 'attachments', id: IDS.attachment, baseVersion: 2 }] }, AUTHOR);
    expect(store.getAttachmentData(IDS.attachment)!.equals(ATTACHMENT_BYTES)).toBe(true);
    expect(apiError(() => store.putAttachmentData('0f0f0f0f-0000-4000-8000-0000000000ff', ATTACHMENT_BYTES)).code).toBe('not_found');
    store.close();
  });
});
