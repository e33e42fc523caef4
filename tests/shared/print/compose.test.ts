import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api';
import {
  boxesOverlap,
  compose,
  fitRoundScale,
  type DisplayItem,
  type PathItem,
  type TextItem,
} from '../../../src/shared/print';
import { classDef } from '../../../src/shared/symbology';
import { fixture, square } from './fixture';
import { pointInPolygons } from '../../../src/shared/print/geom';

const texts = (items: DisplayItem[], role?: string) => items.filter((i): i is TextItem => i.kind === 'text' && (!role || i.role === role));
const one = { kind: 'communes' as const, communes: ['001'] };

describe('compose: scale and grid', () => {
  it.each([2000, 5000, 10000, 25000])('a grid step measures exactly step × 1000 / scale mm at 1:%i', (scale) => {
    const { report, list } = compose(fixture(), { paper: 'A3', area: { kind: 'all' }, scale, sheet: 1, gridLabelStyle: 'm' });
    expect(report.scale).toBe(scale);
    const top = texts(list.items, 'grid-label')
      .filter((t) => t.y < report.frame.y)
      .sort((a, b) => a.x - b.x);
    expect(top.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < top.length; i++) {
      const dv = Number(top[i].text) - Number(top[i - 1].text);
      expect(dv % report.gridStepM).toBe(0);
      expect(top[i].x - top[i - 1].x).toBeCloseTo((dv * 1000) / scale, 6);
    }
    // 1 km on the ground is 1,000,000 / scale mm on paper, through the frame's own extent.
    const f = report.frame;
    expect(((f.extent[2] - f.extent[0]) * 1000) / scale).toBeCloseTo(f.w, 6);
    expect(((f.extent[3] - f.extent[1]) * 1000) / scale).toBeCloseTo(f.h, 6);
  });

  it('at 1:10,000 the grid is 1 km, 100 mm apart, labelled on all four edges outside the frame, never overlapping', () => {
    const { report, list } = compose(fixture(), { paper: 'A3', area: one, scale: 10000, gridLabelStyle: 'm' });
    expect(report.gridStepM).toBe(1000);
    const f = report.frame;
    const labels = texts(list.items, 'grid-label');
    const edges = {
      top: labels.filter((t) => t.box[3] <= f.y),
      bottom: labels.filter((t) => t.box[1] >= f.y + f.h),
      left: labels.filter((t) => t.box[2] <= f.x),
      right: labels.filter((t) => t.box[0] >= f.x + f.w),
    };
    for (const [edge, ls] of Object.entries(edges)) expect(ls.length, edge).toBeGreaterThan(0);
    expect(Object.values(edges).flat().length).toBe(labels.length); // none inside the frame
    for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) expect(boxesOverlap(labels[i].box, labels[j].box)).toBe(false);
    // Every easting label sits on its line: x = frame.x + (E − minE) / 10.
    for (const t of edges.top) expect(t.x).toBeCloseTo(f.x + ((Number(t.text) - f.extent[0]) * 1000) / 10000, 6);
    for (const t of edges.left) expect(t.y).toBeCloseTo(f.y + ((f.extent[3] - Number(t.text)) * 1000) / 10000, 6);
  });

  it('"fit" picks the largest round scale at which the area fits', () => {
    const { report } = compose(fixture(), { paper: 'A4', orientation: 'portrait', area: { kind: 'all' }, scale: 'fit' });
    const f = report.frame;
    // The area (4 km × 2 km) fits at the chosen scale and not at the next larger round one.
    expect(fitRoundScale(4000, 2000, f.w, f.h)).toBe(report.scale);
    const larger = report.scale <= 10000 ? report.scale - 1000 : report.scale - 5000;
    expect((4000 * 1000) / larger > f.w || (2000 * 1000) / larger > f.h).toBe(true);
    expect(report.sheets).toBe(1);
  });

  it('the numeric scale uses a dot as thousands separator and the bar alternates black and white', () => {
    const { list } = compose(fixture(), { paper: 'A3', area: one, scale: 10000 });
    expect(texts(list.items, 'scale-text').map((t) => t.text)).toContain('Tỷ lệ 1:10.000');
    const bar = list.items.filter((i): i is PathItem => i.kind === 'path' && i.role === 'scale-bar');
    expect(bar.length).toBeGreaterThanOrEqual(4);
    bar.forEach((b, i) => expect(b.fill?.color).toBe(i % 2 ? '#ffffff' : '#000000'));
    expect(list.items.some((i) => i.kind === 'path' && i.role === 'north-arrow')).toBe(true);
  });
});

