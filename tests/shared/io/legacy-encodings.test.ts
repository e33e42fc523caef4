// TCVN3 (ABC) and VNI checked against the mojibake everyone in Vietnam has seen: the national motto
// as it shows when a .VnTime or VNI-Times document is opened without its font, read as Windows-1252.
import { describe, expect, it } from 'vitest';
import { decodeTcvn3, decodeVni } from '../../../src/shared/io/legacy-encodings';

const bytes = (latin1: string) => Uint8Array.from(latin1, (c) => c.charCodeAt(0));

describe('TCVN3 (ABC)', () => {
  it.each([
    ['Céng hßa x· héi chñ nghÜa ViÖt Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'],
    ['§¾k N«ng', 'Đắk Nông'],
    ['Kr«ng N«', 'Krông Nô'],
    ['Qu¶ng Phó', 'Quảng Phú'],
    ['Mé liÖt sÜ', 'Mộ liệt sĩ'],
    ['§éc lËp - Tù do - H¹nh phóc', 'Độc lập - Tự do - Hạnh phúc'],
  ])('%s → %s', (legacy, unicode) => {
    expect(decodeTcvn3(bytes(legacy))).toBe(unicode);
  });
});

describe('VNI', () => {
  it.each([
    ['Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'],
    ['Ñaék Noâng', 'Đắk Nông'],
    ['ÑAÉK NOÂNG', 'ĐẮK NÔNG'],
    ['Kroâng Noâ', 'Krông Nô'],
    ['Quaûng Phuù', 'Quảng Phú'],
    ['Moä lieät só', 'Mộ liệt sĩ'],
    ['Ñoäc laäp - Töï do - Haïnh phuùc', 'Độc lập - Tự do - Hạnh phúc'],
    ['Nghóa trang lieät só Ñaêk Mil', 'Nghĩa trang liệt sĩ Đăk Mil'],
  ])('%s → %s', (legacy, unicode) => {
    expect(decodeVni(bytes(legacy))).toBe(unicode);
  });

  it('ASCII stays as it is in both', () => {
    expect(decodeVni(bytes('Thon 3, xa 24682'))).toBe('Thon 3, xa 24682');
    expect(decodeTcvn3(bytes('Thon 3, xa 24682'))).toBe('Thon 3, xa 24682');
  });
});
