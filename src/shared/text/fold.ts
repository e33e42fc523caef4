// The one place Vietnamese text loses its diacritics: for search ("nguyen van an" finds "Nguyễn Văn
// An"), for matching names however typed, and for file names. NFD splits tones and vowel hats into
// combining marks, which go; đ/Đ has no decomposition and becomes d by hand.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** "Đắk Nông" → "Dak Nong": marks dropped, case, spaces and punctuation kept. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'));
}

/** Search text: "NGUYỄN VĂN ĐỨC, Quảng Ngãi" → "nguyen van duc, quang ngai" (words and punctuation kept). */
export function foldText(text: string): string {
  return stripDiacritics(text).toLowerCase();
}

/**
 * Lower-case ASCII key for matching names typed with or without diacritics ("Đắk Nông", "Dak Nong",
 * "ĐĂK NÔNG", "Daknong"): everything but letters and digits goes too, so spacing and hyphen/en-dash
 * differences ("Bà Rịa–Vũng Tàu") do not matter.
 */
export function foldKey(text: string): string {
  return foldText(text).replace(/[^a-z0-9]/g, '');
}

/** File-name part: "Xã Nam Đà" → "xa-nam-da" (at most `max` characters; `fallback` when nothing is left). */
export function slugify(text: string, max = 80, fallback = ''): string {
  const s = foldText(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, max).replace(/-+$/, '');
  return s || fallback;
}
