// A thin, careful wrapper over geos-wasm's C API: geometries go in as WKB (built here), every
// pointer we allocate is freed, and GEOS exceptions (a 0 / 2 return, a NULL pointer) become JS
// errors instead of being read as answers.
import type initGeosJs from 'geos-wasm';
import type { Geometry, Position } from '../../shared/model';

type GeosModule = Awaited<ReturnType<typeof initGeosJs>>;
export type GeomPtr = number & { readonly __geom: unique symbol };
export type PreparedPtr = number & { readonly __prepared: unique symbol };

let loading: Promise<Geos> | null = null;
let lastGeosError = '';

/** The one GEOS instance of the process (the WASM module is large; load it once). */
export function loadGeos(): Promise<Geos> {
  // GEOS reports through these handlers. The defaults print notices to stdout (which would mix with
  // the CLI's findings) and throw across WASM frames on errors (which can leak what those frames
  // allocated): keep the message and let the C call return its failure value instead.
  // Imported here, not at the top: its 2.5 MB of JavaScript (the WASM inlined as base64) costs
  // ~12 MB and some ms to load, which a command that never asks for GEOS should not pay.
  loading ??= import('geos-wasm')
    .then(({ default: init }) =>
      init({
        noticeHandler: () => undefined,
        errorHandler: (message: string) => {
          lastGeosError = message;
        },
      }),
    )
    .then((m) => new Geos(m));
  return loading;
}

function wkbSize(g: Geometry): number {
  const ring = (r: Position[]) => 4 + r.length * 16;
  const poly = (p: Position[][]) => 9 + p.reduce((s, r) => s + ring(r), 0);
  switch (g.type) {
    case 'Point':
      return 21;
    case 'LineString':
      return 9 + g.coordinates.length * 16;
    case 'MultiLineString':
      return 9 + g.coordinates.reduce((s, l) => s + 9 + l.length * 16, 0);
    case 'Polygon':
      return poly(g.coordinates);
    case 'MultiPolygon':
      return 9 + g.coordinates.reduce((s, p) => s + poly(p), 0);
  }
}

/** ISO WKB, little-endian, 2D. */
export function toWkb(g: Geometry): Uint8Array {
  const buf = new ArrayBuffer(wkbSize(g));
  const v = new DataView(buf);
  let o = 0;
  const head = (type: number) => {
    v.setUint8(o, 1);
    v.setUint32(o + 1, type, true);
    o += 5;
  };
  const u32 = (n: number) => {
    v.setUint32(o, n, true);
    o += 4;
  };
  const xy = (p: Position) => {
    v.setFloat64(o, p[0], true);
    v.setFloat64(o + 8, p[1], true);
    o += 16;
  };
  const points = (ps: Position[]) => {
    u32(ps.length);
    ps.forEach(xy);
  };
  const polygon = (rings: Position[][]) => {
    head(3);
    u32(rings.length);
    rings.forEach(points);
  };
  switch (g.type) {
    case 'Point':
      head(1);
      xy(g.coordinates);
      break;
    case 'LineString':
      head(2);
      points(g.coordinates);
      break;
    case 'MultiLineString':
      head(5);
      u32(g.coordinates.length);
      for (const l of g.coordinates) {
        head(2);
        points(l);
      }
      break;
    case 'Polygon':
      polygon(g.coordinates);
      break;
    case 'MultiPolygon':
      head(6);
      u32(g.coordinates.length);
      g.coordinates.forEach(polygon);
      break;
  }
  return new Uint8Array(buf);
}

export class Geos {
  private readonly interiorsPattern: number;
  private readonly f64: number;

  constructor(private readonly m: GeosModule) {
    // 'T********': the interiors share at least a point. Touching along an edge or at a corner
    // only shares boundaries, so it is not an overlap.
    this.interiorsPattern = this.cString('T********');
    this.f64 = m.Module._malloc(8);
  }

  private cString(s: string): number {
    const bytes = new TextEncoder().encode(s);
    const p = this.m.Module._malloc(bytes.length + 1);
    this.m.Module.HEAPU8.set(bytes, p);
    this.m.Module.HEAPU8[p + bytes.length] = 0;
    return p;
  }

