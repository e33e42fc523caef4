// Our contract's GeoJSON-shaped geometries to and from OpenLayers' geometries, and the hole tool's
// geometry step.
import GeoJSON from 'ol/format/GeoJSON';
import type { Geometry as OlGeometry } from 'ol/geom';
import { MultiPolygon, Polygon } from 'ol/geom';
import type { Geometry } from '../../shared/model/geometry';

const fmt = new GeoJSON();

export function toGeometry(g: OlGeometry): Geometry {
  return fmt.writeGeometryObject(g) as unknown as Geometry;
}

export function fromGeometry(g: Geometry): OlGeometry {
  return fmt.readGeometry(g)!;
}

/** Adds a ring as a hole to the polygon (of a polygon or multipolygon) that contains it. */
export function addHole(geom: Geometry, ring: number[][]): Geometry | null {
  const g = fromGeometry(geom);
  const inside = (p: Polygon) => ring.every((c) => p.intersectsCoordinate(c));
  if (g instanceof Polygon) {
    if (!inside(g)) return null;
    g.appendLinearRing(new Polygon([ring]).getLinearRing(0)!);
    return toGeometry(g);
  }
  if (g instanceof MultiPolygon) {
    const polys = g.getPolygons();
    const i = polys.findIndex(inside);
    if (i < 0) return null;
    polys[i]!.appendLinearRing(new Polygon([ring]).getLinearRing(0)!);
    return toGeometry(new MultiPolygon(polys));
  }
  return null;
}
