// Contract methods of offline raster base maps (MBTiles, GeoTIFF/COG) and the optional online XYZ
// layer. Spread into `api` in src/shared/api.ts; handlers live in src/main/services/basemap.ts.
//
// Base maps live INSIDE the project file (MBTiles tiles copied into a GeoPackage tile pyramid, GeoTIFF
// bytes in 64 KiB chunks), so the project stays one file that travels to the district. The renderer
// never sends a path: files come from the imports folder (projects folder/imports), where browser
// mode puts them through `basemaps.uploadChunk`. Pixels are read through the binary responder:
//   /bin/basemaps/<id>/<z>/<x>/<y>   a tile of an MBTiles base map (XYZ numbering, row 0 at the top)
//   /bin/basemaps/<id>/file.tif      the GeoTIFF's bytes, with HTTP ranges
//   /bin/basemaps/online/<z>/<x>/<y> the online layer, fetched by main and cached beside the project
import { z } from 'zod';
import { FileNameSchema, JobSchema } from './common';
import { BASEMAP_UPLOAD_PIECE_BYTES } from './limits';
import { method } from './method';

export { BASEMAP_UPLOAD_PIECE_BYTES };

const FileName = FileNameSchema;
const Msg = z.object({ vi: z.string(), en: z.string() });
const Bbox = z.tuple([z.number(), z.number(), z.number(), z.number()]);
const Id = z.string().uuid();
const Opacity = z.number().min(0).max(1);

/**
 * GeoTIFF bytes per stored row. geotiff.js reads aligned 64 KiB blocks, so one block is one row; the
 * bench (npm run bench -- basemaps) measured 64 KiB ranges at a median 0.29 ms against 0.89 ms with
 * 1 MiB rows, which made every read load and copy a whole megabyte. Each base map records its own
 * chunk size, so changing this never breaks files already made.
 */
export const BASEMAP_CHUNK_BYTES = 64 * 1024;
/** OpenStreetMap's standard tiles: the suggestion shown when the user turns the online layer on. */
export const OSM_URL_TEMPLATE = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const OSM_ATTRIBUTION = '© OpenStreetMap contributors (openstreetmap.org/copyright)';

export const BasemapCrsSchema = z.object({ code: z.string(), name: z.string(), nameEn: z.string(), proj4: z.string() });

export const BasemapSchema = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(['tiles', 'geotiff']),
  /** Tile encoding (png, jpeg, webp) or 'tiff'. */
  format: z.string(),
  crs: BasemapCrsSchema,
  /** In the raster's own CRS (EPSG:3857 for tiles). */
  extent: Bbox,
  /** [minLon, minLat, maxLon, maxLat] on WGS 84. */
  extentWgs84: Bbox,
  minZoom: z.number().int().nullable(),
  maxZoom: z.number().int().nullable(),
  tileSize: z.number().int().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  bands: z.number().int().nullable(),
  /** Per-band value range for display (single-band and 16-bit rasters); null = the type's range. */
  stats: z.object({ min: z.array(z.number()), max: z.array(z.number()) }).nullable(),
  /** CSS colours of a palette (indexed-colour) GeoTIFF, by pixel value. */
  palette: z.array(z.string().max(16)).max(65536).nullable(),
  /** The GeoPackage tile table (GDAL: `gdalinfo project.gpkg -oo TABLE=<table>`); null for GeoTIFF. */
  table: z.string().nullable(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  sourceFile: z.string(),
  addedAt: z.string(),
  addedBy: z.string(),
  visible: z.boolean(),
  opacity: Opacity,
  /** 0 = top of the base maps (drawn last, right beneath the vector layers). */
  position: z.number().int(),
  /** Binary path (give it to binUrl): a tile template with {z}/{x}/{y}, or the GeoTIFF file. */
  path: z.string(),
});
export type Basemap = z.infer<typeof BasemapSchema>;

export const OnlineStatusSchema = z.object({
  state: z.enum(['off', 'unknown', 'ok', 'offline']),
  message: Msg.nullable(),
  at: z.string().nullable(),
  cachedTiles: z.number().int(),
});

export const OnlineBasemapSchema = z.object({
  enabled: z.boolean(),
  url: z.string(),
  attribution: z.string(),
  visible: z.boolean(),
  opacity: Opacity,
  /** Binary path template of the proxy (give it to binUrl). */
  path: z.string(),
  status: OnlineStatusSchema,
});
export type OnlineBasemap = z.infer<typeof OnlineBasemapSchema>;

export const BasemapListSchema = z.object({ items: z.array(BasemapSchema), online: OnlineBasemapSchema });

