// The message a user reads for an API error: a sentence in the interface's language, never the
// details as JSON, and the access-token text only for a refused token (HTTP 401), not for a
// permission refusal (403 'forbidden').
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/shared/api-error';
import { toUiError } from '../../src/renderer/errors';

const locked = new ApiError(
  'forbidden',
  'Bản đồ xã Đắk Sôr đã được phê duyệt và đang khóa: không ai được sửa.',
  'The map of Đắk Sôr is approved and locked: nobody may edit it.',
  { communeCode: '24670', reason: 'approved' },
);

describe('toUiError', () => {
  it('a permission refusal shows its own reason, not the access-token text', () => {
    for (const lang of ['vi', 'en'] as const) {
      const u = toUiError(locked, lang);
      expect(u.code).toBe('forbidden');
      expect(u.message).toBe(lang === 'vi' ? locked.vi : locked.en);
      expect(JSON.stringify(u)).not.toMatch(/token/i);
    }
  });

  it('a refused token (unauthorized) shows the token text', () => {
    const u = toUiError(new ApiError('unauthorized', 'Thiếu hoặc sai mã truy cập.', 'Missing or wrong access token.'), 'vi');
    expect(u.message).toMatch(/mã truy cập \(token\)/);
  });

  it('never shows details as JSON', () => {
    const e = new ApiError('validation', 'Tệp "empty.gpx": tệp rỗng.', 'File "empty.gpx": the file is empty.', { file: 'empty.gpx' });
    const u = toUiError(e, 'vi');
    expect(u.message).toBe(e.vi);
    expect(JSON.stringify(u)).not.toContain('{\\"');
    expect(Object.values(u).join(' ')).not.toContain('{');
  });

  it('check findings behind a refusal become sentences to list, in the interface language', () => {
    const finding = {
      rule: 'commune.crosses',
      severity: 'error',
      table: 'search_areas',
      id: '0b7d8a4e-4a8e-4a61-9f47-3b1c1f7f8c11',
      communeCode: '24670',
      vi: 'Vùng KV-01 nằm vắt qua ranh giới xã.',
      en: 'Area KV-01 crosses the commune boundary.',
      extent: [1, 2, 3, 4],
      otherTable: null,
      otherId: null,
    };
    const e = new ApiError('validation', 'Bản đồ xã còn 1 lỗi.', 'The commune map still has 1 error.', { findings: [finding] });
    const vi = toUiError(e, 'vi');
    expect(vi.message).toBe(e.vi);
    expect(vi.findings).toEqual([{ rule: 'commune.crosses', message: finding.vi, table: 'search_areas', id: finding.id, extent: [1, 2, 3, 4] }]);
    expect(toUiError(e, 'en').findings?.[0]?.message).toBe(finding.en);
  });

  it('a bug (not an ApiError) shows a sentence; its English stays in the console', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const u = toUiError(new RangeError('Invalid array length'), 'vi');
    expect(u.message).not.toMatch(/Invalid array length|Error/);
    expect(u.message).toMatch(/Hãy thử lại/);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});
