// The sheet's furniture: north arrow, scale bar, statistics table, notes, signatures (the legend: legend.ts).
// Each block is drawn at a top-left corner and returns its height, so blocks can be stacked
// automatically or placed where the user saved them.
import { STATISTICS, type StatisticKey } from '../model/enums';
import { formatScale } from '../symbology';
import { PT_TO_MM, type DisplayItem, type MeasureText, type SymbolDef } from './display-list';
import { rectPath } from './geom';
import { STAT_LABELS, totals, type CommuneStats, type StatValues } from './statistics';
import { textItem, vnDate, vnDay, wrap } from './text';
import { signatureNote } from '../model/signature-note';
import type { CommuneReview } from './input';

export interface Ctx {
  k: number;
  measure: MeasureText;
  items: DisplayItem[];
  symbols: Record<string, SymbolDef>;
}

const lh = (pt: number) => pt * PT_TO_MM * 1.3;

/** Ground length of the scale bar: the longest round length fitting `maxMm` on paper. */
export function scaleBarLength(scale: number, maxMm: number): number {
  const lengths = [50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 25000, 50000, 100000];
  let best = lengths[0];
  for (const l of lengths) if ((l * 1000) / scale <= maxMm) best = l;
  return best;
}

const fmtKm = (m: number) => (m >= 1000 ? `${String(m / 1000).replace('.', ',')} km` : `${m} m`);

export function scaleBlock(c: Ctx, x: number, y: number, w: number, scale: number): number {
  const { k, measure, items } = c;
  // North arrow (grid north), left.
  const aw = 7 * k;
  const ah = 14 * k;
  const ax = x + aw / 2 + 1;
  const top = y + 4.2 * k;
  items.push(textItem(ax, y + 3.3 * k, 'B', { sizePt: 9 * k, bold: true, align: 'center', role: 'north-arrow' }, measure));
  items.push({
    kind: 'path',
    subpaths: [[ax, top, ax + aw / 2, top + ah, ax, top + ah * 0.72]],
    closed: true,
    fill: { color: '#000000' },
    strokes: [{ color: '#000000', widthMm: 0.2 * k, join: 'miter' }],
    role: 'north-arrow',
  });
  items.push({
    kind: 'path',
    subpaths: [[ax, top, ax - aw / 2, top + ah, ax, top + ah * 0.72]],
    closed: true,
    fill: { color: '#ffffff' },
    strokes: [{ color: '#000000', widthMm: 0.2 * k, join: 'miter' }],
    role: 'north-arrow',
  });
  // Numeric scale and the alternating bar, right of the arrow.
  const bx = x + aw + 8 * k;
  const bw = w - (bx - x) - 6 * k;
  items.push(textItem(bx, y + 6 * k, `Tỷ lệ ${formatScale(scale)}`, { sizePt: 11 * k, bold: true, role: 'scale-text' }, measure));
  const L = scaleBarLength(scale, bw);
  const len = (L * 1000) / scale;
  const segs = 4;
  const by = y + 10 * k;
  const bh = 1.8 * k;
  for (let i = 0; i < segs; i++) {
    items.push({
      kind: 'path',
      subpaths: [rectPath(bx + (i * len) / segs, by, len / segs, bh)],
      closed: true,
      fill: { color: i % 2 === 0 ? '#000000' : '#ffffff' },
      strokes: [{ color: '#000000', widthMm: 0.2 * k }],
      role: 'scale-bar',
    });
  }
  const pt = 7 * k;
  for (const [i, v] of [
    [0, '0'],
    [segs / 2, fmtKm(L / 2)],
    [segs, fmtKm(L)],
  ] as const) {
    items.push(
      textItem(bx + (i * len) / segs, by + bh + lh(pt), String(v), { sizePt: pt, align: 'center', role: 'scale-bar' }, measure),
    );
  }
  return Math.max(ah + 5 * k, by + bh + lh(pt) * 1.4 - y);
}

