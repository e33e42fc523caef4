// The locator sheet (phiếu chỉ dẫn vị trí mộ): one A4 page a family takes to the cemetery. The
// martyr's details, the plot's "Khu … Hàng … Mộ số …", the cemetery's plan with the plot highlighted
// and the suggested path from the gate, and the plot's coordinates in VN-2000 and WGS 84. Composed
// into the same display list as the map sheets, so the same jsPDF backend prints it and the same
// SVG preview could show it.
import { type DisplayItem, type DisplayList, type MeasureText, PT_TO_MM } from '../print/display-list';
import { rectPath } from '../print/geom';
import { textItem, wrap } from '../print/text';
import type { LocatorPath } from './locator-path';
import { plotLabel } from './plot-key';

type XY = [number, number];

export interface LocatorInput {
  title: string;
  cemeteryName: string;
  martyr: { fullName: string; birthYear: number | null; hometown: string; unit: string; rankPosition: string; deathDate: string; deathPlace: string };
  plot: { section: string; row: string; plotNumber: string; ring: XY[]; centre: XY };
  /** The cemetery's outline rings (a polygon cemetery), in the working CRS. */
  outline: XY[][];
  /** The other features of the plan. */
  plots: { ring: XY[]; kind: string }[];
  gate: XY | null;
  path: LocatorPath | null;
  /** x: northing (the Vietnamese X), y: easting; dms: latitude and longitude in degrees, minutes, seconds. */
  coords: { crsName: string; x: number; y: number; dms: string; lat: number; lon: number };
  /** "Krông Nô, ngày 5 tháng 12 năm 2026" or similar. */
  placeDate: string;
  agency: string;
}

export const HIGHLIGHT = '#e00000';
const FILLS: Record<string, string> = { known: '#fff2cc', unknown: '#d9d9d9', empty: '#ffffff' };
const PAGE = { widthMm: 210, heightMm: 297 };
const PLAN: [number, number, number, number] = [15, 112, 195, 240];

function nice(len: number): number {
  const p = 10 ** Math.floor(Math.log10(len));
  return [5, 2, 1].map((k) => k * p).find((v) => v <= len) ?? p;
}

const dots = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** World → paper: the plan fitted into PLAN, north up, one scale. */
function fit(points: XY[]): { at: (p: XY) => [number, number]; mmPerM: number } {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const w = Math.max(x1 - x0, 1) * 1.08;
  const h = Math.max(y1 - y0, 1) * 1.08;
  const mmPerM = Math.min((PLAN[2] - PLAN[0]) / w, (PLAN[3] - PLAN[1]) / h);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const px = (PLAN[0] + PLAN[2]) / 2;
  const py = (PLAN[1] + PLAN[3]) / 2;
  return { at: (p) => [px + (p[0] - cx) * mmPerM, py - (p[1] - cy) * mmPerM], mmPerM };
}

export function composeLocator(input: LocatorInput, measure: MeasureText): DisplayList {
  const items: DisplayItem[] = [];
  const text = (x: number, y: number, t: string, sizePt: number, o: { bold?: boolean; align?: 'left' | 'center' | 'right'; color?: string } = {}) =>
    items.push(textItem(x, y, t, { sizePt, role: 'note', ...o, ...(o.color ? { color: o.color } : {}) }, measure));
  text(105, 18, input.title.toUpperCase(), 15, { bold: true, align: 'center' });
  text(105, 25, input.cemeteryName, 11, { align: 'center' });
  const m = input.martyr;
  let y = 38;
  const line = (label: string, value: string) => {
    const lines = wrap(`${label}: ${value || '…'}`, 180, 11, false, measure);
    for (const l of lines) {
      text(15, y, l, 11);
      y += 11 * PT_TO_MM * 1.45;
    }
  };
  line('Họ và tên liệt sĩ', m.fullName);
  line('Năm sinh', m.birthYear === null ? '' : String(m.birthYear));
  line('Quê quán', m.hometown);
  line('Cấp bậc, chức vụ, đơn vị', [m.rankPosition, m.unit].filter(Boolean).join(', '));
  line('Ngày hy sinh', [m.deathDate, m.deathPlace ? `tại ${m.deathPlace}` : ''].filter(Boolean).join(' '));
  y += 3;
  text(105, y + 4, `Vị trí mộ: ${plotLabel(input.plot.section, input.plot.row, input.plot.plotNumber)}`, 15, { bold: true, align: 'center', color: HIGHLIGHT });
  y += 12;
  const c = input.coords;
  text(15, y, `Tọa độ ${c.crsName}: X = ${c.x.toFixed(2)} m, Y = ${c.y.toFixed(2)} m`, 10);
  text(15, y + 5, `Tọa độ WGS 84: ${c.dms} (${c.lat.toFixed(6)}, ${c.lon.toFixed(6)})`, 10);
  drawPlan(items, input, measure);
  drawLegend(items, input, measure);
  text(195, 280, input.placeDate, 10, { align: 'right' });
  if (input.agency) text(15, 280, input.agency, 10);
  text(105, 290, 'Sơ đồ chỉ dẫn, không thay cho việc hỏi ban quản trang tại nghĩa trang.', 8, { align: 'center', color: '#555555' });
  return { page: PAGE, items, symbols: {} };
}

function path(subpaths: number[][], closed: boolean, fill: string | null, stroke: string, widthMm: number, dashMm?: number[]): DisplayItem {
  return {
    kind: 'path',
    subpaths,
    closed,
    ...(fill ? { fill: { color: fill } } : {}),
    strokes: [{ color: stroke, widthMm, join: 'round', ...(dashMm ? { dashMm } : {}) }],
    role: 'map',
  };
}

