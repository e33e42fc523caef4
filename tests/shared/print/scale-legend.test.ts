// Issue 16 (sheets a district signs): the scale "fit" picks is round and fills the frame, any
// typed scale prints, a series makes no sheet that misses the area, the legend lists exactly what
// the frame draws (by geometry, not bounding box) in groups, and a small cemetery stays legible.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api';
import { compose, STANDARD_SCALES, type DisplayItem, type PathItem, type PrintFeature, type SymbolItem, type TextItem } from '../../../src/shared/print';
import { pointInPolygons } from '../../../src/shared/print/geom';
import { sheetsAtMost } from '../../../src/shared/print/scale';
import { fixture, square } from './fixture';

const texts = (items: DisplayItem[], role?: string) => items.filter((i): i is TextItem => i.kind === 'text' && (!role || i.role === role));
const one = { kind: 'communes' as const, communes: ['001'] };
let seq = 0;
const uid = () => `00000000-0000-4000-9000-${String(++seq).padStart(12, '0')}`;

/** The fixture with commune 001 replaced by the given rings. */
function withCommune(coordinates: number[][][][]) {
  const input = fixture();
  input.communes[0].geometry = { type: 'MultiPolygon', coordinates };
  input.communes[0].extent = undefined;
  return input;
}

describe('scale', () => {
  it('"fit" for a square 6 km commune on A3 (portrait) is the largest round scale at which it fits the frame', () => {
    const input = withCommune([square(430000, 1370000, 6000)]);
    const { report } = compose(input, { paper: 'A3', orientation: 'portrait', area: one, scale: 'fit' });
    const f = report.frame;
    // Round scales, worked out here on their own: 1:1,000 steps to 1:10,000, 1:5,000 steps above.
    const round = [...Array.from({ length: 10 }, (_, i) => (i + 1) * 1000), ...Array.from({ length: 198 }, (_, i) => 15000 + i * 5000)];
    const fits = (s: number) => (6000 * 1000) / s <= f.w + 1e-9 && (6000 * 1000) / s <= f.h + 1e-9;
    const expected = round.find(fits)!;
    expect(report.scale).toBe(expected);
    // Not one of the seven standard scales (6 km: the sheet's furniture leaves a 1:25,000 frame short of 6 km): the old "fit" jumped past it to a smaller one.
    expect(STANDARD_SCALES as readonly number[]).not.toContain(expected);
    // The commune fills the frame: along its tighter side it takes more than 80 % of it.
    expect(Math.max((6000 * 1000) / report.scale / f.w, (6000 * 1000) / report.scale / f.h)).toBeGreaterThan(0.8);
    expect(report.sheets).toBe(1);
  });

  it('a typed 1:12,345 is printed at exactly that scale; outside 1:500–1:1,000,000 it is refused', () => {
    const { report, list } = compose(fixture(), { paper: 'A3', area: one, scale: 12345 });
    expect(report.scale).toBe(12345);
    expect(texts(list.items, 'scale-text').map((t) => t.text)).toContain('Tỷ lệ 1:12.345');
    const f = report.frame;
    expect(((f.extent[2] - f.extent[0]) * 1000) / 12345).toBeCloseTo(f.w, 6);
    for (const scale of [499, 1_000_001]) {
      const e = (() => {
        try {
          compose(fixture(), { paper: 'A3', area: one, scale });
        } catch (x) {
          return x as ApiError;
        }
      })();
      expect(e).toBeInstanceOf(ApiError);
      expect(e!.code).toBe('validation');
      expect(e!.vi).toContain('1:500 đến 1:1.000.000');
    }
  });
});

