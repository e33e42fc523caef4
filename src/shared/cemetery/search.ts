// Finding a martyr in the cemetery registers: "nguyen van an 1950 thai binh" → the candidates,
// best first. Pure: the index is built once per project version (main keeps it) and a query only
// walks the postings of the words it names, so 20,000 register rows answer in a few milliseconds
// (bench/cemetery-bench.ts).
//
// Each query word is folded without diacritics (foldKey, shared/text/fold.ts) and matched against the words of
// the name, the home town and the unit, exactly or as the start of a word ("ng" finds "Nguyễn"); a
// number of four digits between 1850 and 2030 is a year (of birth, or of death). A candidate must
// match every word; when none does, the ones matching the most words are offered. Ranking: more
// words matched, then the name (the whole name typed in its order, then in another order, then name
// words matched, exact before prefix), then the rest, then the name's alphabetical order.
import { foldKey } from '../text/fold';

export interface RegisterEntry {
  martyrId: string;
  fullName: string;
  birthYear: number | null;
  hometown: string;
  unit: string;
  deathDate: string;
  cemeteryId: string | null;
  cemeteryName: string;
  plotId: string | null;
  section: string;
  row: string;
  plotNumber: string;
}

type Field = 0 | 1 | 2; // name, home town, unit
const FIELD_WEIGHT = [[10, 6], [4, 3], [3, 2]] as const; // [exact, prefix]

export interface RegisterIndex {
  entries: readonly RegisterEntry[];
  /** Distinct folded words, sorted: a prefix is a range found by binary search. */
  vocab: string[];
  /** vocab[i] → postings, each entry × 3 + field. */
  postings: Int32Array[];
  /** Number of words in each entry's name. */
  nameWords: Uint8Array;
  /** Each name's folded words between spaces (" nguyen van an "): the name typed in its order. */
  namePhrase: string[];
  /** Each entry's place in the names' alphabetical order (ties of the ranking, without a collator per query). */
  nameRank: Int32Array;
  birth: Map<number, number[]>;
  death: Map<number, number[]>;
}

