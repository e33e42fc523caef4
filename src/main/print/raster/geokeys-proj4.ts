// A GeoTIFF's CRS as a proj4 string, from its GeoKeys, by the same rules as a base map added to
// the project (src/main/basemaps/crs-match.ts): a catalogue EPSG code, or GDAL's user-defined
// Transverse Mercator matched by its parameters and datum. What cannot be told for sure is refused
// (a guessed datum is 200 m off); what was assumed comes back as notes.
import { ApiError } from '../../../shared/api-error';
import { matchGeoKeys, type Msg } from '../../basemaps/crs-match';

export interface GeoKeysCrs {
  proj4: string;
  /** Assumptions the user should know of (e.g. VN-2000 taken without a TOWGS84 in the file). */
  notes: Msg[];
}

export function crsFromGeoKeys(keys: Partial<Record<string, unknown>> | null, name: string): GeoKeysCrs {
  const m = matchGeoKeys(keys);
  if (!m.def)
    throw new ApiError('validation', `Bản đồ nền "${name}": ${m.how.vi}`, `Base map "${name}": ${m.how.en}`, { basemap: name });
  return { proj4: m.def.proj4, notes: m.warnings };
}
