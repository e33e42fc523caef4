// What the composer is given: the project's CRS and settings, the features in and around the
// sheet, and the records the statistics come from. Main gathers it; the composer stays pure.
import type { Geometry } from '../model/geometry';
import type { ProjectSettings } from '../model/settings';
import type { Props } from '../model/rows';
import type { FeatureTableName } from '../symbology';

export interface PrintFeature {
  table: FeatureTableName;
  id: string;
  geometry: Geometry;
  props: Props;
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
}
