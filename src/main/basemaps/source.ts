// A stored base map as the print side reads it (src/main/print/raster/source.ts): GeoTIFF bytes by
// range from the project's chunks, or tiles of the GeoPackage pyramid in XYZ numbering.
import type { RasterSource } from '../print/raster/source';
import type { ProjectStore } from '../store';
import { notFoundBasemap } from '../store/basemap-repo';

export function openBasemapSource(store: ProjectStore, id: string): RasterSource {
  const rec = store.basemaps((r) => r.get(id));
  if (!rec) throw notFoundBasemap(id);
  if (rec.kind === 'geotiff')
    return {
      kind: 'geotiff',
      name: rec.name,
      proj4: rec.crsProj4,
      size: rec.sizeBytes,
      read: async (offset, length) => {
        if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0) throw new RangeError(`bad range ${offset}+${length}`);
        return new Uint8Array(store.basemaps((r) => r.read(id, offset, length)));
      },
    };
  return {
    kind: 'tiles',
    name: rec.name,
    minZoom: rec.minZoom ?? 0,
    maxZoom: rec.maxZoom ?? 0,
    getTile: async (z, x, y) => {
      const t = store.basemaps((r) => r.tile(id, z, x, y));
      return t ? new Uint8Array(t) : null;
    },
  };
}
