// A GeoTIFF base map as an OpenLayers layer (read by range from the main side's responder). Loaded
// on demand by basemap-layers.ts: geotiff.js and WebGL tiles are not needed to open a project.
import WebGLTileLayer from 'ol/layer/WebGLTile';
import GeoTIFF from 'ol/source/GeoTIFF';
import type { Basemap } from '../../shared/contract/basemap';
import { decodeGeoTiffInWorkers } from '../basemaps/geotiff-decode';

/** The raster layer of a GeoTIFF base map whose CRS is registered already. */
export function geotiffLayer(b: Basemap, url: string, onTileError: () => void): WebGLTileLayer {
  decodeGeoTiffInWorkers();
  const palette = b.palette;
  const source = new GeoTIFF({
    sources: [
      {
        url,
        ...(b.stats ? { min: b.stats.min, max: b.stats.max } : {}),
      },
    ],
    projection: b.crs.code,
    convertToRGB: 'auto',
    normalize: !palette,
    wrapX: false,
  });
  source.on('tileloaderror', onTileError);
  return new WebGLTileLayer({
    source,
    ...(palette ? { style: { color: ['palette', ['band', 1], palette] } } : {}),
  });
}
