// GEOS's English reasons become our sentences, with the place rounded; unknown ones a plain phrase.
import { describe, expect, it } from 'vitest';
import { geosReasonText } from '../../../src/shared/io/geos-reason';

describe('geosReasonText', () => {
  it('a self-intersection, with its place', () => {
    expect(geosReasonText('Self-intersection[424239.234439785 1371962.44376222]')).toEqual({
      vi: 'ranh giới tự cắt (hình con bướm hoặc các vòng cắt nhau) tại 424239.2, 1371962.4',
      en: 'the outline crosses itself (a bow-tie, or rings that cross) at 424239.2, 1371962.4',
    });
  });
  it('a ring self-intersection is not read as a plain self-intersection', () => {
    expect(geosReasonText('Ring Self-intersection[1 2]').vi).toBe('một vòng ranh giới tự cắt chính nó tại 1.0, 2.0');
  });
  it('other GEOS reasons, and unknown or missing ones, never come back in GEOS English', () => {
    expect(geosReasonText('Hole lies outside shell[5 6]').en).toBe('a hole lies outside its area at 5.0, 6.0');
    expect(geosReasonText('Too few points in geometry component').vi).toMatch(/^có phần hình học quá ít điểm/);
    for (const r of ['Something new in GEOS 3.14[1 2]', null, '']) {
      const t = geosReasonText(r);
      expect(t.vi).toMatch(/^hình học không hợp lệ theo GEOS/);
      expect(t.en).not.toMatch(/Something new/);
    }
  });
});
