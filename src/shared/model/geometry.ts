// GeoJSON-shaped geometries in the project's WORKING CRS (metres, x = easting, y = northing), not WGS 84.
import { z } from 'zod';

// x, y and an optional z: a plain array type keeps producers of geometry simple.
const coord = z.array(z.number().finite()).min(2, 'a position needs x and y').max(3, 'a position has at most x, y, z');
const ring = z.array(coord).min(4, 'a polygon ring needs at least 4 positions');
const line = z.array(coord).min(2, 'a line needs at least 2 positions');

export const PointSchema = z.object({ type: z.literal('Point'), coordinates: coord });
export const LineStringSchema = z.object({ type: z.literal('LineString'), coordinates: line });
export const MultiLineStringSchema = z.object({ type: z.literal('MultiLineString'), coordinates: z.array(line).min(1) });
export const PolygonSchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) });
export const MultiPolygonSchema = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) });

export const GeometrySchema = z.discriminatedUnion('type', [
  PointSchema,
  LineStringSchema,
  MultiLineStringSchema,
  PolygonSchema,
  MultiPolygonSchema,
]);
export type Geometry = z.infer<typeof GeometrySchema>;
export type Position = number[];

export type Extent = [number, number, number, number];
export const ExtentSchema = z
  .tuple([z.number().finite(), z.number().finite(), z.number().finite(), z.number().finite()])
  .refine(([a, b, c, d]) => a <= c && b <= d, 'extent must be [minX, minY, maxX, maxY]');

export function geometryExtent(g: Geometry): Extent {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const visit = (p: Position) => {
    if (p[0] < minX) minX = p[0];
    if (p[0] > maxX) maxX = p[0];
    if (p[1] < minY) minY = p[1];
    if (p[1] > maxY) maxY = p[1];
  };
  switch (g.type) {
    case 'Point':
      visit(g.coordinates);
      break;
    case 'LineString':
      g.coordinates.forEach(visit);
      break;
    case 'MultiLineString':
    case 'Polygon':
      g.coordinates.forEach((r) => r.forEach(visit));
      break;
    case 'MultiPolygon':
      g.coordinates.forEach((p) => p.forEach((r) => r.forEach(visit)));
      break;
  }
  return [minX, minY, maxX, maxY];
}

/** Single parts become multi parts so a table holds one declared geometry type (GeoPackage rule). */
export function promoteToMulti(g: Geometry, declared: string): Geometry {
  if (declared === 'MULTIPOLYGON' && g.type === 'Polygon') return { type: 'MultiPolygon', coordinates: [g.coordinates] };
  if (declared === 'MULTILINESTRING' && g.type === 'LineString') return { type: 'MultiLineString', coordinates: [g.coordinates] };
  return g;
}
