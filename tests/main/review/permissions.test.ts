// Which communes a write touches, and who may make it.
import { describe, expect, it } from 'vitest';
import { communesTouched, editRefusal } from '../../../src/main/review/permissions';
import type { Row, TableName } from '../../../src/shared/model';
import { grave, row } from './helpers';

describe('communesTouched', () => {
  const gA = grave('A', 0, 0);
  const gB = grave('B', 0, 0);
  const m = row('martyrs', { full_name: 'X', commune_code: 'B' });
  const link = row('links', { from_table: 'graves', from_id: gA.id, to_table: 'martyrs', to_id: m.id, role: 'buried_here' });
  const att = row('attachments', { owner_table: 'graves', owner_id: gB.id, filename: 'a.jpg', mime: 'image/jpeg' });
  const all = new Map<string, Row>([gA, gB, m, link, att].map((r) => [`${r.table}/${r.id}`, r]));
  const get = (t: TableName, id: string) => all.get(`${t}/${id}`) ?? null;
  const touched = (rows: Parameters<typeof communesTouched>[0]) => [...communesTouched(rows, get)].sort();

  it('an update touches the stored commune and the one it moves to', () => {
    expect(touched([{ table: 'graves', id: gA.id, props: { description: 'x' } }])).toEqual(['A']);
    expect(touched([{ table: 'graves', id: gA.id, props: { commune_code: 'B' } }])).toEqual(['A', 'B']);
    expect(touched([{ table: 'graves', id: null, props: { commune_code: 'C' } }])).toEqual(['C']);
    expect(touched([{ table: 'graves', id: gB.id, props: null }])).toEqual(['B']);
  });
  it('a link touches both ends; an attachment its owner', () => {
    expect(touched([{ table: 'links', id: link.id, props: null }])).toEqual(['A', 'B']);
    expect(touched([{ table: 'links', id: null, props: { from_table: 'graves', from_id: gA.id, to_table: 'graves', to_id: gA.id } }])).toEqual(['A']);
    expect(touched([{ table: 'attachments', id: att.id, props: { caption: 'ảnh' } }])).toEqual(['B']);
  });
  it('base tables without commune touch nothing', () => {
    expect(touched([{ table: 'base_lines', id: null, props: { kind: 'road' } }])).toEqual([]);
  });
});

describe('editRefusal', () => {
  const names = new Map([['A', 'Xã A']]);
  it('approved communes are locked for everyone; staff keep to their commune', () => {
    expect(editRefusal(null, new Set(['A']), new Set(['A']), names)?.vi).toMatch(/Xã A đã được phê duyệt/);
    expect(editRefusal({ name: 'r', role: 'admin', communeCode: null }, new Set(['A']), new Set(['A']), names)?.code).toBe('forbidden');
    expect(editRefusal({ name: 's', role: 'commune_staff', communeCode: 'B' }, new Set(['A']), new Set(), names)?.vi).toMatch(/không được sửa đối tượng của xã Xã A/);
    expect(editRefusal({ name: 's', role: 'commune_staff', communeCode: 'A' }, new Set(['A']), new Set(), names)).toBeNull();
    expect(editRefusal({ name: 's', role: 'commune_staff', communeCode: null }, new Set(['A', 'B']), new Set(), names)).toBeNull();
    expect(editRefusal({ name: 'r', role: 'reviewer', communeCode: null }, new Set(['A']), new Set(['B']), names)).toBeNull();
  });
});
