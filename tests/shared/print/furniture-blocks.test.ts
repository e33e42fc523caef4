// The furniture an official sheet carries besides the legend and the tables: the location inset,
// the km-style grid labels, the adjacent-sheet diagram of a series sheet; old saved layouts.
import { describe, expect, it } from 'vitest';
import { compose, SheetSettingsSchema, type DisplayItem, type PathItem, type PrintInput, type TextItem } from '../../../src/shared/print';
import { KM_SMALL, kmParts } from '../../../src/shared/print/grid';
import { adjacentSheets, ADJACENT_TITLE, INSET_TITLE } from '../../../src/shared/print/inset';
import type { Extent } from '../../../src/shared/model';
import { fixture, square } from './fixture';

const texts = (items: DisplayItem[], role?: string) => items.filter((i): i is TextItem => i.kind === 'text' && (!role || i.role === role));
const inBox = (x: number, y: number, b: { x: number; y: number; w: number; h: number }) => x >= b.x - 0.01 && x <= b.x + b.w + 0.01 && y >= b.y - 0.01 && y <= b.y + b.h + 0.01;
const bbox = (p: PathItem): Extent => {
  const xs = p.subpaths.flatMap((s) => s.filter((_, i) => i % 2 === 0));
  const ys = p.subpaths.flatMap((s) => s.filter((_, i) => i % 2 === 1));
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
};

/** The fixture with a province around its two communes (430–434 km E, 1370–1372 km N). */
function withProvince(): PrintInput {
  const input = fixture();
  const province = { table: 'admin_units' as const, id: 'p1', geometry: { type: 'Polygon' as const, coordinates: square(420000, 1360000, 30000) }, props: { code: '67', name: 'Đắk Nông', level: 'province' } };
  return { ...input, features: [...input.features, province] };
}

describe('location inset', () => {
  it('shows the province outline with the printed area filled inside it and the frame, in its own block', () => {
    const { report, list } = compose(withProvince(), { paper: 'A3', area: { kind: 'communes', communes: ['001'] }, scale: 10000 });
    const part = report.parts!.find((p) => p.block === 'inset')!;
    expect(part).toBeDefined();
    const inBlock = list.items.filter((i): i is PathItem => i.kind === 'path' && i.role === 'decoration' && i.subpaths.every((s) => inBox(s[0], s[1], part)));
    const area = inBlock.find((p) => p.fill?.color === '#f2a65a')!;
    const outline = inBlock.find((p) => p.strokes?.[0].color === '#000000' && p.strokes[0].widthMm > 0.25)!;
    const frame = inBlock.find((p) => p.strokes?.[0].color === '#c00000')!;
    expect(area && outline && frame).toBeTruthy();
    const [a, o, f] = [bbox(area), bbox(outline), bbox(frame)];
    // The area (2 km of a 30 km province) lies inside the outline, scaled alike, and inside the frame's rectangle.
    expect(a[0]).toBeGreaterThan(o[0]);
    expect(a[2]).toBeLessThan(o[2]);
    expect(a[1]).toBeGreaterThan(o[1]);
    expect(a[3]).toBeLessThan(o[3]);
    expect((a[2] - a[0]) / (o[2] - o[0])).toBeCloseTo(2 / 30, 3);
    expect(a[0]).toBeGreaterThanOrEqual(f[0] - 0.01);
    expect(a[2]).toBeLessThanOrEqual(f[2] + 0.01);
    // Commune 001 is the westmost tenth-and-a-bit of the province: 10 km of 30 from its west side.
    expect((a[0] - o[0]) / (o[2] - o[0])).toBeCloseTo(10 / 30, 3);
    expect(texts(list.items).some((t) => t.text === INSET_TITLE && inBox(t.x, t.y, part))).toBe(true);
    expect(texts(list.items).some((t) => t.text === 'Đắk Nông' && inBox(t.x, t.y, part))).toBe(true);
    expect(report.warnings.some((w) => /blocks overlap/.test(w.en))).toBe(false);
  });

  it('old saved layouts (no inset, no adjacent, no grid label style) still parse, and the inset is packed', () => {
    const old = { paper: 'A3', layout: { legend: { x: 20, y: 30 }, stats: { x: 300, y: 200 } } };
    const s = SheetSettingsSchema.parse(old);
    expect(s.layout).toEqual(old.layout);
    expect(s.gridLabelStyle).toBe('km');
    const { report } = compose(fixture(), { ...old, paper: 'A3', area: { kind: 'all' }, scale: 10000 } as never);
    expect(report.parts!.some((p) => p.block === 'inset')).toBe(true);
  });
});

