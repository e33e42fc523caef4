// TCVN3 (ABC) and VNI, the pre-Unicode Vietnamese font encodings many district Shapefiles and Excel
// sheets still use. No npm package covers them both with tests we could trust (the few that exist
// are unmaintained, font-name keyed and miss capitals), so the tables are here, tested against
// hand-checked pairs in tests/shared/io/legacy-encodings.test.ts.
//
// Both work on BYTES as the .dbf holds them: TCVN3 maps one byte to one precomposed letter; VNI
// writes a base Latin letter followed by one or two accent bytes.

/** TCVN3 (TCVN 5712:1993, "ABC" fonts such as .VnTime): byte → character. Capitals with tones use the
 * "H" fonts (.VnTimeH) with the same bytes, so lower case is all this table can know. */
const TCVN3_PAIRS: [number, string][] = [
  [0xa1, 'Ă'], [0xa2, 'Â'], [0xa3, 'Ê'], [0xa4, 'Ô'], [0xa5, 'Ơ'], [0xa6, 'Ư'], [0xa7, 'Đ'],
  [0xa8, 'ă'], [0xa9, 'â'], [0xaa, 'ê'], [0xab, 'ô'], [0xac, 'ơ'], [0xad, 'ư'], [0xae, 'đ'],
  [0xb5, 'à'], [0xb6, 'ả'], [0xb7, 'ã'], [0xb8, 'á'], [0xb9, 'ạ'],
  [0xbb, 'ằ'], [0xbc, 'ẳ'], [0xbd, 'ẵ'], [0xbe, 'ắ'], [0xc6, 'ặ'],
  [0xc7, 'ầ'], [0xc8, 'ẩ'], [0xc9, 'ẫ'], [0xca, 'ấ'], [0xcb, 'ậ'],
  [0xcc, 'è'], [0xce, 'ẻ'], [0xcf, 'ẽ'], [0xd0, 'é'], [0xd1, 'ẹ'],
  [0xd2, 'ề'], [0xd3, 'ể'], [0xd4, 'ễ'], [0xd5, 'ế'], [0xd6, 'ệ'],
  [0xd7, 'ì'], [0xd8, 'ỉ'], [0xdc, 'ĩ'], [0xdd, 'í'], [0xde, 'ị'],
  [0xdf, 'ò'], [0xe1, 'ỏ'], [0xe2, 'õ'], [0xe3, 'ó'], [0xe4, 'ọ'],
  [0xe5, 'ồ'], [0xe6, 'ổ'], [0xe7, 'ỗ'], [0xe8, 'ố'], [0xe9, 'ộ'],
  [0xea, 'ờ'], [0xeb, 'ở'], [0xec, 'ỡ'], [0xed, 'ớ'], [0xee, 'ợ'],
  [0xef, 'ù'], [0xf1, 'ủ'], [0xf2, 'ũ'], [0xf3, 'ú'], [0xf4, 'ụ'],
  [0xf5, 'ừ'], [0xf6, 'ử'], [0xf7, 'ữ'], [0xf8, 'ứ'], [0xf9, 'ự'],
  [0xfa, 'ỳ'], [0xfb, 'ỷ'], [0xfc, 'ỹ'], [0xfd, 'ý'], [0xfe, 'ỵ'],
];
const TCVN3 = new Map(TCVN3_PAIRS);

export function decodeTcvn3(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += TCVN3.get(b) ?? String.fromCharCode(b);
  return s.normalize('NFC');
}

/** VNI-Windows: accent bytes that follow a base letter, as Unicode combining marks. */
const VNI_MARKS: Record<number, string> = {
  0xf8: '\u0300', // ø grave (huyền)
  0xd8: '\u0300',
  0xf9: '\u0301', // ù acute (sắc)
  0xd9: '\u0301',
  0xfb: '\u0309', // û hook (hỏi)
  0xdb: '\u0309',
  0xf5: '\u0303', // õ tilde (ngã)
  0xd5: '\u0303',
  0xef: '\u0323', // ï dot below (nặng)
  0xcf: '\u0323',
  0xe2: '\u0302', // â circumflex
  0xc2: '\u0302',
  0xea: '\u0306', // ê breve
  0xca: '\u0306',
};
/** Bytes that stand for circumflex/breve AND a tone at once (VNI's second accent byte). */
const VNI_COMBO: Record<number, string> = {
  0xe1: '\u0302\u0301', 0xc1: '\u0302\u0301', // á → ấ
  0xe0: '\u0302\u0300', 0xc0: '\u0302\u0300', // à → ầ
  0xe5: '\u0302\u0309', 0xc5: '\u0302\u0309', // å → ẩ
  0xe3: '\u0302\u0303', 0xc3: '\u0302\u0303', // ã → ẫ
  0xe4: '\u0302\u0323', 0xc4: '\u0302\u0323', // ä → ậ
  0xe9: '\u0306\u0301', 0xc9: '\u0306\u0301', // é → ắ
  0xe8: '\u0306\u0300', 0xc8: '\u0306\u0300', // è → ằ
  0xfa: '\u0306\u0309', 0xda: '\u0306\u0309', // ú → ẳ
  0xfc: '\u0306\u0303', 0xdc: '\u0306\u0303', // ü → ẵ
  0xeb: '\u0306\u0323', 0xcb: '\u0306\u0323', // ë → ặ
};
/** Whole letters VNI encodes as one byte. */
const VNI_LETTERS: Record<number, string> = {
  0xf1: 'đ', 0xd1: 'Đ', // ñ Ñ
  0xf4: 'ơ', 0xd4: 'Ơ', // ô Ô
  0xf6: 'ư', 0xd6: 'Ư', // ö Ö
  0xec: 'ì', 0xcc: 'Ì', // ì Ì
  0xed: 'í', 0xcd: 'Í',
  0xf3: 'ĩ', 0xd3: 'Ĩ', // ó Ó
  0xf2: 'ị', 0xd2: 'Ị', // ò Ò
  0xe6: 'ỉ', 0xc6: 'Ỉ', // æ Æ
  0xee: 'ỵ', 0xce: 'Ỵ', // î Î
};

export function decodeVni(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) {
      s += String.fromCharCode(b);
      // An accent byte only counts right after a letter it can sit on.
      const next = bytes[i + 1];
      if (next !== undefined && /[aeiouyAEIOUY]/.test(String.fromCharCode(b))) {
        const combo = VNI_COMBO[next] ?? VNI_MARKS[next];
        if (combo) {
          s += combo;
          i++;
        }
      }
      continue;
    }
    const letter = VNI_LETTERS[b];
    if (letter) {
      s += letter;
      // ơ / ư take a tone byte too.
      const next = bytes[i + 1];
      if (next !== undefined && (letter === 'ơ' || letter === 'Ơ' || letter === 'ư' || letter === 'Ư') && VNI_MARKS[next] && !VNI_COMBO[next]) {
        s += VNI_MARKS[next];
        i++;
      }
      continue;
    }
    s += String.fromCharCode(b);
  }
  return s.normalize('NFC');
}

export type LegacyEncoding = 'tcvn3' | 'vni';

export function decodeLegacy(bytes: Uint8Array, enc: LegacyEncoding): string {
  return enc === 'tcvn3' ? decodeTcvn3(bytes) : decodeVni(bytes);
}
