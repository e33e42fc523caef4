// Finding a martyr in the cemetery registers: "nguyen van an 1950 thai binh" → the candidates,
// best first. Pure: the index is built once per project version (main keeps it) and a query only
// walks the postings of the words it names, so 20,000 register rows answer in a few milliseconds
// (bench/cemetery-bench.ts).
//
// Each query word is folded without diacritics (foldVietnamese) and matched against the words of
// the name, the home town and the unit, exactly or as the start of a word ("ng" finds "Nguyễn"); a
// number of four digits between 1850 and 2030 is a year (of birth, or of death). A candidate must
// match every word; when none does, the ones matching the most words are offered. Ranking: more
// words matched, then the name (the whole name typed in its order, then in another order, then name
// words matched, exact before prefix), then the rest, then the name's alphabetical order.
import { foldVietnamese } from '../crs/foldVietnamese';

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
    .map(foldVietnamese)
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
}

/** One query word's best score per entry (a word counts once, in the field where it scores most). */
function scoreWord(ix: RegisterIndex, word: string, t: Tally, touched: Set<number>): void {
  const best = new Map<number, { s: number; name: number; exact: boolean }>();
  const year = /^\d{4}$/.test(word) ? Number(word) : null;
  if (year !== null && year >= 1850 && year <= 2030) {
    for (const i of ix.birth.get(year) ?? []) best.set(i, { s: 5, name: 0, exact: false });
    for (const i of ix.death.get(year) ?? []) if (!best.has(i)) best.set(i, { s: 3, name: 0, exact: false });
  } else {
    for (let v = lowerBound(ix.vocab, word); v < ix.vocab.length && ix.vocab[v]!.startsWith(word); v++) {
      const exact = ix.vocab[v]!.length === word.length;
      for (const p of ix.postings[v]!) {
        const i = (p / 3) | 0;
        const f = (p % 3) as Field;
        const s = FIELD_WEIGHT[f][exact ? 0 : 1];
        const prev = best.get(i);
        const name = f === 0 ? s : 0;
        if (!prev) best.set(i, { s, name, exact: f === 0 && exact });
        else {
          if (s > prev.s) prev.s = s;
          if (name > prev.name) prev.name = name;
          if (f === 0 && exact) prev.exact = true;
        }
      }
    }
  }
  for (const [i, b] of best) {
    touched.add(i);
    t.matched[i]! += 1;
    t.name[i]! += b.name;
    t.other[i]! += b.s - b.name;
    if (b.exact) t.nameExact[i]! += 1;
  }
}

export function searchRegister(ix: RegisterIndex, query: string, o: SearchOptions = {}): SearchCandidate[] {
  const words = [...new Set(foldedWords(query))].slice(0, MAX_QUERY_WORDS);
  if (!words.length) return [];
  const n = ix.entries.length;
  const t: Tally = { matched: new Uint8Array(n), nameExact: new Uint8Array(n), name: new Float64Array(n), other: new Float64Array(n) };
  const touched = new Set<number>();
  for (const w of words) scoreWord(ix, w, t, touched);
  let ids = [...touched];
  if (o.cemeteryId) ids = ids.filter((i) => ix.entries[i]!.cemeteryId === o.cemeteryId);
  const all = ids.filter((i) => t.matched[i] === words.length);
  if (all.length) ids = all;
  else {
    const most = Math.max(0, ...ids.map((i) => t.matched[i]!));
    ids = ids.filter((i) => t.matched[i] === most);
  }
  // The whole name typed: in its order (2), or every word of it in another order (1).
  const typed = ` ${words.join(' ')} `;
  const wholeName = (i: number) =>
    ix.nameWords[i]! > 0 && t.nameExact[i]! >= ix.nameWords[i]! ? (typed.includes(ix.namePhrase[i]!) ? 2 : 1) : 0;
  ids.sort(
    (a, b) =>
      t.matched[b]! - t.matched[a]! ||
      wholeName(b) - wholeName(a) ||
      t.name[b]! - t.name[a]! ||
      t.other[b]! - t.other[a]! ||
      ix.nameRank[a]! - ix.nameRank[b]!,
  );
  return ids.slice(0, o.limit ?? 20).map((i) => ({ entry: ix.entries[i]!, matched: t.matched[i]!, of: words.length, score: t.name[i]! * 100 + t.other[i]! }));
}
