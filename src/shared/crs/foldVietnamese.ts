/**
 * Lower-case ASCII key for matching names typed with or without diacritics
 * ("Đắk Nông", "Dak Nong", "ĐĂK NÔNG", "Daknong"): tone marks and vowel hats are dropped,
 * đ becomes d (NFD does not decompose it), and everything but letters and digits goes,
 * so spacing and hyphen/en-dash differences ("Bà Rịa–Vũng Tàu") do not matter.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
