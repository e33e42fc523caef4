// GeoPackage binary geometry (OGC 12-128r18 §2.1.3): 'GP', version 0, flags, srs_id, optional
// envelope, then ISO WKB. Written by hand with DataView because it is small (five types), it is the
// hot path of every insert and query (100,000 rows per edit), and no maintained npm package encodes
// GeoPackage blobs without pulling in a whole geometry stack.
//
// Decision on dimensions: the project is 2D. Feature tables declare z = 0, m = 0 and a blob with Z
// in such a column breaks the GeoPackage rules (validate_gpkg.py: "z found in geometry, but not in
// gpkg_geometry_columns"), so the encoder DROPS any third ordinate; elevations are attributes (e.g.
// base_lines.elevation). The decoder accepts XYZ/XYM/XYZM blobs from other tools and returns 2D.
import type { Geometry, Position } from '../../shared/model';

/** A decoded position: always 2D (see the note on dimensions above). */
type XY = [number, number];

const WKB_POINT = 1;
const WKB_LINESTRING = 2;
const WKB_POLYGON = 3;
const WKB_MULTIPOINT = 4;
const WKB_MULTILINESTRING = 5;
const WKB_MULTIPOLYGON = 6;
const WKB_GEOMETRYCOLLECTION = 7;

export class GeometryError extends Error {
  constructor(
    readonly vi: string,
    en: string,
  ) {
    super(en);
    this.name = 'GeometryError';
  }
}

// ---------------------------------------------------------------- checks (before encoding)

function checkPosition(p: Position): void {
  if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1]))
    throw new GeometryError('Tọa độ không hợp lệ (phải là hai số hữu hạn)', 'Invalid position (needs two finite numbers)');
}

function checkLine(line: Position[]): void {
  if (!Array.isArray(line) || line.length < 2) throw new GeometryError('Đường phải có ít nhất 2 điểm', 'A line needs at least 2 positions');
  for (const p of line) checkPosition(p);
}

function checkRing(ring: Position[]): void {
  if (!Array.isArray(ring) || ring.length < 4) throw new GeometryError('Vòng của vùng phải có ít nhất 4 điểm', 'A polygon ring needs at least 4 positions');
  for (const p of ring) checkPosition(p);
  const a = ring[0]!;
  const b = ring[ring.length - 1]!;
  // An open ring is not silently closed: the drawing tool or importer that produced it has a bug.
  if (a[0] !== b[0] || a[1] !== b[1]) throw new GeometryError('Vòng của vùng chưa khép kín (điểm đầu khác điểm cuối)', 'Polygon ring is not closed (first and last positions differ)');
}

function checkPolygon(rings: Position[][]): void {
  if (!Array.isArray(rings) || rings.length < 1) throw new GeometryError('Vùng phải có ít nhất một vòng', 'A polygon needs at least one ring');
  for (const r of rings) checkRing(r);
}

/** Throws GeometryError when the geometry cannot be stored faithfully. */
export function checkGeometry(g: Geometry): void {
  switch (g?.type) {
    case 'Point':
      return checkPosition(g.coordinates);
    case 'LineString':
      return checkLine(g.coordinates);
    case 'MultiLineString':
      if (!Array.isArray(g.coordinates) || g.coordinates.length < 1) throw new GeometryError('Đa đường phải có ít nhất một đường', 'A MultiLineString needs at least one line');
      return g.coordinates.forEach(checkLine);
    case 'Polygon':
      return checkPolygon(g.coordinates);
    case 'MultiPolygon':
      if (!Array.isArray(g.coordinates) || g.coordinates.length < 1) throw new GeometryError('Đa vùng phải có ít nhất một vùng', 'A MultiPolygon needs at least one polygon');
      return g.coordinates.forEach(checkPolygon);
    default:
      throw new GeometryError(`Kiểu hình học không hỗ trợ: ${String((g as { type?: unknown })?.type)}`, `Unsupported geometry type: ${String((g as { type?: unknown })?.type)}`);
  }
}

/**
 * The geometry exactly as it will read back: [x, y] positions only, no stray members. Snapshots in
 * the audit log and the undo journal are made from this, so they compare equal to decoded rows.
 */
