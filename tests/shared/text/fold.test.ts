// The one diacritic folding: search text, name keys and file names agree on every Vietnamese letter.
import { describe, expect, it } from 'vitest';
import { foldKey, foldText, slugify, stripDiacritics } from '../../../src/shared/text/fold';

// Every vowel with every tone, both hats, the horn and the breve, and đ, in both cases.
const LETTERS = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
const BASES = 'aaaaaaaaaaaaaaaaaaeeeeeeeeeeeeiiiiiioooooooooooooooooouuuuuuuuuuuuyyyyyyd';

describe('Vietnamese folding', () => {
  it('every letter folds to its base letter, upper and lower case, composed or not', () => {
    expect(foldText(LETTERS)).toBe(BASES);
    expect(foldText(LETTERS.toUpperCase())).toBe(BASES);
    expect(foldText(LETTERS.normalize('NFD'))).toBe(BASES);
    expect(stripDiacritics('Đắk Nông')).toBe('Dak Nong');
  });

  it('search text keeps words and punctuation; keys keep letters and digits only', () => {
    expect(foldText('NGUYỄN VĂN ĐỨC, Quảng Ngãi')).toBe('nguyen van duc, quang ngai');
    expect(foldKey('Bà Rịa–Vũng Tàu')).toBe(foldKey('ba ria - vung tau'));
    expect(foldKey('ĐĂK NÔNG')).toBe('daknong');
  });

  it('file names: dashes between words, cut at the limit without a trailing dash, a fallback when empty', () => {
    expect(slugify('Xã Nam Đà')).toBe('xa-nam-da');
    expect(slugify('  Đắk  Mâm!  ')).toBe('dak-mam');
    expect(slugify('Quảng Phú Quảng Phú', 10)).toBe('quang-phu');
    expect(slugify('…', 80, 'to-in')).toBe('to-in');
  });
});
