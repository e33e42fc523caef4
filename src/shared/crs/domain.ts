// Where a coordinate may lie in a project's CRS. The store refuses a geometry with a position outside
// its project's domain (whatever path the write comes by: drawing, typing, import, package merge,
// undo), and the review check names rows written before this rule existed.
//
//  - geographic CRSs: the whole world in degrees (lon −180…180, lat −90…90);
//  - projected CRSs: the region around Vietnam (REGION_LONLAT, Vietnam's land and islands with a
//    margin of about 10°) projected into the CRS, its box rounded outwards to 10 km. For a TM-3 zone
//    that is roughly easting −1,600…3,600 km, northing −1,250…4,250 km: room for any data of a
//    Vietnamese map, and nothing like 1e18;
//  - a CRS not in the catalogue: only the absolute bound (limits.ts).
import type { Geometry, Position } from '../model/geometry';
import { findCrs, geographicCrsOf, type CrsDef } from './catalogue';
import { COORDINATE_LIMIT } from './limits';
import { transform } from './register';

export { COORDINATE_LIMIT };

/** [minX, minY, maxX, maxY] in the CRS's own units, x = easting or longitude. */
export type DomainBox = readonly [number, number, number, number];

export interface CrsDomain {
  code: string;
  /** The CRS's names, for messages. */
  name: string;
  nameEn: string;
  kind: 'geographic' | 'projected' | 'unknown';
  box: DomainBox;
}

/** Vietnam (102.1–117.9°E with Hoàng Sa and Trường Sa, 6–23.4°N) and about 10° around it. */
export const REGION_LONLAT = { minLon: 90, minLat: -10, maxLon: 130, maxLat: 35 } as const;

const WORLD_DEGREES: DomainBox = [-180, -90, 180, 90];
const ABSOLUTE: DomainBox = [-COORDINATE_LIMIT, -COORDINATE_LIMIT, COORDINATE_LIMIT, COORDINATE_LIMIT];
/** Boundary sampling step (degrees): a projection maps the region's edge to the edge of its image. */
const STEP = 0.25;
const ROUND_M = 10_000;

/** The region's edge in the CRS (extremes of a one-to-one smooth map lie on the edge), rounded outwards. */
function projectedBox(def: CrsDef): DomainBox | null {
  const geo = geographicCrsOf(def.datum);
  const r = REGION_LONLAT;
  const edge: [number, number][] = [];
  for (let lon = r.minLon; lon <= r.maxLon; lon += STEP) edge.push([lon, r.minLat], [lon, r.maxLat]);
  for (let lat = r.minLat; lat <= r.maxLat; lat += STEP) edge.push([r.minLon, lat], [r.maxLon, lat]);
  let b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of edge) {
    let xy: number[];
    try {
      xy = transform(geo, def, p);
    } catch {
      continue;
    }
    const [x, y] = xy as [number, number];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    b = [Math.min(b[0]!, x), Math.min(b[1]!, y), Math.max(b[2]!, x), Math.max(b[3]!, y)];
  }
  if (!Number.isFinite(b[0]!)) return null;
  const lo = (v: number) => Math.max(-COORDINATE_LIMIT, Math.floor(v / ROUND_M) * ROUND_M);
  const hi = (v: number) => Math.min(COORDINATE_LIMIT, Math.ceil(v / ROUND_M) * ROUND_M);
  return [lo(b[0]!), lo(b[1]!), hi(b[2]!), hi(b[3]!)];
}

export function domainOf(def: CrsDef): CrsDomain {
  const names = { code: def.code, name: def.name, nameEn: def.nameEn };
  if (def.kind === 'geographic') return { ...names, kind: 'geographic', box: WORLD_DEGREES };
  const box = projectedBox(def);
  return box ? { ...names, kind: 'projected', box } : { ...names, kind: 'unknown', box: ABSOLUTE };
}

const cache = new Map<string, CrsDomain>();

/** The domain of a catalogue code (custom TM-3 zones included); only the absolute bound for others. */
export function crsDomain(code: string): CrsDomain {
  const key = code.trim().toUpperCase();
  let d = cache.get(key);
  if (!d) {
    const def = findCrs(key);
    d = def ? domainOf(def) : { code, name: code, nameEn: code, kind: 'unknown', box: ABSOLUTE };
    cache.set(key, d);
  }
  return d;
}

/** The absolute bound alone: for data whose CRS is not known here. */
export const ABSOLUTE_DOMAIN: CrsDomain = { code: '?', name: 'không rõ', nameEn: 'unknown', kind: 'unknown', box: ABSOLUTE };

/** False for NaN and ±Infinity too. */
export function insideDomain(d: CrsDomain, x: number, y: number): boolean {
  const b = d.box;
  return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
}

/** A box (e.g. a geometry's envelope) lies wholly inside: every position of the geometry does. */
export function extentInsideDomain(d: CrsDomain, e: readonly number[]): boolean {
  return insideDomain(d, e[0]!, e[1]!) && insideDomain(d, e[2]!, e[3]!);
}

/** The first position of the geometry outside the domain (or not a number), null when none is. */
export function firstOutside(d: CrsDomain, g: Geometry): Position | null {
  const bad = (p: Position) => !insideDomain(d, p[0]!, p[1]!);
  switch (g.type) {
    case 'Point':
      return bad(g.coordinates) ? g.coordinates : null;
    case 'LineString':
      return g.coordinates.find(bad) ?? null;
    case 'MultiLineString':
    case 'Polygon':
      for (const l of g.coordinates) for (const p of l) if (bad(p)) return p;
      return null;
    case 'MultiPolygon':
      for (const poly of g.coordinates) for (const r of poly) for (const p of r) if (bad(p)) return p;
      return null;
  }
}

/** 1234567.891 → "1234567.89"; 1e18 → "1.000e+18": readable whatever the magnitude. */
export function formatCoordinateValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) < 1e9 ? String(Math.round(v * 100) / 100) : v.toExponential(3);
}

/**
 * A position in words, Vietnamese and English: Vietnamese surveyors call the northing X and the
 * easting Y, so both names are given.
 */
export function describePosition(d: CrsDomain, p: Position): { vi: string; en: string } {
  const [x, y] = [formatCoordinateValue(p[0]!), formatCoordinateValue(p[1]!)];
  if (d.kind === 'geographic') return { vi: `kinh độ ${x}, vĩ độ ${y}`, en: `longitude ${x}, latitude ${y}` };
  if (d.kind === 'projected') return { vi: `Y (Đông) = ${x}, X (Bắc) = ${y}`, en: `easting ${x}, northing ${y}` };
  return { vi: `(${x}; ${y})`, en: `(${x}; ${y})` };
}

/** The domain in words, Vietnamese and English. */
export function describeDomain(d: CrsDomain): { vi: string; en: string } {
  const [x0, y0, x1, y1] = d.box.map(formatCoordinateValue);
  if (d.kind === 'geographic')
    return { vi: `kinh độ từ ${x0} đến ${x1}°, vĩ độ từ ${y0} đến ${y1}°`, en: `longitude ${x0} to ${x1}°, latitude ${y0} to ${y1}°` };
  return {
    vi: `Y (Đông) từ ${x0} đến ${x1}, X (Bắc) từ ${y0} đến ${y1}`,
    en: `easting ${x0} to ${x1}, northing ${y0} to ${y1}`,
  };
}