export function to2D(g: Geometry): Geometry {
  // Positions that are [x, y] already are shared, not copied: an import hands over 1,000,000 line
  // vertices, and a copy of each was pure garbage. Only the geometry object itself is new (no stray members).
  if (allXY(g)) return { type: g.type, coordinates: g.coordinates } as Geometry;
  const p = (c: Position): XY => [c[0]!, c[1]!];
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: p(g.coordinates) };
    case 'LineString':
      return { type: 'LineString', coordinates: g.coordinates.map(p) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: g.coordinates.map((l) => l.map(p)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(p)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((r) => r.map(p))) };
  }
}

const isXY = (c: Position): boolean => Array.isArray(c) && c.length === 2;

function allXY(g: Geometry): boolean {
  switch (g.type) {
    case 'Point':
      return isXY(g.coordinates);
    case 'LineString':
      return g.coordinates.every(isXY);
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.every((l) => l.every(isXY));
    case 'MultiPolygon':
      return g.coordinates.every((poly) => poly.every((r) => r.every(isXY)));
  }
}

// ---------------------------------------------------------------- encoding

function wkbSize(g: Geometry): number {
  switch (g.type) {
    case 'Point':
      return 21;
    case 'LineString':
      return 9 + 16 * g.coordinates.length;
    case 'Polygon': {
      let n = 9;
      for (const r of g.coordinates) n += 4 + 16 * r.length;
      return n;
    }
    case 'MultiLineString': {
      let n = 9;
      for (const l of g.coordinates) n += 9 + 16 * l.length;
      return n;
    }
    case 'MultiPolygon': {
      let n = 9;
      for (const p of g.coordinates) {
        n += 9;
        for (const r of p) n += 4 + 16 * r.length;
      }
      return n;
    }
  }
}

class Writer {
  readonly view: DataView;
  pos = 0;
  minX = Infinity;
  minY = Infinity;
  maxX = -Infinity;
  maxY = -Infinity;
  constructor(readonly buf: Buffer) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  header(type: number): void {
    this.view.setUint8(this.pos, 1); // little-endian
    this.view.setUint32(this.pos + 1, type, true);
    this.pos += 5;
  }
  u32(n: number): void {
    this.view.setUint32(this.pos, n, true);
    this.pos += 4;
  }
  xy(p: Position): void {
    const x = p[0]!;
    const y = p[1]!;
    this.view.setFloat64(this.pos, x, true);
    this.view.setFloat64(this.pos + 8, y, true);
    this.pos += 16;
    if (x < this.minX) this.minX = x;
    if (x > this.maxX) this.maxX = x;
    if (y < this.minY) this.minY = y;
    if (y > this.maxY) this.maxY = y;
  }
  points(ps: Position[]): void {
    this.u32(ps.length);
    for (const p of ps) this.xy(p);
  }
  rings(rs: Position[][]): void {
    this.u32(rs.length);
    for (const r of rs) this.points(r);
  }
}

/**
 * GeoPackage blob, little-endian, srs_id, envelope [minx, maxx, miny, maxy] for every type except
 * Point (whose envelope is the point itself; GDAL omits it too, and ST_MinX etc. read the WKB).
 * The geometry must have passed checkGeometry().
 */
export function encodeGpkgGeometry(g: Geometry, srsId: number): Buffer {
  const isPoint = g.type === 'Point';
  const headerLen = isPoint ? 8 : 40;
  const buf = Buffer.allocUnsafe(headerLen + wkbSize(g));
  const w = new Writer(buf);
  buf[0] = 0x47; // 'G'
  buf[1] = 0x50; // 'P'
  buf[2] = 0; // version 1 of the binary format is written as 0
  buf[3] = isPoint ? 0b0000_0001 : 0b0000_0011; // little-endian; envelope code 1 (xy) unless point
  w.view.setInt32(4, srsId, true);
  w.pos = headerLen;
  switch (g.type) {
    case 'Point':
      w.header(WKB_POINT);
      w.xy(g.coordinates);
      break;
    case 'LineString':
      w.header(WKB_LINESTRING);
      w.points(g.coordinates);
      break;
    case 'Polygon':
      w.header(WKB_POLYGON);
      w.rings(g.coordinates);
      break;
    case 'MultiLineString':
      w.header(WKB_MULTILINESTRING);
      w.u32(g.coordinates.length);
      for (const l of g.coordinates) {
        w.header(WKB_LINESTRING);
        w.points(l);
      }
      break;
    case 'MultiPolygon':
      w.header(WKB_MULTIPOLYGON);
      w.u32(g.coordinates.length);
      for (const p of g.coordinates) {
        w.header(WKB_POLYGON);
        w.rings(p);
      }
      break;
  }
  if (!isPoint) {
    w.view.setFloat64(8, w.minX, true);
    w.view.setFloat64(16, w.maxX, true);
    w.view.setFloat64(24, w.minY, true);
    w.view.setFloat64(32, w.maxY, true);
  }
  return buf;
}

