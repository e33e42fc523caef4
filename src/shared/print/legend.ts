// The sheet's legend, from what the sheet draws: one entry per class drawn inside the frame (and as
// it is drawn: a cemetery printed as its symbol shows the symbol), in groups under headings, and the
// veil over the neighbouring communes explained.
import { classDef } from '../symbology/classes';
import { legendEntries, styleOfClass, type StyleSpec, type SymbologySettings } from '../symbology';
import { PT_TO_MM, type DisplayItem, type MeasureText, type SymbolDef } from './display-list';
import { rectPath } from './geom';
import type { DrawnFeature } from './map-features';
import { symbolDef } from './symbols';
import { textItem, wrap } from './text';

export interface SheetLegendEntry {
  /** The class key, or NEIGHBOURS for the veiled communes around the area. */
  key: string;
  vi: string;
  kind: 'point' | 'line' | 'area';
  style: StyleSpec;
  group: string;
  /** A symbol drawn over the area swatch (a cemetery printed both ways on one sheet). */
  symbolToo?: boolean;
  /** The veil's opacity, drawn over the swatch (the neighbouring communes). */
  veil?: number;
}

export const NEIGHBOURS = 'mask:neighbours';

/** Group headings by legend order (classes.ts numbers them in tens). */
function groupOf(order: number): string {
  if (order < 20) return 'Khu vực tìm kiếm';
  if (order < 30) return 'Mộ liệt sĩ';
  if (order < 40) return 'Nghĩa trang';
  if (order < 50) return 'Điểm thông tin';
  return 'Nền';
}

/**
 * The entries for the classes in `present` (class key → how it is drawn), in legend order; with
 * `veil`, the neighbouring communes' entry last.
 */
export function sheetLegend(present: Map<string, Set<DrawnFeature['form']>>, settings: SymbologySettings, veil: number | null): SheetLegendEntry[] {
  const out: SheetLegendEntry[] = [];
  for (const e of legendEntries(present.keys(), settings)) {
    const forms = present.get(e.classKey)!;
    const order = classDef(e.classKey)?.legendOrder ?? 999;
    const kind = forms.has('area') ? 'area' : forms.has('line') ? 'line' : e.kind === 'line' ? 'line' : e.kind === 'area' && !forms.has('symbol') ? 'area' : 'point';
    out.push({ key: e.classKey, vi: e.vi, kind, style: e.style, group: groupOf(order), ...(kind === 'area' && forms.has('symbol') ? { symbolToo: true } : {}) });
  }
  if (veil !== null) {
    const style = styleOfClass('admin_units:commune', settings)!;
    out.push({ key: NEIGHBOURS, vi: 'Xã lân cận (in mờ, ngoài vùng in)', kind: 'area', style: { ...style, fill: { color: '#c9c9c9', opacity: 1 } }, group: 'Nền', veil });
  }
  return out;
}

/** Every class a sheet could list (planning for any sheet of the project). */
export function legendForClasses(classes: Iterable<string>, settings: SymbologySettings, veil: number | null): SheetLegendEntry[] {
  const present = new Map<string, Set<DrawnFeature['form']>>();
  for (const c of classes) present.set(c, new Set());
  return sheetLegend(present, settings, veil);
}

const lh = (pt: number) => pt * PT_TO_MM * 1.3;
const LEGEND_TITLE_PT = 11;

interface Ctx {
  k: number;
  measure: MeasureText;
  items: DisplayItem[];
  symbols: Record<string, SymbolDef>;
}

interface Unit {
  heading?: string;
  entries: SheetLegendEntry[];
  h: number;
  textW: number;
}

/**
 * The legend's rows at width `w`: a group heading takes a row; an entry whose text wraps takes a
 * whole row; short ones (a grave, a river) go two to a row, as on a printed legend.
 */
