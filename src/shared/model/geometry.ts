// GeoJSON-shaped geometries in the project's WORKING CRS (metres, x = easting, y = northing), not WGS 84.
import { z } from 'zod';
import { COORDINATE_LIMIT } from '../crs/limits';

// x, y and an optional z: a plain array type keeps producers of geometry simple.
const coord = z.array(z.number().finite()).min(2, 'a position needs x and y').max(3, 'a position has at most x, y, z');

/** The geometry schemas over one position schema: read rows (any finite number) or written ones (bounded). */
function geometrySchemas<C extends z.ZodTypeAny>(c: C) {
  const ring = z.array(c).min(4, 'a polygon ring needs at least 4 positions');
  const line = z.array(c).min(2, 'a line needs at least 2 positions');
  const point = z.object({ type: z.literal('Point'), coordinates: c });
  const lineString = z.object({ type: z.literal('LineString'), coordinates: line });
  const multiLineString = z.object({ type: z.literal('MultiLineString'), coordinates: z.array(line).min(1) });
  const polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) });
  const multiPolygon = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) });
  return { point, lineString, multiLineString, polygon, multiPolygon, any: z.discriminatedUnion('type', [point, lineString, multiLineString, polygon, multiPolygon]) };
}

const read = geometrySchemas(coord);
export const PointSchema = read.point;
export const LineStringSchema = read.lineString;
export const MultiLineStringSchema = read.multiLineString;
export const PolygonSchema = read.polygon;
export const MultiPolygonSchema = read.multiPolygon;

/** Geometry as rows carry it (answers): finite numbers; a project written before the bound still reads. */
export const GeometrySchema = read.any;

// The contract does not know the project: it can only refuse what no CRS holds. The store checks
// the project's own CRS domain (src/shared/crs/domain.ts) with a sentence naming the feature.
// Bilingual: a schema's own message is shown as written in both languages.
const beyond = 'tọa độ vượt quá ±100.000.000: không hệ tọa độ nào có vị trí như vậy · a coordinate beyond ±100,000,000 is no position in any CRS';
const boundedNumber = z.number().finite().min(-COORDINATE_LIMIT, beyond).max(COORDINATE_LIMIT, beyond);
const boundedCoord = z.array(boundedNumber).min(2, 'a position needs x and y').max(3, 'a position has at most x, y, z');

/** Geometry a caller writes (edits.apply): every number finite and within ±COORDINATE_LIMIT. */
export const GeometryInputSchema = geometrySchemas(boundedCoord).any;
export type Geometry = z.infer<typeof GeometrySchema>;
export type Position = number[];

export type Extent = [number, number, number, number];
export const ExtentSchema = z
  .tuple([z.number().finite(), z.number().finite(), z.number().finite(), z.number().finite()])
  .refine(([a, b, c, d]) => a <= c && b <= d, 'extent must be [minX, minY, maxX, maxY]');

export { geometryExtent } from './geometry-extent';
export { mapGeometry } from './geometry-map';

export function promoteToMulti(g: Geometry, declared: string): Geometry {
  if (declared === 'MULTIPOLYGON' && g.type === 'Polygon') return { type: 'MultiPolygon', coordinates: [g.coordinates] };
  if (declared === 'MULTILINESTRING' && g.type === 'LineString') return { type: 'MultiLineString', coordinates: [g.coordinates] };
  return g;
}