// ---------------------------------------------------------------- decoding

const ENVELOPE_DOUBLES = [0, 4, 6, 6, 8];

export interface BlobHeader {
  srsId: number;
  empty: boolean;
  /** [minx, maxx, miny, maxy] when the blob carries one */
  envelope: [number, number, number, number] | null;
  wkbOffset: number;
}

function invalid(what: string): GeometryError {
  return new GeometryError(`Dữ liệu hình học không hợp lệ: ${what}`, `Invalid geometry blob: ${what}`);
}

export function readBlobHeader(blob: Uint8Array): BlobHeader {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw invalid('not a GeoPackage geometry');
  if (blob[2] !== 0) throw invalid(`unknown version ${blob[2]}`);
  const flags = blob[3]!;
  if (flags & 0b0010_0000) throw invalid('extended GeoPackage geometry is not supported');
  const le = (flags & 1) === 1;
  const envCode = (flags >> 1) & 0b111;
  if (envCode > 4) throw invalid(`envelope code ${envCode}`);
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const srsId = view.getInt32(4, le);
  const nEnv = ENVELOPE_DOUBLES[envCode]!;
  const wkbOffset = 8 + nEnv * 8;
  if (blob.length < wkbOffset) throw invalid('truncated envelope');
  let envelope: BlobHeader['envelope'] = null;
  if (nEnv > 0) envelope = [view.getFloat64(8, le), view.getFloat64(16, le), view.getFloat64(24, le), view.getFloat64(32, le)];
  return { srsId, empty: (flags & 0b0001_0000) !== 0, envelope, wkbOffset };
}

class Reader {
  readonly view: DataView;
  le = true;
  dims = 2;
  constructor(
    readonly blob: Uint8Array,
    public pos: number,
  ) {
    this.view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  }
  need(n: number): void {
    if (this.pos + n > this.blob.length) throw invalid('truncated WKB');
  }
  /** Reads byte order and type; returns the base type (1..7) and sets dims and endianness. */
  type(): number {
    this.need(5);
    const order = this.blob[this.pos]!;
    if (order > 1) throw invalid(`byte order ${order}`);
    this.le = order === 1;
    let t = this.view.getUint32(this.pos + 1, this.le);
    this.pos += 5;
    let hasZ = false;
    let hasM = false;
    // EWKB-style flags (PostGIS, some older writers)
    if (t & 0x80000000) hasZ = true;
    if (t & 0x40000000) hasM = true;
    if (t & 0x20000000) {
      this.need(4);
      this.pos += 4; // embedded SRID
    }
    t &= 0x0fffffff;
    // ISO: 1000 = Z, 2000 = M, 3000 = ZM
    const iso = Math.floor(t / 1000);
    if (iso === 1 || iso === 3) hasZ = true;
    if (iso === 2 || iso === 3) hasM = true;
    this.dims = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0);
    return t % 1000;
  }
  u32(): number {
    this.need(4);
    const n = this.view.getUint32(this.pos, this.le);
    this.pos += 4;
    return n;
  }
  xy(): XY {
    this.need(8 * this.dims);
    const p: XY = [this.view.getFloat64(this.pos, this.le), this.view.getFloat64(this.pos + 8, this.le)];
    this.pos += 8 * this.dims;
    return p;
  }
  points(): XY[] {
    const n = this.u32();
    this.need(n * 8 * this.dims);
    const out: XY[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = this.xy();
    return out;
  }
  rings(): XY[][] {
    const n = this.u32();
    const out: XY[][] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = this.points();
    return out;
  }
  expect(base: number): void {
    const t = this.type();
    if (t !== base) throw invalid(`expected WKB type ${base}, found ${t}`);
  }
}