describe('compose: content', () => {
  it('the legend lists exactly the classes present, with the shared symbology', () => {
    const input = fixture();
    const { report, list } = compose(input, { paper: 'A3', area: { kind: 'all' }, scale: 25000 });
    const expected = new Set(['search_areas:done', 'search_areas:not_started', 'search_areas:unclear', 'graves:newly_found', 'graves:family_cared', 'base_lines:road', 'admin_units:commune']);
    expect(new Set(report.legend)).toEqual(expected);
    const legendTexts = texts(list.items, 'legend').map((t) => t.text).join(' ');
    for (const k of expected) {
      const first = classDef(k)!.legend!.vi.split(' ').slice(0, 3).join(' ');
      expect(legendTexts).toContain(first);
    }
    expect(legendTexts).not.toContain('chưa có kết quả'); // no_result is absent
  });

  it('feature labels never overlap each other, grid labels or point symbols; the ones that cannot be placed are dropped and reported', () => {
    const input = fixture({ crowd: 12 });
    const { report, list } = compose(input, { paper: 'A1', area: one, scale: 5000 });
    expect(report.sheets).toBe(1);
    const labels = texts(list.items, 'feature-label');
    const grid = texts(list.items, 'grid-label');
    expect(labels.length).toBeGreaterThan(3);
    expect(report.droppedLabels.length).toBeGreaterThan(0);
    expect(report.droppedLabels.every((d) => d.text.startsWith('Thôn Đông Hòa'))).toBe(true);
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) expect(boxesOverlap(labels[i].box, labels[j].box), `${labels[i].text} / ${labels[j].text}`).toBe(false);
      for (const g of grid) expect(boxesOverlap(labels[i].box, g.box)).toBe(false);
      for (const s of list.items) {
        if (s.kind !== 'symbol' || s.role !== 'symbol') continue;
        const b = list.symbols[s.symbol].box;
        expect(boxesOverlap(labels[i].box, [s.x + b[0], s.y + b[1], s.x + b[2], s.y + b[3]]), labels[i].text).toBe(false);
      }
    }
    // Each settlement is either placed or reported, never both, never stacked.
    const placed = labels.filter((l) => l.text.startsWith('Thôn Đông Hòa')).length;
    expect(placed + report.droppedLabels.length).toBe(12);
  });

  it('one commune: the six statistics from the latest conclusion beside the map counts, mismatches flagged', () => {
    const { report, list } = compose(fixture(), { paper: 'A3', area: one, scale: 10000 });
    expect(report.stats).toHaveLength(1);
    expect(report.stats[0].conclusion?.initially_buried).toBe(3); // 2019, not the 2018 one
    // The map counts only what has a symbol per grave: the family-cared graves (shared/review/statistics.ts).
    expect(report.stats[0].map).toEqual({ initially_buried: null, recovered: null, not_recovered: null, family_cared: 2, brought_in: null, handed_over: null });
    expect(report.stats[0].source).toBe('commune');
    expect(report.mismatches).toEqual([]);
    const stat = texts(list.items, 'stats').map((t) => t.text);
    expect(stat).toContain('Số liệt sĩ chôn cất ban đầu');
    expect(stat.some((t) => t.endsWith('*'))).toBe(false);

    // A martyr record is a name found, not a count: it flags nothing.
    const more = fixture();
    more.martyrs.push({ full_name: 'E', commune_code: '001', recovered: true });
    expect(compose(more, { paper: 'A3', area: one, scale: 10000 }).report.mismatches).toEqual([]);
    const input = fixture();
    input.conclusions[0].family_cared = 5;
    const r2 = compose(input, { paper: 'A3', area: one, scale: 10000 });
    expect(r2.report.mismatches).toEqual([{ commune: 'Đắk Drô', statistic: 'family_cared', conclusion: 5, map: 2 }]);
    const flagged = texts(r2.list.items, 'stats').filter((t) => /^\d+\*$/.test(t.text));
    expect(flagged.map((t) => t.text)).toEqual(['2*']);
    expect(flagged.every((t) => t.color !== '#000000')).toBe(true);
  });

  it('several communes: one row per commune and the totals', () => {
    const { list, report } = compose(fixture(), { paper: 'A3', area: { kind: 'all' }, scale: 25000 });
    const stat = texts(list.items, 'stats').map((t) => t.text);
    expect(stat).toContain('Đắk Drô');
    expect(stat).toContain('Nâm Nung');
    expect(stat).toContain('Tổng cộng');
    expect(stat).toContain('4'); // 3 + 1 initially buried
    expect(report.stats.map((s) => s.code)).toEqual(['001', '002']);
  });

  it('texts: the title from the unit names, CRS note from the CRS, sources, agency, place and date, signatures', () => {
    const { list, report } = compose(fixture(), { paper: 'A3', area: one, scale: 10000 });
    expect(report.title).toBe('BẢN ĐỒ TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ XÃ ĐẮK DRÔ – HUYỆN KRÔNG NÔ – TỈNH ĐẮK NÔNG');
    const all = texts(list.items).map((t) => t.text);
    expect(texts(list.items, 'title').map((t) => t.text).join(' ')).toBe(report.title);
    expect(all).toContain('Hệ tọa độ VN-2000, kinh tuyến trục 108°30′, múi chiếu 3°');
    expect(all.some((t) => t.includes('Ban CHQS huyện Krông Nô'))).toBe(true);
    expect(all.some((t) => t.includes('Bản đồ địa hình 1:10.000'))).toBe(true);
    expect(all).toContain('Krông Nô, ngày …… tháng …… năm 2026');
    for (const s of ['NGƯỜI LẬP', 'NGƯỜI KIỂM TRA', 'THỦ TRƯỞNG ĐƠN VỊ']) expect(all).toContain(s);
    for (const t of texts(list.items)) expect(t.text).toBe(t.text.normalize('NFC'));

    const edited = compose(fixture(), { paper: 'A3', area: one, scale: 10000, texts: { title: 'Bản đồ riêng', placeDate: 'Đắk Mâm, ngày 2 tháng 9 năm 2026' } });
    expect(edited.report.title).toBe('Bản đồ riêng');
    expect(texts(edited.list.items).map((t) => t.text)).toContain('Đắk Mâm, ngày 2 tháng 9 năm 2026');
  });

  it('a saved block position is honoured', () => {
    const { report } = compose(fixture(), { paper: 'A3', area: one, scale: 10000, layout: { legend: { x: 30, y: 200 } } });
    expect(report.blocks.legend).toMatchObject({ x: 30, y: 200 });
  });

  it('masks the outside of the chosen area with an even-odd veil', () => {
    const { list } = compose(fixture(), { paper: 'A3', area: one, scale: 10000 });
    const mask = list.items.find((i): i is PathItem => i.kind === 'path' && i.role === 'mask');
    expect(mask?.fillRule).toBe('evenodd');
    expect(mask?.subpaths.length).toBe(2); // the frame and the commune's ring
  });
});

