// Feature labels with the screen's rules (shared symbology), placed greedily by priority; a label
// that would overlap another label, a grid label or a point symbol is dropped and reported.
import type { Position } from '../model/geometry';
import type { LabelRule } from '../symbology';
import { PT_TO_MM, textBox, type BoxMm, type DisplayItem, type MeasureText, type TextItem } from './display-list';
import type { BoxIndex } from './collisions';
import { alongBoxes, lineSlots } from './line-labels';
import { interiorPoint, linesOf, polygonsOf, ringArea, toPaper, type Frame } from './geom';
import type { PrintFeature } from './input';

export interface LabelCandidate {
  feature: PrintFeature;
  rule: LabelRule;
  text: string;
  /** The anchor (point features: the symbol's; polygons: inside; lines: on the line) on paper. */
  anchor: [number, number];
  /** Lines: the direction there, degrees counter-clockwise (kept upright). */
  angleDeg: number;
  classKey: string;
  /** Lines: where on paper a name may stand (inside the printed area). */
  where?: (x: number, y: number) => boolean;
  /** Areas: whether a box on paper lies inside the area (its name is printed inside when it fits). */
  fits?: (b: BoxMm) => boolean;
  /** Areas whose name must be printed (search areas): outside with a leader when it does not fit. */
  leaderText?: string;
}

export interface DroppedLabel {
  table: string;
  id: string;
  text: string;
  /** The symbology class (`table:value`), so the dialog can say what kind of name is missing. */
  classKey: string;
}

// A polygon's label point on the ground, kept as long as its geometry is: every sheet of a series
// labels the same communes, whose boundaries have thousands of vertices.
const interiorPoints = new WeakMap<object, Position | null>();

export function anchorOf(f: Frame, feature: PrintFeature, placement: LabelRule['placement']): { anchor: [number, number]; angleDeg: number } | null {
  const g = feature.geometry;
  if (g.type === 'Point') return { anchor: toPaper(f, g.coordinates[0], g.coordinates[1]), angleDeg: 0 };
  if (placement === 'polygon' || g.type === 'Polygon' || g.type === 'MultiPolygon') {
    let p = interiorPoints.get(g.coordinates);
    if (p === undefined) {
      const polys = polygonsOf(g);
      const biggest = polys.length ? polys.reduce((a, b) => (ringArea(b[0]) > ringArea(a[0]) ? b : a)) : null;
      p = biggest ? interiorPoint(biggest) : null;
      interiorPoints.set(g.coordinates, p);
    }
    return p ? { anchor: toPaper(f, p[0], p[1]), angleDeg: 0 } : null;
  }
  const parts = linesOf(g);
  if (!parts.length) return null;
  const len = (l: Position[]) => l.reduce((s, p, i) => (i ? s + Math.hypot(p[0] - l[i - 1][0], p[1] - l[i - 1][1]) : 0), 0);
  const line = parts.reduce((a, b) => (len(b) > len(a) ? b : a));
  // The segment at half the length, clipped to what the frame shows.
  const inside = line.filter((p) => p[0] >= f.extent[0] && p[0] <= f.extent[2] && p[1] >= f.extent[1] && p[1] <= f.extent[3]);
  const use = inside.length >= 2 ? inside : line;
  const half = len(use) / 2;
  let acc = 0;
  for (let i = 1; i < use.length; i++) {
    const d = Math.hypot(use[i][0] - use[i - 1][0], use[i][1] - use[i - 1][1]);
    if (acc + d >= half) {
      const t = d ? (half - acc) / d : 0;
      const x = use[i - 1][0] + (use[i][0] - use[i - 1][0]) * t;
      const y = use[i - 1][1] + (use[i][1] - use[i - 1][1]) * t;
      let a = (Math.atan2(use[i][1] - use[i - 1][1], use[i][0] - use[i - 1][0]) * 180) / Math.PI;
      if (a > 90) a -= 180;
      if (a < -90) a += 180;
      return { anchor: toPaper(f, x, y), angleDeg: a };
    }
    acc += d;
  }
  return null;
}

/** One position to try: the text's anchor, angle and footprint, and a leader back to the feature. */
interface Try {
  x: number;
  y: number;
  angle: number;
  text: string;
  w: number;
  boxes: BoxMm[];
  leader?: [number, number, number, number];
}

const bbox = (bs: BoxMm[]): BoxMm => [Math.min(...bs.map((b) => b[0])), Math.min(...bs.map((b) => b[1])), Math.max(...bs.map((b) => b[2])), Math.max(...bs.map((b) => b[3]))];

/** Where the leader from (ax, ay) meets the box's edge (it stops short of the text). */
function leaderTo(ax: number, ay: number, b: BoxMm): [number, number, number, number] {
  const x = Math.min(Math.max(ax, b[0]), b[2]);
  const y = Math.min(Math.max(ay, b[1]), b[3]);
  return [ax, ay, x, y];
}

