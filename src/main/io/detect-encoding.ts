// Which byte encoding a .dbf without a .cpg holds. Not UTF-8 leaves three that district data uses:
// Windows-1258, TCVN3 and VNI. Each decodes any byte, so the bytes alone do not say which: the text
// does. Vietnamese is written in syllables of a small, regular shape (an initial consonant, a vowel
// group, a final, at most one tone), and the wrong encoding breaks that shape in nearly every word
// that carries a diacritic ("N«ng", "Noâng", "Ñaék"). So each candidate is scored by the share of
// such words that are well-formed syllables, and chosen only when it clearly wins. No package does
// this (chardet-style detectors know neither TCVN3 nor VNI), hence this file.
import { decodeLegacy } from '../../shared/io/legacy-encodings';

export type DetectedEncoding = 'utf-8' | 'windows-1258' | 'tcvn3' | 'vni';

export interface EncodingGuess {
  encoding: DetectedEncoding;
  /** False when two candidates read about as well (or none reads as Vietnamese): ask the user. */
  sure: boolean;
  /** Share of diacritic-bearing words that are well-formed syllables, per candidate (0–1). */
  scores: Partial<Record<DetectedEncoding, number>>;
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
// After the tone is taken off (NFD, then NFC again for â ê ô ă ơ ư): an initial (with the clusters
// of the Central Highlands' place names: Krông, Blao, Pleiku), one of the vowel groups the language
// has (longest first, so the regex tries them first), a final (k too: Đắk, Lắk).
const NUCLEI = [
  'iêu', 'yêu', 'oai', 'oay', 'oeo', 'uây', 'uôi', 'uya', 'uyê', 'ươi', 'ươu', 'uyu',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'ôi', 'ơi',
  'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ươ', 'ưu', 'yê',
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
];
const SYLLABLE = new RegExp(`^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx][lr]?)?(${NUCLEI.join('|')})(ng|nh|ch|[cmnptk])?$`);

/** A word (letters only, lower case) is a Vietnamese syllable: one tone at most and the shape above. */
export function isSyllable(word: string): boolean {
  const nfd = word.normalize('NFD');
  const tones = nfd.match(TONES)?.length ?? 0;
  if (tones > 1) return false;
  return SYLLABLE.test(nfd.replace(TONES, '').normalize('NFC'));
}

/** Share of the words with a non-ASCII character that are syllables; null when there are none. */
export function syllableShare(texts: readonly string[]): number | null {
  let words = 0;
  let good = 0;
  for (const t of texts)
    for (const w of t.toLowerCase().split(/[\s\d.,;:()\-/"'_]+/)) {
      if (!/[^\x00-\x7f]/.test(w)) continue;
      words++;
      if (isSyllable(w)) good++;
    }
  return words ? good / words : null;
}

const win1258 = new TextDecoder('windows-1258');
const DECODE: Record<Exclude<DetectedEncoding, 'utf-8'>, (b: Uint8Array) => string> = {
  'windows-1258': (b) => win1258.decode(b).normalize('NFC'),
  tcvn3: (b) => decodeLegacy(b, 'tcvn3'),
  vni: (b) => decodeLegacy(b, 'vni'),
};

/** Clear winner: reads at least 80 % of the words as syllables, and 20 points ahead of the next. */
const SURE_SHARE = 0.8;
const SURE_LEAD = 0.2;

export function detectEncoding(samples: readonly Uint8Array[]): EncodingGuess {
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    for (const s of samples) strict.decode(s);
    return { encoding: 'utf-8', sure: true, scores: {} };
  } catch {
    // not UTF-8: one of the byte encodings
  }
  const scores: EncodingGuess['scores'] = {};
  for (const enc of Object.keys(DECODE) as (keyof typeof DECODE)[]) scores[enc] = syllableShare(samples.map(DECODE[enc])) ?? 0;
  const ranked = (Object.entries(scores) as [DetectedEncoding, number][]).sort((a, b) => b[1] - a[1]);
  const [best, next] = ranked;
  const sure = best![1] >= SURE_SHARE && best![1] - (next?.[1] ?? 0) >= SURE_LEAD;
  return { encoding: best![0], sure, scores };
}
