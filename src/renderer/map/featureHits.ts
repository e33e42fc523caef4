// Which features are under a point of the map, by geometry: a symbol by its box, an area with a
// fill anywhere inside, a line or outline within the tolerance plus half its stroke. OpenLayers'
// own hit detection draws the candidates into a small canvas and reads its pixels back for every
// layer on every pointer move; with software canvas that read alone was ~4 ms per move over the
// demo's boundary layers, most of the page's work while the pointer moved.
import type { FeatureLike } from 'ol/Feature';
import { buffer as bufferExtent, intersects, type Extent } from 'ol/extent';
import type Geometry from 'ol/geom/Geometry';
import type Point from 'ol/geom/Point';
import type VectorSource from 'ol/source/Vector';
import { Icon, type Style } from 'ol/style';
import type { StyleFunction } from 'ol/style/Style';
import { getUid } from 'ol/util';

export interface FeatureHit {
  f: FeatureLike;
  /** The geometry the matching style draws (the feature's own, or its style's geometry). */
  g: Geometry;
}

/**
 * The features of a source drawn over `coordinate`, topmost first (the reverse of the drawing
 * order: the style's zIndex, then the order the features were made in). `reachPx`: how far a
 * feature's drawing reaches beyond its geometry (symbols, strokes).
 */
export function featuresAt(
  source: VectorSource,
  style: StyleFunction | undefined,
  coordinate: number[],
  resolution: number,
  tolerancePx: number,
  reachPx: number,
): FeatureHit[] {
  if (!style) return [];
  const r = resolution;
  const reach = (reachPx + tolerancePx) * r;
  const candidates = source.getFeaturesInExtent([coordinate[0]! - reach, coordinate[1]! - reach, coordinate[0]! + reach, coordinate[1]! + reach]);
  const hits: (FeatureHit & { z: number; order: number })[] = [];
  for (const f of candidates) {
    const st = style(f, r);
    if (!st) continue;
    const styles = Array.isArray(st) ? st : [st];
    for (const s of styles) {
      const g = s.getGeometryFunction()(f) as Geometry | undefined;
      if (g && hitsStyle(s, g, coordinate, r, tolerancePx)) {
        hits.push({ z: s.getZIndex() ?? 0, order: Number(getUid(f)), f, g });
        break;
      }
    }
  }
  hits.sort((a, b) => b.z - a.z || b.order - a.order);
  return hits.map(({ f, g }) => ({ f, g }));
}

/** The icon box of a point symbol in map units, or null when the style has no icon. */
function iconBox(s: Style, at: number[], resolution: number): Extent | null {
  const image = s.getImage();
  if (!(image instanceof Icon)) return null;
  const size = image.getSize();
  const anchor = image.getAnchor();
  const scale = image.getScaleArray();
  if (!size || !anchor) return null;
  const left = at[0]! - anchor[0]! * scale[0]! * resolution;
  const top = at[1]! + anchor[1]! * scale[1]! * resolution;
  return [left, top - size[1]! * scale[1]! * resolution, left + size[0]! * scale[0]! * resolution, top];
}

function hitsStyle(s: Style, g: Geometry, c: number[], r: number, tolPx: number): boolean {
  const type = g.getType();
  const tol = tolPx * r;
  if (type === 'Point') {
    const box = iconBox(s, (g as Point).getCoordinates(), r);
    return !!box && intersects(bufferExtent(box, tol), [c[0]!, c[1]!, c[0]!, c[1]!]);
  }
  if ((type === 'Polygon' || type === 'MultiPolygon') && s.getFill() && g.intersectsCoordinate(c)) return true;
  const stroke = s.getStroke();
  if (!stroke && !s.getFill()) return false;
  const reach = tol + ((stroke?.getWidth() ?? 0) / 2) * r;
  const p = g.getClosestPoint(c);
  return Math.hypot(p[0]! - c[0]!, p[1]! - c[1]!) <= reach;
}