/** The positions to try for a candidate, in slots: a line's name is placed once per slot. */
function triesOf(frame: Frame, c: LabelCandidate, measure: MeasureText): Try[][] {
  const bold = !!c.rule.bold;
  const italic = !!c.rule.italic;
  const w = measure(c.text, c.rule.fontSizePt, bold, italic);
  const h = c.rule.fontSizePt * PT_TO_MM;
  const [ax, ay] = c.anchor;
  const flat = (x: number, y: number, text = c.text, tw = w): Try => ({ x, y, angle: 0, text, w: tw, boxes: [textBox(x, y, tw, c.rule.fontSizePt, 'center', 'middle')] });
  if (c.rule.placement === 'line') {
    // On the line first, anywhere in the slot; then beside it, parallel, above or below.
    const along = (x: number, y: number, a: number): Try => ({ x, y, angle: a, text: c.text, w, boxes: alongBoxes(x, y, w, h * 1.2, a) });
    const slots = lineSlots(frame, c.feature, w, h, c.where).map((spots) => [
      ...spots.map((p) => along(p.x, p.y, p.angleDeg)),
      ...spots.flatMap((p) => {
        const r = (p.angleDeg * Math.PI) / 180;
        const [nx, ny] = [-Math.sin(r) * h * 1.1, -Math.cos(r) * h * 1.1];
        return [along(p.x + nx, p.y + ny, p.angleDeg), along(p.x - nx, p.y - ny, p.angleDeg)];
      }),
    ]);
    // No spot of the line inside the area fits its name: dropped (reported), not put outside.
    if (c.where && !slots.length && !c.where(ax, ay)) return [];
    return slots.length ? slots : [[{ x: ax, y: ay, angle: c.angleDeg, text: c.text, w, boxes: alongBoxes(ax, ay, w, h * 1.2, c.angleDeg) }]];
  }
  if (c.rule.placement === 'point') {
    const [ox, oy] = c.rule.offsetMm ?? [0, 3];
    const d = Math.max(Math.abs(oy), 2);
    // Below (the rule's offset), above, right, left, then the corners.
    const offsets: [number, number][] = [
      [ox, oy],
      [ox, -d + h * 0.2],
      [d * 0.8 + w / 2, 0],
      [-d * 0.8 - w / 2, 0],
      [d * 0.6 + w / 2, oy],
      [-d * 0.6 - w / 2, oy],
      [d * 0.6 + w / 2, -d + h * 0.2],
      [-d * 0.6 - w / 2, -d + h * 0.2],
    ];
    return [offsets.map(([dx, dy]) => flat(ax + dx, ay + dy))];
  }
  const inside = [flat(ax, ay), flat(ax, ay - h * 1.2), flat(ax, ay + h * 1.2)].filter((t) => !c.fits || c.fits(t.boxes[0]));
  if (c.leaderText === undefined) return [inside.length ? inside : [flat(ax, ay)]];
  // Outside, the code alone, on rings around the area's point, a leader line back to it.
  const lt = c.leaderText;
  const lw = measure(lt, c.rule.fontSizePt, bold, italic);
  const ring: Try[] = [];
  for (const r of [1, 1.8, 2.8, 4]) {
    const dist = (h * 1.5 + 2) * r;
    for (let k = 0; k < 12; k++) {
      const a = (k * Math.PI) / 6;
      const x = ax + Math.cos(a) * (dist + lw / 2);
      const y = ay - Math.sin(a) * (dist + h / 2);
      const t = flat(x, y, lt, lw);
      ring.push({ ...t, leader: leaderTo(ax, ay, t.boxes[0]) });
    }
  }
  return [[...inside, ...ring]];
}

/** Places labels; returns the placed items (texts, their leaders) and the dropped labels. */
export function placeLabels(
  frame: Frame,
  candidates: LabelCandidate[],
  taken: BoxIndex,
  measure: MeasureText,
): { placed: DisplayItem[]; dropped: DroppedLabel[] } {
  const placed: DisplayItem[] = [];
  const dropped: DroppedLabel[] = [];
  const sorted = [...candidates].sort((a, b) => b.rule.priority - a.rule.priority);
  const within = (b: BoxMm) => b[0] >= frame.x && b[1] >= frame.y && b[2] <= frame.x + frame.w && b[3] <= frame.y + frame.h;
  const free = (t: Try) => t.boxes.every((b) => within(b) && !taken.hits(b, 0.3));
  for (const c of sorted) {
    const bold = !!c.rule.bold;
    const italic = !!c.rule.italic;
    const halo = c.rule.halo ? { color: c.rule.halo.color, widthMm: c.rule.halo.widthMm } : undefined;
    let any = false;
    for (const slot of triesOf(frame, c, measure)) {
      const ok = slot.find(free);
      if (!ok) continue;
      any = true;
      for (const b of ok.boxes) taken.add(b);
      if (ok.leader) placed.push({ kind: 'path', subpaths: [ok.leader], closed: false, strokes: [{ color: c.rule.color, widthMm: 0.15 }], role: 'feature-label' });
      placed.push({
        kind: 'text',
        x: ok.x,
        y: ok.y,
        text: ok.text,
        sizePt: c.rule.fontSizePt,
        ...(bold ? { bold: true } : {}),
        ...(italic ? { italic: true } : {}),
        color: c.rule.color,
        align: 'center',
        baseline: 'middle',
        ...(ok.angle ? { angleDeg: ok.angle } : {}),
        ...(halo ? { halo } : {}),
        role: 'feature-label',
        box: bbox(ok.boxes),
      } satisfies TextItem);
    }
    if (!any) dropped.push({ table: c.feature.table, id: c.feature.id, text: c.text, classKey: c.classKey });
  }
  return { placed, dropped };
}
