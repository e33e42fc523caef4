// Extents between a raster's CRS and WGS 84 / Web Mercator. Edges are densified: in a TM or UTM grid
// a straight edge is curved in degrees, and the corners alone would cut the box short.
import { transformProj4 } from '../../shared/crs/register';

const WGS84 = '+proj=longlat +datum=WGS84 +no_defs';
const STEPS = 16;

export type Bbox = [number, number, number, number];

export function extentToWgs84(proj4: string, e: Bbox): Bbox {
  const [x0, y0, x1, y1] = e;
  let out: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i <= STEPS; i++) {
    const t = i / STEPS;
    const x = x0 + (x1 - x0) * t;
    const y = y0 + (y1 - y0) * t;
    for (const p of [
      [x, y0],
      [x, y1],
      [x0, y],
      [x1, y],
    ]) {
      const [lon, lat] = transformProj4(proj4, WGS84, p);
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
      out = [Math.min(out[0], lon!), Math.min(out[1], lat!), Math.max(out[2], lon!), Math.max(out[3], lat!)];
    }
  }
  return out.map((v) => Math.round(v * 1e7) / 1e7) as Bbox;
}

const R = 6378137;
const MAX_LAT = 85.0511287798066;

export function lonLatTo3857(lon: number, lat: number): [number, number] {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return [(lon * Math.PI * R) / 180, R * Math.log(Math.tan(Math.PI / 4 + phi / 2))];
}

export function mercatorToLonLat(x: number, y: number): [number, number] {
  return [(x / R) * (180 / Math.PI), (2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * (180 / Math.PI)];
}
