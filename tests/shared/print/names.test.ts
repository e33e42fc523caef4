// Names at every scale (issue 16, item 6): names along lines, area codes and village names on every
// sheet, crowded symbols spread with leaders, and every label that could not be placed reported.
import { describe, expect, it } from 'vitest';
import { compose, type DisplayItem, type PathItem, type PrintFeature, type PrintInput, type SymbolItem, type TextItem } from '../../../src/shared/print';
import { LINE_REPEAT_MM } from '../../../src/shared/print/line-labels';
import { fixture } from './fixture';

const E0 = 430000;
const N0 = 1370000;
const labels = (items: DisplayItem[]) => items.filter((i): i is TextItem => i.kind === 'text' && i.role === 'feature-label');
const all = { kind: 'all' as const };
let seq = 900;
const id = () => `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;

function withFeatures(input: PrintInput, more: PrintFeature[]): PrintInput {
  return { ...input, features: [...input.features, ...more] };
}

// A river drawn from east to west (its naive direction would read upside down), two straight
// reaches at different angles, across both communes: 4.2 km, 420 mm at 1:10,000.
const RIVER: [number, number][] = [
  [E0 + 3900, N0 + 1800],
  [E0 + 2000, N0 + 1100],
  [E0 + 100, N0 + 100],
];
const river: PrintFeature = { table: 'base_lines', id: id(), geometry: { type: 'LineString', coordinates: RIVER }, props: { kind: 'river', name: 'Sông Krông Nô' } };

/** The angle (counter-clockwise, upright) of the reach nearest to a paper point. */
function reachAngle(frame: { x: number; y: number; extent: number[]; scale: number }, x: number, y: number): number {
  const ground = [frame.extent[0] + ((x - frame.x) * frame.scale) / 1000, frame.extent[3] - ((y - frame.y) * frame.scale) / 1000];
  const mid = (i: number) => [(RIVER[i][0] + RIVER[i + 1][0]) / 2, (RIVER[i][1] + RIVER[i + 1][1]) / 2];
  const i = Math.hypot(mid(0)[0] - ground[0], mid(0)[1] - ground[1]) < Math.hypot(mid(1)[0] - ground[0], mid(1)[1] - ground[1]) ? 0 : 1;
  let a = (Math.atan2(RIVER[i + 1][1] - RIVER[i][1], RIVER[i + 1][0] - RIVER[i][0]) * 180) / Math.PI;
  if (a > 90) a -= 180;
  if (a < -90) a += 180;
  return a;
}

describe('names along lines', () => {
  it('a long river is named along it, turned to each reach and upright, once per repeat distance', () => {
    const { list, report } = compose(withFeatures(fixture(), [river]), { paper: 'A1', area: all, scale: 10000 });
    expect(report.sheets).toBe(1);
    const names = labels(list.items).filter((t) => t.text === 'Sông Krông Nô');
    expect((4200 * 1000) / 10000).toBeGreaterThan(2 * LINE_REPEAT_MM);
    expect(names.length).toBeGreaterThanOrEqual(2);
    for (const t of names) {
      expect(t.angleDeg, `${t.x},${t.y}`).toBeDefined();
      expect(Math.abs(t.angleDeg!)).toBeLessThanOrEqual(90);
      // A name across the bend follows the chord there, between the two reaches' angles.
      expect(Math.abs(t.angleDeg! - reachAngle(report.frame, t.x, t.y))).toBeLessThan(2);
    }
    // Both reaches are named, each at its own angle, and the names stand apart along the river.
    for (const reach of [0, 1]) {
      const a = (Math.atan2(RIVER[reach][1] - RIVER[reach + 1][1], RIVER[reach][0] - RIVER[reach + 1][0]) * 180) / Math.PI;
      expect(names.some((t) => Math.abs(t.angleDeg! - a) < 0.5), `reach ${reach}: ${a}`).toBe(true);
    }
    for (let i = 1; i < names.length; i++) for (let j = 0; j < i; j++) expect(Math.hypot(names[i].x - names[j].x, names[i].y - names[j].y)).toBeGreaterThan(LINE_REPEAT_MM / 2);
  });
});

describe('names at every scale', () => {
  const villages: PrintFeature[] = [
    { table: 'base_points', id: id(), geometry: { type: 'Point', coordinates: [E0 + 700, N0 + 1500] }, props: { kind: 'settlement_rural', name: 'Thôn Đắk Hoa', commune_code: '001' } },
    { table: 'base_points', id: id(), geometry: { type: 'Point', coordinates: [E0 + 3300, N0 + 300] }, props: { kind: 'settlement_rural', name: 'Bon Đắk Prí', commune_code: '002' } },
  ];
  const stream: PrintFeature = { table: 'base_lines', id: id(), geometry: { type: 'LineString', coordinates: [[E0 + 2100, N0 + 100], [E0 + 2300, N0 + 1900]] }, props: { kind: 'stream', name: 'Suối Đắk' } };

  it.each([
    [50000, ['KV-01', 'KV-02', 'KV-03', 'Thôn Đắk Hoa', 'Bon Đắk Prí', 'QL14', 'Suối Đắk']],
    // Two communes of 2 km are 2 cm on paper: the codes must be there, the rest where room is left.
    [100000, ['KV-01', 'KV-02', 'KV-03']],
  ])('at 1:%i every search-area code (and village, road, stream name) is on the sheet; what is not is reported', (scale, must) => {
    const input = withFeatures(fixture(), [...villages, stream]);
    const { list, report } = compose(input, { paper: 'A4', area: all, scale });
    expect(report.scale).toBe(scale);
    const texts = labels(list.items).map((t) => t.text);
    for (const name of must) expect(texts, name).toContain(name);
    for (const name of ['Thôn Đắk Hoa', 'Bon Đắk Prí', 'QL14', 'Suối Đắk']) expect(texts.includes(name) || report.droppedLabels.some((d) => d.text === name), name).toBe(true);
  });

  it('a code that does not fit inside its area stands beside it with a leader line to it', () => {
    const { list } = compose(fixture(), { paper: 'A4', area: all, scale: 100000 });
    const code = labels(list.items).find((t) => t.text === 'KV-01')!;
    // KV-01 is 400 m across, 4 mm at 1:100,000: its code is wider than that.
    expect(code.box[2] - code.box[0]).toBeGreaterThan(4);
    const leaders = list.items.filter((i): i is PathItem => i.kind === 'path' && i.role === 'feature-label');
    const touches = (p: PathItem) => {
      const [, , x, y] = p.subpaths[0];
      return x >= code.box[0] - 0.01 && x <= code.box[2] + 0.01 && y >= code.box[1] - 0.01 && y <= code.box[3] + 0.01;
    };
    expect(leaders.some(touches)).toBe(true);
  });
});

describe('crowded symbols', () => {
  it('two graves 1 m apart at 1:25,000 are both drawn, apart, the moved one with a leader from its true spot', () => {
    const grave = (dx: number, name: string): PrintFeature => ({
      table: 'graves',
      id: id(),
      geometry: { type: 'Point', coordinates: [E0 + 1000 + dx, N0 + 1000] },
      props: { kind: 'newly_found', name, commune_code: '001', verification: 'not_verified' },
    });
    const { list, report } = compose(withFeatures(fixture({ graves: 0 }), [grave(0, 'A'), grave(1, 'B')]), { paper: 'A4', area: all, scale: 25000 });
    const syms = list.items.filter((i): i is SymbolItem => i.kind === 'symbol' && i.role === 'symbol');
    expect(syms).toHaveLength(2);
    const b = list.symbols[syms[0].symbol].box;
    const size = Math.max(b[2] - b[0], b[3] - b[1]);
    expect(Math.hypot(syms[0].x - syms[1].x, syms[0].y - syms[1].y)).toBeGreaterThanOrEqual(size);
    const f = report.frame;
    const trueX = f.x + ((E0 + 1000 - f.extent[0]) * 1000) / f.scale;
    const trueY = f.y + ((f.extent[3] - (N0 + 1000)) * 1000) / f.scale;
    const leader = list.items.find((i): i is PathItem => i.kind === 'path' && i.subpaths.length === 1 && i.subpaths[0].length === 4 && Math.hypot(i.subpaths[0][0] - trueX, i.subpaths[0][1] - trueY) < 0.1);
    expect(leader).toBeDefined();
  });
});

describe('the dropped-label report', () => {
  it('every label is placed or reported with its text and class, never both', () => {
    const n = 60;
    const { list, report } = compose(fixture({ crowd: n }), { paper: 'A4', area: { kind: 'communes', communes: ['001'] }, scale: 25000 });
    const names = Array.from({ length: n }, (_, i) => `Thôn Đông Hòa ${i + 1}`);
    const placed = new Set(labels(list.items).map((t) => t.text));
    const dropped = report.droppedLabels.filter((d) => d.text.startsWith('Thôn Đông Hòa'));
    expect(dropped.length).toBeGreaterThan(0);
    for (const d of dropped) expect(d.classKey).toBe('base_points:settlement_rural');
    for (const name of names) expect(Number(placed.has(name)) + dropped.filter((d) => d.text === name).length, name).toBe(1);
  });
});
