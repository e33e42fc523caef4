// Split, merge and validity of polygons with jsts (JTS). Chosen over geos-wasm because WebAssembly
// would need 'wasm-unsafe-eval' in the CSP; jsts is plain JavaScript and runs under 'self'.
import 'jsts/org/locationtech/jts/monkey.js';
import ReaderModule from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import WriterModule from 'jsts/org/locationtech/jts/io/GeoJSONWriter.js';
import PolygonizerModule from 'jsts/org/locationtech/jts/operation/polygonize/Polygonizer.js';
import IsValidOpModule from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import CoordinateModule from 'jsts/org/locationtech/jts/geom/Coordinate.js';
import LocatorModule from 'jsts/org/locationtech/jts/algorithm/locate/SimplePointInAreaLocator.js';
import type { Geometry } from '../../shared/model/geometry';
import { polygonsOf } from '../../shared/print/geom';

// The part of JTS's Geometry (with monkey.js's methods) used here; jsts's own typings describe the
// classes without the monkey-patched methods.
interface JstsGeometry {
  union(other?: JstsGeometry): JstsGeometry;
  isValid(): boolean;
  isEmpty(): boolean;
  getBoundary(): JstsGeometry;
  getInteriorPoint(): JstsGeometry;
  within(other: JstsGeometry): boolean;
  intersects(other: JstsGeometry): boolean;
  intersection(other: JstsGeometry): JstsGeometry;
  covers(other: JstsGeometry): boolean;
  getArea(): number;
}
const GeoJSONReader = ReaderModule as unknown as new () => { read(g: unknown): JstsGeometry };
const GeoJSONWriter = WriterModule as unknown as new () => { write(g: JstsGeometry): unknown };
const Polygonizer = PolygonizerModule as unknown as new () => { add(g: JstsGeometry): void; getPolygons(): { toArray(): JstsGeometry[] } };
const Coordinate = CoordinateModule as unknown as new (x: number, y: number) => unknown;
/** JTS's Location: 0 interior, 1 boundary, 2 exterior (exact orientation tests, as GEOS's). */
const Locator = LocatorModule as unknown as { locate(p: unknown, g: JstsGeometry): number };
const INTERIOR = 0;
const EXTERIOR = 2;
const IsValidOp = IsValidOpModule as unknown as new (g: JstsGeometry) => {
  isValid(): boolean;
  getValidationError(): { getErrorType(): number; getMessage(): string; getCoordinate(): { x: number; y: number } | null } | null;
};

/** JTS's TopologyValidationError types, in its order (its messages are English only). */
const INVALID_VI = [
  'lỗi hình học',
  'đỉnh lặp lại',
  'lỗ thủng nằm ngoài vùng',
  'các lỗ thủng lồng nhau',
  'phần trong của vùng bị chia cắt',
  'các cạnh tự cắt nhau',
  'đường bao tự cắt chính nó',
  'các vùng lồng nhau',
  'đường bao bị trùng',
  'quá ít đỉnh phân biệt',
  'toạ độ không hợp lệ',
  'đường bao không khép kín',
];

const reader = new GeoJSONReader();
const writer = new GeoJSONWriter();

const read = (g: Geometry): JstsGeometry => reader.read(g);
const write = (g: JstsGeometry): Geometry => writer.write(g) as unknown as Geometry;

export type OpResult = { ok: true; geometry: Geometry } | { ok: false; vi: string; en: string };
export type SplitResult = { ok: true; parts: Geometry[] } | { ok: false; vi: string; en: string };

/** Why a polygon is invalid (self-intersection, a hole outside…), or null when it is valid. */
export function invalidReason(g: Geometry): { vi: string; en: string } | null {
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return null;
  const op = new IsValidOp(read(g));
  if (op.isValid()) return null;
  const e = op.getValidationError();
  const at = e?.getCoordinate();
  const where = at ? ` (X=${at.y.toFixed(2)} Y=${at.x.toFixed(2)})` : '';
  return {
    vi: `Vùng không hợp lệ: ${(e && INVALID_VI[e.getErrorType()]) ?? INVALID_VI[0]}${where}. Hãy sửa lại các đỉnh.`,
    en: `Invalid area: ${e?.getMessage() ?? 'self-intersection'}${where}. Fix its vertices.`,
  };
}

/** The union of two areas: one polygon when they touch or overlap, else a multipolygon. */
export function mergeAreas(a: Geometry, b: Geometry): OpResult {
  const ga = read(a);
  const gb = read(b);
  if (!ga.isValid() || !gb.isValid())
    return { ok: false, vi: 'Không gộp được: một trong hai vùng không hợp lệ.', en: 'Cannot merge: one of the areas is invalid.' };
  const u = ga.union(gb);
  if (u.isEmpty()) return { ok: false, vi: 'Kết quả gộp rỗng.', en: 'The merge is empty.' };
  const merged = write(u);
  const clean = withoutSeam(merged, a, b);
  return { ok: true, geometry: clean !== merged && read(clean).isValid() ? clean : merged };
}

