// The feature table's rows as pure functions: the filters and search (without diacritics), the
// sort (numbers as numbers, Vietnamese order, empty values last), the bulk edit's typed value.
import { describe, expect, it } from 'vitest';
import type { Props, Row } from '../../../src/shared/model/rows';
import type { FieldDef } from '../../../src/shared/model/tables';
import { bulkValue, filterRows, nextSort, sortRows } from '../../../src/renderer/drafting/featureTable/rows';

const meta = { version: 1, createdAt: '', createdBy: '', updatedAt: '', updatedBy: '', deleted: false };
const row = (id: string, props: Props): Row => ({ table: 'graves', id, geometry: null, props, meta });
const rows = [
  row('a', { name: 'Mộ Nguyễn Văn Ánh', kind: 'known', commune_code: '24703', count: 10 }),
  row('b', { name: 'Mộ liệt sĩ', kind: 'unknown', commune_code: '24706', count: 9 }),
  row('c', { name: null, kind: 'known', commune_code: '24703', count: null }),
];
const ids = (rs: Row[]) => rs.map((r) => r.id);
const all = { search: '', classField: 'kind', classFilter: '', commune: null };

describe('feature table rows', () => {
  it('filters by class, by commune and by a search typed without diacritics', () => {
    expect(ids(filterRows(rows, all))).toEqual(['a', 'b', 'c']);
    expect(ids(filterRows(rows, { ...all, classFilter: 'known' }))).toEqual(['a', 'c']);
    expect(ids(filterRows(rows, { ...all, commune: '24706' }))).toEqual(['b']);
    expect(ids(filterRows(rows, { ...all, search: '  nguyen van anh ' }))).toEqual(['a']);
  });

  it('sorts numbers as numbers, both ways, empty values last', () => {
    expect(ids(sortRows(rows, { field: 'count', dir: 1 }, 'vi'))).toEqual(['b', 'a', 'c']);
    expect(ids(sortRows(rows, { field: 'count', dir: -1 }, 'vi'))).toEqual(['a', 'b', 'c']);
    expect(ids(sortRows(rows, { field: 'name', dir: 1 }, 'vi'))).toEqual(['b', 'a', 'c']);
  });

  it('a click on the same head turns the order, on another starts ascending', () => {
    expect(nextSort(null, 'name')).toEqual({ field: 'name', dir: 1 });
    expect(nextSort({ field: 'name', dir: 1 }, 'name')).toEqual({ field: 'name', dir: -1 });
    expect(nextSort({ field: 'name', dir: -1 }, 'count')).toEqual({ field: 'count', dir: 1 });
  });

  it('a bulk value is typed by its field; empty clears it', () => {
    const f = (type: FieldDef['type']): FieldDef => ({ name: 'x', type, vi: 'x', en: 'x' });
    expect(bulkValue(f('integer'), '12')).toBe(12);
    expect(bulkValue(f('real'), '')).toBeNull();
    expect(bulkValue(f('boolean'), 'true')).toBe(true);
    expect(bulkValue(f('text'), '12')).toBe('12');
  });
});
