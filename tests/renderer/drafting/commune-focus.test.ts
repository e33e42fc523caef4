// The commune focus's pure parts: the communes listed (communes.ts), every commune's review state
// from the review history, and the focus's read-only rule (communeLock.ts).
import { describe, expect, it } from 'vitest';
import type { Row } from '../../../src/shared/model/rows';
import { communesOf } from '../../../src/renderer/drafting/communes';
import { focusLock, statesFromHistory } from '../../../src/renderer/drafting/communeLock';

const meta = (deleted = false) => ({ version: 1, createdAt: '', createdBy: '', updatedAt: '', updatedBy: '', deleted });
const commune = (code: unknown, name: unknown, deleted = false): Row => ({
  table: 'admin_units',
  id: '00000000-0000-4000-8000-000000000000',
  geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] },
  props: { level: 'commune', ...(code === undefined ? {} : { code: code as string }), ...(name === undefined ? {} : { name: name as string }) },
  meta: meta(deleted),
});

describe('communesOf', () => {
  it('lists the live communes by name, with their outlines', () => {
    const list = communesOf([commune('24688', 'Nâm Nung'), commune('24670', 'Đắk Sôr', true), commune('24667', 'Buôn Choáh'), commune('24682', 'Đức Xuyên')]);
    expect(list.map((c) => c.code)).toEqual(['24667', '24682', '24688']);
    expect(list[0]).toEqual({ code: '24667', name: 'Buôn Choáh', geometry: commune('', '').geometry });
  });
  it('a commune without a code or a name is listed with empty words, not "undefined"', () => {
    expect(communesOf([commune(undefined, undefined)])).toEqual([{ code: '', name: '', geometry: commune('', '').geometry }]);
  });
});

describe('statesFromHistory', () => {
  it('the last act of each commune gives its state; acts without a state change none', () => {
    const m = statesFromHistory([
      { communeCode: '24688', to: 'submitted' },
      { communeCode: '24667', to: 'submitted' },
      { communeCode: '24688', to: 'returned' },
      { communeCode: '24667', to: 'approved' },
      { communeCode: '24667', to: null },
    ]);
    expect([...m.entries()].sort()).toEqual([['24667', 'approved'], ['24688', 'returned']]);
  });
});

describe('focusLock', () => {
  it('boundaries are read-only unless unlocked', () => {
    expect(focusLock('admin_units', '24688', '24688', false)).toEqual({ key: 'commune.adminReadOnly' });
    expect(focusLock('admin_units', '24688', null, false)).toEqual({ key: 'commune.adminReadOnly' });
    expect(focusLock('admin_units', '24688', '24688', true)).toBeNull();
  });
  it("another commune's rows are read-only while one is focused, unless unlocked", () => {
    expect(focusLock('graves', '24667', '24688', false)).toEqual({ key: 'commune.readOnly', code: '24667' });
    expect(focusLock('graves', '24667', '24688', true)).toBeNull();
    expect(focusLock('graves', '24688', '24688', false)).toBeNull();
    expect(focusLock('graves', '24667', null, false)).toBeNull();
  });
  it('a row of no commune stays editable', () => {
    for (const code of [undefined, null, '', 24667]) expect(focusLock('graves', code, '24688', false), String(code)).toBeNull();
  });
});
