// Any RasterSource, opened for reading windows.
import { openGeoTiff } from './geotiff-reader';
import type { OpenedRaster } from './raster-model';
import type { RasterSource } from './source';
import { openTiles } from './tile-reader';

export function openRaster(src: RasterSource): Promise<OpenedRaster> {
  return src.kind === 'geotiff' ? openGeoTiff(src) : openTiles(src);
}
