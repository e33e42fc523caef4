// The renderer's proj4 (vite.config.ts aliases 'proj4' to this file for the renderer's build only;
// main and the tests keep the whole library). It is proj4's own entry (proj4/lib/index.js) without
// proj4/projs.js, which registers 33 projections the page never uses (~50 KB of its start bundle,
// parsed and compiled on every cold start). The CRS catalogue, and so the map, its scale bar and
// its base maps (main matches a raster's CRS to the catalogue or a Transverse Mercator:
// basemaps/crs-match.ts), need only Transverse Mercator (tmerc, and etmerc behind utm), UTM,
// long/lat and Mercator; the last two are in proj4's core. tests/renderer/map/proj4-slim.test.ts checks
// every catalogue CRS against the whole library. `proj4.mgrs` is left out too: the page reads and
// writes MGRS with its own parser (shared/crs/parse/mgrs.ts).
import core from 'proj4/lib/core';
import Proj from 'proj4/lib/Proj';
import Point from 'proj4/lib/Point';
import toPoint from 'proj4/lib/common/toPoint';
import defs from 'proj4/lib/defs';
import nadgrid from 'proj4/lib/nadgrid';
import transform from 'proj4/lib/transform';
import tmerc from 'proj4/lib/projections/tmerc';
import etmerc from 'proj4/lib/projections/etmerc';
import utm from 'proj4/lib/projections/utm';

const proj4 = Object.assign(core, {
  defaultDatum: 'WGS84',
  Proj,
  WGS84: new Proj('WGS84'),
  Point,
  toPoint,
  defs,
  nadgrid,
  transform,
  version: 'slim',
});
proj4.Proj.projections.add(tmerc);
proj4.Proj.projections.add(etmerc);
proj4.Proj.projections.add(utm);
export default proj4;