describe('grid labels', () => {
  it('km style: the leading km digits small, the last two large, as two text items on one baseline', () => {
    const { report, list } = compose(fixture(), { paper: 'A3', area: { kind: 'communes', communes: ['001'] }, scale: 10000 });
    const f = report.frame;
    const labels = texts(list.items, 'grid-label');
    const large = labels.filter((t) => t.sizePt === labels[0].sizePt || t.sizePt > labels[0].sizePt);
    const big = Math.max(...labels.map((t) => t.sizePt));
    const small = labels.filter((t) => t.sizePt < big);
    expect(small.length).toBeGreaterThan(0);
    for (const s of small) expect(s.sizePt).toBeCloseTo(big * KM_SMALL, 6);
    expect(large.length).toBeGreaterThan(0);
    // Each left-edge northing (1 371 000 m) reads "13" small then "71" large, the large one ending at the label's place.
    const left = labels.filter((t) => t.box[2] <= f.x);
    const northings = left.filter((t) => t.sizePt === big).map((t) => t.text);
    expect(northings).toContain('71');
    for (const l of left.filter((t) => t.sizePt === big)) {
      const s = left.find((t) => t.sizePt < big && Math.abs(t.y - l.y) < 1e-6)!;
      expect(s.text).toBe('13');
      expect(s.box[2]).toBeCloseTo(l.box[0], 6);
      const n = Number(s.text + l.text) * 1000;
      expect(l.box[1] + (l.box[3] - l.box[1]) / 2).toBeCloseTo(f.y + ((f.extent[3] - n) * 1000) / 10000, 0);
    }
    // Eastings 431 000 m: "4" and "31", centred together on the line.
    const top = labels.filter((t) => t.box[3] <= f.y && t.sizePt === big);
    for (const l of top) {
      const s = labels.find((t) => t.sizePt < big && Math.abs(t.y - l.y) < 1e-6 && Math.abs(t.box[2] - l.box[0]) < 1e-6)!;
      const e = Number(s.text + l.text) * 1000;
      expect((s.box[0] + l.box[2]) / 2).toBeCloseTo(f.x + ((e - f.extent[0]) * 1000) / 10000, 6);
    }
    expect(kmParts(1378000)).toEqual({ small: '13', large: '78' });
    expect(kmParts(430500)).toEqual({ small: '4', large: '30,5' });
  });

  it("'m' prints the full metres, one text of one size each", () => {
    const { list } = compose(fixture(), { paper: 'A3', area: { kind: 'communes', communes: ['001'] }, scale: 10000, gridLabelStyle: 'm' });
    const labels = texts(list.items, 'grid-label');
    expect(new Set(labels.map((t) => t.sizePt)).size).toBe(1);
    expect(labels.map((t) => t.text)).toContain('1371000');
    for (const t of labels) expect(t.text).toMatch(/^\d{6,7}$/);
  });
});