function cell(
  c: Ctx,
  x: number,
  y: number,
  w: number,
  h: number,
  text: string,
  o: { bold?: boolean; color?: string; align?: 'left' | 'center' },
  pt: number,
) {
  c.items.push({
    kind: 'path',
    subpaths: [rectPath(x, y, w, h)],
    closed: true,
    strokes: [{ color: '#000000', widthMm: 0.15 * c.k }],
    role: 'stats',
  });
  const lines = wrap(text, w - 2 * c.k, pt, !!o.bold, c.measure);
  const t0 = y + h / 2 - ((lines.length - 1) * lh(pt)) / 2;
  lines.forEach((l, i) =>
    c.items.push(
      textItem(
        o.align === 'left' ? x + c.k : x + w / 2,
        t0 + i * lh(pt),
        l,
        { sizePt: pt, bold: o.bold, color: o.color, align: o.align ?? 'center', baseline: 'middle', role: 'stats' },
        c.measure,
      ),
    ),
  );
}

/** How the map counts (statistics.ts MAP_COUNT_RULES), said on the sheet so nobody guesses. */
const MAP_COUNT_NOTE = 'Số theo bản đồ: (4) đếm ký hiệu mộ do gia đình chăm sóc; các số khác bản đồ không đếm được.';
const MAP_COUNT_NOTE_ROWS =
  'Cột "Theo bản đồ": dòng thứ tư đếm ký hiệu mộ do gia đình chăm sóc trên bản đồ; các dòng khác bản đồ không đếm được (—).';
/** Which conclusions the figures are (the rule of shared/review/statistics.ts). */
const sourceNote = (r: CommuneStats): string =>
  r.source === 'none'
    ? 'Chưa có kết luận địa bàn (cấp thôn, xã hoặc huyện).'
    : r.source === 'village'
      ? `Tổng kết luận cấp thôn (mới nhất ${r.conclusionDate ? vnDate(r.conclusionDate) : 'ngày …'}).`
      : `Theo kết luận cấp ${r.source === 'district' ? 'huyện' : 'xã'} ${r.conclusionDate ? vnDate(r.conclusionDate) : 'ngày …'}.`;

const v = (n: number | null | undefined) => (n === null || n === undefined ? '—' : String(n));
const RED = '#c00000';

/** The table's heading, centred over the block; returns the height it takes. */
function statsTitle(c: Ctx, x: number, y: number, w: number): number {
  const { k } = c;
  c.items.push(textItem(x + w / 2, y + lh(9 * k), 'BẢNG THỐNG KÊ', { sizePt: 9 * k, bold: true, align: 'center', role: 'stats' }, c.measure));
  return lh(9 * k) * 1.5;
}

/** One commune: six rows, the conclusion's figure and the map's own count side by side. */
export function statsBlockCommune(c: Ctx, x: number, y: number, w: number, r: CommuneStats): number {
  const { k } = c;
  const pt = 6.5 * k;
  let cy = y + statsTitle(c, x, y, w);
  const cw = 15 * k;
  const lw = w - 2 * cw;
  const hh = lh(pt) * 2 + 1.5 * k;
  cell(c, x, cy, lw, hh, `Xã ${r.name}`, { bold: true }, pt);
  cell(c, x + lw, cy, cw, hh, 'Theo kết luận', { bold: true }, pt);
  cell(c, x + lw + cw, cy, cw, hh, 'Theo bản đồ', { bold: true }, pt);
  cy += hh;
  for (const key of STATISTICS) {
    const lines = wrap(STAT_LABELS[key], lw - 2 * k, pt, false, c.measure).length;
    const rh = lines * lh(pt) + 1.5 * k;
    const con = r.conclusion?.[key] ?? null;
    const map = r.map[key];
    const bad = r.mismatches.includes(key);
    cell(c, x, cy, lw, rh, STAT_LABELS[key], { align: 'left' }, pt);
    cell(c, x + lw, cy, cw, rh, v(con), {}, pt);
    cell(c, x + lw + cw, cy, cw, rh, bad ? `${map}*` : v(map), bad ? { color: RED, bold: true } : {}, pt);
    cy += rh;
  }
  cy += 1.5 * k;
  const note = `${sourceNote(r)}${r.conclusion ? ' Số đỏ có dấu *: số đếm trên bản đồ khác số kết luận.' : ''} ${MAP_COUNT_NOTE_ROWS}`;
  for (const l of wrap(note, w, 5.5 * k, false, c.measure)) {
    cy += lh(5.5 * k);
    c.items.push(textItem(x, cy, l, { sizePt: 5.5 * k, color: r.conclusion ? '#000000' : RED, role: 'stats' }, c.measure));
  }
  return cy - y + 1.5 * k;
}

