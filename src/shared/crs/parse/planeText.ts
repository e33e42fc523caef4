import { parseLocaleNumber, splitAtComma, type ParsedNumber } from './number';

/*
 * Reading a VN-2000 X/Y pair as people write it: "X=1371234.56 Y=445678.9", the status bar's
 * "X (Bắc) = 1.382.553,86 m Y (Đông) = 432.056,65 m", "1381500,5 432800,25",
 * "432056mE 1382553mN", "Bắc: 1 382 553,86; Đông: 432 056,65".
 *
 * Where a comma belongs is decided by what follows it, never by guessing from the values:
 * - a comma (or dot) with a digit right after it is inside a number: its decimal mark, or a
 *   thousands mark when it groups threes ("1.382.553,86", "1,382,553.86"; `parseLocaleNumber`
 *   decides which);
 * - a comma followed by a space (or the end) separates the two values ("1381500.5, 432800.25");
 * - whitespace alone separates them too, so in "1381500,5 432800,25" both commas are decimals;
 * - a space inside a number groups thousands only in threes ("1 382 553,86"), and the number
 *   ends at its decimal part, so "1 382 553,86 432 056,65" is two numbers; without decimals
 *   ("1 382 553 432 056") the split cannot be known and the text is refused;
 * - a lone dot or comma before exactly three digits ("432.800") is a decimal mark, unless another
 *   number of the text groups thousands with that same mark ("1.381.500 432.800": 432800);
 * - a run of digits and commas with no space that is not one number ("1381500,5,432800,25") is
 *   split at the one comma that leaves two valid numbers; if none or several do
 *   ("1381500,5,432800" is 1381500 | 5.4328 or 1381500.5 | 432800), it is refused.
 */

export type Axis = 'x' | 'y';
export type PlaneNumber = ParsedNumber & { raw: string };
export type PlanePair = { x: PlaneNumber; y: PlaneNumber; labelled: boolean };
/** `numeric`: the text is numbers, but one of them cannot be read (the caller still treats it as X/Y). */
export type PlaneRefusal = { vi: string; en: string; numeric?: boolean };

type Token =
  | { kind: 'num'; num: PlaneNumber }
  | { kind: 'label'; axis: Axis; strong: boolean }
  | { kind: 'qualifier'; axis?: Axis }
  | { kind: 'sep' };

/**
 * Label words after folding (no diacritics, upper case). X/Y and northing/easting name plane axes
 * outright ("strong"); Bắc/Đông, North/East and N/E also name hemispheres of degrees, so with them
 * only the size of the numbers says the text is X/Y.
 */
const LABEL_WORDS: Array<[RegExp, Axis, boolean]> = [
  [/^(?:X|NORTHING)$/, 'x', true],
  [/^(?:Y|EASTING)$/, 'y', true],
  [/^(?:BAC|NORTH|N)$/, 'x', false],
  [/^(?:DONG|EAST|E)$/, 'y', false],
];
const WORD = 'X|Y|BAC|DONG|NORTHING|NORTH|EASTING|EAST|N|E';

/** One character in, one out, so positions in the folded text are positions in the typed text. */
function fold(text: string): string {
  return text
    .split('')
    .map((c) => {
      if (c === 'đ' || c === 'Đ') return 'D';
      if (/[\u00A0\u202F\u2009]/.test(c)) return ' ';
      if (c === '\u2212') return '-';
      return c.toUpperCase().normalize('NFD').charAt(0) || c;
    })
    .join('');
}

const labelAxis = (word: string): { axis: Axis; strong: boolean } | undefined => {
  for (const [re, axis, strong] of LABEL_WORDS) if (re.test(word)) return { axis, strong };
  return undefined;
};

const PATTERNS = {
  space: /\s+/y,
  // Ends at its decimals, or before an end, a separator, a label or a unit (see the comment above).
  spaced: /[-+]?\d{1,3}(?: \d{3})+(?:(?:[.,]\d+)(?![\d.,])|(?=\s*(?:$|[,;=:()]|[A-Z])))/y,
  plain: /[-+]?\d+(?:[.,]\d+)*/y,
  unit: new RegExp(`M(?:ET)?(?=$|[^A-Z]|(?:${WORD})(?![A-Z]))`, 'y'),
  qualifier: new RegExp(`\\(\\s*(${WORD}|M)\\s*\\)`, 'y'),
  label: new RegExp(`(${WORD})(?![A-Z])`, 'y'),
  // Words that may precede the pair and say nothing about it: "VN-2000", "Toạ độ".
  ignored: /(?:VN-?2000|TOA\s*DO)(?![A-Z\d])/y,
  assign: /[=:]/y,
  // "(1381500,5; 432800,25)": brackets around the pair say nothing.
  bracket: /[()[\]]/y,
  sep: /[,;]/y,
};

