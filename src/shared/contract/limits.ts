// The contract's plain values the page needs (sizes and names), apart from the schemas that use
// them: the renderer imports these without building any zod schema.

/** One base-map upload request: 8 MiB of bytes (≈ 11 MiB of base64), well under the 32 MiB HTTP body limit. */
export const BASEMAP_UPLOAD_PIECE_BYTES = 8 * 1024 * 1024;

/** Photos and scans of minutes: a phone photo is a few MB, a multi-page scan rarely over 20 MB. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/** The encodings an imported Shapefile's .dbf may be read in. */
export const DBF_ENCODING_NAMES = ['utf-8', 'windows-1258', 'windows-1252', 'tcvn3', 'vni'] as const;
/** The formats a layer can be exported to. */
export const EXPORT_FORMATS = ['geojson', 'kml', 'gpx', 'csv', 'shp', 'gpkg'] as const;
