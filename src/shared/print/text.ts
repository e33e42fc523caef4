// Text helpers for the furniture: wrapping to a width, text items with their measured boxes.
import { textBox, type ItemRole, type MeasureText, type TextItem } from './display-list';

/** A word wider than the line (a web address, a long code) cut after / . - _ where it can, else anywhere. */
function breakWord(word: string, maxW: number, sizePt: number, bold: boolean, measure: MeasureText): string[] {
  const out: string[] = [];
  let rest = word;
  while (rest && measure(rest, sizePt, bold) > maxW) {
    const chars = [...rest];
    let fit = 1;
    while (fit < chars.length && measure(chars.slice(0, fit + 1).join(''), sizePt, bold) <= maxW) fit++;
    let cut = fit;
    for (let i = fit; i > fit / 2; i--) if ('/.-_'.includes(chars[i - 1])) {
      cut = i;
      break;
    }
    out.push(chars.slice(0, cut).join(''));
    rest = chars.slice(cut).join('');
  }
  if (rest) out.push(rest);
  return out;
}

export function wrap(text: string, maxW: number, sizePt: number, bold: boolean, measure: MeasureText): string[] {
  const lines: string[] = [];
  for (const para of text.normalize('NFC').split('\n')) {
    let line = '';
    const words = para.split(/\s+/).filter(Boolean).flatMap((w) => (measure(w, sizePt, bold) > maxW ? breakWord(w, maxW, sizePt, bold, measure) : [w]));
    for (const word of words) {
      const next = line ? `${line} ${word}` : word;
      if (line && measure(next, sizePt, bold) > maxW) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

export interface TextOpts {
  sizePt: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  align?: TextItem['align'];
  baseline?: TextItem['baseline'];
  role: ItemRole;
  halo?: TextItem['halo'];
  angleDeg?: number;
}

export function textItem(x: number, y: number, text: string, o: TextOpts, measure: MeasureText): TextItem {
  const t = text.normalize('NFC');
  const align = o.align ?? 'left';
  const baseline = o.baseline ?? 'alphabetic';
  const w = measure(t, o.sizePt, !!o.bold, !!o.italic);
  return {
    kind: 'text',
    x,
    y,
    text: t,
    sizePt: o.sizePt,
    ...(o.bold ? { bold: true } : {}),
    ...(o.italic ? { italic: true } : {}),
    color: o.color ?? '#000000',
    align,
    baseline,
    ...(o.angleDeg ? { angleDeg: o.angleDeg } : {}),
    ...(o.halo ? { halo: o.halo } : {}),
    role: o.role,
    box: textBox(x, y, w, o.sizePt, align, baseline),
  };
}

/**
 * "ngày 20 tháng 6 năm 2019", as Vietnamese documents write a date (Nghị định 30/2020: a day below
 * 10 and the months 1 and 2 take a leading zero). Anything that is not YYYY-MM-DD is returned as is.
 */
export function vnDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = Number(m[2]);
  return `ngày ${m[3]} tháng ${month < 3 ? m[2] : String(month)} năm ${m[1]}`;
}

/** The calendar day in Vietnam (UTC+7) of an ISO timestamp: an approval at 23:00 UTC is the next day there. */
export function vnDay(isoTime: string): string {
  const t = Date.parse(isoTime);
  return Number.isFinite(t) ? new Date(t + 7 * 3600_000).toISOString().slice(0, 10) : isoTime.slice(0, 10);
}