/** Several communes: one row per commune, totals; the map's count in red where it differs. */
export function statsBlockCommunes(c: Ctx, x: number, y: number, w: number, rows: CommuneStats[]): number {
  const { k } = c;
  const pt = 6.5 * k;
  let cy = y + statsTitle(c, x, y, w);
  const nw = w * 0.28;
  const cw = (w - nw) / STATISTICS.length;
  const hh = lh(pt) + 2 * k;
  cell(c, x, cy, nw, hh, 'Xã', { bold: true }, pt);
  STATISTICS.forEach((_, i) => cell(c, x + nw + i * cw, cy, cw, hh, `(${i + 1})`, { bold: true }, pt));
  cy += hh;
  const row = (name: string, con: StatValues | null, map: StatValues | null, flagged: readonly StatisticKey[], bold: boolean) => {
    const anyBad = flagged.length > 0;
    const rh = (anyBad ? 2 : 1) * lh(pt) + 1.5 * k;
    cell(c, x, cy, nw, rh, name, { align: 'left', bold }, pt);
    STATISTICS.forEach((key, i) => {
      const a = con?.[key] ?? null;
      const b = map?.[key] ?? null;
      const bad = flagged.includes(key);
      const cx = x + nw + i * cw;
      cell(c, cx, cy, cw, rh, v(a), { bold }, pt);
      if (bad) {
        // Move the conclusion's figure up and show the map's count under it, in red.
        const last = c.items.pop()!;
        if (last.kind === 'text')
          c.items.push({
            ...last,
            y: last.y - lh(pt) / 2,
            box: [last.box[0], last.box[1] - lh(pt) / 2, last.box[2], last.box[3] - lh(pt) / 2],
          });
        c.items.push(
          textItem(
            cx + cw / 2,
            cy + rh / 2 + lh(pt) / 2,
            `(${b})`,
            { sizePt: pt, color: RED, bold: true, align: 'center', baseline: 'middle', role: 'stats' },
            c.measure,
          ),
        );
      }
    });
    cy += rh;
  };
  for (const r of rows) row(r.name, r.conclusion, r.map, r.mismatches, false);
  row(
    'Tổng cộng',
    totals(rows, (r) => r.conclusion),
    totals(rows, (r) => r.map),
    STATISTICS.filter((k) => rows.some((r) => r.mismatches.includes(k))),
    true,
  );
  const key = STATISTICS.map((s, i) => `(${i + 1}) ${STAT_LABELS[s]}`);
  key.push('Số đỏ trong ngoặc: số đếm trên bản đồ khác số kết luận.', MAP_COUNT_NOTE);
  const missing = rows.filter((r) => !r.conclusion).map((r) => r.name);
  if (missing.length) key.push(`Chưa có kết luận: ${missing.join(', ')}.`);
  const from = (src: CommuneStats['source']) => rows.filter((r) => r.source === src).map((r) => r.name);
  if (from('district').length) key.push(`Theo kết luận cấp huyện: ${from('district').join(', ')}.`);
  if (from('village').length) key.push(`Tổng kết luận cấp thôn: ${from('village').join(', ')}.`);
  cy += 1 * k;
  for (const k2 of key)
    for (const l of wrap(k2, w, 5.5 * k, false, c.measure)) {
      cy += lh(5.5 * k);
      c.items.push(textItem(x, cy, l, { sizePt: 5.5 * k, role: 'stats' }, c.measure));
    }
  return cy - y + 1.5 * k;
}

export function notesBlock(c: Ctx, x: number, y: number, w: number, notes: string[]): number {
  const pt = 6.5 * c.k;
  let cy = y;
  for (const n of notes.filter(Boolean))
    for (const l of wrap(n, w, pt, false, c.measure)) {
      cy += lh(pt);
      c.items.push(textItem(x, cy, l, { sizePt: pt, role: 'note' }, c.measure));
    }
  return cy - y + lh(pt) * 0.5;
}