/**
 * JTS's union keeps every vertex of its inputs: two halves of a split area merge back with the
 * vertices where the cut met the boundary still in the middle of straight edges. A vertex that both
 * areas had (where they met) and that now lies on the line between its neighbours is dropped; "on"
 * within a billionth of its coordinates (2 mm in VN-2000 metres), far above rounding, far below
 * anything a map shows.
 */
function withoutSeam(g: Geometry, a: Geometry, b: Geometry): Geometry {
  const key = (p: number[]) => `${p[0]},${p[1]}`;
  const inA = new Set(polygonsOf(a).flat().flatMap((r) => r.map(key)));
  const shared = new Set(polygonsOf(b).flat().flatMap((r) => r.map(key)).filter((k) => inA.has(k)));
  if (!shared.size) return g;
  let dropped = false;
  const ring = (r: number[][]): number[][] => {
    const open = r.slice(0, -1);
    for (let i = 0; open.length > 3 && i < open.length;) {
      const p = open[(i + open.length - 1) % open.length]!;
      const v = open[i]!;
      const q = open[(i + 1) % open.length]!;
      if (shared.has(key(v)) && onSegment(p, v, q)) {
        open.splice(i, 1);
        dropped = true;
        if (i > 0) i--; // the previous vertex may now be on a straight line too
      } else i++;
    }
    return [...open, open[0]!];
  };
  const polygon = (rs: number[][][]) => rs.map(ring);
  const out: Geometry =
    g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: polygon(g.coordinates) }
      : g.type === 'MultiPolygon'
        ? { type: 'MultiPolygon', coordinates: g.coordinates.map(polygon) }
        : g;
  return dropped ? out : g;
}

/** v lies on the segment p–q (between them, off the line by rounding only). */
function onSegment(p: number[], v: number[], q: number[]): boolean {
  const dx = q[0]! - p[0]!;
  const dy = q[1]! - p[1]!;
  const len = Math.hypot(dx, dy);
  if (len === 0) return false;
  const off = Math.abs((v[0]! - p[0]!) * dy - (v[1]! - p[1]!) * dx) / len;
  const along = ((v[0]! - p[0]!) * dx + (v[1]! - p[1]!) * dy) / len;
  return off <= 1e-9 * (Math.abs(v[0]!) + Math.abs(v[1]!)) && along > 0 && along < len;
}

/**
 * Splits an area by a line drawn across it: the boundary and the line are noded together and
 * polygonised; the pieces inside the original area are the parts (holes kept where they were).
 */
export function splitArea(area: Geometry, line: number[][]): SplitResult {
  const poly = read(area);
  const cut = read({ type: 'LineString', coordinates: line } as Geometry);
  if (!cut.intersects(poly)) return { ok: false, vi: 'Đường cắt không đi qua vùng.', en: 'The line does not cross the area.' };
  const noded = poly.getBoundary().union(cut);
  const pz = new Polygonizer();
  pz.add(noded);
  const parts = pz
    .getPolygons()
    .toArray()
    .filter((p) => p.getInteriorPoint().within(poly));
  if (parts.length < 2)
    return { ok: false, vi: 'Đường cắt phải cắt ngang qua vùng (từ ngoài vào, ra ngoài).', en: 'The line must cross the whole area (from outside to outside).' };
  return { ok: true, parts: parts.map(write) };
}

export type ClipResult = { ok: true; geometry: Geometry; removedShare: number } | { ok: false; vi: string; en: string };

/**
 * A new area cut to its commune: the part inside the commune's outline. An area already inside is
 * returned as it was (its vertices untouched). Refused, with the reason, when nothing is inside or
 * when the inside falls apart into several pieces (one area must stay one feature).
 */
export function clipToCommune(area: Geometry, commune: Geometry, communeName: string): ClipResult {
  try {
    return clip(area, commune, communeName);
  } catch {
    // JTS's TopologyException (an outline it cannot node): its English is no message for users.
    return {
      ok: false,
      vi: `Không cắt được vùng vừa vẽ theo ranh giới xã ${communeName} (đường bao quá phức tạp để tính). Hãy vẽ lại, hoặc bỏ chọn ô ✂ "Cắt theo ranh giới xã".`,
      en: `The area just drawn could not be cut to the boundary of ${communeName} (its outline could not be computed). Draw it again, or untick ✂ "Clip to the commune boundary".`,
    };
  }
}

