// What every reader produces: layers of features in the coordinates of the SOURCE (WGS 84 or the
// CRS the file declares), with their attributes as plain values. Reprojection happens once, later,
// in transform.ts with our own CRS table — never inside a reader.
import type { PropValue } from '../../shared/model';

/** GeoJSON geometry as files carry it (wider than the store's: multi points and collections occur). */
export type SourceGeometry =
  | { type: 'Point'; coordinates: number[] }
  | { type: 'MultiPoint'; coordinates: number[][] }
  | { type: 'LineString'; coordinates: number[][] }
  | { type: 'MultiLineString'; coordinates: number[][][] }
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] }
  | { type: 'GeometryCollection'; geometries: SourceGeometry[] };

export interface SourceFeature {
  /** 1-based position in the source (row of the table, placemark, waypoint…): error messages name it. */
  row: number;
  geometry: SourceGeometry | null;
  props: Record<string, PropValue>;
}

/** format: the format fixes it (GPX, KML, RFC 7946 GeoJSON); declared/prj: the file says it; guessed: from the values. */
export type CrsSource = 'format' | 'declared' | 'prj' | 'user' | 'guessed' | 'none';

export interface SourceCrs {
  /** Catalogue code, or null when the file does not say (the user must choose). */
  code: string | null;
  how: CrsSource;
  /** What the file said (a .prj name, a GeoPackage srs name), for the preview. */
  said?: string;
  notes: { vi: string; en: string }[];
}

export interface SourceLayer {
  name: string;
  crs: SourceCrs;
  fields: string[];
  features: SourceFeature[];
  /** Tables of coordinates (CSV, spreadsheets): the columns read as X (north) and Y (east), and what their values are. */
  coordinates?: { east: string; north: string; units: 'degrees' | 'metres' | null };
}

export type SourceFormat = 'geojson' | 'kml' | 'kmz' | 'gpx' | 'shapefile' | 'csv' | 'xlsx' | 'ods' | 'gpkg' | 'dvhcvn';

export interface SourceDataset {
  fileName: string;
  format: SourceFormat;
  layers: SourceLayer[];
  warnings: { vi: string; en: string }[];
}

/** One input file: its size is known before any byte is read (a 2 GB file is refused unread). */
export interface InputFile {
  name: string;
  size: number;
  read(): Uint8Array;
  /** Where it is on disk, when it is (SQLite files are opened in place). */
  path?: string;
  /** An open file descriptor to read through instead (an imports-folder file: never reopened by name). */
  fd?: number;
}
