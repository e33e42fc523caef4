// A piece of a source raster in memory, and what the warp needs to know about any base map
// (GeoTIFF or tile pyramid) to read such pieces at about the resolution a sheet prints at.

/** Pixels of one window: band values, row-major, with the georeference of the pixel edges. */
export interface SourceRaster {
  width: number;
  height: number;
  bands: ArrayLike<number>[];
  /** x = ox + col·rx, y = oy + row·ry (ry < 0 for north-up), in the raster's CRS; col/row at pixel edges. */
  ox: number;
  oy: number;
  rx: number;
  ry: number;
  nodata: number | null;
  /** Index of the alpha band (0 = transparent), if any. */
  alpha: number | null;
}

/** How band values become paper colours. */
export type Colouring =
  | { kind: 'rgb' }
  /** 256 entries × RGB, 0..255. */
  | { kind: 'palette'; rgb: Uint8Array }
  /** Linear from min (black) to max (white); `inverted` for WhiteIsZero. */
  | { kind: 'grey'; min: number; max: number; inverted: boolean };

export type Sampling = 'nearest' | 'bilinear';

export type Bbox = [number, number, number, number];

export interface OpenedRaster {
  name: string;
  proj4: string;
  colouring: Colouring;
  /** Palettes and classes must not be blended; photographs and scans print better bilinear. */
  sampling: Sampling;
  /** Extent of the whole raster in its CRS (to skip sheets it does not reach). */
  bbox: Bbox;
  /** The part covering `bbox` (raster CRS), at the coarsest level still at least as fine as `resolution`. */
  read(bbox: Bbox, resolution: number): Promise<SourceRaster | null>;
  /** Something the user should know (e.g. no overviews: slow); at most once per raster. */
  notes: { vi: string; en: string }[];
  close(): Promise<void>;
}