function tokenize(text: string, folded: string): Token[] | PlaneRefusal {
  const tokens: Token[] = [];
  let index = 0;
  const at = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = index;
    const m = re.exec(folded);
    if (m) index = re.lastIndex;
    return m;
  };
  while (index < folded.length) {
    const start = index;
    let m: RegExpExecArray | null;
    if (at(PATTERNS.space) || at(PATTERNS.ignored) || at(PATTERNS.assign) || at(PATTERNS.unit)) continue;
    if (at(PATTERNS.spaced) ?? at(PATTERNS.plain)) {
      const raw = text.slice(start, index);
      const parsed = parseLocaleNumber(raw);
      if (parsed) tokens.push({ kind: 'num', num: { ...parsed, raw } });
      else if (!raw.includes(',')) return invalidNumber(raw, text);
      else {
        const split = splitAtComma(raw);
        if (split === 'several') return ambiguousCommas(raw);
        if (split === 'none') return invalidNumber(raw, text);
        tokens.push({ kind: 'num', num: split[0] }, { kind: 'sep' }, { kind: 'num', num: split[1] });
      }
    } else if ((m = at(PATTERNS.qualifier))) {
      tokens.push({ kind: 'qualifier', axis: m[1] === 'M' ? undefined : labelAxis(m[1])!.axis });
    } else if ((m = at(PATTERNS.label))) {
      tokens.push({ kind: 'label', ...labelAxis(m[1])! });
    } else if (at(PATTERNS.sep)) {
      tokens.push({ kind: 'sep' });
    } else if (!at(PATTERNS.bracket)) {
      const word = /[^\s,;=:]+/y;
      word.lastIndex = start;
      word.exec(text);
      return unreadable(text.slice(start, Math.max(word.lastIndex, start + 1)), text);
    }
  }
  return tokens;
}

const invalidNumber = (raw: string, text: string): PlaneRefusal => ({
  numeric: true,
  vi: `Số "${raw}" trong "${text}" không hợp lệ: viết dấu thập phân là dấu phẩy hoặc dấu chấm, và nhóm hàng nghìn theo ba chữ số (ví dụ 1.382.553,86)`,
  en: `Invalid number "${raw}" in "${text}": use a comma or a dot as the decimal mark and group thousands in threes (e.g. 1,382,553.86)`,
});

const ambiguousCommas = (raw: string): PlaneRefusal => ({
  numeric: true,
  vi: `Không rõ dấu phẩy nào trong "${raw}" ngăn hai số: hãy đặt dấu cách sau dấu phẩy ngăn cách, hoặc ghi X=… Y=…`,
  en: `Cannot tell which comma in "${raw}" separates the two numbers: put a space after the separating comma, or write X=… Y=…`,
});

const unreadable = (bad: string, text: string): PlaneRefusal => ({
  vi: `Không đọc được "${bad}" trong "${text}": toạ độ X, Y chỉ gồm số, nhãn X/Y (hoặc Bắc/Đông, N/E) và đơn vị m`,
  en: `Cannot read "${bad}" in "${text}": X, Y coordinates hold only numbers, the labels X/Y (or Bắc/Đông, N/E) and the unit m`,
});

/**
 * "1.381.500 432.800": a lone mark before three digits is read as a decimal by `parseLocaleNumber`
 * (432.8); when another number of the same text groups thousands with that mark, and no number
 * groups with the other one, it groups thousands here too (432800).
 */
function regroup(tokens: Token[]): void {
  const nums = tokens.flatMap((t) => (t.kind === 'num' ? [t] : []));
  const grouping = new Set<string>();
  for (const { num } of nums) {
    const digits = num.raw.replace(/^[-+]/, '');
    for (const [mark, other] of [['.', ','], [',', '.']]) {
      const repeated = digits.split(mark).length > 2;
      const beforeOther = digits.includes(mark) && digits.indexOf(mark) < digits.lastIndexOf(other);
      if (repeated || beforeOther) grouping.add(mark);
    }
  }
  if (grouping.size !== 1) return;
  const [mark] = [...grouping];
  const lone = new RegExp(`^[-+]?\\d{1,3}\\${mark}\\d{3}$`);
  for (const token of nums) {
    if (lone.test(token.num.raw)) token.num = { raw: token.num.raw, value: Number(token.num.raw.replace(mark, '')), decimals: 0 };
  }
}

