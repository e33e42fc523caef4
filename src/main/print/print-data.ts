// Gathers what the composer needs from the open project: CRS, settings, features, records.
import { findCrs } from '../../shared/crs/catalogue';
import { geometryExtent } from '../../shared/model';
import type { Extent, Geometry, Position, Row, TableName } from '../../shared/model';
import type { FlatGeometry, PrintFeature, PrintInput } from '../../shared/print';
import { DRAW_ORDER, type FeatureTableName } from '../../shared/symbology';
import type { ProjectStore } from '../store';

// Small pages: a page's decoded rows become garbage before the next is read. Pages are sized by
// vertices (about 50,000, ~4 MB of small arrays): a page of long lines would otherwise grow the
// heap by a hundred MB that is never given back.
const PAGE = 500;
const PAGE_VERTICES = 20_000;

function verticesOf(r: Row): number {
  const g = r.geometry;
  if (!g) return 0;
  if (g.type === 'Point') return 1;
  if (g.type === 'LineString') return g.coordinates.length;
  if (g.type === 'MultiPolygon') return g.coordinates.reduce((s, p) => s + p.reduce((a, ring) => a + ring.length, 0), 0);
  return g.coordinates.reduce((s, l) => s + l.length, 0);
}

function eachRow(store: ProjectStore, table: TableName, each: (r: Row) => void): void {
  let limit = 200;
  for (let offset = 0; ; ) {
    const r = store.query(table, { limit, offset });
    let vertices = 0;
    for (const row of r.rows) {
      vertices += verticesOf(row);
      each(row);
    }
    offset += r.rows.length;
    if (!r.truncated || !r.rows.length) return;
    limit = Math.max(10, Math.min(PAGE, Math.floor((PAGE_VERTICES * r.rows.length) / Math.max(vertices, 1))));
  }
}

function all(store: ProjectStore, table: TableName): Row[] {
  const out: Row[] = [];
  eachRow(store, table, (r) => out.push(r));
  return out;
}

/**
 * Coordinates of every feature in a few large Float64Arrays (16 bytes a vertex) instead of one
 * small JS array per vertex (~64 bytes, plus the arrays around them): a heavy A0 sheet's million
 * vertices fit in ~18 MB instead of ~100 MB. Each feature's geometry is unpacked on reading, for
 * the moment the composer draws it, and becomes garbage right after.
 */
class CoordPool {
  private chunk = new Float64Array(1 << 18);
  private used = 0;

  /** Room for n numbers in one chunk: the chunk and the offset. */
  take(n: number): [Float64Array, number] {
    if (this.used + n > this.chunk.length) {
      this.chunk = new Float64Array(Math.max(1 << 18, n));
      this.used = 0;
    }
    const at = this.used;
    this.used += n;
    return [this.chunk, at];
  }
}

