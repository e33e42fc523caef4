// Structural check of geometries coming from files (JSON can hold anything): positions are arrays of
// 2–3 finite numbers, rings of ≥ 4 positions once closed. A ring whose last position is not its first
// is kept open here: closing it is a repair the user must ask for (import-plan.ts refuses it with its
// row otherwise), never done silently. Topology (self-intersections) is GEOS's job.
import type { SourceGeometry } from './types';

export class GeometryShapeError extends Error {
  constructor(
    readonly vi: string,
    en: string,
  ) {
    super(en);
  }
}

const finite = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n);

// Called for every position of every file (1,000,000 of them in a heavy line layer): no slice or closure per call.
function pos(p: unknown): number[] {
  if (!Array.isArray(p) || p.length < 2 || !finite(p[0]) || !finite(p[1]) || (p.length > 2 && !finite(p[2])))
    throw new GeometryShapeError('toạ độ không hợp lệ (cần 2–3 số)', 'invalid position (needs 2–3 numbers)');
  return p.length > 3 ? (p.slice(0, 3) as number[]) : (p as number[]);
}
function line(l: unknown, min = 2): number[][] {
  if (!Array.isArray(l) || l.length < min) throw new GeometryShapeError(`đường cần ít nhất ${min} điểm`, `a line needs at least ${min} positions`);
  return l.map(pos);
}
function ring(r: unknown): number[][] {
  const c = line(r, 3);
  if (c.length + (isOpen(c) ? 1 : 0) < 4) throw new GeometryShapeError('vòng đa giác cần ít nhất 4 điểm', 'a polygon ring needs at least 4 positions');
  return c;
}

function isOpen(ring: readonly number[][]): boolean {
  const a = ring[0]!;
  const b = ring[ring.length - 1]!;
  return a[0] !== b[0] || a[1] !== b[1];
}

function polygonsOf(g: SourceGeometry): number[][][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygonsOf);
  return [];
}

/** How many rings of the geometry's polygons end elsewhere than they start. */
export function openRingCount(g: SourceGeometry): number {
  let n = 0;
  for (const p of polygonsOf(g)) for (const r of p) if (isOpen(r)) n++;
  return n;
}

/** The same geometry with every open ring closed by repeating its first position (the user's "tự đóng vòng"). */
export function closeOpenRings<G extends SourceGeometry>(g: G): G {
  const close = (r: number[][]) => (isOpen(r) ? [...r, [...r[0]!]] : r);
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(close) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map((p) => p.map(close)) };
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map((x) => closeOpenRings(x)) };
  return g;
}
function arr(x: unknown, what: string): unknown[] {
  if (!Array.isArray(x) || x.length === 0) throw new GeometryShapeError(`${what} rỗng`, `empty ${what}`);
  return x;
}

export function checkSourceGeometry(g: unknown): SourceGeometry | null {
  if (g === null || g === undefined) return null;
  if (typeof g !== 'object') throw new GeometryShapeError('hình học không hợp lệ', 'invalid geometry');
  const o = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  switch (o.type) {
    case 'Point':
      return { type: 'Point', coordinates: pos(o.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: arr(o.coordinates, 'MultiPoint').map(pos) };
    case 'LineString':
      return { type: 'LineString', coordinates: line(o.coordinates) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: arr(o.coordinates, 'MultiLineString').map((l) => line(l)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: arr(o.coordinates, 'Polygon').map(ring) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: arr(o.coordinates, 'MultiPolygon').map((p) => arr(p, 'Polygon').map(ring)) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: arr(o.geometries, 'GeometryCollection').map((x) => checkSourceGeometry(x)!).filter(Boolean) };
    default:
      throw new GeometryShapeError(`kiểu hình học không biết: ${String(o.type)}`, `unknown geometry type: ${String(o.type)}`);
  }
}

/** Every position of a geometry, for bounds checks and transforms. */
export function mapPositions(g: SourceGeometry, f: (p: number[]) => number[]): SourceGeometry {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: f(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: g.coordinates.map(f) } as SourceGeometry;
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map((l) => l.map(f)) } as SourceGeometry;
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: g.geometries.map((x) => mapPositions(x, f)) };
  }
}

/** Every position of a geometry, in order; builds nothing (it runs over every position of a layer). */
export function forEachPosition(g: SourceGeometry, f: (p: number[]) => void): void {
  switch (g.type) {
    case 'Point':
      f(g.coordinates);
      return;
    case 'MultiPoint':
    case 'LineString':
      for (const p of g.coordinates) f(p);
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const l of g.coordinates) for (const p of l) f(p);
      return;
    case 'MultiPolygon':
      for (const poly of g.coordinates) for (const r of poly) for (const p of r) f(p);
      return;
    case 'GeometryCollection':
      for (const x of g.geometries) forEachPosition(x, f);
  }
}
