// The metre grid of the working CRS, with its labels on all four edges outside the frame.
// Labels in the Vietnamese topographic style by default ('km'): the value in kilometres, its last
// two digits large and the leading ones small ("13" small, "78" large for 1 378 000 m), as two
// text items; 'm' prints the full metres.
import { PT_TO_MM, type BoxMm, type DisplayItem, type MeasureText, type TextItem } from './display-list';
import { BoxIndex } from './collisions';
import type { Frame } from './geom';
import { textItem } from './text';

export interface GridResult {
  items: DisplayItem[];
  labels: TextItem[];
  /** Values that got no label because it would overlap another one (near the corners). */
  dropped: string[];
  step: number;
}

/** More grid lines than any sheet can hold (A0 at its finest step has about 120): a frame beyond reason. */
export const MAX_GRID_VALUES = 2000;

/**
 * The grid values in [min, max]. Counted first, then made by multiplication: `v += step` made no
 * progress where the step is below a double's spacing (frames around 1e20) and never ended. An
 * extent that would need more than MAX_GRID_VALUES lines gets no grid.
 */
export function gridValues(min: number, max: number, step: number): number[] {
  if (!(step > 0) || !Number.isFinite(min) || !Number.isFinite(max)) return [];
  const first = Math.ceil(min / step);
  const count = Math.floor((max + 1e-6) / step) - first + 1;
  if (!(count > 0) || count > MAX_GRID_VALUES) return [];
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const v = Math.round((first + i) * step);
    if (v <= max + 1e-6) out.push(v);
  }
  return out;
}

export type GridLabelStyle = 'km' | 'm';

/** Size of the leading (small) digits of a km-style label, relative to the grid label size. */
export const KM_SMALL = 0.7;

/** A km-style label's two parts: leading km digits (may be empty) and the last two, with a decimal part when the line is not on a whole km. */
export function kmParts(v: number): { small: string; large: string } {
  const km = v / 1000;
  const whole = Math.floor(km + 1e-9);
  const frac = Math.round((km - whole) * 1000);
  const lead = Math.floor(whole / 100);
  const last = String(whole % 100).padStart(whole >= 100 ? 2 : 1, '0');
  // Vietnamese decimal comma: 430 500 m → "4" "30,5".
  const dec = frac ? `,${String(frac).padStart(3, '0').replace(/0+$/, '')}` : '';
  return { small: lead ? String(lead) : '', large: last + dec };
}

/** One label as text items and the box they take together; `y` is the baseline, or the middle when `middle`. */
function gridLabel(x: number, y: number, v: number, align: 'left' | 'center' | 'right', middle: boolean, sizePt: number, style: GridLabelStyle, measure: MeasureText): { items: TextItem[]; box: BoxMm } {
  const opts = { sizePt, role: 'grid-label' as const, color: '#000000' };
  if (style === 'm') {
    const t = textItem(x, y, String(v), { ...opts, align, ...(middle ? { baseline: 'middle' as const } : {}) }, measure);
    return { items: [t], box: t.box };
  }
  const { small, large } = kmParts(v);
  const sPt = sizePt * KM_SMALL;
  const ws = small ? measure(small, sPt, false) : 0;
  const wl = measure(large, sizePt, false);
  const left = align === 'left' ? x : align === 'right' ? x - ws - wl : x - (ws + wl) / 2;
  // One baseline for both parts (a middle-aligned label is centred on the large digits).
  const base = middle ? y + sizePt * PT_TO_MM * 0.35 : y;
  const items: TextItem[] = [];
  if (small) items.push(textItem(left, base, small, { ...opts, sizePt: sPt, align: 'left' }, measure));
  items.push(textItem(left + ws, base, large, { ...opts, align: 'left' }, measure));
  const box: BoxMm = [Math.min(...items.map((i) => i.box[0])), Math.min(...items.map((i) => i.box[1])), Math.max(...items.map((i) => i.box[2])), Math.max(...items.map((i) => i.box[3]))];
  return { items, box };
}

/** `reserved`: boxes the labels must keep clear of (the corner coordinates). */
export function composeGrid(f: Frame, step: number, sizePt: number, measure: MeasureText, k: number, style: GridLabelStyle = 'm', reserved: BoxMm[] = []): GridResult {
  const [minE, minN, maxE, maxN] = f.extent;
  const px = (e: number) => f.x + ((e - minE) * 1000) / f.scale;
  const py = (n: number) => f.y + ((maxN - n) * 1000) / f.scale;
  const lines: number[][] = [];
  const ticks: number[][] = [];
  const tick = 1.6 * k;
  const gap = 0.8 * k;
  const candidates: { text: string; items: TextItem[]; box: BoxMm }[] = [];
  const label = (x: number, y: number, v: number, align: 'left' | 'center' | 'right', middle = false) => ({ text: String(v), ...gridLabel(x, y, v, align, middle, sizePt, style, measure) });
  for (const e of gridValues(minE, maxE, step)) {
    const x = px(e);
    if (x <= f.x + 0.01 || x >= f.x + f.w - 0.01) continue;
    lines.push([x, f.y, x, f.y + f.h]);
    ticks.push([x, f.y - tick, x, f.y], [x, f.y + f.h, x, f.y + f.h + tick]);
    candidates.push(
      label(x, f.y - tick - gap, e, 'center'),
      label(x, f.y + f.h + tick + gap + sizePt * 0.3528, e, 'center'),
    );
  }
  for (const n of gridValues(minN, maxN, step)) {
    const y = py(n);
    if (y <= f.y + 0.01 || y >= f.y + f.h - 0.01) continue;
    lines.push([f.x, y, f.x + f.w, y]);
    ticks.push([f.x - tick, y, f.x, y], [f.x + f.w, y, f.x + f.w + tick, y]);
    candidates.push(
      label(f.x - tick - gap, y, n, 'right', true),
      label(f.x + f.w + tick + gap, y, n, 'left', true),
    );
  }
  const taken = new BoxIndex(20);
  for (const b of reserved) taken.add(b);
  const labels: TextItem[] = [];
  const dropped: string[] = [];
  for (const c of candidates) {
    if (taken.hits(c.box, 0.5 * k)) {
      dropped.push(c.text);
      continue;
    }
    taken.add(c.box);
    labels.push(...c.items);
  }
  const items: DisplayItem[] = [
    { kind: 'path', subpaths: lines, closed: false, strokes: [{ color: '#303030', widthMm: 0.12 * k, opacity: 0.8 }], role: 'grid-line' },
    { kind: 'path', subpaths: ticks, closed: false, strokes: [{ color: '#000000', widthMm: 0.18 * k }], role: 'grid-line' },
  ];
  return { items, labels, dropped, step };
}
