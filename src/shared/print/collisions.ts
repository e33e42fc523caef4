// Boxes already taken on the sheet (labels, symbols, grid labels), in a uniform grid so that tens of
// thousands of symbols stay cheap to test against.
import { boxesOverlap, type BoxMm } from './display-list';

/**
 * A box over more cells than this (a feature far off the page, a label of absurd size) is kept in
 * a plain list tested against every box: the walk over its cells is never made, however big it is.
 */
const MAX_CELLS = 1024;

export class BoxIndex {
  private readonly cells = new Map<number, BoxMm[]>();
  private readonly big: BoxMm[] = [];
  constructor(private readonly cell = 10) {}

  /** The box's cell range, or null when it covers too many cells (or is not made of numbers). */
  private range(b: BoxMm): [number, number, number, number] | null {
    const c = this.cell;
    const i0 = Math.floor(b[0] / c);
    const i1 = Math.floor(b[2] / c);
    const j0 = Math.floor(b[1] / c);
    const j1 = Math.floor(b[3] / c);
    const n = (i1 - i0 + 1) * (j1 - j0 + 1);
    return n > 0 && n <= MAX_CELLS ? [i0, i1, j0, j1] : null;
  }

  private keys(r: [number, number, number, number], each: (k: number) => boolean | void): boolean {
    for (let i = r[0]; i <= r[1]; i++) for (let j = r[2]; j <= r[3]; j++) if (each(i * 100_003 + j) === true) return true;
    return false;
  }

  add(b: BoxMm): void {
    const r = this.range(b);
    if (!r) {
      this.big.push(b);
      return;
    }
    this.keys(r, (k) => {
      const l = this.cells.get(k);
      if (l) l.push(b);
      else this.cells.set(k, [b]);
    });
  }

  hits(b: BoxMm, gap = 0): boolean {
    if (this.big.some((o) => boxesOverlap(b, o, gap))) return true;
    const r = this.range(b);
    // A box too big for the grid is compared with every box taken (rare: such boxes are off the page).
    if (!r) return [...this.cells.values()].some((l) => l.some((o) => boxesOverlap(b, o, gap)));
    return this.keys(r, (k) => (this.cells.get(k) ?? []).some((o) => boxesOverlap(b, o, gap)));
  }
}