describe('series over an L-shaped commune', () => {
  // An L: a 6 km × 1.2 km foot and a 1.2 km × 6 km upright on its left end.
  const L = [
    [
      [430000, 1370000],
      [436000, 1370000],
      [436000, 1371200],
      [431200, 1371200],
      [431200, 1376000],
      [430000, 1376000],
      [430000, 1370000],
    ],
  ];
  const settings = { paper: 'A3' as const, orientation: 'landscape' as const, area: one, scale: 5000, overlapMm: 10 };

  it('makes no sheet that misses the area nor one holding a sliver of it, and fewer sheets than its bounding box needs', () => {
    const input = withCommune([L]);
    const first = compose(input, settings);
    const [nx, ny] = first.report.grid;
    expect(first.report.sheets).toBeGreaterThan(1);
    expect(first.report.sheets).toBeLessThan(nx * ny);
    for (let i = 1; i <= first.report.sheets; i++) {
      const { report } = compose(input, { ...settings, sheet: i });
      const e = report.frame.extent;
      // Sampled on a grid, independently of the composer: over a quarter of every sheet is commune
      // (the centred grid alone made sheets of 17 % here, a strip of the upright arm on each).
      let hit = 0;
      for (let a = 0; a <= 40; a++) for (let b = 0; b <= 40; b++) if (pointInPolygons(e[0] + ((e[2] - e[0]) * a) / 40, e[1] + ((e[3] - e[1]) * b) / 40, [L])) hit++;
      expect(hit / 41 ** 2, `sheet ${i}`).toBeGreaterThan(0.25);
    }
    // The print dialog's count before composing (shared arithmetic) is the series' grid, never fewer than it makes.
    const f = first.report.frame;
    expect(sheetsAtMost(6000, 6000, f.w, f.h, 5000, 10)).toBe(nx * ny);
    // The index sheet numbers the same frames.
    const idx = compose(input, { ...settings, index: true });
    expect(texts(idx.list.items, 'decoration').map((t) => t.text).filter((t) => /^\d+$/.test(t))).toEqual(Array.from({ length: first.report.sheets }, (_, i) => String(i + 1)));
  });
});

describe('legend from what is drawn', () => {
  // Two features whose boxes reach into the frame's lower-left corner (x0, y0) but whose geometry stays outside it.
  const sheet = (x0: number, y0: number) => {
    const input = fixture();
    const extra: PrintFeature[] = [
      // A province whose outline runs far around the sheet: its box covers the frame, its line does not cross it.
      {
        table: 'admin_units',
        id: uid(),
        geometry: { type: 'MultiPolygon', coordinates: [square(400000, 1340000, 60000)] },
        props: { code: '67', name: 'Đắk Nông', level: 'province' },
      },
      // A thin strip of "no result" passing below-left of the corner: its box [x0−1000, y0−1000, x0+300, y0+300].
      {
        table: 'search_areas',
        id: uid(),
        geometry: { type: 'Polygon', coordinates: [[[x0 + 300, y0 - 1000], [x0 + 250, y0 - 1050], [x0 - 1050, y0 + 250], [x0 - 1000, y0 + 300], [x0 + 300, y0 - 1000]]] },
        props: { code: 'KV-99', status: 'no_result', commune_code: '001' },
      },
    ];
    input.features.push(...extra);
    return input;
  };

  it('lists exactly the classes drawn inside the frame, judged by geometry, not bounding box', () => {
    const plain = compose(fixture(), { paper: 'A3', area: one, scale: 10000 }).report.frame.extent;
    const { report, list } = compose(sheet(plain[0], plain[1]), { paper: 'A3', area: one, scale: 10000 });
    // Premise: the same frame, so both extra features' boxes reach into it.
    expect(report.frame.extent).toEqual(plain);
    expect(report.legend).not.toContain('admin_units:province');
    expect(report.legend).not.toContain('search_areas:no_result');
    for (const k of ['search_areas:done', 'search_areas:not_started', 'graves:newly_found', 'graves:family_cared', 'base_lines:road', 'admin_units:commune']) expect(report.legend).toContain(k);
    const words = texts(list.items, 'legend').map((t) => t.text).join(' ');
    expect(words).not.toContain('Địa giới tỉnh');
    expect(words).not.toContain('chưa có kết quả');
  });

  it('groups the entries under headings and explains the veiled neighbouring commune', () => {
    const { report, list } = compose(fixture(), { paper: 'A3', area: one, scale: 10000 });
    const words = texts(list.items, 'legend').map((t) => t.text);
    for (const h of ['Khu vực tìm kiếm', 'Mộ liệt sĩ', 'Nền']) expect(words).toContain(h);
    // Nâm Nung shows beside Đắk Drô under the veil: the legend says what the faded part is.
    expect(report.legend).toContain('mask:neighbours');
    expect(words.join(' ')).toContain('Xã lân cận');
    // The headings come in legend order, each above its own entries.
    const y = (t: string) => texts(list.items, 'legend').find((x) => x.text === t)!;
    expect(y('Khu vực tìm kiếm').y).toBeLessThan(y('Mộ liệt sĩ').y);
  });

  it('no entry stands above the CHÚ GIẢI heading, even when the legend continues in a second column', () => {
    const input = fixture({ crowd: 1 });
    // Many classes at once (a legend of some twenty entries) on the band under a wide map.
    const kinds: [PrintFeature['table'], string][] = [
      ['info_points', 'death_or_battle'],
      ['info_points', 'aid_station'],
      ['info_points', 'initial_burial'],
      ['base_points', 'settlement_urban'],
      ['base_points', 'seat_commune'],
      ['base_points', 'military_commune'],
      ['base_lines', 'river'],
      ['base_lines', 'stream'],
      ['base_areas', 'lake'],
      ['base_areas', 'settlement_area'],
      ['cemeteries', 'local'],
      ['cemeteries', 'martyrs'],
      ['search_areas', 'no_result'],
      ['search_areas', 'partial'],
    ];
    kinds.forEach(([table, kind], i) => {
      const x = 430200 + i * 120;
      const geometry =
        table === 'base_lines'
          ? { type: 'LineString' as const, coordinates: [[x, 1370100], [x + 100, 1371900]] }
          : table === 'base_areas' || table === 'search_areas'
            ? { type: 'Polygon' as const, coordinates: square(x, 1371700, 100) }
            : { type: 'Point' as const, coordinates: [x, 1371500] };
      input.features.push({ table, id: uid(), geometry, props: { kind, status: kind, commune_code: '001' } });
    });
    const { list, report } = compose(input, { paper: 'A3', area: { kind: 'all' }, scale: 25000 });
    expect((report.parts ?? []).filter((p) => p.block === 'legend').length).toBeGreaterThan(1); // premise: it runs on
    const heading = texts(list.items, 'legend').find((t) => t.text === 'CHÚ GIẢI')!;
    for (const t of texts(list.items, 'legend')) expect(t.y, t.text).toBeGreaterThanOrEqual(heading.y - 1e-6);
    // And no legend text lies beside the scale bar: every legend piece starts at or below the heading's block top.
    const legendTop = report.blocks.legend!.y;
    for (const p of report.parts!.filter((q) => q.block === 'legend')) expect(p.y).toBeGreaterThanOrEqual(legendTop - 1e-6);
  });
});