describe('compose: bad settings get clear errors', () => {
  const err = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e as ApiError;
    }
    throw new Error('no error');
  };

  it('an unknown commune', () => {
    const e = err(() => compose(fixture(), { area: { kind: 'communes', communes: ['Xã Không Có'] } }));
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe('not_found');
    expect(e.vi).toContain('Xã Không Có');
  });

  it('a commune found by its name, diacritics or not', () => {
    expect(compose(fixture(), { area: { kind: 'communes', communes: ['nam nung'] } }).report.stats[0].code).toBe('002');
  });

  it('an empty area', () => {
    const input = fixture();
    input.communes = [];
    expect(err(() => compose(input, { area: { kind: 'all' } })).code).toBe('validation');
    expect(err(() => compose(fixture(), { area: { kind: 'extent', extent: [430000, 1370000, 430000, 1370500] } })).en).toMatch(/empty/);
  });

  it('a scale at which the area needs hundreds of sheets', () => {
    const e = err(() => compose(fixture(), { paper: 'A4', area: { kind: 'all' }, scale: 500 }));
    expect(e.code).toBe('validation');
    expect(e.en).toMatch(/needs \d+ A4 sheets/);
    expect((e.details as { sheets: number }).sheets).toBeGreaterThan(100);
  });

  it('a series leaves out the frames that hold none of the area, and has an index sheet', () => {
    const input = fixture();
    // Two communes touching only at a corner: the other two corners of their box are empty.
    const c2 = input.communes[1];
    c2.geometry = { type: 'MultiPolygon', coordinates: [square(432000, 1372000, 2000)] };
    const polys = input.communes.map((c) => (c.geometry as { coordinates: number[][][][] }).coordinates).flat();
    const r1 = compose(input, { paper: 'A4', area: { kind: 'all' }, scale: 5000 });
    const [nx, ny] = r1.report.grid;
    expect(r1.report.sheets).toBeLessThan(nx * ny);
    for (let i = 1; i <= r1.report.sheets; i++) {
      const e = compose(input, { paper: 'A4', area: { kind: 'all' }, scale: 5000, sheet: i }).report.frame.extent;
      // Sampled independently of the composer's own test: some ground of the sheet is in a commune.
      let hit = false;
      for (let a = 0; a <= 40 && !hit; a++)
        for (let b = 0; b <= 40 && !hit; b++) hit = pointInPolygons(e[0] + ((e[2] - e[0]) * a) / 40, e[1] + ((e[3] - e[1]) * b) / 40, polys);
      expect(hit, `sheet ${i}`).toBe(true);
    }
    const idx = compose(input, { paper: 'A4', area: { kind: 'all' }, scale: 5000, index: true });
    expect(idx.report.scale).toBeGreaterThan(5000);
    const numbers = texts(idx.list.items, 'decoration').map((t) => t.text).filter((t) => /^\d+$/.test(t));
    expect(numbers).toEqual(Array.from({ length: r1.report.sheets }, (_, i) => String(i + 1)));
    expect(texts(idx.list.items, 'title').map((t) => t.text)).toContain(`Sơ đồ chia tờ: ${r1.report.sheets} tờ tỷ lệ 1:5.000`);
  });

  it('a series: numbered sheets that overlap and cover the area', () => {
    const r1 = compose(fixture(), { paper: 'A4', area: { kind: 'all' }, scale: 5000, overlapMm: 10 });
    expect(r1.report.sheets).toBeGreaterThan(1);
    const [nx] = r1.report.grid;
    const r2 = compose(fixture(), { paper: 'A4', area: { kind: 'all' }, scale: 5000, overlapMm: 10, sheet: 2 });
    expect(nx).toBeGreaterThan(1);
    // Neighbours overlap by 10 mm of paper = 50 m at 1:5,000.
    expect(r1.report.frame.extent[2] - r2.report.frame.extent[0]).toBeCloseTo(50, 6);
    expect(texts(r2.list.items, 'title').map((t) => t.text)).toContain(`Tờ 2/${r1.report.sheets} (tỷ lệ 1:5.000)`);
    expect(err(() => compose(fixture(), { paper: 'A4', area: { kind: 'all' }, scale: 5000, sheet: 99 })).code).toBe('validation');
  });
});

describe('compose: italic labels', () => {
  it('a river name is italic as the symbology says, measured as italic; a road number stays upright', () => {
    const input = fixture();
    input.features.push({
      table: 'base_lines',
      id: '00000000-0000-4000-8000-00000000ff01',
      geometry: { type: 'LineString', coordinates: [[430050, 1370150], [431000, 1370200], [431950, 1370250]] },
      props: { kind: 'river', name: 'Sông Krông Nô' },
    });
    const asked: boolean[] = [];
    const measure = (t: string, pt: number, bold: boolean, italic?: boolean) => {
      if (t === 'Sông Krông Nô') asked.push(!!italic);
      return t.length * pt * 0.2;
    };
    const { list } = compose(input, { paper: 'A3', area: one, scale: 10000 }, measure);
    const river = texts(list.items, 'feature-label').find((t) => t.text === 'Sông Krông Nô');
    expect(river?.italic).toBe(true);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every(Boolean)).toBe(true);
    const road = texts(list.items, 'feature-label').find((t) => t.text === 'QL14');
    expect(road).toBeDefined();
    expect(road?.italic).toBeUndefined();
  });
});
