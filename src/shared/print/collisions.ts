// Boxes already taken on the sheet (labels, symbols, grid labels), in a uniform grid so that tens of
// thousands of symbols stay cheap to test against.
import { boxesOverlap, type BoxMm } from './display-list';

export class BoxIndex {
  private readonly cells = new Map<number, BoxMm[]>();
  constructor(private readonly cell = 10) {}

  private keys(b: BoxMm, each: (k: number) => boolean | void): boolean {
    const c = this.cell;
    for (let i = Math.floor(b[0] / c); i <= Math.floor(b[2] / c); i++)
      for (let j = Math.floor(b[1] / c); j <= Math.floor(b[3] / c); j++) if (each(i * 100_003 + j) === true) return true;
    return false;
  }

  add(b: BoxMm): void {
    this.keys(b, (k) => {
      const l = this.cells.get(k);
      if (l) l.push(b);
      else this.cells.set(k, [b]);
    });
  }

  hits(b: BoxMm, gap = 0): boolean {
    return this.keys(b, (k) => (this.cells.get(k) ?? []).some((o) => boxesOverlap(b, o, gap)));
  }
}
