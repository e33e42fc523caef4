// Contract methods of the exchange feature (import, export). Handlers: src/main/services/exchange.ts.
// The renderer never sends a path: files come from the 'imports' folder inside the projects folder
// (listed by main), or are uploaded as bytes (browser mode; the HTTP body limit is 32 MiB — bigger
// files go through the CLI `quytap import`). Exports land in an 'exports' folder beside the project
// and are fetched back through /bin/exports/<name>.
import { z } from 'zod';
import { GeometrySchema, PropValueSchema, TableNameSchema } from '../model';
import { CommuneCodeSchema, FileNameSchema, JobSchema } from './common';
import { DBF_ENCODING_NAMES, EXPORT_FORMATS } from './limits';
import { method } from './method';

export { DBF_ENCODING_NAMES, EXPORT_FORMATS };

const FileName = FileNameSchema;
const Msg = z.object({ vi: z.string(), en: z.string() });

export const ImportSourceSchema = z.object({
  /** Names in the imports folder: one file, or a Shapefile's parts. */
  files: z.array(FileName).min(1).max(10),
  layer: z.string().max(200).optional(),
  encoding: z.enum(DBF_ENCODING_NAMES).optional(),
  /** CSV and spreadsheets: the easting/longitude column (Vietnamese Y) and the northing/latitude column (Vietnamese X). */
  eastField: z.string().max(200).optional(),
  northField: z.string().max(200).optional(),
  /** Spreadsheets (.xlsx, .ods): the 1-based row holding the column names; absent = found from the content. */
  headerRow: z.number().int().min(1).max(1_000_000).optional(),
});

/** How the rows are made: the preview takes the same choices to count duplicates and foresee a refusal. */
const ImportChoices = {
  crs: z.string().max(64).nullable().optional(),
  map: z.record(z.string().max(64), z.string().max(200)).optional(),
  defaults: z.record(z.string().max(64), PropValueSchema).optional(),
  repair: z.boolean().default(false),
  skipOtherTypes: z.boolean().default(false),
  /** Close polygon rings whose last point is not their first ("tự đóng vòng"); otherwise they are refused with their row. */
  closeRings: z.boolean().default(false),
};

export const ImportSpecSchema = ImportSourceSchema.extend({
  table: TableNameSchema,
  ...ImportChoices,
  /** Rows identical to rows already in the target table (same place within 1 mm, same attributes): left out, or imported anyway. */
  duplicates: z.enum(['skip', 'import']).default('skip'),
});

const InvalidGeometrySchema = z.object({ row: z.number().int(), reason: z.string() });

export const PreviewLayerSchema = z.object({
  name: z.string(),
  count: z.number().int(),
  fields: z.array(z.string()),
  geometryTypes: z.record(z.string(), z.number().int()),
  crs: z.object({
    code: z.string().nullable(),
    /** format (fixed by the format), declared / prj (the file says), guessed (values and the project's zone), user, none. */
    how: z.string(),
    said: z.string().nullable(),
    notes: z.array(Msg),
    /** The format fixes the CRS (GPX, KML/KMZ, RFC 7946 GeoJSON): nothing to choose. */
    fixed: z.boolean(),
    /** What the file (or the guess) gives, whatever the user chose. */
    fileSays: z.string().nullable(),
  }),
  /** Tables of coordinates: the columns read as X (northing) and Y (easting), and what their values are. */
  coordinates: z.object({ north: z.string(), east: z.string(), units: z.enum(['degrees', 'metres']).nullable() }).nullable(),
  sample: z.array(
    z.object({
      row: z.number().int(),
      props: z.record(z.string(), PropValueSchema),
      geometryType: z.string().nullable(),
      /** A point's position as read: [easting or longitude, northing or latitude]. */
      position: z.array(z.number()).nullable(),
    }),
  ),
  /** WGS 84 extent when the CRS is known: [minLon, minLat, maxLon, maxLat]. */
  extentWgs84: z.array(z.number()).nullable(),
  outsideVietnam: z.number().int(),
  /** Target field → source field, for the table asked about. */
  suggestedMap: z.record(z.string(), z.string()),
  /** The first invalid geometries (at most 500); invalidCount counts them all, exchange.invalid pages on. */
  invalid: z.array(InvalidGeometrySchema),
  invalidCount: z.number().int(),
  /** Rows (the first 500) whose polygon rings are not closed; openRingCount counts them all. */
  openRings: z.array(z.number().int()),
  openRingCount: z.number().int(),
  /** Up to 2,000 positions in the working CRS, for the preview's map (none when the CRS is unknown or rows fall outside Vietnam). */
  points: z.array(z.array(z.number())),
  /** For the layer asked about and its target table: rows already in the project (null when not counted). */
  duplicates: z.number().int().nullable(),
  /** Why the import with these choices would be refused, said before it is tried. */
  problem: Msg.nullable(),
});