export function signaturesBlock(
  c: Ctx,
  x: number,
  y: number,
  w: number,
  placeDate: string,
  sigs: { title: string; name: string; role?: string; note?: string }[],
): number {
  const { k } = c;
  const pt = 7.5 * k;
  let cy = y + lh(pt);
  c.items.push(textItem(x + w, cy, placeDate, { sizePt: pt, align: 'right', role: 'signature' }, c.measure));
  cy += lh(pt) * 1.2;
  const n = Math.max(1, sigs.length);
  const cw = w / n;
  let maxH = 0;
  sigs.forEach((s, i) => {
    const cx = x + cw * i + cw / 2;
    let sy = cy;
    for (const l of wrap(s.title.toLocaleUpperCase('vi'), cw - 2 * k, pt, true, c.measure)) {
      sy += lh(pt);
      c.items.push(textItem(cx, sy, l, { sizePt: pt, bold: true, align: 'center', role: 'signature' }, c.measure));
    }
    sy += lh(pt);
    c.items.push(
      textItem(
        cx,
        sy,
        signatureNote(s),
        { sizePt: pt * 0.85, italic: true, align: 'center', color: '#404040', role: 'signature' },
        c.measure,
      ),
    );
    sy += 16 * k;
    if (s.name) c.items.push(textItem(cx, sy, s.name, { sizePt: pt, bold: true, align: 'center', role: 'signature' }, c.measure));
    maxH = Math.max(maxH, sy + lh(pt) - cy);
  });
  return cy - y + maxH;
}

/** What the sheet says of its review: a draft mark, the approval line, or nothing (state not known). */
export type ReviewMark = { kind: 'draft' } | { kind: 'approved'; text: string } | null;

/**
 * A sheet is approved when every commune it is about is; then it names the day of the last
 * approval and the reviewing unit. Without review states (a composer test) nothing is said.
 */
export function reviewMark(reviews: CommuneReview[] | undefined, codes: string[], reviewingUnit: string): ReviewMark {
  if (!reviews || !codes.length) return null;
  const of = codes.map((c) => reviews.find((r) => r.communeCode === c));
  if (of.some((r) => r?.state !== 'approved')) return { kind: 'draft' };
  const last = of.map((r) => (r?.updatedAt ? vnDay(r.updatedAt) : '')).sort().at(-1);
  const unit = reviewingUnit.trim();
  return { kind: 'approved', text: `Đã phê duyệt ${last ? vnDate(last) : ''}${unit ? ` – ${unit}` : ''}`.replace(/\s+/g, ' ').trim() };
}

export const DRAFT_TEXT = 'BẢN DỰ THẢO';

/**
 * The title band: the issuing organisation's header top left (as on official documents: the
 * superior body, then the unit in bold over a short rule), the review mark top right, the title
 * centred between them. Returns its items and the baseline of its lowest line.
 */
