// A worksheet as the readers of .xlsx and .ods hand it over: cells by 1-based row and column, typed
// as the spreadsheet typed them (a coordinate stored as a number and one typed as text are told
// apart), merged ranges, and no formula engine — a formula counts with the value the spreadsheet
// program last computed and saved with it.

export type Cell =
  | { t: 'text'; v: string }
  | { t: 'number'; v: number }
  | { t: 'bool'; v: boolean }
  /** ISO 8601: "2019-05-14", or "2019-05-14T08:30:00" when the cell holds a time too */
  | { t: 'date'; v: string }
  /** "#DIV/0!", "#REF!", … or "formula without a saved value" */
  | { t: 'error'; v: string };

export interface Merge {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface Sheet {
  name: string;
  /** row number → (column number → cell); empty cells are absent */
  rows: Map<number, Map<number, Cell>>;
  merges: Merge[];
}

/** "AB12" → { row: 12, col: 28 }; null when the text is not a cell reference. */
export function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** 28 → "AB" */
export function columnLetters(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** Spreadsheet day numbers (days since 1899-12-30, or since 1904-01-01 in Mac workbooks) → ISO text. */
export function serialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial)) return null;
  const days = serial + (date1904 ? 1462 : 0);
  // 1899-12-30 as the epoch absorbs Lotus 1-2-3's phantom 29 February 1900 for every date after it.
  const ms = Math.round((days - 25569) * 86_400_000);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  const iso = d.toISOString();
  return ms % 86_400_000 === 0 ? iso.slice(0, 10) : iso.slice(0, 19);
}
