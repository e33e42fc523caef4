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

export { geometryExtent } from './geometry-extent';

export function promoteToMulti(g: Geometry, declared: string): Geometry {
  if (declared === 'MULTIPOLYGON' && g.type === 'Polygon') return { type: 'MultiPolygon', coordinates: [g.coordinates] };
  if (declared === 'MULTILINESTRING' && g.type === 'LineString') return { type: 'MultiLineString', coordinates: [g.coordinates] };
  return g;
}
