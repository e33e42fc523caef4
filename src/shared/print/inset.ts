// Two small blocks an official sheet carries beside the map: the location inset ("SƠ ĐỒ VỊ TRÍ":
// the province's, else the district's, outline with the communes, the printed area filled and the
// frame's rectangle) and, on a series sheet, the adjacent-sheet diagram ("SƠ ĐỒ BẢNG CHẮP": the
// sheet in the middle of a 3 × 3 grid, the neighbours' numbers around it, blank where no sheet).
import { geometryExtent, type Extent, type Position } from '../model/geometry';
import { PT_TO_MM } from './display-list';
import type { Ctx } from './furniture';
import { polygonsOf, rectPath } from './geom';
import type { PrintFeature } from './input';
import { validOn } from './map-date';
import { textItem } from './text';

const lh = (pt: number) => pt * PT_TO_MM * 1.3;
export const INSET_TITLE = 'SƠ ĐỒ VỊ TRÍ';
export const ADJACENT_TITLE = 'SƠ ĐỒ BẢNG CHẮP';

export interface InsetData {
  /** The province's (else district's) polygons, the outline of the inset. */
  outline: Position[][][];
  /** Its name for the caption ("Tỉnh Đắk Nông"), or ''. */
  caption: string;
  communes: Position[][][][];
  area: Position[][][];
  /** The ground extent of the sheet's frame. */
  frame: Extent;
}

const overlap = (a: Extent, b: Extent) => Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) * Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));

/**
 * The unit the inset outlines: the province in force on `date` covering most of the area, else
 * the district, else none (the communes alone).
 */
export function insetData(features: PrintFeature[], communes: PrintFeature[], area: { polys: Position[][][]; extent: Extent }, frame: Extent, date: string): InsetData {
  const best = (level: string): PrintFeature | null => {
    let out: PrintFeature | null = null;
    let most = 0;
    for (const f of features) {
      if (f.table !== 'admin_units' || f.props.level !== level || !validOn(f.props, date)) continue;
      const o = overlap(f.extent ?? geometryExtent(f.geometry), area.extent);
      if (o > most) [out, most] = [f, o];
    }
    return out;
  };
  const unit = best('province') ?? best('district');
  const shown = communes.filter((c) => validOn(c.props, date));
  return {
    outline: unit ? polygonsOf(unit.geometry) : [],
    caption: unit ? String(unit.props.name ?? '') : '',
    communes: shown.map((c) => polygonsOf(c.geometry)),
    area: area.polys,
    frame,
  };
}

const boundsOf = (polys: Position[][][], into: Extent): Extent => {
  for (const p of polys) for (const r of p) for (const [x, y] of r) {
    if (x < into[0]) into[0] = x;
    if (y < into[1]) into[1] = y;
    if (x > into[2]) into[2] = x;
    if (y > into[3]) into[3] = y;
  }
  return into;
};

/** The inset's box: a fixed shape for a column `w` wide, so its height is known before the frame is. */
function insetBox(c: Ctx, w: number): { bw: number; bh: number } {
  const bw = Math.min(w, 50 * c.k);
  return { bw, bh: bw * 0.55 };
}

