// Areas grouped into shared paths must give the picture of drawing them one by one: whenever two
// areas of different looks overlap, the later one is still drawn later.
import { describe, expect, it } from 'vitest';
import type { Extent } from 'ol/extent';
import { Fill, Stroke, Style } from 'ol/style';
import { areaStyleKey, groupAreas } from '../../../src/renderer/map/areaBatches';
import { seededRandom } from '../../support/seeded-random';

const fills = ['#ffffff', '#ffff99', '#ccff99', '#ffb3b3', '#c6d9f1'].map((c) => new Style({ fill: new Fill({ color: c }) }));
const outline = () => new Style({ stroke: new Stroke({ color: '#000000', width: 1.1 }) });

describe('groupAreas', () => {
  it('gives equal keys to styles that draw alike, none to see-through or symbol styles', () => {
    expect(areaStyleKey(outline())).toBe(areaStyleKey(outline()));
    expect(areaStyleKey(fills[0]!)).not.toBe(areaStyleKey(fills[1]!));
    expect(areaStyleKey(new Style({ fill: new Fill({ color: 'rgba(255,0,0,0.5)' }) }))).toBeNull();
    expect(areaStyleKey(new Style({ stroke: new Stroke({ color: [0, 0, 0, 0.7], width: 2 }) }))).toBeNull();
  });

  it('joins areas of one look that nothing in between overlaps', () => {
    const boxes: Extent[] = [0, 1, 2, 3].map((i) => [i * 10, 0, i * 10 + 5, 5]);
    const groups = groupAreas([fills[0]!, fills[1]!, fills[0]!, fills[1]!], boxes, 0.5);
    expect(groups.map((g) => g.members)).toEqual([[0, 2], [1, 3]]);
  });

  it('keeps the order of overlapping areas of different looks (brute force over random layouts)', () => {
    const rnd = seededRandom(3);
    const stroke = outline();
    for (let run = 0; run < 200; run++) {
      const n = 5 + Math.floor(rnd() * 40);
      const styles: Style[] = [];
      const boxes: Extent[] = [];
      for (let i = 0; i < n; i++) {
        styles.push(i > n / 2 && rnd() < 0.5 ? stroke : fills[Math.floor(rnd() * fills.length)]!);
        const x = rnd() * 100;
        const y = rnd() * 100;
        boxes.push([x, y, x + rnd() * 20, y + rnd() * 20]);
      }
      const margin = 1;
      const groups = groupAreas(styles, boxes, margin);
      const drawnAt = new Map<number, number>();
      groups.forEach((g, gi) => g.members.forEach((m) => drawnAt.set(m, gi)));
      expect([...drawnAt.keys()].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
      for (const g of groups) {
        expect(g.members).toEqual([...g.members].sort((a, b) => a - b));
        for (const m of g.members) expect(areaStyleKey(styles[m]!)).toBe(areaStyleKey(g.style));
      }
      const near = (a: Extent, b: Extent) =>
        a[0]! - margin <= b[2]! + margin && b[0]! - margin <= a[2]! + margin && a[1]! - margin <= b[3]! + margin && b[1]! - margin <= a[3]! + margin;
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++)
          if (areaStyleKey(styles[i]!) !== areaStyleKey(styles[j]!) && near(boxes[i]!, boxes[j]!)) expect(drawnAt.get(i)!).toBeLessThan(drawnAt.get(j)!);
    }
  });
});