/** Words of a text, each folded: "Nguyễn Văn An" → ["nguyen", "van", "an"]. */
export function foldedWords(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[\s,.;:/\\()\-–—_+'"“”]+/)
    .map(foldKey)
    .filter(Boolean);
}

export function yearOf(text: string): number | null {
  const m = /(1[89]\d\d|20[0-3]\d)/.exec(text);
  return m ? Number(m[1]) : null;
}

export function buildRegisterIndex(entries: readonly RegisterEntry[]): RegisterIndex {
  const byWord = new Map<string, number[]>();
  const nameWords = new Uint8Array(entries.length);
  const namePhrase = entries.map((e) => ` ${foldedWords(e.fullName).join(' ')} `);
  const birth = new Map<number, number[]>();
  const death = new Map<number, number[]>();
  const push = <K>(m: Map<K, number[]>, k: K, v: number) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  entries.forEach((e, i) => {
    const fields: [Field, string][] = [
      [0, e.fullName],
      [1, e.hometown],
      [2, e.unit],
    ];
    for (const [f, text] of fields) {
      const words = new Set(foldedWords(text));
      if (f === 0) nameWords[i] = Math.min(255, words.size);
      for (const w of words) push(byWord, w, i * 3 + f);
    }
    if (e.birthYear !== null) push(birth, e.birthYear, i);
    const dy = yearOf(e.deathDate);
    if (dy !== null) push(death, dy, i);
  });
  const vocab = [...byWord.keys()].sort();
  const collator = new Intl.Collator('vi');
  const order = entries.map((_, i) => i).sort((a, b) => collator.compare(entries[a]!.fullName, entries[b]!.fullName));
  const nameRank = new Int32Array(entries.length);
  order.forEach((i, r) => (nameRank[i] = r));
  return { entries, vocab, postings: vocab.map((w) => Int32Array.from(byWord.get(w)!)), nameWords, namePhrase, nameRank, birth, death };
}

function lowerBound(a: readonly string[], s: string): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface SearchCandidate {
  entry: RegisterEntry;
  /** Query words this entry matched, out of `of`. */
  matched: number;
  of: number;
  score: number;
}

export interface SearchOptions {
  limit?: number;
  cemeteryId?: string | null;
}

const MAX_QUERY_WORDS = 12;

interface Tally {
  matched: Uint8Array;
  nameExact: Uint8Array;
  name: Float64Array;
  other: Float64Array;
  /** Entries any word matched, once each. */
  touched: number[];
  /** This word's best per entry: score, name score, exact-name flag; `seen` says which word wrote them. */
  best: Float64Array;
  bestName: Float64Array;
  bestExact: Uint8Array;
  seen: Int32Array;
  /** Entries this word matched. */
  hit: number[];
}

function note(t: Tally, w: number, i: number, s: number, name: number, exact: boolean): void {
  if (t.seen[i] !== w) {
    t.seen[i] = w;
    t.best[i] = s;
    t.bestName[i] = name;
    t.bestExact[i] = exact ? 1 : 0;
    t.hit.push(i);
    return;
  }
  if (s > t.best[i]!) t.best[i] = s;
  if (name > t.bestName[i]!) t.bestName[i] = name;
  if (exact) t.bestExact[i] = 1;
}

/** One query word's best score per entry (a word counts once, in the field where it scores most). */
function scoreWord(ix: RegisterIndex, word: string, w: number, t: Tally): void {
  t.hit.length = 0;
  const year = /^\d{4}$/.test(word) ? Number(word) : null;
  if (year !== null && year >= 1850 && year <= 2030) {
    for (const i of ix.birth.get(year) ?? []) note(t, w, i, 5, 0, false);
    for (const i of ix.death.get(year) ?? []) note(t, w, i, 3, 0, false);
  } else {
    for (let v = lowerBound(ix.vocab, word); v < ix.vocab.length && ix.vocab[v]!.startsWith(word); v++) {
      const exact = ix.vocab[v]!.length === word.length;
      const list = ix.postings[v]!;
      for (let k = 0; k < list.length; k++) {
        const p = list[k]!;
        const f = (p % 3) as Field;
        const s = FIELD_WEIGHT[f][exact ? 0 : 1];
        note(t, w, (p / 3) | 0, s, f === 0 ? s : 0, f === 0 && exact);
      }
    }
  }
  for (const i of t.hit) {
    if (t.matched[i] === 0) t.touched.push(i);
    t.matched[i]! += 1;
    t.name[i]! += t.bestName[i]!;
    t.other[i]! += t.best[i]! - t.bestName[i]!;
    t.nameExact[i]! += t.bestExact[i]!;
  }
}

export function searchRegister(ix: RegisterIndex, query: string, o: SearchOptions = {}): SearchCandidate[] {
  const words = [...new Set(foldedWords(query))].slice(0, MAX_QUERY_WORDS);
  if (!words.length) return [];
  const n = ix.entries.length;
  const t: Tally = {
    matched: new Uint8Array(n),
    nameExact: new Uint8Array(n),
    name: new Float64Array(n),
    other: new Float64Array(n),
    touched: [],
    best: new Float64Array(n),
    bestName: new Float64Array(n),
    bestExact: new Uint8Array(n),
    seen: new Int32Array(n).fill(-1),
    hit: [],
  };
  words.forEach((w, k) => scoreWord(ix, w, k, t));
  let ids = t.touched;
  if (o.cemeteryId) ids = ids.filter((i) => ix.entries[i]!.cemeteryId === o.cemeteryId);
  const all = ids.filter((i) => t.matched[i] === words.length);
  if (all.length) ids = all;
  else {
    const most = Math.max(0, ...ids.map((i) => t.matched[i]!));
    ids = ids.filter((i) => t.matched[i] === most);
  }
  // The whole name typed: in its order (2), or every word of it in another order (1); worked out
  // once per candidate, not in every comparison of the sort.
  const typed = ` ${words.join(' ')} `;
  const whole = new Uint8Array(n);
  for (const i of ids) whole[i] = ix.nameWords[i]! > 0 && t.nameExact[i]! >= ix.nameWords[i]! ? (typed.includes(ix.namePhrase[i]!) ? 2 : 1) : 0;
  // One number per candidate orders them (every part is a small whole number; the name's place in
  // the alphabet breaks ties), so only the best `limit` are sorted: a query matching all 20,000 rows
  // ("van") costs a typed-array sort, not 20,000 × log comparisons of five fields.
  const key = new Float64Array(ids.length);
  ids.forEach((i, k) => {
    const primary = ((t.matched[i]! * 3 + whole[i]!) * 1000 + Math.min(999, t.name[i]!)) * 1000 + Math.min(999, t.other[i]!);
    key[k] = primary * 2 ** 21 + (2 ** 21 - 1 - Math.min(ix.nameRank[i]!, 2 ** 21 - 1));
  });
  const limit = o.limit ?? 20;
  const cut = ids.length > limit ? Float64Array.from(key).sort()[ids.length - limit]! : -Infinity;
  const order = ids.map((_, k) => k).filter((k) => key[k]! >= cut);
  order.sort((a, b) => key[b]! - key[a]!);
  ids = order.map((k) => ids[k]!);
  return ids.slice(0, o.limit ?? 20).map((i) => ({ entry: ix.entries[i]!, matched: t.matched[i]!, of: words.length, score: t.name[i]! * 100 + t.other[i]! }));
}