const PackageSideSchema = z.object({
  props: z.record(z.string(), PropValueSchema),
  geometry: GeometrySchema.nullable(),
  deleted: z.boolean(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

export const exchangeMethods = {
  'exchange.files': method(
    z.object({}).strict().default({}),
    z.object({
      importsDir: z.string(),
      imports: z.array(z.object({ name: z.string(), size: z.number(), modified: z.string() })),
      exports: z.array(z.object({ name: z.string(), size: z.number(), modified: z.string(), url: z.string() })),
    }),
    'Files the user can import (the imports folder) and earlier exports.',
  ),
  'exchange.upload': method(
    z.object({ name: FileName, dataBase64: z.string().max(Math.ceil((32 * 1024 * 1024 * 4) / 3)) }),
    z.object({ name: z.string(), size: z.number() }),
    'Browser mode: store an uploaded file in the imports folder (never over an existing one); returns the name kept.',
  ),
  'exchange.preview': method(
    ImportSourceSchema.extend({ table: TableNameSchema.optional(), ...ImportChoices }),
    z.object({
      fileName: z.string(),
      format: z.string(),
      layers: z.array(PreviewLayerSchema),
      warnings: z.array(Msg),
      /** The project's commune outlines (thinned) in the working CRS, under the preview's points. */
      communes: z.array(z.array(z.array(z.number()))),
      workingCrs: z.string(),
    }),
    'Read a file without importing: layers, fields, first rows with X/Y, the CRS (fixed, declared or guessed), rows outside Vietnam, invalid geometries, open rings, a map of the points, rows already in the project.',
  ),
  'exchange.invalid': method(
    ImportSourceSchema.extend({
      crs: z.string().max(64).nullable().optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(2_000_000).default(500),
    }),
    z.object({ layer: z.string(), total: z.number().int(), items: z.array(InvalidGeometrySchema) }),
    'Invalid geometries (GEOS) of one layer of a file, a page at a time: the preview lists only the first 500.',
  ),
  'exchange.import': method(ImportSpecSchema, z.object({ job: JobSchema }), 'Import as a job: one edit (one transaction, audited, undoable); on any error nothing is written.'),
  'exchange.export': method(
    z.object({
      format: z.enum(EXPORT_FORMATS),
      tables: z.array(TableNameSchema).max(20).optional(),
      communes: z.array(CommuneCodeSchema).max(200).optional(),
      statuses: z.array(z.string().max(32)).max(10).optional(),
      fileName: FileName.optional(),
    }),
    z.object({ job: JobSchema, fileName: z.string(), url: z.string() }),
    'Export as a job into the exports folder beside the project; the file is then served at url.',
  ),
  'exchange.packageExport': method(
    z.object({ communes: z.array(CommuneCodeSchema).min(1).max(200).nullable() }),
    z.object({ fileName: z.string(), url: z.string(), packageId: z.string() }),
    'Write a commune package (a GeoPackage with the communes’ rows, tombstones and their history) into the exports folder.',
  ),
  'exchange.packagePreview': method(
    z.object({ file: FileName }),
    z.object({
      packageId: z.string(),
      communes: z.array(z.string()).nullable(),
      unchanged: z.number().int(),
      changes: z.array(z.object({ kind: z.enum(['insert', 'update', 'delete']), table: TableNameSchema, id: z.string(), name: z.string().nullable() })),
      conflicts: z.array(
        z.object({
          table: TableNameSchema,
          id: z.string(),
          /** Deleted here, edited in the package: taking theirs restores the row with their content. */
          needsRestore: z.boolean(),
          ours: PackageSideSchema,
          theirs: PackageSideSchema,
        }),
      ),
    }),
    'Review what importing a commune package (from the imports folder) would change, and the conflicts to decide.',
  ),
  'exchange.packageImport': method(
    z.object({ file: FileName, decisions: z.record(z.string().max(100), z.enum(['ours', 'theirs'])).default({}) }),
    z.object({ applied: z.number().int(), editId: z.number().int().nullable() }),
    'Merge a commune package as one edit, with the user’s decision for each conflict.',
  ),
} as const;
