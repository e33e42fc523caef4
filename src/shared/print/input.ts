// What the composer is given: the project's CRS and settings, the features in and around the
// sheet, and the records the statistics come from. Main gathers it; the composer stays pure.
import type { Extent, Geometry } from '../model/geometry';
import type { ProjectSettings } from '../model/settings';
import type { Props } from '../model/rows';
import type { FeatureTableName } from '../symbology';

export interface PrintFeature {
  table: FeatureTableName;
  id: string;
  /** Main may hand features whose geometry is unpacked from typed arrays on each read (print-data.ts): read it once per use. */
  geometry: Geometry;
  props: Props;
  /** The geometry's extent when already known (saves unpacking it just to test the sheet's frame). */
  extent?: Extent;
  /**
   * The same geometry as flat x, y runs, when main holds it packed: `bounds` are position indices
   * into `xy`, each ring or line running from one bound to the next. Drawn without unpacking.
   */
  flatGeometry?(): FlatGeometry;
}

export interface FlatGeometry {
  type: Geometry['type'];
  xy: ArrayLike<number>;
  bounds: ArrayLike<number>;
}

export interface PrintCrs {
  code: string;
  name: string;
  datum: 'VN-2000' | 'WGS 84' | 'Indian 1960';
  proj4: string;
  centralMeridian?: number;
  /** OGC WKT with TOWGS84 (written into the PDF's georeference). */
  wkt: string;
}

export interface PrintInput {
  crs: PrintCrs;
  settings: ProjectSettings;
  /** Commune rows of admin_units (the area is resolved against them). */
  communes: PrintFeature[];
  /** Every feature to draw (the communes may be among them). */
  features: PrintFeature[];
  conclusions: Props[];
  martyrs: Props[];
  /** The date printed (YYYY-MM-DD), default today; the place/date line leaves day and month blank. */
  today?: string;
  /**
   * The review state of each commune's map (review-repo); absent = not known (no draft or approval
   * mark is printed). A commune with no row is a draft.
   */
  reviews?: CommuneReview[];
  /** Raster base maps already warped into THIS sheet's map frame by main (composited, bottom one first). */
  baseMap?: PrintBaseMap;
}

/** The base maps of a sheet: JPEG pieces in paper mm, drawn under everything inside the frame's clip. */
export interface PrintBaseMap {
  /** The base maps that reach the frame, named in the sheet's data-sources note (never in the legend). */
  names: string[];
  images: { x: number; y: number; w: number; h: number; data: string }[];
}

/** A commune map's review state as the sheet needs it: approved or not, and since when. */
export interface CommuneReview {
  communeCode: string;
  state: 'draft' | 'submitted' | 'returned' | 'approved';
  /** When the state was last set (ISO time). */
  updatedAt: string | null;
}