function drawPlan(items: DisplayItem[], input: LocatorInput, measure: MeasureText): void {
  const pts: XY[] = [...input.outline.flat(), ...input.plots.flatMap((p) => p.ring), ...input.plot.ring, ...(input.gate ? [input.gate] : [])];
  const { at, mmPerM } = fit(pts);
  const flat = (ring: XY[]) => ring.flatMap((p) => at(p));
  items.push(path([rectPath(PLAN[0], PLAN[1], PLAN[2] - PLAN[0], PLAN[3] - PLAN[1])], true, null, '#000000', 0.3));
  if (input.outline.length) items.push(path(input.outline.map(flat), true, '#fbfbf4', '#404040', 0.5));
  for (const p of input.plots) items.push(path([flat(p.ring)], true, FILLS[p.kind] ?? '#ffffff', '#7f7f7f', 0.1));
  if (input.path) {
    items.push(path([input.path.points.flatMap((p) => at(p))], false, null, '#ffffff', 1.6));
    items.push(path([input.path.points.flatMap((p) => at(p))], false, null, '#0050c8', 0.8, [2, 1]));
  }
  items.push(path([flat(input.plot.ring)], true, HIGHLIGHT, '#000000', 0.4));
  // A ring around the plot, so a plot of a millimetre on paper is still found at a glance.
  const [tx, ty] = at(input.plot.centre);
  const r = Math.max(4, ...input.plot.ring.map((p) => Math.hypot(at(p)[0] - tx, at(p)[1] - ty) + 2));
  const circle = Array.from({ length: 37 }, (_, i) => [tx + r * Math.cos((i * Math.PI) / 18), ty + r * Math.sin((i * Math.PI) / 18)]).flat();
  items.push(path([circle], true, null, HIGHLIGHT, 0.6));
  if (input.gate) {
    const [gx, gy] = at(input.gate);
    items.push(path([rectPath(gx - 2, gy - 2, 4, 4)], true, '#ffffff', '#0050c8', 0.5));
    items.push(textItem(gx, gy - 3, 'Cổng', { sizePt: 9, bold: true, align: 'center', role: 'map', halo: { color: '#ffffff', widthMm: 0.6 } }, measure));
  }
  // North arrow and scale bar, inside the plan's top-left and bottom-left corners.
  const nx = PLAN[0] + 6;
  const ny = PLAN[1] + 5;
  items.push({ kind: 'path', subpaths: [[nx, ny, nx + 2.5, ny + 8, nx, ny + 6, nx - 2.5, ny + 8]], closed: true, fill: { color: '#000000' }, role: 'north-arrow' });
  items.push(textItem(nx, ny - 0.8, 'B', { sizePt: 9, bold: true, align: 'center', role: 'north-arrow' }, measure));
  const barM = nice(40 / mmPerM);
  const barMm = barM * mmPerM;
  const bx = PLAN[0] + 5;
  const by = PLAN[3] - 6;
  items.push({ kind: 'path', subpaths: [rectPath(bx, by, barMm / 2, 1.4)], closed: true, fill: { color: '#000000' }, strokes: [{ color: '#000000', widthMm: 0.2 }], role: 'scale-bar' });
  items.push({ kind: 'path', subpaths: [rectPath(bx + barMm / 2, by, barMm / 2, 1.4)], closed: true, fill: { color: '#ffffff' }, strokes: [{ color: '#000000', widthMm: 0.2 }], role: 'scale-bar' });
  items.push(textItem(bx + barMm + 2, by + 1.4, `${barM} m   (tỷ lệ ≈ 1:${dots(1000 / mmPerM)})`, { sizePt: 8, role: 'scale-text' }, measure));
}

function drawLegend(items: DisplayItem[], input: LocatorInput, measure: MeasureText): void {
  const y = PLAN[3] + 8;
  const entries: [string, DisplayItem[]][] = [
    ['Mộ cần tìm', [path([rectPath(0, -2.5, 5, 3)], true, HIGHLIGHT, '#000000', 0.3)]],
    ['Mộ có thông tin', [path([rectPath(0, -2.5, 5, 3)], true, FILLS.known!, '#7f7f7f', 0.15)]],
    ['Mộ chưa xác định được thông tin', [path([rectPath(0, -2.5, 5, 3)], true, FILLS.unknown!, '#7f7f7f', 0.15)]],
  ];
  if (input.path)
    entries.push([
      input.path.kind === 'along_row' ? 'Đường dẫn gợi ý: từ cổng tới đầu hàng, rồi dọc hàng' : 'Đường thẳng từ cổng tới mộ (không phải lối đi)',
      [path([[0, -1, 8, -1]], false, null, '#0050c8', 0.8, [2, 1])],
    ]);
  let x = 15;
  let row = 0;
  for (const [label, sw] of entries) {
    const w = measure(label, 9, false) + 14;
    if (x + w > 195) {
      x = 15;
      row++;
    }
    const oy = y + row * 6;
    for (const s of sw) if (s.kind === 'path') items.push({ ...s, subpaths: s.subpaths.map((sp) => sp.map((v, i) => (i % 2 ? v + oy : v + x))), role: 'legend' });
    items.push(textItem(x + 10, oy, label, { sizePt: 9, role: 'legend' }, measure));
    x += w;
  }
  if (!input.gate)
    items.push(textItem(15, y + (row + 1) * 6, 'Chưa đặt cổng nghĩa trang trên sơ đồ: không vẽ đường dẫn.', { sizePt: 9, italic: true, role: 'legend' }, measure));
}
