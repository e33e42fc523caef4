export { VN2000_TOWGS84 } from './vn2000';
export { INDIAN1960_TOWGS84, EVEREST1830 } from './indian1960';
export {
  CATALOGUE,
  CRS_CATALOGUE,
  defaultCrsForProvince,
  findCrs,
  geographicCrsOf,
  tm3ZoneCrs,
  utmProj4,
  type CrsDatum,
  type CrsDef,
} from './catalogue';
export { crsWkt } from './wkt';
export { registerCatalogue, transform, toWgs84, fromWgs84, type Proj4Registry, type Coordinate } from './register';
export { sheetName50k } from './sheetName';
export type { BilingualMessage, CoordinateSource, LonLat, ParseResult } from './parse/result';
export { parseDecimalDegrees, formatDecimalDegrees } from './parse/decimalDegrees';
export { parseDms, formatDms } from './parse/dms';
export { parseVn2000XY, toVn2000XY, formatVn2000XY, type Vn2000XY } from './parse/vn2000XY';
export { parseUtm, formatUtm } from './parse/utm';
export { parseMgrs, formatMgrs, type MgrsDatum, type MgrsOptions } from './parse/mgrs';
export { parseCoordinate, detectFormat, type CoordinateFormat, type ParseCoordinateOptions } from './parse/parseCoordinate';