export function legendRows(c: Pick<Ctx, 'k' | 'measure'>, w: number, entries: SheetLegendEntry[]): { head: number; rows: number[]; units: Unit[] } {
  const { k, measure } = c;
  const pt = 7 * k;
  const sw = 9 * k;
  const sh = 4.5 * k;
  const half = (w - 3 * k) / 2;
  // A point symbol keeps its map size in the legend: the row grows to hold it.
  const symH = (e: SheetLegendEntry) => ((e.kind === 'point' || e.symbolToo) && e.style.symbol ? e.style.symbol.sizeMm + 0.6 * k : 0);
  const rowH = (lines: number, ...es: SheetLegendEntry[]) => Math.max(sh + 0.9 * k, lines * lh(pt) + 1 * k, ...es.map(symH));
  const oneLine = (e: SheetLegendEntry | undefined) => !!e && wrap(e.vi, half - sw - 4 * k, pt, false, measure).length === 1;
  const units: Unit[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (i === 0 || entries[i - 1].group !== e.group) units.push({ heading: e.group, entries: [], h: lh(7.5 * k) * 1.15, textW: w });
    const next = entries[i + 1];
    if (oneLine(e) && next && next.group === e.group && oneLine(next)) {
      units.push({ entries: [e, next], h: rowH(1, e, next), textW: half - sw - 4 * k });
      i++;
    } else units.push({ entries: [e], h: rowH(wrap(e.vi, w - sw - 4 * k, pt, false, measure).length, e), textW: w - sw - 4 * k });
  }
  return { head: lh(LEGEND_TITLE_PT * k) * 1.6, rows: units.map((u) => u.h), units };
}

function swatch(c: Ctx, e: SheetLegendEntry, x: number, mid: number): void {
  const { k, items } = c;
  const sw = 9 * k;
  const sh = 4.5 * k;
  const s = e.style;
  if (e.kind === 'area') {
    items.push({
      kind: 'path',
      subpaths: [rectPath(x, mid - sh / 2, sw, sh)],
      closed: true,
      ...(s.fill ? { fill: { color: s.fill.color, opacity: s.fill.opacity } } : {}),
      strokes: (s.strokes.length ? s.strokes : [{ color: '#5a5a5a', widthMm: 0.2 }]).map((st) => ({
        color: st.color,
        widthMm: Math.min(st.widthMm, 1),
        ...(st.dashMm ? { dashMm: st.dashMm } : {}),
        ...(st.opacity !== undefined ? { opacity: st.opacity } : {}),
      })),
      role: 'legend',
    });
    if (e.veil) items.push({ kind: 'path', subpaths: [rectPath(x, mid - sh / 2, sw, sh)], closed: true, fill: { color: '#ffffff', opacity: e.veil }, role: 'legend' });
  } else if (e.kind === 'line') {
    items.push({
      kind: 'path',
      subpaths: [[x, mid, x + sw, mid]],
      closed: false,
      strokes: s.strokes.map((st) => ({
        color: st.color,
        widthMm: st.widthMm,
        ...(st.dashMm ? { dashMm: st.dashMm } : {}),
        cap: st.lineCap ?? 'butt',
        ...(st.opacity !== undefined ? { opacity: st.opacity } : {}),
      })),
      role: 'legend',
    });
  }
  if ((e.kind === 'point' || e.symbolToo) && s.symbol) {
    const def = (c.symbols[s.symbol.id] ??= symbolDef(s.symbol));
    // Centred on the row by its drawing, not its anchor (a grave stands on its anchor).
    const [bx0, by0, bx1, by1] = def.box;
    items.push({ kind: 'symbol', symbol: s.symbol.id, x: x + sw / 2 - (bx0 + bx1) / 2, y: mid - (by0 + by1) / 2, role: 'legend' });
  }
}

/** The legend, or its rows from `from` to `to` (a continuation column has no heading). */
export function legendBlock(c: Ctx, x0: number, y: number, w: number, entries: SheetLegendEntry[], from = 0, to?: number, heading = from === 0): number {
  const { k, measure, items } = c;
  const { head, units } = legendRows(c, w, entries);
  let cy = y;
  if (heading) {
    items.push(textItem(x0 + w / 2, y + lh(LEGEND_TITLE_PT * k), 'CHÚ GIẢI', { sizePt: 10 * k, bold: true, align: 'center', role: 'legend' }, measure));
    cy += head;
  }
  const sw = 9 * k;
  const pt = 7 * k;
  const half = (w - 3 * k) / 2;
  for (const u of units.slice(from, to ?? units.length)) {
    if (u.heading) {
      items.push(textItem(x0, cy + u.h * 0.75, u.heading, { sizePt: 7.5 * k, bold: true, italic: true, role: 'legend' }, measure));
      cy += u.h;
      continue;
    }
    u.entries.forEach((e, n) => {
      const x = x0 + n * (half + 3 * k);
      const lines = wrap(e.vi, u.textW, pt, false, measure);
      const mid = cy + u.h / 2;
      swatch(c, e, x, mid);
      const t0 = mid - ((lines.length - 1) * lh(pt)) / 2;
      lines.forEach((l, j) => items.push(textItem(x + sw + 3 * k, t0 + j * lh(pt), l, { sizePt: pt, baseline: 'middle', role: 'legend' }, measure)));
    });
    cy += u.h;
  }
  return cy - y;
}
