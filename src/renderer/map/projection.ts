// The working CRS, registered with proj4 and OpenLayers BEFORE any source or view is created.
import { register } from 'ol/proj/proj4';
import { get as getProjection, type ProjectionLike } from 'ol/proj';
import type Projection from 'ol/proj/Projection';
import proj4 from 'proj4';
import type { CrsInfo } from '../../shared/api';
import { registerCatalogue } from '../../shared/crs/register';

let catalogueRegistered = false;
/** WGS 84 and Web Mercator under the codes proj4 and OpenLayers know them by. */
const WORLD_CODES = ['EPSG:4326', 'WGS84', 'EPSG:4269', 'EPSG:3857', 'EPSG:3785', 'GOOGLE', 'EPSG:900913', 'EPSG:102113'];

/**
 * proj4 as OpenLayers' `register` sees it, narrowed to some codes. `register` builds a transform
 * for every PAIR of the definitions it is shown: with the whole catalogue (153 codes) that was
 * 23,000 pairs (proj4 itself brings the 120 UTM zones) and 0.2–0.4 s before the map could ask for its first feature. The map itself only
 * needs the working CRS with WGS 84 (scale bar, point resolution) and Web Mercator; a base map in
 * another CRS registers the whole of proj4 itself (basemap-layers.ts).
 */
function proj4Narrowed(codes: readonly string[]): typeof proj4 {
  const narrowed = ((from: string, to: string) => proj4(from, to)) as unknown as typeof proj4;
  const defs = ((code: string) => proj4.defs(code)) as typeof proj4.defs;
  for (const c of new Set(codes)) (defs as unknown as Record<string, unknown>)[c] = proj4.defs(c);
  narrowed.defs = defs;
  return narrowed;
}

export function registerWorkingCrs(crs: CrsInfo): Projection {
  if (!catalogueRegistered) {
    registerCatalogue(proj4);
    catalogueRegistered = true;
  }
  proj4.defs(crs.code, crs.proj4);
  register(proj4Narrowed([crs.code, ...WORLD_CODES.filter((c) => proj4.defs(c))]));
  const p = getProjection(crs.code as ProjectionLike);
  if (!p) throw new Error(`Projection ${crs.code} was not registered`);
  return p;
}

type Fwd = (xy: number[]) => number[];
const toWgsCache = new Map<string, Fwd>();
const fromWgsCache = new Map<string, Fwd>();

/** [lon, lat] WGS 84 of a working-CRS coordinate (the datum shift is in the proj4 string). */
export function toLonLat(crsCode: string, xy: number[]): number[] {
  let f = toWgsCache.get(crsCode);
  if (!f) {
    const c = proj4(crsCode, 'EPSG:4326');
    f = (p) => c.forward(p);
    toWgsCache.set(crsCode, f);
  }
  return f(xy);
}

export function fromLonLat(crsCode: string, lonLat: number[]): number[] {
  let f = fromWgsCache.get(crsCode);
  if (!f) {
    const c = proj4('EPSG:4326', crsCode);
    f = (p) => c.forward(p);
    fromWgsCache.set(crsCode, f);
  }
  return f(lonLat);
}

/** Vietnam's mainland bounding box in a working CRS: where an empty project opens. */
export function vietnamExtent(crsCode: string): [number, number, number, number] {
  const pts: number[][] = [];
  for (const lon of [102.1, 106, 109.5]) for (const lat of [8.4, 15, 23.4]) pts.push(fromLonLat(crsCode, [lon, lat]));
  const xs = pts.map((p) => p[0]!);
  const ys = pts.map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