describe('adjacent-sheet diagram', () => {
  const numbersIn = (list: { items: DisplayItem[] }, part: { x: number; y: number; w: number; h: number }) => {
    const ts = texts(list.items, 'decoration').filter((t) => /^\d+$/.test(t.text) && inBox(t.x, t.y, part));
    const xs = [...new Set(ts.map((t) => Math.round(t.x * 100)))].sort((a, b) => a - b);
    const ys = [...new Set(ts.map((t) => Math.round(t.y * 100)))].sort((a, b) => a - b);
    return { ts, xs, ys };
  };

  it('sheet 5 of a 3 × 3 series names sheets 1–9 around it, row by row', () => {
    const input = fixture();
    const probe = compose(input, { paper: 'A3', area: { kind: 'extent', extent: [430000, 1370000, 434000, 1372000] }, scale: 10000, sheet: 1 });
    const [gw, gh] = [probe.report.frame.extent[2] - probe.report.frame.extent[0], probe.report.frame.extent[3] - probe.report.frame.extent[1]];
    const extent: Extent = [430000, 1370000, 430000 + 2.5 * gw, 1370000 + 2.5 * gh];
    const { report, list } = compose(input, { paper: 'A3', area: { kind: 'extent', extent }, scale: 10000, sheet: 5 });
    expect(report.sheets).toBe(9);
    expect(report.grid).toEqual([3, 3]);
    const part = report.parts!.find((p) => p.block === 'adjacent')!;
    expect(part).toBeDefined();
    expect(texts(list.items).some((t) => t.text === ADJACENT_TITLE)).toBe(true);
    const { ts } = numbersIn(list, part);
    const ordered = [...ts].sort((a, b) => a.y - b.y || a.x - b.x).map((t) => t.text);
    expect(ordered).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(ts.find((t) => t.text === '5')!.bold).toBe(true);
    expect(report.warnings.some((w) => /blocks overlap/.test(w.en))).toBe(false);
  });

  it('blank where the series has no sheet; no diagram on a single sheet', () => {
    const input = fixture();
    const probe = compose(input, { paper: 'A3', area: { kind: 'extent', extent: [430000, 1370000, 434000, 1372000] }, scale: 10000, sheet: 1 });
    const [gw, gh] = [probe.report.frame.extent[2] - probe.report.frame.extent[0], probe.report.frame.extent[3] - probe.report.frame.extent[1]];
    // Three sheets in a row: sheet 1 has only sheet 2 beside it, east.
    const { report, list } = compose(input, { paper: 'A3', area: { kind: 'extent', extent: [430000, 1370000, 430000 + 2.5 * gw, 1370000 + 0.5 * gh] }, scale: 10000, sheet: 1 });
    expect(report.grid).toEqual([3, 1]);
    const part = report.parts!.find((p) => p.block === 'adjacent')!;
    const { ts } = numbersIn(list, part);
    expect(ts.map((t) => t.text).sort()).toEqual(['1', '2']);
    const [one, two] = [ts.find((t) => t.text === '1')!, ts.find((t) => t.text === '2')!];
    expect(two.x).toBeGreaterThan(one.x);
    expect(two.y).toBeCloseTo(one.y, 6);
    // Nine cells drawn all the same (the blank ones empty).
    const cells = list.items.filter((i): i is PathItem => i.kind === 'path' && i.role === 'decoration' && i.subpaths.length === 1 && inBox(i.subpaths[0][0], i.subpaths[0][1], part) && i.subpaths[0].length === 8);
    expect(cells.length).toBe(9);
    const single = compose(input, { paper: 'A3', area: { kind: 'all' }, scale: 'fit' });
    expect(single.report.sheets).toBe(1);
    expect(single.report.parts!.some((p) => p.block === 'adjacent')).toBe(false);
  });

  it('finds neighbours on the ground, skipping cells the series left out', () => {
    // A 3 × 3 grid of 10 × 8 km cells stepping 9 × 7 km, the top-left and bottom-right cells left out.
    const cells: Extent[] = [];
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) if (!(r === 0 && c === 0) && !(r === 2 && c === 2)) cells.push([c * 9000, 20000 - r * 7000 - 8000, c * 9000 + 10000, 20000 - r * 7000]);
    // Numbered: 1 2 / 3 4 5 / 6 7; the middle one is sheet 4.
    expect(adjacentSheets(cells, 4, 9000, 7000)).toEqual([null, 1, 2, 3, 4, 5, 6, 7, null]);
    expect(adjacentSheets(cells, 1, 9000, 7000)).toEqual([null, null, null, null, 1, 2, 3, 4, 5]);
  });
});
