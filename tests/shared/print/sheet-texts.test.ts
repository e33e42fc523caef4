// The official furniture in the composer: organisation header, review mark, Vietnamese dates.
import { describe, expect, it } from 'vitest';
import { boxesOverlap, compose, type TextItem } from '../../../src/shared/print';
import { vnDate, vnDay } from '../../../src/shared/print/text';
import { fixture } from './fixture';

const texts = (r: ReturnType<typeof compose>) => r.list.items.filter((i): i is TextItem => i.kind === 'text');
const sheet = { paper: 'A3' as const, area: { kind: 'communes' as const, communes: ['001'] } };

describe('official sheet texts', () => {
  it('dates are written the Vietnamese way, in Vietnam’s day', () => {
    expect(vnDate('2019-06-20')).toBe('ngày 20 tháng 6 năm 2019');
    expect(vnDate('2020-02-05')).toBe('ngày 05 tháng 02 năm 2020');
    expect(vnDate('2020-11-30')).toBe('ngày 30 tháng 11 năm 2020');
    expect(vnDay('2026-12-04T23:30:00.000Z')).toBe('2026-12-05');
  });

  it('the organisation header stands top left, clear of the title; the last line in bold', () => {
    const f = fixture();
    const input = { ...f, settings: { ...f.settings, organisation: ['Bộ Chỉ huy Quân sự tỉnh Đắk Nông', 'Ban Chỉ huy Quân sự huyện Krông Nô'] } };
    for (const paper of ['A3', 'A4'] as const) {
      const r = compose(input, { ...sheet, paper, orientation: paper === 'A4' ? 'portrait' : 'landscape' });
      const t = texts(r);
      const org = t.filter((i) => i.text.startsWith('BỘ CHỈ HUY') || i.text.startsWith('BAN CHỈ HUY'));
      expect(org.map((i) => [i.text, !!i.bold])).toEqual([
        ['BỘ CHỈ HUY QUÂN SỰ TỈNH ĐẮK NÔNG', false],
        ['BAN CHỈ HUY QUÂN SỰ HUYỆN KRÔNG NÔ', true],
      ]);
      const title = t.filter((i) => i.role === 'title' && !org.includes(i));
      for (const a of org) for (const b of title) expect(boxesOverlap(a.box, b.box), `${paper}: ${b.text}`).toBe(false);
      // Above the map frame.
      for (const a of [...org, ...title]) expect(a.box[3]).toBeLessThan(r.report.frame.y);
    }
  });

  it('a sheet of an unapproved commune says BẢN DỰ THẢO; an approved one says when and by whom', () => {
    const f = fixture();
    expect(texts(compose(f, sheet)).some((i) => i.text === 'BẢN DỰ THẢO')).toBe(false); // review state unknown
    const draft = texts(compose({ ...f, reviews: [{ communeCode: '001', state: 'submitted', updatedAt: '2026-01-02T00:00:00Z' }] }, sheet));
    expect(draft.filter((i) => i.text === 'BẢN DỰ THẢO').map((i) => i.role).sort()).toEqual(['decoration', 'title']);
    const input = { ...f, settings: { ...f.settings, reviewingOrganisation: 'Bộ CHQS tỉnh Đắk Nông' }, reviews: [{ communeCode: '001', state: 'approved' as const, updatedAt: '2019-07-01T03:00:00Z' }] };
    const ok = texts(compose(input, sheet));
    expect(ok.some((i) => i.text.includes('DỰ THẢO'))).toBe(false);
    expect(ok.map((i) => i.text).join(' ')).toContain('Đã phê duyệt ngày 01 tháng 7 năm 2019 – Bộ CHQS tỉnh Đắk Nông');
    // A district sheet is a draft while any of its communes is.
    expect(texts(compose(input, { paper: 'A3', area: { kind: 'all' } })).some((i) => i.text === 'BẢN DỰ THẢO')).toBe(true);
  });
});