/** The inset at (x, y) in a column `w` wide; returns its height. */
export function insetBlock(c: Ctx, x: number, y: number, w: number, d: InsetData): number {
  const { k } = c;
  const head = 9 * k;
  c.items.push(textItem(x + w / 2, y + lh(head), INSET_TITLE, { sizePt: head, bold: true, align: 'center', role: 'decoration' }, c.measure));
  const top = y + lh(head) * 1.5;
  const inf = Number.POSITIVE_INFINITY;
  const ext = boundsOf(d.outline.length ? d.outline : d.communes.flat(), [inf, inf, -inf, -inf]);
  // The frame may reach past the province: the inset shows all of it.
  boundsOf([[[[d.frame[0], d.frame[1]], [d.frame[2], d.frame[3]]]]], ext);
  const { bw, bh } = insetBox(c, w);
  const pad = 1.5 * k;
  const s = Math.min((bw - 2 * pad) / Math.max(ext[2] - ext[0], 1), (bh - 2 * pad) / Math.max(ext[3] - ext[1], 1));
  const x0 = x + w / 2 - ((ext[2] - ext[0]) * s) / 2;
  const y0 = top + bh / 2 - ((ext[3] - ext[1]) * s) / 2;
  const px = (p: Position) => [x0 + (p[0] - ext[0]) * s, y0 + (ext[3] - p[1]) * s];
  c.items.push({ kind: 'path', subpaths: [rectPath(x + (w - bw) / 2, top, bw, bh)], closed: true, strokes: [{ color: '#000000', widthMm: 0.15 * k }], role: 'decoration' });
  // Rings thinned to points 0.3 mm apart: a province boundary has thousands of vertices.
  const ring = (r: Position[]): number[] => {
    const out: number[] = [];
    let lx = inf;
    let ly = inf;
    r.forEach((p, i) => {
      const [a, b] = px(p);
      if (i === r.length - 1 || Math.hypot(a - lx, b - ly) >= 0.3) {
        out.push(a, b);
        lx = a;
        ly = b;
      }
    });
    return out;
  };
  const rings = (polys: Position[][][]) => polys.flat().map(ring).filter((r) => r.length >= 6);
  const area = rings(d.area);
  if (area.length) c.items.push({ kind: 'path', subpaths: area, closed: true, fillRule: 'evenodd', fill: { color: '#f2a65a' }, role: 'decoration' });
  const communes = d.communes.flatMap(rings);
  if (communes.length) c.items.push({ kind: 'path', subpaths: communes, closed: true, strokes: [{ color: '#707070', widthMm: 0.1 * k }], role: 'decoration' });
  const outline = rings(d.outline);
  if (outline.length) c.items.push({ kind: 'path', subpaths: outline, closed: true, strokes: [{ color: '#000000', widthMm: 0.3 * k }], role: 'decoration' });
  // An area a few millimetres across in a province's outline is hard to find: ringed.
  if (area.length) {
    const xs = area.flatMap((r) => r.filter((_, i) => i % 2 === 0));
    const ys = area.flatMap((r) => r.filter((_, i) => i % 2 === 1));
    const [w0, h0] = [Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)];
    if (Math.max(w0, h0) < 4 * k) {
      const [cx, cy, r] = [(Math.max(...xs) + Math.min(...xs)) / 2, (Math.max(...ys) + Math.min(...ys)) / 2, Math.max(w0, h0) / 2 + 1.5 * k];
      const circle = Array.from({ length: 24 }, (_, i) => [cx + r * Math.cos((i * Math.PI) / 12), cy + r * Math.sin((i * Math.PI) / 12)]).flat();
      c.items.push({ kind: 'path', subpaths: [circle], closed: true, strokes: [{ color: '#c00000', widthMm: 0.25 * k }], role: 'decoration' });
    }
  }
  const [fx0, fy0] = px([d.frame[0], d.frame[3]]);
  const [fx1, fy1] = px([d.frame[2], d.frame[1]]);
  c.items.push({ kind: 'path', subpaths: [rectPath(fx0, fy0, fx1 - fx0, fy1 - fy0)], closed: true, strokes: [{ color: '#c00000', widthMm: 0.35 * k }], role: 'decoration' });
  let h = top + bh - y;
  if (d.caption) {
    const pt = 6.5 * k;
    h += lh(pt);
    c.items.push(textItem(x + w / 2, y + h, d.caption, { sizePt: pt, italic: true, align: 'center', role: 'decoration' }, c.measure));
  }
  return h + lh(6.5 * k) * 0.5;
}

/**
 * The neighbours of sheet `sheet` (1-based) in the series' grid, row by row from the top left
 * (index 4 is the sheet itself); null where the series has no sheet. `step`: the cells' spacing
 * on the ground (frame size less the overlap), east and north.
 */
export function adjacentSheets(cells: Extent[], sheet: number, stepE: number, stepN: number): (number | null)[] {
  const cur = cells[sheet - 1];
  const out: (number | null)[] = [];
  for (let dy = -1; dy <= 1; dy++)
    for (let dx = -1; dx <= 1; dx++) {
      const i = cells.findIndex((c) => Math.abs(c[0] - (cur[0] + dx * stepE)) < stepE * 0.01 && Math.abs(c[3] - (cur[3] - dy * stepN)) < stepN * 0.01);
      out.push(i < 0 ? null : i + 1);
    }
  return out;
}

/** The adjacent-sheet diagram at (x, y) in a column `w` wide; returns its height. */
export function adjacentBlock(c: Ctx, x: number, y: number, w: number, around: (number | null)[], sheets: number): number {
  const { k } = c;
  const head = 9 * k;
  c.items.push(textItem(x + w / 2, y + lh(head), ADJACENT_TITLE, { sizePt: head, bold: true, align: 'center', role: 'decoration' }, c.measure));
  const top = y + lh(head) * 1.5;
  const cw = Math.min(w, 42 * k) / 3;
  const ch = cw * 0.62;
  const x0 = x + (w - 3 * cw) / 2;
  const pt = 8 * k;
  around.forEach((n, i) => {
    const cx = x0 + (i % 3) * cw;
    const cy = top + Math.floor(i / 3) * ch;
    const mid = i === 4;
    c.items.push({ kind: 'path', subpaths: [rectPath(cx, cy, cw, ch)], closed: true, ...(mid ? { fill: { color: '#d9d9d9' } } : {}), strokes: [{ color: '#000000', widthMm: (mid ? 0.35 : 0.15) * k }], role: 'decoration' });
    if (n !== null) c.items.push(textItem(cx + cw / 2, cy + ch / 2, String(n), { sizePt: pt, bold: mid, align: 'center', baseline: 'middle', role: 'decoration' }, c.measure));
  });
  const cap = 6.5 * k;
  const h = top + 3 * ch - y + lh(cap);
  c.items.push(textItem(x + w / 2, y + h, `Tờ ${around[4]}/${sheets}`, { sizePt: cap, align: 'center', role: 'decoration' }, c.measure));
  return h + lh(cap) * 0.5;
}
