// The scale bar measures what its labels say: a bar labelled "1 km" on a 1:10,000 sheet is
// 1,000,000 / 10,000 = 100 mm long on paper, its middle label names half of it, and it is the same
// length a kilometre of the map frame takes (the frame's own scale). A bar drawn 10× short with the
// same labels passed every test before this one.
import { describe, expect, it } from 'vitest';
import { compose, type DisplayItem, type PathItem, type TextItem } from '../../../src/shared/print';
import { scaleBarLength } from '../../../src/shared/print/furniture';
import { fixture } from './fixture';

const one = { kind: 'communes' as const, communes: ['001'] };

/** "0", "500 m", "1 km", "2,5 km" → metres. */
function metres(label: string): number {
  const m = /^([\d,]+)(?: (km|m))?$/.exec(label);
  if (!m) throw new Error(`not a scale-bar label: ${label}`);
  const v = Number(m[1]!.replace(',', '.'));
  return m[2] === 'km' ? v * 1000 : v;
}

function bar(items: DisplayItem[]) {
  const rects = items.filter((i): i is PathItem => i.kind === 'path' && i.role === 'scale-bar');
  const xs = rects.flatMap((r) => r.subpaths.flatMap((s) => s.filter((_, i) => i % 2 === 0)));
  const labels = items.filter((i): i is TextItem => i.kind === 'text' && i.role === 'scale-bar').sort((a, b) => a.x - b.x);
  return { rects, left: Math.min(...xs), right: Math.max(...xs), labels };
}

describe('scale bar', () => {
  for (const [paper, scale] of [
    ['A3', 10000],
    ['A3', 25000],
    ['A4', 5000],
    ['A4', 12345],
    ['A0', 50000],
  ] as const) {
    it(`on ${paper} at 1:${scale} the bar is as long on paper as its last label on the ground`, () => {
      const { report, list } = compose(fixture(), { paper, area: one, scale });
      expect(report.scale).toBe(scale);
      const b = bar(list.items);
      expect(b.rects).toHaveLength(4);
      expect(b.labels.map((l) => l.text)[0]).toBe('0');
      const [zero, half, full] = b.labels.map((l) => metres(l.text));
      expect(zero).toBe(0);
      expect(half * 2).toBe(full);
      // The drawn length: label metres × 1000 / scale mm, exactly (to a micrometre).
      expect(b.right - b.left).toBeCloseTo((full * 1000) / scale, 3);
      // Labels stand under the start, the middle and the end of the bar.
      expect(b.labels.map((l) => l.x)).toEqual([b.left, (b.left + b.right) / 2, b.right].map((x) => expect.closeTo(x, 6)));
      // Each of the four segments is a quarter of it.
      for (const r of b.rects) {
        const xs = r.subpaths[0]!.filter((_, i) => i % 2 === 0);
        expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo((full * 1000) / scale / 4, 3);
      }
      // The same length as that many metres of the map frame.
      const f = report.frame;
      expect(b.right - b.left).toBeCloseTo(((full / (f.extent[2] - f.extent[0])) * f.w), 3);
    });
  }

  it('takes the longest round length that fits its block', () => {
    // 1 km at 1:10,000 is 100 mm: it fits 100 mm, not 99.9 mm (then 500 m).
    expect(scaleBarLength(10000, 100)).toBe(1000);
    expect(scaleBarLength(10000, 99.9)).toBe(500);
    expect(scaleBarLength(25000, 40)).toBe(1000);
    expect(scaleBarLength(25000, 39.9)).toBe(500);
    expect(scaleBarLength(12345, 60)).toBe(500);
    // A3 at 1:10,000: the block holds 50 mm but not 100 mm, so 500 m in quarters.
    const { list } = compose(fixture(), { paper: 'A3', area: one, scale: 10000 });
    const b = bar(list.items);
    expect(b.labels.map((l) => l.text)).toEqual(['0', '250 m', '500 m']);
    expect(b.right - b.left).toBeCloseTo(50, 6);
  });
});
