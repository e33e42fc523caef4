// Each drafting gesture as the one edit it saves (draftEdits.ts): the label the history and the undo
// toast show, the version the user saw (a conflict instead of an overwrite), and a shape main accepts.
import { describe, expect, it } from 'vitest';
import { EditSchema } from '../../../src/shared/model/edits';
import type { Geometry } from '../../../src/shared/model/geometry';
import { TABLES } from '../../../src/shared/model/tables';
import {
  deleteEdit,
  deletionVersion,
  holeEdit,
  mergeEdit,
  moveToEdit,
  outerRingMean,
  shapeEdit,
  singlePut,
  splitEdit,
} from '../../../src/renderer/drafting/draftEdits';

const A = { table: 'search_areas' as const, id: '0b7c9d4e-1f2a-4b3c-8d5e-6f7a8b9c0d1e' };
const B = { table: 'search_areas' as const, id: '1c8dae5f-2a3b-4c4d-9e6f-7a8b9c0d1e2f' };
const square = (x: number, y: number, s: number): Geometry => ({ type: 'Polygon', coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] });
const AREA = TABLES.search_areas.vi;

describe('drafting edits', () => {
  it('a shape edited by a gesture names the gesture and the layer, at the version on the map', () => {
    const e = shapeEdit(A, square(0, 0, 10), 'Sửa đỉnh', 4);
    expect(e).toEqual({ label: `Sửa đỉnh: ${AREA}`, put: [{ ...A, baseVersion: 4, geometry: square(0, 0, 10) }] });
    expect(EditSchema.safeParse(e).success).toBe(true);
    // A row the map does not show has no version to name: main then decides.
    expect(shapeEdit(A, square(0, 0, 10), 'Di chuyển', undefined).put![0]).not.toHaveProperty('baseVersion');
  });
  it('a point moved to typed coordinates', () => {
    const p: Geometry = { type: 'Point', coordinates: [561_234.5, 1_371_456.7] };
    const g = { table: 'graves' as const, id: A.id };
    expect(moveToEdit(g, p, 2)).toEqual({ label: `Di chuyển theo tọa độ: ${TABLES.graves.vi}`, put: [{ ...g, baseVersion: 2, geometry: p }] });
  });
  it('a hole keeps the area and names its version', () => {
    const e = holeEdit(A, square(0, 0, 10), 7);
    expect(e.label).toBe(`Thêm lỗ thủng: ${AREA}`);
    expect(e.put).toEqual([{ ...A, baseVersion: 7, geometry: square(0, 0, 10) }]);
    expect(e.remove).toBeUndefined();
  });
  it('a split: the first part keeps the row (and its links), the others are new rows with its fields', () => {
    const parts = [square(0, 0, 5), square(5, 0, 5), square(10, 0, 5)];
    const props = { name: 'Khu A', commune_code: '24688' };
    const e = splitEdit(A, parts, props, 3);
    expect(e.label).toBe(`Cắt vùng thành 3 phần: ${AREA}`);
    expect(e.put).toEqual([
      { ...A, baseVersion: 3, geometry: parts[0] },
      { table: A.table, geometry: parts[1], props },
      { table: A.table, geometry: parts[2], props },
    ]);
    expect(EditSchema.safeParse(e).success).toBe(true);
  });
  it('a merge replaces the selected area and deletes the other at the version the user saw', () => {
    const e = mergeEdit(A, square(0, 0, 20), 5, { ...B, version: 9 });
    expect(e).toEqual({ label: `Gộp vùng: ${AREA}`, put: [{ ...A, baseVersion: 5, geometry: square(0, 0, 20) }], remove: [{ ...B, baseVersion: 9 }] });
    expect(EditSchema.safeParse(e).success).toBe(true);
  });
  it('a deletion names its version', () => {
    expect(deleteEdit(A, 6)).toEqual({ label: `Xóa ${AREA}`, remove: [{ ...A, baseVersion: 6 }] });
  });
});

describe('deletionVersion', () => {
  it('the map version first, else the inspector read of the same row, else none', () => {
    expect(deletionVersion(A, 3, { ...A, version: 2 })).toBe(3);
    expect(deletionVersion(A, undefined, { ...A, version: 2 })).toBe(2);
    // What the inspector read of ANOTHER row says nothing about this one.
    expect(deletionVersion(A, undefined, { ...B, version: 2 })).toBeUndefined();
    expect(deletionVersion(A, undefined, { table: 'graves', id: A.id, version: 2 })).toBeUndefined();
    expect(deletionVersion(A, undefined, null)).toBeUndefined();
  });
});

describe('singlePut', () => {
  it('only an edit of one row put and none removed can be a shape conflict', () => {
    const one = shapeEdit(A, square(0, 0, 1), 'Sửa đỉnh', 1);
    expect(singlePut(one)).toBe(one.put![0]);
    expect(singlePut(splitEdit(A, [square(0, 0, 1), square(1, 0, 1)], {}, 1))).toBeNull();
    expect(singlePut(mergeEdit(A, square(0, 0, 2), 1, { ...B, version: 1 }))).toBeNull();
    expect(singlePut(deleteEdit(A, 1))).toBeNull();
  });
});

describe('outerRingMean', () => {
  it('the mean of the outer vertices of a polygon or of a multipolygon first part; none for a point', () => {
    // The closing vertex counts again, as it always did: (0+4+4+0+0)/5, (0+0+2+2+0)/5.
    expect(outerRingMean({ type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 2], [0, 2], [0, 0]], [[1, 1], [2, 1], [2, 1.5], [1, 1]]] })).toEqual([1.6, 0.8]);
    expect(outerRingMean({ type: 'MultiPolygon', coordinates: [[[[10, 10], [12, 10], [12, 12], [10, 10]]], [[[50, 50], [60, 50], [60, 60], [50, 50]]]] })).toEqual([11, 10.5]);
    expect(outerRingMean({ type: 'Point', coordinates: [1, 2] })).toBeNull();
  });
});
