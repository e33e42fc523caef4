// The working CRS, registered with proj4 and OpenLayers BEFORE any source or view is created.
import { register } from 'ol/proj/proj4';
import { get as getProjection, type ProjectionLike } from 'ol/proj';
import type Projection from 'ol/proj/Projection';
import proj4 from 'proj4';
import type { CrsInfo } from '../../shared/api';
import { registerCatalogue } from '../../shared/crs/register';

let catalogueRegistered = false;

export function registerWorkingCrs(crs: CrsInfo): Projection {
  if (!catalogueRegistered) {
    registerCatalogue(proj4);
    catalogueRegistered = true;
  }
  proj4.defs(crs.code, crs.proj4);
  register(proj4);
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
