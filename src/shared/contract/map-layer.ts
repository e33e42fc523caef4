// The map's own read of a feature table (`features.map`): the same rows as features.query, every
// attribute and the version included (hover, locks and optimistic concurrency need them), but laid
// out by column so the answer is a few MB instead of 20: a repeated value (a class code, an author,
// a batch's timestamp) travels once in a dictionary, and geometries are one flat coordinate array
// read straight into OpenLayers geometries without GeoJSON. Coordinates keep full double precision:
// the drafting tools write geometries read from here back to the store.
//
// Here are the schemas; what the page runs (constants, readers, writers) is in
// map-layer-format.ts, so that the renderer never builds a zod schema.
import { z } from 'zod';
import { ExtentSchema } from '../model/geometry';
import { PropValueSchema, TableNameSchema } from '../model/rows';
import { MAP_READ_LIMIT } from './map-layer-format';

/** A column: plain values, or a dictionary and one index per row when values repeat. */
export const MapColumnSchema = z.union([
  z.object({ v: z.array(PropValueSchema) }),
  z.object({ d: z.array(PropValueSchema), i: z.array(z.number().int().min(0)) }),
]);
export type MapColumn = z.infer<typeof MapColumnSchema>;

export const MapLayerQuerySchema = z.object({
  table: TableNameSchema,
  bbox: ExtentSchema.optional(),
  limit: z.number().int().min(1).max(MAP_READ_LIMIT).default(MAP_READ_LIMIT),
});

export const MapLayerSchema = z.object({
  table: TableNameSchema,
  ids: z.array(z.string()),
  versions: MapColumnSchema,
  props: z.record(z.string().max(64), MapColumnSchema),
  meta: z.object({ createdAt: MapColumnSchema, createdBy: MapColumnSchema, updatedAt: MapColumnSchema, updatedBy: MapColumnSchema }),
  geom: z.object({
    types: z.array(z.number().int().min(0).max(6)),
    /**
     * The structure, read in row order: LineString [n]; Polygon [rings, n per ring];
     * MultiLineString [lines, n per line]; MultiPolygon [polygons, then per polygon: rings, n per
     * ring]; n counts positions. Points take none.
     */
    parts: z.array(z.number().int().min(0)),
    /** x, y of every position of every row, in order. */
    xy: z.array(z.number()),
  }),
  truncated: z.boolean(),
  /**
   * The project file read (the main side always says): a page asking before it knows which
   * project is open (renderer/map/mapPrefetch.ts) keeps only answers from the project it opens.
   */
  project: z.string().optional(),
});
export type MapLayer = z.infer<typeof MapLayerSchema>;

export * from './map-layer-format';
