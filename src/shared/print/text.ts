// Text helpers for the furniture: wrapping to a width, text items with their measured boxes.
import { textBox, type ItemRole, type MeasureText, type TextItem } from './display-list';

export function wrap(text: string, maxW: number, sizePt: number, bold: boolean, measure: MeasureText): string[] {
  const lines: string[] = [];
  for (const para of text.normalize('NFC').split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
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
  const w = measure(t, o.sizePt, !!o.bold);
  return {
    kind: 'text',
    x,
    y,
    text: t,
    sizePt: o.sizePt,
    ...(o.bold ? { bold: true } : {}),
    color: o.color ?? '#000000',
    align,
    baseline,
    ...(o.angleDeg ? { angleDeg: o.angleDeg } : {}),
    ...(o.halo ? { halo: o.halo } : {}),
    role: o.role,
    box: textBox(x, y, w, o.sizePt, align, baseline),
  };
}