type Entry = { num: PlaneNumber; axis?: Axis };

/**
 * Labels go before their numbers ("X=…", "Bắc: …") or after them ("…mN", "… E"), not mixed:
 * the text's first token decides, as with N/E on degrees.
 */
function bind(tokens: Token[], text: string): Entry[] | PlaneRefusal {
  const first = tokens.find((t) => t.kind !== 'sep');
  const prefix = first?.kind === 'label';
  const entries: Entry[] = [];
  let pending: { axis: Axis } | undefined;
  let last: Token | undefined;
  const misplaced: PlaneRefusal = {
    vi: `Nhãn trong "${text}" đặt sai chỗ: mỗi số cần đúng một nhãn, ví dụ X=1381500,5 Y=432800,25`,
    en: `The labels in "${text}" are misplaced: each number takes one label, e.g. X=1381500.5 Y=432800.25`,
  };
  for (const token of tokens) {
    if (token.kind === 'label') {
      if (prefix) {
        if (pending) return misplaced;
        pending = { axis: token.axis };
      } else {
        const entry = entries[entries.length - 1];
        if (last?.kind !== 'num' || !entry || entry.axis) return misplaced;
        entry.axis = token.axis;
      }
    } else if (token.kind === 'qualifier') {
      // "X (Bắc)": the bracket repeats the label; a contradicting one ("X (Đông)") is refused.
      if (last?.kind !== 'label') return misplaced;
      if (token.axis && token.axis !== last.axis) {
        return {
          vi: `Nhãn trong "${text}" mâu thuẫn: X là toạ độ Bắc, Y là toạ độ Đông; hãy sửa nhãn, ví dụ X (Bắc) = 1381500,5 Y (Đông) = 432800,25`,
          en: `The labels in "${text}" contradict each other: X is the northing (Bắc), Y the easting (Đông); correct them, e.g. X (North) = 1381500.5 Y (East) = 432800.25`,
        };
      }
      continue;
    } else if (token.kind === 'num') {
      entries.push({ num: token.num, axis: pending?.axis });
      pending = undefined;
    }
    last = token;
  }
  return pending ? misplaced : entries;
}

/** Northings (X) in Vietnam: 0.9 million m (Cà Mau) to 2.6 million m (Hà Giang); eastings (Y) are zone-relative. */
export const NORTHING_RANGE: [number, number] = [800_000, 2_700_000];
export const EASTING_RANGE: [number, number] = [100_000, 900_000];
export const within = (v: number, [lo, hi]: [number, number]) => v >= lo && v <= hi;

/**
 * Unlabelled, the two values are told apart by size: X (northing) has seven digits in most of
 * Vietnam and is over 900,000 m on all of the mainland (Mũi Cà Mau, 8.6°N, is ~950,000 m); Y
 * (easting) has six and stays under 900,000 m. When both orders fit (both values between 800,000
 * and 900,000 m: islands south of 8.2°N, or a UTM easting far from its meridian) or neither
 * does, the pair is refused with a sentence asking for labels.
 */
function byMagnitude(a: PlaneNumber, b: PlaneNumber, text: string): PlanePair | PlaneRefusal {
  const fits = (x: PlaneNumber, y: PlaneNumber) => within(x.value, NORTHING_RANGE) && within(y.value, EASTING_RANGE);
  const [ab, ba] = [fits(a, b), fits(b, a)];
  if (ab && !ba) return { x: a, y: b, labelled: false };
  if (ba && !ab) return { x: b, y: a, labelled: false };
  if (ab && ba) {
    return {
      vi: `Không phân biệt được X và Y trong "${text}" vì cả hai số đều có thể là toạ độ Bắc hoặc Đông: hãy ghi nhãn, ví dụ X=${a.raw} Y=${b.raw}`,
      en: `Cannot tell X from Y in "${text}": either number could be the northing or the easting; label them, e.g. X=${a.raw} Y=${b.raw}`,
    };
  }
  // "432.800" read as 432.8 is the likely cause: say so.
  const lone = [a, b].find((n) => /^[-+]?\d{1,3}[.,]\d{3}$/.test(n.raw));
  const hint = lone
    ? { vi: ` (đã đọc "${lone.raw}" là ${String(lone.value).replace('.', ',')}; nếu là hàng nghìn, hãy viết ${lone.raw.replace(/[.,]/, '')})`, en: ` ("${lone.raw}" was read as ${lone.value}; if it groups thousands, write ${lone.raw.replace(/[.,]/, '')})` }
    : { vi: '', en: '' };
  return {
    vi: `"${text}" không phải một cặp X, Y ở Việt Nam (X, toạ độ Bắc, từ 800.000 đến 2.700.000 m; Y, toạ độ Đông, từ 100.000 đến 900.000 m)${hint.vi}: hãy kiểm tra lại các số hoặc ghi nhãn X=… Y=…`,
    en: `"${text}" is not an X, Y pair in Vietnam (X, the northing, 800,000–2,700,000 m; Y, the easting, 100,000–900,000 m)${hint.en}: check the numbers or label them X=… Y=…`,
  };
}

