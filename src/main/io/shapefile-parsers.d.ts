// The `shapefile` package's record parsers (plain functions of one record's DataView, no imports):
// the streaming reader (shp-stream.ts) uses them so a record reads exactly as `openShp` reads it.
declare module 'shapefile/shp/point.js' {
  const parse: (record: DataView) => unknown;
  export default parse;
}
declare module 'shapefile/shp/multipoint.js' {
  const parse: (record: DataView) => unknown;
  export default parse;
}
declare module 'shapefile/shp/polyline.js' {
  const parse: (record: DataView) => unknown;
  export default parse;
}
declare module 'shapefile/shp/polygon.js' {
  const parse: (record: DataView) => unknown;
  export default parse;
}
