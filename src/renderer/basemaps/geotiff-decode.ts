// GeoTIFF blocks are decoded on the page's own thread. geotiff.js (used by ol/source/GeoTIFF) would
// start its decoders as Web Workers built from blob: URLs, which our Content-Security-Policy
// (script-src 'self', no blob:) refuses; the decode would then wait forever and the raster never
// show. Loosening the CSP for that is not worth it: base-map blocks are small (256×256) and the
// page decodes them fast enough. So the pool geotiff.js creates is told it has no workers.
import { Pool } from 'geotiff';

let patched = false;

export function decodeGeoTiffOnThisThread(): void {
  if (patched) return;
  patched = true;
  type PoolInternals = { workerWrappers: Promise<{ terminate(): void }[]> | null };
  const original = Pool.prototype.bindParameters;
  Pool.prototype.bindParameters = function (this: Pool & PoolInternals, ...args: Parameters<typeof original>) {
    const wrappers = this.workerWrappers;
    if (wrappers) {
      this.workerWrappers = null;
      // Whatever workers the browser did create are stopped; a refused one is no error of ours.
      wrappers.then((ws) => ws.forEach((w) => w.terminate())).catch(() => undefined);
    }
    return original.apply(this, args);
  };
}
