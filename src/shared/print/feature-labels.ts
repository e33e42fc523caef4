// Feature labels with the screen's rules (shared symbology), placed greedily by priority; a label
// that would overlap another label, a grid label or a point symbol is dropped and reported.
import type { Position } from '../model/geometry';
import type { LabelRule } from '../symbology';
import { PT_TO_MM, textBox, type BoxMm, type MeasureText, type TextItem } from './display-list';
import type { BoxIndex } from './collisions';
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
}

export interface DroppedLabel {
  table: string;
  id: string;
  text: string;
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

function rotatedBox(cx: number, cy: number, w: number, h: number, deg: number): BoxMm {
  const r = (deg * Math.PI) / 180;
  const c = Math.abs(Math.cos(r));
  const s = Math.abs(Math.sin(r));
  const hw = (w * c + h * s) / 2;
  const hh = (w * s + h * c) / 2;
  return [cx - hw, cy - hh, cx + hw, cy + hh];
}

/** Places labels; returns the placed text items and the dropped labels. */
export function placeLabels(
  frame: Frame,
  candidates: LabelCandidate[],
  taken: BoxIndex,
  measure: MeasureText,
): { placed: TextItem[]; dropped: DroppedLabel[] } {
  const placed: TextItem[] = [];
  const dropped: DroppedLabel[] = [];
  const sorted = [...candidates].sort((a, b) => b.rule.priority - a.rule.priority);
  const within = (b: BoxMm) => b[0] >= frame.x && b[1] >= frame.y && b[2] <= frame.x + frame.w && b[3] <= frame.y + frame.h;
  for (const c of sorted) {
    const bold = !!c.rule.bold;
    const italic = !!c.rule.italic;
    const w = measure(c.text, c.rule.fontSizePt, bold, italic);
    const h = c.rule.fontSizePt * PT_TO_MM;
    const halo = c.rule.halo ? { color: c.rule.halo.color, widthMm: c.rule.halo.widthMm } : undefined;
    const [ax, ay] = c.anchor;
    const tries: { x: number; y: number; box: BoxMm; angle: number }[] = [];
    if (c.rule.placement === 'point') {
      const [ox, oy] = c.rule.offsetMm ?? [0, 3];
      const d = Math.max(Math.abs(oy), 2);
      // Below (the rule's offset), above, right, left.
      for (const [dx, dy, align] of [
        [ox, oy, 'center'],
        [ox, -d + h * 0.2, 'center'],
        [d * 0.8 + w / 2, 0, 'center'],
        [-d * 0.8 - w / 2, 0, 'center'],
      ] as const) {
        const x = ax + dx;
        const y = ay + dy;
        void align;
        tries.push({ x, y, box: textBox(x, y, w, c.rule.fontSizePt, 'center', 'middle'), angle: 0 });
      }
    } else if (c.rule.placement === 'line') {
      tries.push({ x: ax, y: ay, box: rotatedBox(ax, ay, w, h * 1.25, c.angleDeg), angle: c.angleDeg });
    } else {
      tries.push({ x: ax, y: ay, box: textBox(ax, ay, w, c.rule.fontSizePt, 'center', 'middle'), angle: 0 });
    }
    const ok = tries.find((t) => within(t.box) && !taken.hits(t.box, 0.3));
    if (!ok) {
      dropped.push({ table: c.feature.table, id: c.feature.id, text: c.text });
      continue;
    }
    taken.add(ok.box);
    placed.push({
      kind: 'text',
      x: ok.x,
      y: ok.y,
      text: c.text,
      sizePt: c.rule.fontSizePt,
      ...(bold ? { bold: true } : {}),
      ...(italic ? { italic: true } : {}),
      color: c.rule.color,
      align: 'center',
      baseline: 'middle',
      ...(ok.angle ? { angleDeg: ok.angle } : {}),
      ...(halo ? { halo } : {}),
      role: 'feature-label',
      box: ok.box,
    });
  }
  return { placed, dropped };
}
