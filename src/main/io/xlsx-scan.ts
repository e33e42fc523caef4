// Worksheets and shared strings of an .xlsx, scanned as text instead of built into a DOM: a DOM of
// a 50,000-row sheet took 8 s and 740 MiB (xmldom), enough to exhaust memory on a 200,000-row one.
// These parts have a flat, fixed shape (rows of cells; string items of text runs), so a scanner
// over the text is exact for them; a DOCTYPE is refused as everywhere else (no entity expansion).
import { importError } from './errors';

const P = '(?:[\\w.-]+:)?'; // any namespace prefix
const ROW = new RegExp(`<${P}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}row>)`, 'g');
const CELL = new RegExp(`<${P}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}c>)`, 'g');
const VALUE = new RegExp(`<${P}v(?:\\s[^>]*)?>([\\s\\S]*?)</${P}v>`);
const FORMULA = new RegExp(`<${P}f\\b`);
const INLINE = new RegExp(`<${P}is\\b[^>]*>([\\s\\S]*?)</${P}is>`);
const SI = new RegExp(`<${P}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}si>)`, 'g');
const RUN_TEXT = new RegExp(`<${P}t\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}t>)`, 'g');
const PHONETIC = new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, 'g');
const MERGE = new RegExp(`<${P}mergeCell\\b([^>]*)/?>`, 'g');
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (ENTITIES[e] ?? m),
  );
}

export function attrsOf(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(ATTR)) {
    const v = unescapeXml(m[2] ?? m[3] ?? '');
    out[m[1]!] = v;
    const local = m[1]!.split(':').pop()!;
    if (!(local in out)) out[local] = v;
  }
  return out;
}

export function refuseDoctype(fileName: string, text: string): void {
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    throw importError(fileName, 'tệp XML có khai báo DOCTYPE/ENTITY; QuyTap từ chối để tránh "bom thực thể".', 'the XML declares a DOCTYPE/ENTITY; refused to prevent an entity bomb.');
}

/** The text of a string item: its <t> runs, phonetic guides (<rPh>) left out. */
export function runText(inner: string): string {
  let s = '';
  for (const m of inner.replace(PHONETIC, '').matchAll(RUN_TEXT)) s += unescapeXml(m[1] ?? '');
  return s;
}

export function scanSharedStrings(text: string): string[] {
  return [...text.matchAll(SI)].map((m) => runText(m[1] ?? ''));
}

export interface RawCell {
  attrs: Record<string, string>;
  /** text of <v>, null when absent */
  value: string | null;
  formula: boolean;
  /** inline string (t="inlineStr"), null when absent */
  inline: string | null;
}

/** Rows of a worksheet in document order: their attributes and cells. */
export function* scanRows(text: string): Generator<{ attrs: Record<string, string>; cells: RawCell[] }> {
  const start = text.search(new RegExp(`<${P}sheetData\\b`));
  if (start < 0) return;
  const end = text.search(new RegExp(`</${P}sheetData>`));
  const data = text.slice(start, end < 0 ? undefined : end);
  for (const r of data.matchAll(ROW)) {
    const cells: RawCell[] = [];
    for (const c of (r[2] ?? '').matchAll(CELL)) {
      const inner = c[2] ?? '';
      const v = VALUE.exec(inner);
      const is = INLINE.exec(inner);
      cells.push({ attrs: attrsOf(c[1] ?? ''), value: v ? unescapeXml(v[1]!) : null, formula: FORMULA.test(inner), inline: is ? runText(is[1]!) : null });
    }
    yield { attrs: attrsOf(r[1] ?? ''), cells };
  }
}

export function scanMerges(text: string): string[] {
  return [...text.matchAll(MERGE)].map((m) => attrsOf(m[1] ?? '').ref ?? '').filter(Boolean);
}