/** GeoJSON-shaped 2D geometry from a GeoPackage blob; null for NULL or empty geometries. */
export function decodeGpkgGeometry(blob: Uint8Array | null | undefined): Geometry | null {
  if (blob == null) return null;
  // Fast path for the commonest row of all, a little-endian 2D point without envelope (ours, GDAL's).
  if (blob.length === 29 && blob[0] === 0x47 && blob[1] === 0x50 && blob[2] === 0 && blob[3] === 1 && blob[8] === 1 && blob[9] === 1 && blob[10] === 0 && blob[11] === 0 && blob[12] === 0) {
    const v = new DataView(blob.buffer, blob.byteOffset, 29);
    const x = v.getFloat64(13, true);
    const y = v.getFloat64(21, true);
    return Number.isNaN(x) && Number.isNaN(y) ? null : { type: 'Point', coordinates: [x, y] };
  }
  const h = readBlobHeader(blob);
  if (h.empty) return null;
  const r = new Reader(blob, h.wkbOffset);
  const t = r.type();
  switch (t) {
    case WKB_POINT: {
      const p = r.xy();
      return Number.isNaN(p[0]) && Number.isNaN(p[1]) ? null : { type: 'Point', coordinates: p };
    }
    case WKB_LINESTRING:
      return { type: 'LineString', coordinates: r.points() };
    case WKB_POLYGON:
      return { type: 'Polygon', coordinates: r.rings() };
    case WKB_MULTILINESTRING: {
      const n = r.u32();
      const lines: XY[][] = [];
      for (let i = 0; i < n; i++) {
        r.expect(WKB_LINESTRING);
        lines.push(r.points());
      }
      return { type: 'MultiLineString', coordinates: lines };
    }
    case WKB_MULTIPOLYGON: {
      const n = r.u32();
      const polys: XY[][][] = [];
      for (let i = 0; i < n; i++) {
        r.expect(WKB_POLYGON);
        polys.push(r.rings());
      }
      return { type: 'MultiPolygon', coordinates: polys };
    }
    default:
      throw new GeometryError(`Kiểu hình học WKB ${t} chưa được hỗ trợ`, `WKB geometry type ${t} is not supported`);
  }
}

// ---------------------------------------------------------------- envelope (for the R-tree SQL functions)

/** Walks any WKB (all seven base types, any dimension) and widens the envelope. */
function scanWkb(r: Reader, env: number[]): void {
  const t = r.type();
  const visit = (p: Position) => {
    const x = p[0]!;
    const y = p[1]!;
    if (Number.isNaN(x) || Number.isNaN(y)) return; // empty point
    if (x < env[0]!) env[0] = x;
    if (x > env[1]!) env[1] = x;
    if (y < env[2]!) env[2] = y;
    if (y > env[3]!) env[3] = y;
  };
  switch (t) {
    case WKB_POINT:
      visit(r.xy());
      return;
    case WKB_LINESTRING:
      r.points().forEach(visit);
      return;
    case WKB_POLYGON:
      r.rings().forEach((ring) => ring.forEach(visit));
      return;
    case WKB_MULTIPOINT:
    case WKB_MULTILINESTRING:
    case WKB_MULTIPOLYGON:
    case WKB_GEOMETRYCOLLECTION: {
      const n = r.u32();
      for (let i = 0; i < n; i++) scanWkb(r, env);
      return;
    }
    default:
      throw invalid(`WKB type ${t} (curves are not supported)`);
  }
}

/** [minx, maxx, miny, maxy] (GeoPackage order) or null when empty. */
export function blobEnvelope(blob: Uint8Array): [number, number, number, number] | null {
  const h = readBlobHeader(blob);
  if (h.empty) return null;
  if (h.envelope) return h.envelope;
  const env = [Infinity, -Infinity, Infinity, -Infinity];
  scanWkb(new Reader(blob, h.wkbOffset), env);
  return env[0]! <= env[1]! ? [env[0]!, env[1]!, env[2]!, env[3]!] : null;
}

export function blobIsEmpty(blob: Uint8Array): boolean {
  const h = readBlobHeader(blob);
  if (h.empty) return true;
  if (h.envelope) return false;
  return blobEnvelope(blob) === null;
}
