// Geometry validity by GEOS (geos-wasm): turf's checks accept a bow-tie; GEOS is what QGIS, PostGIS
// and GDAL agree with. Repair is GEOS MakeValid, offered, never silent.
import type initGeosJs from 'geos-wasm';
import type { Geometry } from '../../shared/model';

type Geos = Awaited<ReturnType<typeof initGeosJs>>;
type Helpers = typeof import('geos-wasm/helpers');
let geosPromise: Promise<[Geos, Helpers]> | null = null;
let lastError = '';
function geos(): Promise<[Geos, Helpers]> {
  // geos-wasm's defaults print GEOS's notices ("Self-intersection at or near point …", English) on
  // stdout, mixed into the CLI's output, and throw its errors across WASM frames. The reason is
  // asked for (GEOSisValidReason) and said as our sentence (shared/io/geos-reason.ts) instead.
  // The module is one per process: review/geos.ts passes the same quiet handlers. Imported only
  // when asked for (as there): a file of points or lines never needs it.
  geosPromise ??= Promise.all([import('geos-wasm'), import('geos-wasm/helpers')]).then(async ([{ default: init }, helpers]) => [
    await init({
      noticeHandler: () => undefined,
      errorHandler: (message: string) => {
        lastError = message;
      },
    }),
    helpers,
  ]);
  return geosPromise;
}

export interface Validity {
  valid: boolean;
  reason: string | null;
}

export interface GeosChecker {
  check(g: Geometry): Validity;
  /** MakeValid, keeping only the parts of the geometry's own dimension. Null when nothing is left. */
  repair(g: Geometry): Geometry | null;
}

export async function geosChecker(): Promise<GeosChecker> {
  const [G, { geojsonToGeosGeom, geosGeomToGeojson }] = await geos();
  const withGeom = <T>(g: Geometry, f: (ptr: number) => T): T => {
    const ptr = geojsonToGeosGeom(g as never, G);
    try {
      return f(ptr);
    } finally {
      G.GEOSGeom_destroy(ptr);
    }
  };
  return {
    check(g) {
      if (g.type === 'Point') return { valid: true, reason: null };
      return withGeom(g, (ptr) => {
        lastError = '';
        if (G.GEOSisValid(ptr) === 1) return { valid: true, reason: null };
        const rp = G.GEOSisValidReason(ptr);
        if (!rp) return { valid: false, reason: lastError || null };
        const reason = G.Module.UTF8ToString(rp);
        G.GEOSFree(rp);
        return { valid: false, reason };
      });
    },
    repair(g) {
      return withGeom(g, (ptr) => {
        const fixed = G.GEOSMakeValid(ptr);
        try {
          const out = geosGeomToGeojson(fixed, G) as unknown as { type: string; coordinates?: unknown; geometries?: { type: string; coordinates: unknown }[] };
          const parts = out.type === 'GeometryCollection' ? out.geometries ?? [] : [out as { type: string; coordinates: unknown }];
          const polygonal = g.type === 'Polygon' || g.type === 'MultiPolygon';
          const polys: unknown[] = [];
          const lines: unknown[] = [];
          for (const p of parts) {
            if (p.type === 'Polygon') polys.push(p.coordinates);
            else if (p.type === 'MultiPolygon') polys.push(...(p.coordinates as unknown[]));
            else if (p.type === 'LineString') lines.push(p.coordinates);
            else if (p.type === 'MultiLineString') lines.push(...(p.coordinates as unknown[]));
          }
          if (polygonal) return polys.length ? ({ type: 'MultiPolygon', coordinates: polys } as Geometry) : null;
          return lines.length ? ({ type: 'MultiLineString', coordinates: lines } as Geometry) : null;
        } finally {
          G.GEOSGeom_destroy(fixed);
        }
      });
    },
  };
}