const KIND = { Point: 0, LineString: 1, MultiLineString: 2, Polygon: 3, MultiPolygon: 4 } as const;
const TYPES = ['Point', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'] as const;

class PackedFeature implements PrintFeature {
  private constructor(
    readonly table: FeatureTableName,
    readonly id: string,
    readonly props: PrintFeature['props'],
    private readonly kind: number,
    private readonly xy: Float64Array,
    private readonly at: number,
    /** Positions in all. */
    private readonly n: number,
    /** Ends (in positions) of each ring or line, and of each polygon (in rings); null when one. */
    private readonly ends: Uint32Array | null,
    private readonly polyEnds: Uint32Array | null,
  ) {}

  static of(r: Row & { geometry: Geometry }, pool: CoordPool): PackedFeature {
    const g = r.geometry;
    const lines: Position[][] =
      g.type === 'Point' ? [[g.coordinates]] : g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates.flat() : g.coordinates;
    let n = 0;
    for (const l of lines) n += l.length;
    // A line's or an area's extent is kept after its coordinates (a point's is the point).
    const point = g.type === 'Point';
    const [xy, at] = pool.take(2 * n + (point ? 0 : 4));
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    let i = at;
    for (const l of lines)
      for (const p of l) {
        const x = p[0];
        const y = p[1];
        xy[i++] = x;
        xy[i++] = y;
        if (x < x0) x0 = x;
        if (y < y0) y0 = y;
        if (x > x1) x1 = x;
        if (y > y1) y1 = y;
      }
    if (!point) [xy[i], xy[i + 1], xy[i + 2], xy[i + 3]] = [x0, y0, x1, y1];
    let ends: Uint32Array | null = null;
    if (lines.length > 1) {
      ends = new Uint32Array(lines.length);
      let e = 0;
      lines.forEach((l, k) => (ends![k] = e += l.length));
    }
    // A multipolygon of one polygon (every search area the app draws) needs none: ~200 bytes of
    // typed array each, 4 MB on twice the heavy sheet's 20,000 areas.
    let polyEnds: Uint32Array | null = null;
    if (g.type === 'MultiPolygon' && g.coordinates.length !== 1) {
      polyEnds = new Uint32Array(g.coordinates.length);
      let e = 0;
      g.coordinates.forEach((p, k) => (polyEnds![k] = e += p.length));
    }
    return new PackedFeature(r.table as FeatureTableName, r.id, r.props, KIND[g.type], xy, at, n, ends, polyEnds);
  }

  /** Made on asking, not held: an array of four a feature is ~80 bytes (8 MB for 100,000 features). */
  get extent(): Extent {
    const xy = this.xy;
    const e = this.kind === 0 ? this.at : this.at + 2 * this.n;
    return this.kind === 0 ? [xy[e], xy[e + 1], xy[e], xy[e + 1]] : [xy[e], xy[e + 1], xy[e + 2], xy[e + 3]];
  }

  private line(from: number, to: number): Position[] {
    const out: Position[] = new Array(to - from);
    for (let k = from, j = this.at + 2 * from; k < to; k++, j += 2) out[k - from] = [this.xy[j], this.xy[j + 1]];
    return out;
  }

  private lines(): Position[][] {
    if (!this.ends) return [this.line(0, this.n)];
    const out: Position[][] = [];
    let s = 0;
    for (const e of this.ends) {
      out.push(this.line(s, e));
      s = e;
    }
    return out;
  }

  flatGeometry(): FlatGeometry {
    const first = this.at / 2;
    const bounds = [first];
    if (this.ends) for (const e of this.ends) bounds.push(first + e);
    else bounds.push(first + this.n);
    return { type: TYPES[this.kind], xy: this.xy, bounds };
  }

  get geometry(): Geometry {
    switch (this.kind) {
      case 0:
        return { type: 'Point', coordinates: [this.xy[this.at], this.xy[this.at + 1]] };
      case 1:
        return { type: 'LineString', coordinates: this.lines()[0] };
      case 2:
        return { type: 'MultiLineString', coordinates: this.lines() };
      case 3:
        return { type: 'Polygon', coordinates: this.lines() };
      default: {
        const rings = this.lines();
        if (!this.polyEnds) return { type: 'MultiPolygon', coordinates: [rings] };
        const out: Position[][][] = [];
        let s = 0;
        for (const e of this.polyEnds) {
          out.push(rings.slice(s, e));
          s = e;
        }
        return { type: 'MultiPolygon', coordinates: out };
      }
    }
  }
}

/**
 * Property values shared, not copied per row: a heavy sheet's 80,000 graves repeat a handful of
 * code-list values ("not_verified", "newly_found"…), each otherwise its own string (~30 bytes).
 */
function internProps(props: Row['props'], seen: Map<string, string>): Row['props'] {
  for (const k in props) {
    const v = props[k];
    if (typeof v !== 'string' || v.length > 40) continue;
    const had = seen.get(v);
    if (had === undefined) {
      if (seen.size < 10_000) seen.set(v, v);
    } else props[k] = had;
  }
  return props;
}

export function gatherPrintInput(store: ProjectStore, today?: string): PrintInput {
  return store.scanOnce(() => gather(store, today));
}

function gather(store: ProjectStore, today?: string): PrintInput {
  const info = store.info();
  const def = findCrs(info.crs.code);
  const features: PrintFeature[] = [];
  const pool = new CoordPool();
  const seen = new Map<string, string>();
  for (const t of DRAW_ORDER)
    eachRow(store, t, (r) => {
      if (!r.geometry) return;
      internProps(r.props, seen);
      // The few administrative units stay plain: the sheet's area is resolved against them again and again.
      if (t === 'admin_units') features.push({ table: t, id: r.id, geometry: r.geometry, props: r.props, extent: geometryExtent(r.geometry) });
      else features.push(PackedFeature.of(r as Row & { geometry: Geometry }, pool));
    });
  return {
    crs: {
      code: info.crs.code,
      name: def?.name ?? info.crs.name,
      datum: def?.datum ?? 'VN-2000',
      proj4: def?.proj4 ?? '',
      ...(def?.centralMeridian !== undefined ? { centralMeridian: def.centralMeridian } : {}),
      wkt: info.crs.definition,
    },
    settings: info.settings,
    communes: features.filter((f) => f.table === 'admin_units' && f.props.level === 'commune'),
    features,
    conclusions: all(store, 'conclusions').map((r) => r.props),
    martyrs: all(store, 'martyrs').map((r) => r.props),
    reviews: reviewStates(store),
    ...(today ? { today } : {}),
  };
}

/** The communes' review states for the sheet's draft mark; a file too old to have them (opened read-only) has only drafts. */
function reviewStates(store: ProjectStore): NonNullable<PrintInput['reviews']> {
  try {
    return store.review().states().map((r) => ({ communeCode: r.communeCode, state: r.state, updatedAt: r.updatedAt }));
  } catch {
    return [];
  }
}
