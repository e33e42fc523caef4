// Where the furniture goes. The blocks (scale, legend, statistics, notes, signatures) flow, in that
// order, into columns of one width: either a panel right of the map (one or more columns, the whole
// body's height) or a band under the map (as many columns as the page is wide, as low as it can
// be). The legend may continue in the next column between two entries; the other blocks are never
// cut. The signatures sit at the foot of the last column, where the approving commander signs on a
// paper sheet. Of the arrangements that hold every block, the one leaving the map the most room
// for the area is taken, so nothing overlaps on any paper and the scale stays as large as it can.
import type { BlockName } from './settings';

/** A block as the layout sees it: atomic (`rows` empty, height `head`) or split between rows. */
export interface FlowBlock {
  name: BlockName;
  head: number;
  rows: number[];
}

/** One piece of a block in a column: for the legend, the entries [from, to) and whether it has the heading. */
export interface Piece {
  name: BlockName;
  col: number;
  /** From the region's top. */
  y: number;
  h: number;
  from: number;
  to: number;
  heading: boolean;
}

/** Next-fit into `cols` columns at most `H` tall (never worse when blocks shrink); null when they do not fit. */
export function pack(blocks: FlowBlock[], cols: number, H: number, gap: number): Piece[] | null {
  const out: Piece[] = [];
  let col = 0;
  let y = 0;
  const nextCol = () => {
    col++;
    y = 0;
    return col < cols;
  };
  for (const b of blocks) {
    if (!b.rows.length) {
      if (b.head > H + 1e-6) return null;
      if (y > 0 && y + b.head > H + 1e-6 && !nextCol()) return null;
      out.push({ name: b.name, col, y, h: b.head, from: 0, to: 0, heading: true });
      y += b.head + gap;
      continue;
    }
    let i = 0;
    let first = true;
    // A block that heads its column continues level with its first rows, under its heading's
    // line, never beside it (entries above "CHÚ GIẢI" read as strays).
    const rowsTop = y === 0 ? b.head : 0;
    while (i < b.rows.length) {
      let h = first ? b.head : 0;
      let j = i;
      while (j < b.rows.length && y + h + b.rows[j] <= H + 1e-6) h += b.rows[j++];
      // A heading is never left alone at the foot of a column.
      if (j === i) {
        if (y === 0 || !nextCol()) return null;
        continue;
      }
      out.push({ name: b.name, col, y, h, from: i, to: j, heading: first });
      y += h + gap;
      i = j;
      first = false;
      if (i < b.rows.length) {
        if (!nextCol()) return null;
        y = rowsTop;
      }
    }
  }
  // The signatures go to the last column's foot, even when the columns before had room for them.
  const sig = out.find((p) => p.name === 'signatures');
  if (sig) {
    const last = Math.max(...out.filter((p) => p !== sig).map((p) => p.col), -1);
    if (sig.col < cols - 1 && last < cols - 1) sig.col = cols - 1;
    const ownCol = out.filter((p) => p !== sig && p.col === sig.col);
    const bottom = ownCol.length ? Math.max(...ownCol.map((p) => p.y + p.h)) : 0;
    sig.y = Math.max(bottom + (ownCol.length ? gap : 0), H - sig.h);
  }
  return out;
}

/** The smallest height (to 0.5 mm) at which the blocks fit `cols` columns; null when not even their sum does. */
export function lowestFit(blocks: FlowBlock[], cols: number, gap: number): { H: number; pieces: Piece[] } | null {
  const total = blocks.reduce((s, b) => s + b.head + b.rows.reduce((a, r) => a + r, 0) + gap, 0);
  const top = pack(blocks, cols, total, gap);
  if (!top) return null;
  let lo = 0;
  let hi = total;
  let best = { H: total, pieces: top };
  while (hi - lo > 0.5) {
    const mid = (lo + hi) / 2;
    const p = pack(blocks, cols, mid, gap);
    if (p) {
      hi = mid;
      best = { H: mid, pieces: p };
    } else lo = mid;
  }
  return best;
}

export interface Arrangement {
  mode: 'right' | 'bottom';
  cols: number;
  colW: number;
  gap: number;
  /** The furniture region on the page. */
  x: number;
  top: number;
  bottom: number;
  pieces: Piece[];
  /** The map frame (without its grid labels, which lie between frame and region). */
  frame: { x: number; y: number; w: number; h: number };
}

export interface LayoutSpace {
  page: { w: number; h: number };
  margin: number;
  /** Top of the body (under the title). */
  bodyTop: number;
  /** Room the grid labels take beside (gw) and above/below (gh) the frame. */
  gw: number;
  gh: number;
  /** Preferred column width and the gap between columns and blocks. */
  colW: number;
  gap: number;
  /** Ground size of the area (to judge which arrangement shows it largest). */
  areaW: number;
  areaH: number;
}

/** Every arrangement that holds the blocks, best first (the largest scale at which the area fits the frame). */
export function arrangements(sp: LayoutSpace, blocksAt: (colW: number) => FlowBlock[]): Arrangement[] {
  const { page, margin: m, bodyTop, gw, gh, gap } = sp;
  const out: Arrangement[] = [];
  const fx = m + gw;
  const fy = bodyTop + gh;
  const blocks = blocksAt(sp.colW);
  for (let cols = 1; cols <= 3; cols++) {
    const H = page.h - m - bodyTop;
    const pieces = pack(blocks, cols, H, gap);
    if (!pieces) continue;
    const panel = cols * sp.colW + (cols - 1) * gap;
    const x = page.w - m - panel;
    out.push({ mode: 'right', cols, colW: sp.colW, gap, x, top: bodyTop, bottom: page.h - m, pieces, frame: { x: fx, y: fy, w: x - gap - gw - fx, h: page.h - m - gh - fy } });
  }
  const avail = page.w - 2 * m;
  const cols = Math.max(1, Math.floor((avail + gap) / (sp.colW + gap)));
  const colW = (avail - (cols - 1) * gap) / cols;
  const fit = lowestFit(blocksAt(colW), cols, gap);
  if (fit) {
    const top = page.h - m - fit.H;
    out.push({ mode: 'bottom', cols, colW, gap, x: m, top, bottom: page.h - m, pieces: fit.pieces, frame: { x: fx, y: fy, w: page.w - m - gw - fx, h: top - gap - gh - fy } });
  }
  const room = (a: Arrangement) => (a.frame.w < 40 || a.frame.h < 40 ? -1 : Math.min(a.frame.w / Math.max(sp.areaW, 1), a.frame.h / Math.max(sp.areaH, 1)));
  return out.filter((a) => room(a) > 0).sort((a, b) => room(b) - room(a));
}

/** Where a piece lands on the page. */
export function pieceBox(a: Pick<Arrangement, 'x' | 'top' | 'colW' | 'gap'>, p: Piece): { x: number; y: number; w: number; h: number } {
  return { x: a.x + p.col * (a.colW + a.gap), y: a.top + p.y, w: a.colW, h: p.h };
}
