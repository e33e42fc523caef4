// The furniture layout: blocks flow into columns, the legend continues between entries, the
// signatures end at the foot of the last column, and the arrangement leaving the map most room wins.
import { describe, expect, it } from 'vitest';
import { arrangements, lowestFit, pack, type FlowBlock } from '../../../src/shared/print/layout';
import { compose } from '../../../src/shared/print';
import { fixture } from './fixture';

const blocks = (): FlowBlock[] => [
  { name: 'scale', head: 20, rows: [] },
  { name: 'legend', head: 8, rows: [6, 6, 6, 6, 6, 6, 6, 6, 6, 6] },
  { name: 'stats', head: 50, rows: [] },
  { name: 'notes', head: 20, rows: [] },
  { name: 'signatures', head: 30, rows: [] },
];

describe('furniture layout', () => {
  it('one tall column holds everything in order, the signatures at its foot', () => {
    const p = pack(blocks(), 1, 300, 4)!;
    expect(p.map((x) => x.name)).toEqual(['scale', 'legend', 'stats', 'notes', 'signatures']);
    const sig = p.find((x) => x.name === 'signatures')!;
    expect(sig.y + sig.h).toBeCloseTo(300);
    for (let i = 1; i < p.length; i++) expect(p[i].y).toBeGreaterThanOrEqual(p[i - 1].y + p[i - 1].h);
  });

  it('the legend continues in the next column between two entries, without its heading; atomic blocks are never cut', () => {
    const p = pack(blocks(), 3, 80, 4)!;
    const legend = p.filter((x) => x.name === 'legend');
    expect(legend.length).toBe(2);
    expect(legend[0].heading).toBe(true);
    expect(legend[1].heading).toBe(false);
    expect(legend[0].to).toBe(legend[1].from);
    expect(legend[1].to).toBe(10);
    for (const x of p) expect(x.y + x.h).toBeLessThanOrEqual(80 + 1e-6);
    expect(pack(blocks(), 3, 45, 4)).toBeNull(); // the 50 mm table fits no 45 mm column
  });

  it('too few columns: no layout rather than an overlap', () => {
    expect(pack(blocks(), 1, 150, 4)).toBeNull();
  });

  it('lowestFit finds the lowest band that holds the blocks', () => {
    const f = lowestFit(blocks(), 3, 4)!;
    expect(pack(blocks(), 3, f.H, 4)).not.toBeNull();
    expect(pack(blocks(), 3, f.H - 1, 4)).toBeNull();
  });

  it('a wide area gets the band under the map, a tall one the panel at the right', () => {
    const sp = { page: { w: 420, h: 297 }, margin: 10, bodyTop: 25, gw: 14, gh: 6, colW: 95, gap: 4 };
    expect(arrangements({ ...sp, areaW: 40000, areaH: 8000 }, () => blocks())[0].mode).toBe('bottom');
    expect(arrangements({ ...sp, areaW: 20000, areaH: 20000 }, () => blocks())[0].mode).toBe('right');
  });

  it('the composer reports every piece it placed, none over another', () => {
    for (const paper of ['A4', 'A3', 'A0'] as const)
      for (const orientation of ['portrait', 'landscape'] as const) {
        const { report } = compose(fixture(), { paper, orientation, area: { kind: 'all' }, scale: 'fit' });
        const parts = report.parts!;
        expect(new Set(parts.map((p) => p.block))).toEqual(new Set(['scale', 'legend', 'stats', 'notes', 'signatures', 'inset']));
        for (const a of parts)
          for (const b of parts)
            if (a !== b) expect(a.x + a.w <= b.x + 1e-6 || b.x + b.w <= a.x + 1e-6 || a.y + a.h <= b.y + 1e-6 || b.y + b.h <= a.y + 1e-6).toBe(true);
      }
  });
});
