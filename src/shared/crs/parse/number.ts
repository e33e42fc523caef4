export type ParsedNumber = { value: number; decimals: number };

/**
 * A number as people type it in Vietnam: "445678.9", "445678,9", "1.371.234,56",
 * "1,371,234.56", "1 371 234,56". A lone comma or dot is the decimal mark; when both
 * appear, the last one is, and the other may only group thousands.
 */
export function parseLocaleNumber(text: string): ParsedNumber | undefined {
  // No-break and thin spaces group thousands in pasted text (Intl's fr-FR, Word) like a space.
  let s = text.trim().replace(/\u2212/g, '-').replace(/[\u00A0\u202F\u2009]/g, ' ');
  if (/^[-+]?\d{1,3}( \d{3})+([.,]\d+)?$/.test(s)) s = s.replace(/ /g, '');
  if (!/^[-+]?\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) return undefined;
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  let decimalMark: '.' | ',' | undefined;
  let groupMark: '.' | ',' | undefined;
  if (dots && commas) {
    decimalMark = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    groupMark = decimalMark === '.' ? ',' : '.';
  } else if (dots === 1) decimalMark = '.';
  else if (commas === 1) decimalMark = ',';
  else if (dots > 1) groupMark = '.';
  else if (commas > 1) groupMark = ',';
  const [whole, fraction = '', extra] = decimalMark ? s.split(decimalMark) : [s];
  if (extra !== undefined) return undefined;
  if (groupMark && !new RegExp(`^[-+]?\\d{1,3}(\\${groupMark}\\d{3})+$`).test(whole)) return undefined;
  const digits = groupMark ? whole.split(groupMark).join('') : whole;
  const value = Number(fraction ? `${digits}.${fraction}` : digits);
  return Number.isFinite(value) ? { value, decimals: fraction.length } : undefined;
}

/**
 * A run of digits, dots and commas with no space ("12,5,107,9", "1381500.5,432800.25") that is
 * not one number, split at the one comma that leaves two numbers on either side. 'several'
 * when more than one comma does ("12,5,107" is 12 | 5.107 or 12.5 | 107): the caller refuses it.
 */
type RawNumber = ParsedNumber & { raw: string };

export function splitAtComma(raw: string): [RawNumber, RawNumber] | 'none' | 'several' {
  const splits: Array<[RawNumber, RawNumber]> = [];
  for (let i = raw.indexOf(','); i >= 0; i = raw.indexOf(',', i + 1)) {
    const [a, b] = [raw.slice(0, i), raw.slice(i + 1)];
    const [pa, pb] = [parseLocaleNumber(a), parseLocaleNumber(b)];
    if (pa && pb) splits.push([{ ...pa, raw: a }, { ...pb, raw: b }]);
  }
  return splits.length === 1 ? splits[0] : splits.length ? 'several' : 'none';
}
