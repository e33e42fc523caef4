import { describe, expect, it } from 'vitest';
import { generatePlotGrid } from '../../../src/shared/cemetery/grid';
import { composeLocator, HIGHLIGHT, type LocatorInput } from '../../../src/shared/cemetery/locator';
import { locatorPath } from '../../../src/shared/cemetery/locator-path';
import { approxMeasure } from '../../../src/shared/print/display-list';

type XY = [number, number];
// 4 rows × 6 plots going east from (0, 100); rows follow to the south, 3.9 m apart.
const PLOTS = generatePlotGrid({ origin: [0, 100], azimuthDeg: 90, rows: 4, plotsPerRow: 6, plotWidth: 1.2, plotDepth: 2.4, plotGap: 0.8, rowGap: 1.5, section: 'B' });
const plot = (row: number, n: number) => PLOTS.find((p) => p.row === String(row) && p.plotNumber === String(n))!;
const rowCentres = (row: number) => PLOTS.filter((p) => p.row === String(row)).map((p) => p.centre);

describe('locatorPath', () => {
  it('goes from the gate to the near end of the row, along the gap on the gate’s side, then to the plot', () => {
    const target = plot(3, 4);
    const gate: XY = [-5, 101];
    const p = locatorPath(gate, target, rowCentres(3));
    expect(p.kind).toBe('along_row');
    expect(p.points[0]).toEqual(gate);
    expect(p.points[3]).toEqual(target.centre);
    // the west end (the gate is west), a metre beyond plot 1, in the gap north of row 3 (the gate is north)
    const [entry, beside] = [p.points[1]!, p.points[2]!];
    expect(entry[0]).toBeCloseTo(plot(3, 1).centre[0] - 1, 6);
    expect(entry[1]).toBeCloseTo(target.centre[1] + 1.2 + 0.5, 6);
    expect(beside[0]).toBeCloseTo(target.centre[0], 6);
    expect(beside[1]).toBeCloseTo(entry[1], 6);
    // the gap is free: between row 3's plots and row 2's
    expect(beside[1]).toBeLessThan(plot(2, 4).centre[1] - 1.2);
  });

  it('takes the east end and the south gap for a gate there, and is a straight line without a row', () => {
    const target = plot(1, 2);
    const p = locatorPath([30, 80], target, rowCentres(1));
    expect(p.points[1]![0]).toBeCloseTo(plot(1, 6).centre[0] + 1, 6);
    expect(p.points[1]![1]).toBeLessThan(target.centre[1]);
    expect(locatorPath([30, 80], target, [target.centre])).toEqual({ kind: 'straight', points: [[30, 80], target.centre] });
  });
});

describe('composeLocator', () => {
  const target = plot(2, 5);
  const input: LocatorInput = {
    title: 'Phiếu chỉ dẫn vị trí mộ liệt sĩ',
    cemeteryName: 'Nghĩa trang liệt sĩ huyện',
    martyr: { fullName: 'Nguyễn Văn An', birthYear: 1950, hometown: 'Thái Bình', unit: 'E66', rankPosition: 'Binh nhất', deathDate: '12/03/1972', deathPlace: '' },
    plot: { section: 'B', row: '2', plotNumber: '5', ring: target.ring, centre: target.centre },
    outline: [[[-2, 102], [14, 102], [14, 84], [-2, 84], [-2, 102]]],
    plots: PLOTS.filter((p) => p !== target).map((p) => ({ ring: p.ring, kind: 'known' })),
    gate: [6, 102],
    path: locatorPath([6, 102], target, rowCentres(2)),
    coords: { crsName: 'VN-2000', x: 1_370_000, y: 430_000, dms: '12°23′N 107°51′E', lat: 12.38, lon: 107.85 },
    placeDate: 'Krông Nô, ngày 5 tháng 12 năm 2026',
    agency: 'Ban CHQS huyện',
  };
  const list = composeLocator(input, approxMeasure);
  const texts = list.items.flatMap((i) => (i.kind === 'text' ? [i.text] : []));

  it('is an A4 page with the details, the place and both coordinates', () => {
    expect(list.page).toEqual({ widthMm: 210, heightMm: 297 });
    expect(texts).toContain('Họ và tên liệt sĩ: Nguyễn Văn An');
    expect(texts).toContain('Vị trí mộ: Khu B – Hàng 2 – Mộ số 5');
    expect(texts.some((t) => t.startsWith('Tọa độ VN-2000: X = 1370000.00 m, Y = 430000.00 m'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Tọa độ WGS 84:'))).toBe(true);
    expect(texts).toContain('Đường dẫn gợi ý: từ cổng tới đầu hàng, rồi dọc hàng');
    for (const i of list.items) if (i.kind === 'text') expect(i.box[2]).toBeLessThanOrEqual(210);
  });

  it('fills the found plot alone in the highlight colour, inside the plan', () => {
    const red = list.items.filter((i) => i.kind === 'path' && i.role === 'map' && i.fill?.color === HIGHLIGHT);
    expect(red).toHaveLength(1);
    const xs = (red[0] as { subpaths: number[][] }).subpaths[0]!.filter((_, k) => k % 2 === 0);
    const ys = (red[0] as { subpaths: number[][] }).subpaths[0]!.filter((_, k) => k % 2 === 1);
    expect(Math.min(...xs)).toBeGreaterThan(15);
    expect(Math.max(...xs)).toBeLessThan(195);
    expect(Math.min(...ys)).toBeGreaterThan(112);
    expect(Math.max(...ys)).toBeLessThan(240);
  });
});
