// Feature labels on a sheet: the chosen area's own names (never a neighbour's), placed clear of
// the symbols and the grid labels; what cannot be placed is dropped and reported.
import type { DisplayItem } from './display-list';
import type { BoxIndex } from './collisions';
import type { Area } from './area';
import { anchorOf, placeLabels, type DroppedLabel, type LabelCandidate } from './feature-labels';
import { pointInPolygons, type Frame } from './geom';
import type { DrawnFeature } from './map-features';
import type { MeasureText } from './display-list';

export function drawLabels(items: DisplayItem[], frame: Frame, area: Area, drawn: DrawnFeature[], taken: BoxIndex, measure: MeasureText): DroppedLabel[] {
  const chosenCodes = new Set(area.communes.map((c) => String(c.props.code ?? '')));
  const candidates: LabelCandidate[] = [];
  for (const { f, style, former } of drawn) {
    if (!style.label || !style.labelText || former) continue;
    if (f.table === 'admin_units' && f.props.level === 'commune' && area.kind !== 'extent' && !chosenCodes.has(String(f.props.code ?? ''))) continue;
    if (f.table === 'admin_units' && f.props.level !== 'commune' && f.props.level !== 'village') continue;
    const a = anchorOf(frame, f, style.label.placement);
    if (!a) continue;
    const wx = frame.extent[0] + ((a.anchor[0] - frame.x) * frame.scale) / 1000;
    const wy = frame.extent[3] - ((a.anchor[1] - frame.y) * frame.scale) / 1000;
    if (!pointInPolygons(wx, wy, area.polys)) continue;
    candidates.push({ feature: f, rule: style.label, text: style.labelText, anchor: a.anchor, angleDeg: a.angleDeg });
  }
  const labels = placeLabels(frame, candidates, taken, measure);
  items.push(...labels.placed);
  return labels.dropped;
}
