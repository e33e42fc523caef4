// Split, merge and validity of polygons with jsts (JTS). Chosen over geos-wasm because WebAssembly
// would need 'wasm-unsafe-eval' in the CSP; jsts is plain JavaScript and runs under 'self'.
import 'jsts/org/locationtech/jts/monkey.js';
import ReaderModule from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import WriterModule from 'jsts/org/locationtech/jts/io/GeoJSONWriter.js';
import PolygonizerModule from 'jsts/org/locationtech/jts/operation/polygonize/Polygonizer.js';
import IsValidOpModule from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
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
}
const GeoJSONReader = ReaderModule as unknown as new () => { read(g: unknown): JstsGeometry };
const GeoJSONWriter = WriterModule as unknown as new () => { write(g: JstsGeometry): unknown };
const Polygonizer = PolygonizerModule as unknown as new () => { add(g: JstsGeometry): void; getPolygons(): { toArray(): JstsGeometry[] } };
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