describe('cemeteries stay legible', () => {
  const withCemetery = () => {
    const input = fixture();
    input.features.push({
      table: 'cemeteries',
      id: uid(),
      geometry: { type: 'Polygon', coordinates: square(430800, 1370800, 60) },
      props: { kind: 'martyrs', name: 'NTLS xã Đắk Drô', commune_code: '001' },
    });
    return input;
  };
  const RED = (p: PathItem) => p.strokes?.some((s) => s.color.toLowerCase() === '#e00000');
  const span = (p: PathItem) => {
    const xs = p.subpaths.flatMap((s) => s.filter((_, i) => i % 2 === 0));
    const ys = p.subpaths.flatMap((s) => s.filter((_, i) => i % 2 === 1));
    return Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  };

  it('at 1:25,000 a 60 m martyrs’ cemetery is its symbol, never a 1–2 mm blob; the legend shows the symbol', () => {
    const { list, report } = compose(withCemetery(), { paper: 'A3', area: one, scale: 25000 });
    const blobs = list.items.filter((i): i is PathItem => i.kind === 'path' && i.role === 'map' && !!RED(i) && span(i) < 4);
    expect(blobs).toEqual([]);
    const sym = list.items.filter((i): i is SymbolItem => i.kind === 'symbol' && i.role === 'symbol' && i.symbol === 'cemetery_martyrs');
    expect(sym).toHaveLength(1);
    const b = list.symbols.cemetery_martyrs.box;
    expect(Math.min(b[2] - b[0], b[3] - b[1])).toBeGreaterThanOrEqual(4);
    expect(report.legend).toContain('cemeteries:martyrs');
    expect(list.items.some((i) => i.kind === 'symbol' && i.role === 'legend' && i.symbol === 'cemetery_martyrs')).toBe(true);
    expect(texts(list.items, 'legend').map((t) => t.text)).toContain('Nghĩa trang');
  });

  it('at 1:5,000 it is drawn as its outline, to scale (12 mm)', () => {
    const { list, report } = compose(withCemetery(), { paper: 'A1', area: one, scale: 5000 });
    expect(report.sheets).toBe(1);
    const outline = list.items.filter((i): i is PathItem => i.kind === 'path' && i.role === 'map' && !!RED(i));
    expect(outline.length).toBe(1);
    expect(span(outline[0])).toBeCloseTo(12, 0);
    expect(list.items.some((i) => i.kind === 'symbol' && i.role === 'symbol' && i.symbol === 'cemetery_martyrs')).toBe(false);
  });
});