  private bool(r: number, what: string): boolean {
    if (r === 2) throw new Error(`GEOS ${what} failed: ${lastGeosError}`);
    return r === 1;
  }

  /** A GEOS geometry; free it with destroy(). Throws if GEOS refuses the input. */
  read(g: Geometry): GeomPtr {
    const wkb = toWkb(g);
    const p = this.m.Module._malloc(wkb.length);
    try {
      this.m.Module.HEAPU8.set(wkb, p);
      const geom = this.m.GEOSGeomFromWKB_buf(p, wkb.length) as unknown as number;
      if (!geom) throw new Error(`GEOS could not read the geometry: ${lastGeosError}`);
      return geom as GeomPtr;
    } finally {
      this.m.Module._free(p);
    }
  }

  /** Bytes of WASM memory (grows when allocations are not freed; tests watch it). */
  heapBytes(): number {
    return this.m.Module.HEAPU8.length;
  }

  destroy(g: GeomPtr): void {
    this.m.GEOSGeom_destroy(g as never);
  }

  /** Runs fn with a GEOS copy of g and frees it afterwards, whatever happens. */
  with<T>(g: Geometry, fn: (ptr: GeomPtr) => T): T {
    const ptr = this.read(g);
    try {
      return fn(ptr);
    } finally {
      this.destroy(ptr);
    }
  }

  /** null when valid, else GEOS's reason (e.g. "Self-intersection[x y]"). */
  invalidReason(g: GeomPtr): string | null {
    if (this.bool(this.m.GEOSisValid(g as never), 'isValid')) return null;
    const s = this.m.GEOSisValidReason(g as never) as unknown as number;
    if (!s) return 'invalid';
    try {
      return this.m.Module.UTF8ToString(s);
    } finally {
      this.m.GEOSFree(s as never);
    }
  }

  interiorsIntersect(a: GeomPtr, b: GeomPtr): boolean {
    return this.bool(this.m.GEOSRelatePattern(a as never, b as never, this.interiorsPattern as never), 'relatePattern');
  }

  /** Area of a ∩ b (0 when GEOS cannot compute it, e.g. for an invalid input). */
  intersectionArea(a: GeomPtr, b: GeomPtr): number {
    const i = this.m.GEOSIntersection(a as never, b as never) as unknown as number;
    if (!i) return 0;
    try {
      if (!this.m.GEOSArea(i as never, this.f64 as never)) return 0;
      return this.m.Module.HEAPF64[this.f64 >> 3];
    } finally {
      this.m.GEOSGeom_destroy(i as never);
    }
  }

  /** Area of g (0 when GEOS cannot compute it). */
  area(g: GeomPtr): number {
    if (!this.m.GEOSArea(g as never, this.f64 as never)) return 0;
    return this.m.Module.HEAPF64[this.f64 >> 3];
  }

  prepareGeometry(g: GeomPtr): PreparedPtr {
    const p = this.m.GEOSPrepare(g as never) as unknown as number;
    if (!p) throw new Error('GEOS could not prepare the geometry');
    return p as PreparedPtr;
  }

  destroyPrepared(p: PreparedPtr): void {
    this.m.GEOSPreparedGeom_destroy(p as never);
  }

  /** No point of g lies outside p (a point exactly on p's boundary is covered). */
  covers(p: PreparedPtr, g: GeomPtr): boolean {
    return this.bool(this.m.GEOSPreparedCovers(p as never, g as never), 'preparedCovers');
  }

  /** A point is covered exactly when it intersects (interior or boundary); no geometry to build. */
  coversXY(p: PreparedPtr, x: number, y: number): boolean {
    return this.bool(this.m.GEOSPreparedIntersectsXY(p as never, x, y), 'preparedIntersectsXY');
  }

  intersects(p: PreparedPtr, g: GeomPtr): boolean {
    return this.bool(this.m.GEOSPreparedIntersects(p as never, g as never), 'preparedIntersects');
  }
}
