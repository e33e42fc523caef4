// Which review states lock a commune's map in the drafting workspace, before anyone edits.
import { describe, expect, it } from 'vitest';
import { reviewLock } from '../../../src/renderer/drafting/communeLock';

const staff = { name: 'Cán bộ xã', role: 'commune_staff' as const, communeCode: '24688' };
const reviewer = { name: 'Thẩm định viên', role: 'reviewer' as const, communeCode: null };

describe('reviewLock', () => {
  it('an approved map is locked for everybody (main refuses every write)', () => {
    for (const op of [staff, reviewer, { ...reviewer, role: 'admin' as const }, null]) expect(reviewLock('approved', op)).toBe('approved');
  });
  it('a submitted map is read-only for its staff, who wait for the answer; a reviewer may still correct it', () => {
    expect(reviewLock('submitted', staff)).toBe('submitted');
    expect(reviewLock('submitted', reviewer)).toBeNull();
  });
  it('draft and returned maps, and communes never reviewed, are editable', () => {
    for (const s of ['draft', 'returned', undefined] as const) expect(reviewLock(s, staff)).toBeNull();
  });
});
