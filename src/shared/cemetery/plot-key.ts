// One key for "Khu A, Hàng 3, Mộ số 12" however it was typed: in the register's columns ("A", "3",
// "12"), with the words ("Khu A", "hàng 03", "Mộ số 12"), with or without diacritics. Folding is
// shared/text/fold.ts's foldKey (the one place for it).
import { foldKey } from '../text/fold';

const LEADING_WORD = /^(khu|hang|moso|mo|so|lo|day)/;

/** "Hàng 03" → "3", "Khu A" → "a", "12B" → "12b", "" → "". */
export function plotPart(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = foldKey(typeof value === 'number' ? String(value) : String(value));
  const stripped = s.replace(LEADING_WORD, '');
  // Keep a section literally named "Khu" or "Mo" (nothing after the word) as it is.
  if (stripped) s = stripped;
  return s.replace(/^0+(?=\d)/, '');
}

export function plotKey(cemeteryId: string, section: unknown, row: unknown, plot: unknown): string {
  return `${cemeteryId}|${plotPart(section)}|${plotPart(row)}|${plotPart(plot)}`;
}

/** "Khu A – Hàng 3 – Mộ số 12" as printed on the locator and shown in the candidates. */
export function plotLabel(section: unknown, row: unknown, plot: unknown): string {
  const part = (v: unknown) => (v === null || v === undefined || String(v).trim() === '' ? '…' : String(v).trim());
  return `Khu ${part(section)} – Hàng ${part(row)} – Mộ số ${part(plot)}`;
}