function clip(area: Geometry, commune: Geometry, communeName: string): ClipResult {
  const a = read(area);
  const c = read(commune);
  if (!c.isValid())
    return { ok: false, vi: `Ranh giới xã ${communeName} không hợp lệ nên không cắt được theo nó.`, en: `The boundary of ${communeName} is invalid, so the area cannot be cut to it.` };
  if (c.covers(a)) return { ok: true, geometry: area, removedShare: 0 };
  const whole = a.getArea();
  // Pieces of no size (a hair's breadth where the area ran along the boundary) are not pieces.
  const inside = piecesOf(write(a.intersection(c))).filter((p) => read({ type: 'Polygon', coordinates: p }).getArea() > whole * 1e-12);
  if (inside.length === 0)
    return {
      ok: false,
      vi: `Vùng vừa vẽ nằm hoàn toàn ngoài xã ${communeName}: cắt theo ranh giới xã thì không còn gì. Hãy vẽ lại trong xã, hoặc bỏ chọn ô ✂ "Cắt theo ranh giới xã".`,
      en: `The area just drawn lies wholly outside ${communeName}: cut to the commune boundary, nothing is left. Draw it again inside the commune, or untick ✂ "Clip to the commune boundary".`,
    };
  if (inside.length > 1)
    return {
      ok: false,
      vi: `Cắt theo ranh giới xã ${communeName} sẽ chia vùng vừa vẽ thành ${inside.length} phần rời nhau: chưa lưu. Hãy vẽ từng phần riêng, hoặc bỏ chọn ô ✂ "Cắt theo ranh giới xã".`,
      en: `Cut to the boundary of ${communeName}, the area just drawn would fall into ${inside.length} separate pieces: not saved. Draw each piece on its own, or untick ✂ "Clip to the commune boundary".`,
    };
  const geometry: Geometry = { type: 'Polygon', coordinates: inside[0]! };
  return { ok: true, geometry, removedShare: whole > 0 ? Math.max(0, 1 - read(geometry).getArea() / whole) : 0 };
}

/** The polygons of an overlay's result (JTS may answer a collection with lines and points in it). */
function piecesOf(g: Geometry | { type: 'GeometryCollection'; geometries: Geometry[] }): number[][][][] {
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(piecesOf);
  return polygonsOf(g).filter((p) => (p[0]?.length ?? 0) >= 4);
}

/**
 * Vertices that are on the commune's boundary in all but rounding, moved just inside it. A point
 * snapped or traced onto the middle of a boundary edge is computed, and the nearest double to it
 * lies a hair's breadth (10⁻¹⁰ m) on one side of the edge or the other: on the outer side, the
 * review's exact test (GEOS covers) calls the area "crossing the commune boundary". Such a vertex
 * is moved across by the smallest step that puts it inside; vertices that are really outside
 * (farther than a billionth of their coordinates, 2 mm in VN-2000 metres) are left as drawn.
 */
export function settleOnCommune(g: Geometry, commune: Geometry): Geometry {
  const c = read(commune);
  const rings = polygonsOf(commune).flat();
  let moved = false;
  const fix = (p: number[]): number[] => {
    if (Locator.locate(new Coordinate(p[0]!, p[1]!), c) !== EXTERIOR) return p;
    const q = inwardOf(p, rings, (x, y) => Locator.locate(new Coordinate(x, y), c) === INTERIOR);
    if (q) moved = true;
    return q ?? p;
  };
  const line = (l: number[][]) => l.map(fix);
  const ring = (r: number[][]) => {
    const open = r.slice(0, -1).map(fix);
    return [...open, open[0]!];
  };
  let out: Geometry;
  switch (g.type) {
    case 'Point':
      out = { type: 'Point', coordinates: fix(g.coordinates) };
      break;
    case 'LineString':
      out = { type: 'LineString', coordinates: line(g.coordinates) };
      break;
    case 'MultiLineString':
      out = { type: 'MultiLineString', coordinates: g.coordinates.map(line) };
      break;
    case 'Polygon':
      out = { type: 'Polygon', coordinates: g.coordinates.map(ring) };
      break;
    case 'MultiPolygon':
      out = { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
      break;
    default:
      return g;
  }
  return moved ? out : g;
}

/** The point just inside the boundary nearest p, if p is within rounding of that boundary. */
function inwardOf(p: number[], rings: number[][][], inside: (x: number, y: number) => boolean): number[] | null {
  const [x, y] = p as [number, number];
  const tol = 1e-9 * (Math.abs(x) + Math.abs(y));
  let best: { d: number; cx: number; cy: number; nx: number; ny: number } | null = null;
  for (const r of rings) {
    for (let i = 0; i + 1 < r.length; i++) {
      const [ax, ay] = r[i] as [number, number];
      const [bx, by] = r[i + 1] as [number, number];
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      if (len2 === 0) continue;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
      const cx = ax + t * dx;
      const cy = ay + t * dy;
      const d = Math.hypot(x - cx, y - cy);
      if (!best || d < best.d) {
        const len = Math.sqrt(len2);
        best = { d, cx, cy, nx: -dy / len, ny: dx / len };
      }
    }
  }
  if (!best || best.d > tol) return null;
  // From a few units in the last place upwards: the first step that lands inside.
  for (let step = Number.EPSILON * Math.max(Math.abs(x), Math.abs(y)); step <= tol; step *= 2) {
    for (const s of [1, -1]) {
      const q = [best.cx + s * step * best.nx, best.cy + s * step * best.ny];
      if (inside(q[0]!, q[1]!)) return q;
    }
  }
  return null;
}