export function titleBand(
  c: Pick<Ctx, 'k' | 'measure'>,
  page: { w: number },
  m: number,
  title: string,
  organisation: string[],
  mark: ReviewMark,
): { items: DisplayItem[]; top: number } {
  const { k, measure } = c;
  // The corners' items go after the title's: the title stays the sheet's first text.
  const items: DisplayItem[] = [];
  const corners: DisplayItem[] = [];
  const orgPt = 9 * k;
  const lines = organisation.map((l) => l.trim()).filter(Boolean).map((l) => l.toLocaleUpperCase('vi'));
  const orgW = Math.min(page.w * 0.4, Math.max(0, ...lines.map((l, i) => measure(l, orgPt, i === lines.length - 1))));
  let orgBottom = m;
  if (lines.length) {
    const cx = m + 2 * k + orgW / 2;
    let y = m + 2 * k;
    lines.forEach((l, i) => {
      const last = i === lines.length - 1;
      for (const w of wrap(l, orgW, orgPt, last, measure)) {
        y += lh(orgPt);
        corners.push(textItem(cx, y, w, { sizePt: orgPt, bold: last, align: 'center', role: 'title' }, measure));
      }
    });
    // The short rule under the unit's name.
    const rw = Math.min(orgW, 30 * k);
    y += 1.5 * k;
    corners.push({ kind: 'path', subpaths: [[cx - rw / 2, y, cx + rw / 2, y]], closed: false, strokes: [{ color: '#000000', widthMm: 0.25 * k }], role: 'title' });
    orgBottom = y;
  }
  // The review mark, top right: a red boxed "BẢN DỰ THẢO", or the approval line.
  let markW = 0;
  let markBottom = m;
  if (mark?.kind === 'draft') {
    const pt = 13 * k;
    markW = measure(DRAFT_TEXT, pt, true) + 4 * k;
    const x1 = page.w - m - 2 * k;
    const y0 = m + 2 * k;
    const h = lh(pt) + 2 * k;
    corners.push({ kind: 'path', subpaths: [rectPath(x1 - markW, y0, markW, h)], closed: true, strokes: [{ color: '#c00000', widthMm: 0.5 * k }], role: 'title' });
    corners.push(textItem(x1 - markW / 2, y0 + h / 2, DRAFT_TEXT, { sizePt: pt, bold: true, color: '#c00000', align: 'center', baseline: 'middle', role: 'title' }, measure));
    markBottom = y0 + h;
  } else if (mark?.kind === 'approved') {
    const pt = 8 * k;
    markW = Math.min(page.w * 0.4, measure(mark.text, pt, true));
    let y = m + 2 * k;
    for (const l of wrap(mark.text, markW, pt, true, measure)) {
      y += lh(pt);
      corners.push(textItem(page.w - m - 2 * k, y, l, { sizePt: pt, bold: true, color: '#00602a', align: 'right', role: 'title' }, measure));
    }
    markBottom = y;
  }
  // The title keeps clear of both corners: centred, as wide as the wider corner allows.
  const side = Math.max(lines.length ? orgW + 6 * k : 10 * k, markW ? markW + 6 * k : 10 * k);
  const titlePt = 16 * k;
  const lhT = titlePt * PT_TO_MM * 1.3;
  let top = m + 2 * k;
  let lines2 = balancedWrap(title, page.w - 2 * m - 2 * side, titlePt, measure);
  const full = balancedWrap(title, page.w - 2 * m - 20 * k, titlePt, measure);
  // On a narrow page the corners leave the title too little room: it goes under them, full width.
  if (lines2.length > 2 && full.length < lines2.length) {
    lines2 = full;
    top = Math.max(orgBottom, markBottom) + 1 * k;
  }
  for (const l of lines2) {
    top += lhT;
    items.push(textItem(page.w / 2, top, l, { sizePt: titlePt, bold: true, align: 'center', role: 'title' }, measure));
  }
  return { items: [...items, ...corners], top: Math.max(top, orgBottom, markBottom) };
}

/** A title wrapped into as few lines as fit, made as even as they can be (no "NÔNG" alone on the last line). */
function balancedWrap(text: string, maxW: number, pt: number, measure: MeasureText): string[] {
  const lines = wrap(text, maxW, pt, true, measure);
  if (lines.length < 2) return lines;
  let [lo, hi] = [maxW / 2, maxW];
  for (let i = 0; i < 16; i++) {
    const mid = (lo + hi) / 2;
    if (wrap(text, mid, pt, true, measure).length > lines.length) lo = mid;
    else hi = mid;
  }
  return wrap(text, hi, pt, true, measure);
}

/** A large light "BẢN DỰ THẢO" across the map frame, drawn under the features so it hides none. */
export function draftWatermark(c: Pick<Ctx, 'k' | 'measure'>, frame: { x: number; y: number; w: number; h: number }): DisplayItem {
  const pt = Math.min(frame.w, frame.h) * 0.16 / PT_TO_MM;
  const angle = (Math.atan2(frame.h, frame.w) * 180) / Math.PI;
  return textItem(frame.x + frame.w / 2, frame.y + frame.h / 2, DRAFT_TEXT, { sizePt: pt, bold: true, color: '#f6e2e2', align: 'center', baseline: 'middle', angleDeg: angle, role: 'decoration' }, c.measure);
}
