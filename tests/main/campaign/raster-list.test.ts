// The report's map figure rasteriser: fills with holes (even-odd and nonzero), strokes of a given
// width, symbols at their anchors, all clipped to the box asked for.
import { describe, expect, it } from 'vitest';
import { rasterise, type Raster } from '../../../src/main/campaign/raster-list';
import type { DisplayList } from '../../../src/shared/print/display-list';

const px = (r: Raster, x: number, y: number) => [...r.data.subarray((y * r.width + x) * 3, (y * r.width + x) * 3 + 3)];
const sq = (x0: number, y0: number, x1: number, y1: number, ccw = false) => (ccw ? [x0, y0, x0, y1, x1, y1, x1, y0] : [x0, y0, x1, y0, x1, y1, x0, y1]);

function list(items: DisplayList['items'], symbols: DisplayList['symbols'] = {}): DisplayList {
  return { page: { widthMm: 100, heightMm: 100 }, items, symbols } as DisplayList;
}

describe('rasterise', () => {
  it('fills an area with its hole left open (even-odd), inside the box only', () => {
    const r = rasterise(
      list([{ kind: 'path', subpaths: [sq(10, 10, 30, 30), sq(15, 15, 25, 25)], closed: true, fill: { color: '#ff0000' }, fillRule: 'evenodd', role: 'map' }]),
      [10, 10, 40, 40],
      2,
    );
    expect([r.width, r.height]).toEqual([60, 60]);
    expect(px(r, 4, 4)).toEqual([255, 0, 0]); // 12 mm, 12 mm: in the ring
    expect(px(r, 20, 20)).toEqual([255, 255, 255]); // 20 mm, 20 mm: in the hole
    expect(px(r, 50, 50)).toEqual([255, 255, 255]); // outside the area
  });

  it('nonzero: a hole wound the other way stays open, one wound the same way is filled', () => {
    const hole = rasterise(list([{ kind: 'path', subpaths: [sq(0, 0, 20, 20), sq(5, 5, 15, 15, true)], closed: true, fill: { color: '#0000ff' }, role: 'map' }]), [0, 0, 20, 20], 1);
    expect(px(hole, 10, 10)).toEqual([255, 255, 255]);
    const same = rasterise(list([{ kind: 'path', subpaths: [sq(0, 0, 20, 20), sq(5, 5, 15, 15)], closed: true, fill: { color: '#0000ff' }, role: 'map' }]), [0, 0, 20, 20], 1);
    expect(px(same, 10, 10)).toEqual([0, 0, 255]);
  });

  it('blends a fill’s opacity over what is under it', () => {
    const r = rasterise(list([{ kind: 'path', subpaths: [sq(0, 0, 10, 10)], closed: true, fill: { color: '#000000', opacity: 0.5 }, role: 'map' }]), [0, 0, 10, 10], 1);
    expect(px(r, 5, 5)).toEqual([128, 128, 128]);
  });

  it('strokes a line with its width and draws symbols at their anchors; label leaders are left out', () => {
    const symbols = { dot: { id: 'dot', box: [-1, -1, 1, 1] as [number, number, number, number], parts: [{ kind: 'path' as const, subpaths: [sq(-1, -1, 1, 1)], closed: true, fill: { color: '#00ff00' }, role: 'symbol' as const }] } };
    const r = rasterise(
      list(
        [
          { kind: 'path', subpaths: [[0, 10, 40, 10]], closed: false, strokes: [{ color: '#000000', widthMm: 2 }], role: 'map' },
          { kind: 'path', subpaths: [[0, 30, 40, 30]], closed: false, strokes: [{ color: '#000000', widthMm: 2 }], role: 'feature-label' },
          { kind: 'symbol', symbol: 'dot', x: 20, y: 20, role: 'symbol' },
        ],
        symbols,
      ),
      [0, 0, 40, 40],
      4,
    );
    expect(px(r, 80, 40)).toEqual([0, 0, 0]); // on the line (y = 10 mm)
    expect(px(r, 80, 36)).toEqual([0, 0, 0]); // 1 mm off its centre: within its 2 mm width
    expect(px(r, 80, 32)).toEqual([255, 255, 255]); // 2 mm off: outside
    expect(px(r, 80, 80)).toEqual([0, 255, 0]); // the symbol at 20, 20 mm
    expect(px(r, 80, 120)).toEqual([255, 255, 255]); // the leader line was not drawn
  });
});
