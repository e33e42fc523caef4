// The metre grid of the working CRS, with its labels on all four edges outside the frame.
import type { DisplayItem, MeasureText, TextItem } from './display-list';
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

export function composeGrid(f: Frame, step: number, sizePt: number, measure: MeasureText, k: number): GridResult {
  const [minE, minN, maxE, maxN] = f.extent;
  const px = (e: number) => f.x + ((e - minE) * 1000) / f.scale;
  const py = (n: number) => f.y + ((maxN - n) * 1000) / f.scale;
  const lines: number[][] = [];
  const ticks: number[][] = [];
  const tick = 1.6 * k;
  const gap = 0.8 * k;
  const candidates: TextItem[] = [];
  const opts = { sizePt, role: 'grid-label' as const, color: '#000000' };
  for (const e of gridValues(minE, maxE, step)) {
    const x = px(e);
    if (x <= f.x + 0.01 || x >= f.x + f.w - 0.01) continue;
    lines.push([x, f.y, x, f.y + f.h]);
    ticks.push([x, f.y - tick, x, f.y], [x, f.y + f.h, x, f.y + f.h + tick]);
    candidates.push(
      textItem(x, f.y - tick - gap, String(e), { ...opts, align: 'center' }, measure),
      textItem(x, f.y + f.h + tick + gap + sizePt * 0.3528, String(e), { ...opts, align: 'center' }, measure),
    );
  }
  for (const n of gridValues(minN, maxN, step)) {
    const y = py(n);
    if (y <= f.y + 0.01 || y >= f.y + f.h - 0.01) continue;
    lines.push([f.x, y, f.x + f.w, y]);
    ticks.push([f.x - tick, y, f.x, y], [f.x + f.w, y, f.x + f.w + tick, y]);
    candidates.push(
      textItem(f.x - tick - gap, y, String(n), { ...opts, align: 'right', baseline: 'middle' }, measure),
      textItem(f.x + f.w + tick + gap, y, String(n), { ...opts, align: 'left', baseline: 'middle' }, measure),
    );
  }
  const taken = new BoxIndex(20);
  const labels: TextItem[] = [];
  const dropped: string[] = [];
  for (const c of candidates) {
    if (taken.hits(c.box, 0.5 * k)) {
      dropped.push(c.text);
      continue;
    }
    taken.add(c.box);
    labels.push(c);
  }
  const items: DisplayItem[] = [
    { kind: 'path', subpaths: lines, closed: false, strokes: [{ color: '#303030', widthMm: 0.12 * k, opacity: 0.8 }], role: 'grid-line' },
    { kind: 'path', subpaths: ticks, closed: false, strokes: [{ color: '#000000', widthMm: 0.18 * k }], role: 'grid-line' },
  ];
  return { items, labels, dropped, step };
}
