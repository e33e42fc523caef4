// Feature labels on a sheet: the chosen area's own names (never a neighbour's), placed clear of
// the symbols and the grid labels; what cannot be placed is dropped and reported.
import type { DisplayItem } from './display-list';
import type { BoxIndex } from './collisions';
import type { Area } from './area';
import { anchorOf, placeLabels, type DroppedLabel, type LabelCandidate } from './feature-labels';
import { linesOf, pointInPolygons, polygonsOf, type Frame } from './geom';
import type { DrawnFeature } from './map-features';
import type { MeasureText, BoxMm } from './display-list';
import type { PrintFeature } from './input';
import { printLabelText } from './print-label-rules';

const toGround = (frame: Frame, x: number, y: number): [number, number] => [
  frame.extent[0] + ((x - frame.x) * frame.scale) / 1000,
  frame.extent[3] - ((y - frame.y) * frame.scale) / 1000,
];

/** Whether a box on paper lies inside the feature's area (its corners and middle). */
function fitsInside(frame: Frame, f: PrintFeature): (b: BoxMm) => boolean {
  const polys = polygonsOf(f.geometry);
  return (b) =>
    [
      [b[0], b[1]],
      [b[2], b[1]],
      [b[0], b[3]],
      [b[2], b[3]],
      [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2],
    ].every(([x, y]) => {
      const [e, n] = toGround(frame, x, y);
      return pointInPolygons(e, n, polys);
    });
}

/**
 * Whether a line has a vertex in the frame inside the printed area (else it is not this sheet's to
 * name). Up to 256 vertices a line are tried: a river and a commune boundary both have thousands.
 */
function runsThrough(f: PrintFeature, frame: Frame, area: Area): boolean {
  const e = frame.extent;
  return linesOf(f.geometry).some((l) => {
    const step = Math.max(1, Math.floor(l.length / 256));
    for (let i = 0; i < l.length; i += step) {
      const p = l[i];
      if (p[0] >= e[0] && p[0] <= e[2] && p[1] >= e[1] && p[1] <= e[3] && pointInPolygons(p[0], p[1], area.polys)) return true;
    }
    return false;
  });
}

/**
 * `symbolAt`: where each point symbol was drawn on paper (moved off a crowded spot): its name
 * stands by the symbol, not by the spot it was moved from.
 */
export function drawLabels(
  items: DisplayItem[],
  frame: Frame,
  area: Area,
  drawn: DrawnFeature[],
  taken: BoxIndex,
  measure: MeasureText,
  symbolAt?: Map<PrintFeature, [number, number]>,
): DroppedLabel[] {
  const chosenCodes = new Set(area.communes.map((c) => String(c.props.code ?? '')));
  const candidates: LabelCandidate[] = [];
  for (const { f, style, former } of drawn) {
    const text = printLabelText(f, style);
    if (!style.label || !text || former) continue;
    if (f.table === 'admin_units' && f.props.level === 'commune' && area.kind !== 'extent' && !chosenCodes.has(String(f.props.code ?? ''))) continue;
    if (f.table === 'admin_units' && f.props.level !== 'commune' && f.props.level !== 'village') continue;
    const a = anchorOf(frame, f, style.label.placement);
    if (!a) continue;
    const inArea = (x: number, y: number) => pointInPolygons(...toGround(frame, x, y), area.polys);
    // A line is named where it runs through the area (its middle may lie outside it).
    const line = style.label.placement === 'line';
    if (line ? !runsThrough(f, frame, area) : !inArea(a.anchor[0], a.anchor[1])) continue;
    const polygon = style.label.placement === 'polygon' && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon');
    const code = String(f.props.code ?? '').trim();
    candidates.push({
      feature: f,
      rule: style.label,
      text,
      anchor: symbolAt?.get(f) ?? a.anchor,
      angleDeg: a.angleDeg,
      classKey: style.classKey,
      ...(line ? { where: inArea } : {}),
      ...(polygon && f.table === 'search_areas' ? { fits: fitsInside(frame, f), leaderText: code || text } : {}),
    });
  }
  const labels = placeLabels(frame, candidates, taken, measure);
  items.push(...labels.placed);
  return labels.dropped;
}