/** The X (northing) and Y (easting) written in `text`, or a sentence saying why they cannot be read. */
export function readPlanePair(text: string): PlanePair | PlaneRefusal {
  const source = text.normalize('NFC').trim();
  const tokens = tokenize(source, fold(source));
  if (!Array.isArray(tokens)) return tokens;
  regroup(tokens);
  const entries = bind(tokens, source);
  if (!Array.isArray(entries)) return entries;
  if (entries.length === 1 && /\s/.test(entries[0].num.raw)) {
    return {
      vi: `Trong "${source}" dấu cách vừa nhóm hàng nghìn vừa ngăn hai số nên không biết X hết ở đâu: hãy ghi X=… Y=… hoặc ngăn hai số bằng dấu phẩy và dấu cách`,
      en: `In "${source}" spaces both group thousands and separate the values, so where X ends is unknown: write X=… Y=… or separate the values with a comma and a space`,
    };
  }
  if (entries.length !== 2) {
    return entries.length < 2
      ? {
          vi: `Cần hai số, X (toạ độ Bắc) và Y (toạ độ Đông), trong "${source}": hãy ghi X=1381500,5 Y=432800,25, hoặc ngăn hai số bằng dấu cách hay dấu phẩy và dấu cách`,
          en: `Two numbers are needed, X (northing) and Y (easting), in "${source}": label both, X=1381500.5 Y=432800.25, or separate them with a space or a comma and a space`,
        }
      : {
          vi: `"${source}" có ${entries.length} số, cần đúng hai (X và Y): nếu dấu cách nhóm hàng nghìn, hãy ghi nhãn X=… Y=… hoặc bỏ dấu cách trong số`,
          en: `"${source}" holds ${entries.length} numbers, not two (X and Y): if spaces group thousands, label the values X=… Y=… or drop the spaces inside numbers`,
        };
  }
  const [a, b] = entries;
  if (a.axis && b.axis && a.axis === b.axis) {
    const name = a.axis === 'x' ? 'X (Bắc)' : 'Y (Đông)';
    return {
      vi: `Cả hai số trong "${source}" đều ghi nhãn ${name}: một số là X (toạ độ Bắc), số kia là Y (toạ độ Đông)`,
      en: `Both numbers in "${source}" are labelled ${a.axis === 'x' ? 'X (north)' : 'Y (east)'}: one must be X (northing), the other Y (easting)`,
    };
  }
  // One label is enough: the other number is the other axis.
  if (a.axis || b.axis) {
    const aIsX = a.axis ? a.axis === 'x' : b.axis === 'y';
    return aIsX ? { x: a.num, y: b.num, labelled: true } : { x: b.num, y: a.num, labelled: true };
  }
  return byMagnitude(a.num, b.num, source);
}

/**
 * Whether `text` reads as an X/Y pair rather than degrees: it holds only plane tokens, and either
 * an X/Y label or a number too big for degrees (Bắc/Đông, N/E with small numbers are hemispheres).
 */
export function looksLikePlane(text: string): boolean {
  const source = text.normalize('NFC').trim();
  const tokens = tokenize(source, fold(source));
  // An unreadable number among big ones ("1381500,5,432800") is still X/Y, to be refused as such.
  if (!Array.isArray(tokens)) return !!tokens.numeric && /\d{5}/.test(source);
  // A space-grouped number must be six digits long to count: "12 107" is degrees, not 12,107 m.
  const big = (n: PlaneNumber) => Math.abs(n.value) >= (/\s/.test(n.raw) ? 100_000 : 1000);
  return tokens.some((t) => (t.kind === 'label' && t.strong) || (t.kind === 'num' && big(t.num)));
}
