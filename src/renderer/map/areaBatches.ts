// Areas drawn as few paths as the picture allows. Canvas calls per polygon (state, path, fill,
// stroke) were most of a search-area tile's cost; OpenLayers draws a MultiPolygon as one path
// with one fill and one stroke. Polygons drawn alike (same fill, same stroke, all opaque) can share
// a path, and a polygon may join an earlier group only if nothing it overlaps is drawn between
// them: the result is the picture drawn one by one in order (opaque colours: a pixel shows the
// last thing drawn over it, whichever path it was in).
import type { Extent } from 'ol/extent';
import { asArray } from 'ol/color';
import type { Style } from 'ol/style';

export interface AreaGroup {
  style: Style;
  /** Positions in the caller's list, in drawing order. */
  members: number[];
}

const keys = new WeakMap<Style, string | null>();

/**
 * What a style draws, as a string (equal strings draw alike), or null when it is not a plain
 * opaque fill/stroke of the feature's own geometry.
 */
export function areaStyleKey(s: Style): string | null {
  let key = keys.get(s);
  if (key !== undefined) return key;
  key = null;
  const fill = s.getFill();
  const stroke = s.getStroke();
  const opaque = (c: unknown) => (typeof c === 'string' || Array.isArray(c) ? asArray(c as string)[3] === 1 : false);
  if (s.getGeometry() === null && !s.getImage() && !s.getText() && (fill || stroke) && (!fill || opaque(fill.getColor())) && (!stroke || opaque(stroke.getColor()))) {
    key = JSON.stringify([
      fill ? String(asArray(fill.getColor() as string)) : null,
      stroke
        ? [String(asArray(stroke.getColor() as string)), stroke.getWidth(), stroke.getLineDash(), stroke.getLineDashOffset(), stroke.getLineCap(), stroke.getLineJoin(), stroke.getMiterLimit()]
        : null,
    ]);
  }
  keys.set(s, key);
  return key;
}

/**
 * Groups areas (styles with an areaStyleKey, boxes in map units) so that drawing the groups in
 * the order returned gives the picture of drawing them one by one. `margin` widens every box by
 * what a stroke and anti-aliasing reach beyond the geometry.
 */
export function groupAreas(styles: readonly Style[], boxes: readonly Extent[], margin: number): AreaGroup[] {
  const groups: { key: string; group: AreaGroup; boxes: Extent[] }[] = [];
  const overlaps = (a: Extent, b: Extent) =>
    a[0]! - margin <= b[2]! + margin && b[0]! - margin <= a[2]! + margin && a[1]! - margin <= b[3]! + margin && b[1]! - margin <= a[3]! + margin;
  for (let i = 0; i < styles.length; i++) {
    const key = areaStyleKey(styles[i]!)!;
    const box = boxes[i]!;
    let at = -1;
    for (let g = groups.length - 1; g >= 0; g--)
      if (groups[g]!.key === key) {
        at = g;
        break;
      }
    // Joining group `at` draws this area before every later group: none of theirs may overlap it.
    if (at !== -1 && groups.slice(at + 1).some((g) => g.boxes.some((b) => overlaps(b, box)))) at = -1;
    if (at === -1) groups.push({ key, group: { style: styles[i]!, members: [i] }, boxes: [box] });
    else {
      groups[at]!.group.members.push(i);
      groups[at]!.boxes.push(box);
    }
  }
  return groups.map((g) => g.group);
}
