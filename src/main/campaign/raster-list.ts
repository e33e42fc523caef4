// A plain software rasteriser for the map frame of a composed sheet (display list → RGB pixels), so
// the reports can carry the commune map as a figure in both the PDF and the .docx (Word needs a
// picture). Fills and strokes only, no anti-aliasing, no dashes, no text: the figure shows the
// areas, boundaries and symbols exactly where the sheet draws them; its caption carries the words.
import type { BoxMm, DisplayList, FillPaint, PathItem, StrokePaint } from '../../shared/print/display-list';

export interface Raster {
  width: number;
  height: number;
  /** RGB, row by row. */
  data: Uint8Array;
}

interface Edge {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** +1 downwards, -1 upwards (nonzero winding). */
  dir: number;
}

function rgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  const v = m ? parseInt(m[1]!, 16) : 0;
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

class Canvas implements Raster {
  data: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8Array(width * height * 3).fill(255);
  }

  /** Scanline fill of closed rings given in pixels (pixel centres sampled). */
  fill(rings: number[][], color: string, opacity: number, evenOdd: boolean): void {
    const edges: Edge[] = [];
    for (const r of rings)
      for (let i = 0; i + 1 < r.length; i += 2) {
        const j = (i + 2) % r.length;
        const [x0, y0, x1, y1] = [r[i]!, r[i + 1]!, r[j]!, r[j + 1]!];
        if (y0 !== y1) edges.push(y0 < y1 ? { x0, y0, x1, y1, dir: 1 } : { x0: x1, y0: y1, x1: x0, y1: y0, dir: -1 });
      }
    if (!edges.length) return;
    edges.sort((a, b) => a.y0 - b.y0);
    const top = Math.max(0, Math.floor(edges[0]!.y0));
    const bottom = Math.min(this.height - 1, Math.ceil(Math.max(...edges.map((e) => e.y1))));
    const [cr, cg, cb] = rgb(color);
    const a = Math.max(0, Math.min(1, opacity));
    let next = 0;
    let active: Edge[] = [];
    const xs: { x: number; dir: number }[] = [];
    for (let y = top; y <= bottom; y++) {
      const yc = y + 0.5;
      while (next < edges.length && edges[next]!.y0 <= yc) active.push(edges[next++]!);
      active = active.filter((e) => e.y1 > yc);
      xs.length = 0;
      for (const e of active) if (e.y0 <= yc) xs.push({ x: e.x0 + ((yc - e.y0) * (e.x1 - e.x0)) / (e.y1 - e.y0), dir: e.dir });
      xs.sort((p, q) => p.x - q.x);
      let wind = 0;
      for (let k = 0; k + 1 < xs.length; k++) {
        wind = evenOdd ? wind ^ 1 : wind + xs[k]!.dir;
        if (wind === 0) continue;
        const from = Math.max(0, Math.ceil(xs[k]!.x - 0.5));
        const to = Math.min(this.width - 1, Math.floor(xs[k + 1]!.x - 0.5));
        for (let x = from; x <= to; x++) {
          const o = (y * this.width + x) * 3;
          const d = this.data;
          d[o] = Math.round(d[o]! * (1 - a) + cr * a);
          d[o + 1] = Math.round(d[o + 1]! * (1 - a) + cg * a);
          d[o + 2] = Math.round(d[o + 2]! * (1 - a) + cb * a);
        }
      }
    }
  }

  /** A polyline as one quad per segment (each turned the same way, so nonzero unites them). */
  stroke(path: number[], closed: boolean, widthPx: number, color: string, opacity: number): void {
    const h = Math.max(widthPx, 1) / 2;
    const quads: number[][] = [];
    const n = path.length / 2;
    const segs = closed ? n : n - 1;
    for (let i = 0; i < segs; i++) {
      const [x0, y0] = [path[2 * i]!, path[2 * i + 1]!];
      const j = (i + 1) % n;
      const [x1, y1] = [path[2 * j]!, path[2 * j + 1]!];
      const len = Math.hypot(x1 - x0, y1 - y0);
      if (len === 0) continue;
      // Extended by half the width at both ends: the joins close without a gap.
      const [ux, uy] = [((x1 - x0) / len) * h, ((y1 - y0) / len) * h];
      const [nx, ny] = [-uy, ux];
      quads.push([x0 - ux + nx, y0 - uy + ny, x1 + ux + nx, y1 + uy + ny, x1 + ux - nx, y1 + uy - ny, x0 - ux - nx, y0 - uy - ny]);
    }
    if (quads.length) this.fill(quads, color, opacity, false);
  }
}

/** The part of a display list inside `box` (mm), at `pxPerMm`. */
export function rasterise(list: DisplayList, box: BoxMm, pxPerMm: number): Raster {
  const [bx0, by0, bx1, by1] = box;
  const canvas = new Canvas(Math.max(1, Math.round((bx1 - bx0) * pxPerMm)), Math.max(1, Math.round((by1 - by0) * pxPerMm)));
  const toPx = (flat: readonly number[], dx = 0, dy = 0) => flat.map((v, i) => (i % 2 === 0 ? (v + dx - bx0) : (v + dy - by0)) * pxPerMm);
  const drawPath = (p: PathItem, dx = 0, dy = 0) => {
    const subs = p.subpaths.map((s) => toPx(s, dx, dy));
    if (p.fill) paintFill(canvas, subs, p.fill, p.fillRule === 'evenodd');
    for (const s of p.strokes ?? []) for (const sub of subs) paintStroke(canvas, sub, p.closed, s, pxPerMm);
  };
  for (const it of list.items) {
    // Label leader lines without their labels would only be stray strokes.
    if (it.kind === 'path' && (it.role === 'feature-label' || it.role === 'grid-label')) continue;
    if (it.kind === 'path') drawPath(it);
    else if (it.kind === 'symbol') {
      const def = list.symbols[it.symbol];
      if (def) for (const part of def.parts) drawPath(part, it.x, it.y);
    }
  }
  return canvas;
}

function paintFill(c: Canvas, subs: number[][], f: FillPaint, evenOdd: boolean): void {
  c.fill(subs, f.color, f.opacity ?? 1, evenOdd);
}

function paintStroke(c: Canvas, sub: number[], closed: boolean, s: StrokePaint, pxPerMm: number): void {
  c.stroke(sub, closed, s.widthMm * pxPerMm, s.color, s.opacity ?? 1);
}
