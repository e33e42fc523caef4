// Which communes a write touches, and who may make it.
import { describe, expect, it } from 'vitest';
import { communesTouched, editRefusal, type Touch } from '../../../src/main/review/permissions';
import type { Props, Row, TableName } from '../../../src/shared/model';
import type { PlannedWrite } from '../../../src/main/store';
import { grave, row } from './helpers';

const write = (table: TableName, before: Props | null, after: Props, deleted = false): PlannedWrite => ({
  table,
  id: '0',
  before: before ? { props: before, geometry: null, deleted: false } : null,
  after: { props: after, geometry: null, deleted },
});

describe('communesTouched', () => {
  const gA = grave('A', 0, 0);
  const gB = grave('B', 0, 0);
  const m = row('martyrs', { full_name: 'X', commune_code: 'B' });
  const all = new Map<string, Row>([gA, gB, m].map((r) => [`${r.table}/${r.id}`, r]));
  const get = (t: TableName, id: string) => all.get(`${t}/${id}`) ?? null;
  const codes = (ts: Touch[]) => ts.map((t) => `${t.how}:${t.code}`).sort();

  it('a feature touches its stored commune and the one its geometry places it in (even none)', () => {
    expect(codes(communesTouched(write('graves', { commune_code: 'A' }, { commune_code: 'A' }), true, get))).toEqual(['placed:A', 'stored:A']);
    expect(codes(communesTouched(write('graves', { commune_code: 'A' }, { commune_code: 'B' }), true, get))).toEqual(['placed:B', 'stored:A']);
    expect(codes(communesTouched(write('graves', null, { commune_code: null }), true, get))).toEqual(['placed:null']);
    // A record has no geometry: the commune it names is the one it touches.
    expect(codes(communesTouched(write('martyrs', { commune_code: 'A' }, { commune_code: 'C' }), false, get))).toEqual(['given:C', 'stored:A']);
  });
  it('a link touches both ends; an attachment its owner', () => {
    const l = { from_table: 'graves', from_id: gA.id, to_table: 'martyrs', to_id: m.id, role: 'buried_here' };
    expect(codes(communesTouched(write('links', l, l, true), false, get))).toEqual(['linked:A', 'linked:A', 'linked:B', 'linked:B']);
    const att = { owner_table: 'graves', owner_id: gB.id, filename: 'a.jpg' };
    expect(codes(communesTouched(write('attachments', null, att), false, get))).toEqual(['linked:B']);
  });
  it('a commune boundary touches its commune', () => {
    const unit = { code: 'A', name: 'Xã A', level: 'commune' };
    expect(codes(communesTouched(write('admin_units', unit, { ...unit, source: 'x' }), false, get))).toEqual(['stored:A', 'stored:A']);
    expect(communesTouched(write('admin_units', null, { code: '67', level: 'province' }), false, get)).toEqual([]);
  });
  it('base tables without commune touch nothing', () => {
    expect(communesTouched(write('base_lines', null, { kind: 'road' }), false, get)).toEqual([]);
  });
});

describe('editRefusal', () => {
  const names = new Map([
    ['A', 'Nam Đà'],
    ['B', 'Krông Nô'],
  ]);
  const none = { approved: new Set<string>(), submitted: new Set<string>(), names };
  const staffA = { name: 's', role: 'commune_staff' as const, communeCode: 'A' };
  const reviewer = { name: 'r', role: 'reviewer' as const, communeCode: null };
  it('approved communes are locked for everyone', () => {
    const locked = { ...none, approved: new Set(['A']) };
    expect(editRefusal(null, [{ code: 'A', how: 'stored' }], locked)?.vi).toMatch(/Nam Đà đã được phê duyệt/);
    expect(editRefusal({ name: 'r', role: 'admin', communeCode: null }, [{ code: 'A', how: 'placed' }], locked)?.code).toBe('forbidden');
  });
  it('a link or an attachment reaching into an approved commune is locked too, for everyone', () => {
    const locked = { ...none, approved: new Set(['A']) };
    const admin = { name: 'ad', role: 'admin' as const, communeCode: null };
    // A record of B linked to a grave of A (approved): refused, naming A.
    expect(editRefusal(reviewer, [{ code: 'B', how: 'stored' }, { code: 'A', how: 'linked' }], locked)?.details).toEqual({ communeCode: 'A', reason: 'approved' });
    expect(editRefusal(admin, [{ code: 'A', how: 'linked' }], locked)?.vi).toMatch(/Nam Đà đã được phê duyệt và đang khóa/);
    expect(editRefusal(admin, [{ code: 'B', how: 'linked' }], locked)).toBeNull();
    // Reached through a link, a submitted commune is frozen for staff and open to the reviewer.
    const sub = { ...none, submitted: new Set(['A']) };
    expect(editRefusal(staffA, [{ code: 'A', how: 'linked' }], sub)?.details).toEqual({ communeCode: 'A', reason: 'submitted' });
    expect(editRefusal(reviewer, [{ code: 'A', how: 'linked' }], sub)).toBeNull();
  });
  it('submitted communes are frozen for staff and anyone not a reviewer; reviewers may still correct them', () => {
    const sub = { ...none, submitted: new Set(['A']) };
    const r = editRefusal(staffA, [{ code: 'A', how: 'stored' }], sub);
    expect(r?.vi).toMatch(/Bản đồ xã Nam Đà đã trình duyệt; chờ huyện trả lại để sửa/);
    expect(editRefusal(null, [{ code: 'A', how: 'placed' }], sub)?.code).toBe('forbidden');
    expect(editRefusal(reviewer, [{ code: 'A', how: 'stored' }], sub)).toBeNull();
  });
  it('staff keep to their commune: the sentence names both communes', () => {
    expect(editRefusal(staffA, [{ code: 'B', how: 'stored' }], none)?.vi).toMatch(/Cán bộ xã Nam Đà không được sửa đối tượng của xã Krông Nô/);
    expect(editRefusal(staffA, [{ code: 'B', how: 'placed' }], none)?.vi).toMatch(/thuộc xã Krông Nô, không thuộc xã Nam Đà/);
    expect(editRefusal(staffA, [{ code: null, how: 'placed' }], none)?.vi).toMatch(/ngoài mọi xã của dự án/);
    expect(editRefusal(staffA, [{ code: 'A', how: 'placed' }, { code: 'A', how: 'stored' }], none)).toBeNull();
    expect(editRefusal({ name: 's', role: 'commune_staff', communeCode: null }, [{ code: 'B', how: 'stored' }], none)).toBeNull();
  });
});