export const BasemapInspectSchema = z.object({
  file: z.string(),
  kind: z.enum(['tiles', 'geotiff']),
  format: z.string(),
  name: z.string(),
  sizeBytes: z.number().int(),
  /** The CRS found in the file (or given), null when the user must choose one. */
  crs: BasemapCrsSchema.nullable(),
  /** How the CRS was found, or why it could not be. */
  crsHow: Msg,
  needsCrs: z.boolean(),
  extentWgs84: Bbox.nullable(),
  minZoom: z.number().int().nullable(),
  maxZoom: z.number().int().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  bands: z.number().int().nullable(),
  warnings: z.array(Msg),
});
export type BasemapInspect = z.infer<typeof BasemapInspectSchema>;

/** https anywhere; plain http only to this machine (a tile server in the hall runs on localhost). */
export function onlineUrlProblem(url: string): { vi: string; en: string } | null {
  // Parsed by hand: src/shared has neither the DOM's nor Node's URL.
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([/?#].*)?$/i.exec(url.trim());
  if (!m || !m[2] || /\s/.test(url)) return { vi: 'Địa chỉ không hợp lệ.', en: 'Not a valid URL.' };
  const scheme = m[1]!.toLowerCase();
  const authority = m[2];
  if (authority.includes('@')) return { vi: 'Địa chỉ không được chứa tên người dùng hay mật khẩu.', en: 'The URL may not carry a user name or password.' };
  const host = (authority.startsWith('[') ? authority.slice(0, authority.indexOf(']') + 1) : authority.split(':')[0]!).toLowerCase();
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(host);
  if (scheme !== 'https' && !(scheme === 'http' && loopback))
    return { vi: 'Chỉ dùng địa chỉ https:// (hoặc http:// trên chính máy này).', en: 'Only https:// URLs (or http:// on this machine).' };
  for (const p of ['{z}', '{x}', '{y}'])
    if (!url.includes(p)) return { vi: `Mẫu địa chỉ thiếu ${p} (ví dụ: ${OSM_URL_TEMPLATE}).`, en: `The URL template lacks ${p} (e.g. ${OSM_URL_TEMPLATE}).` };
  return null;
}

/** Checked by the handler with onlineUrlProblem(), which answers in both languages. */
const OnlineUrl = z.string().trim().max(500);

export const basemapMethods = {
  'basemaps.list': method(z.object({}).strict().default({}), BasemapListSchema, 'Base maps stored in the project (bottom-most last) and the online layer.'),
  'basemaps.uploadChunk': method(
    z.object({
      uploadId: Id,
      name: FileName,
      offset: z.number().int().min(0),
      dataBase64: z.string().max(Math.ceil(BASEMAP_UPLOAD_PIECE_BYTES / 3) * 4 + 4),
      last: z.boolean(),
    }),
    z.object({ received: z.number().int(), name: z.string().nullable() }),
    'Browser mode: upload a base-map file piece by piece into the imports folder; the last piece gives the name kept (never over an existing file).',
  ),
  'basemaps.inspect': method(
    z.object({ file: FileName, crsCode: z.string().max(64).optional() }),
    BasemapInspectSchema,
    'Read an MBTiles or GeoTIFF from the imports folder without adding it: kind, CRS found (or that the user must choose one), extent, zooms.',
  ),
  'basemaps.add': method(
    z.object({ file: FileName, name: z.string().trim().min(1).max(200).optional(), crsCode: z.string().max(64).optional() }),
    z.object({ job: JobSchema }),
    'Copy an MBTiles or GeoTIFF into the project as a job (progress, cancel): one transaction, audited; on any error the project is unchanged.',
  ),
  'basemaps.update': method(
    z.object({ id: Id, name: z.string().trim().min(1).max(200).optional(), visible: z.boolean().optional(), opacity: Opacity.optional() }),
    BasemapSchema,
    'Rename a base map, show or hide it, set its opacity (saved in the project).',
  ),
  'basemaps.reorder': method(z.object({ ids: z.array(Id).max(1000) }), z.array(BasemapSchema), 'Set the order of the base maps (first = top).'),
  'basemaps.remove': method(z.object({ id: Id }), z.object({ ok: z.literal(true) }), 'Remove a base map from the project (audited).'),
  'basemaps.online.set': method(
    z.object({
      enabled: z.boolean(),
      url: OnlineUrl.optional(),
      attribution: z.string().trim().max(300).optional(),
      visible: z.boolean().optional(),
      opacity: Opacity.optional(),
    }),
    OnlineBasemapSchema,
    'Turn the online XYZ layer on or off (off by default) and set its URL template; main fetches and caches its tiles.',
  ),
} as const;
