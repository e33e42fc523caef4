// What the print side needs from an offline base map, whatever its storage: the base-map feature
// (src/main/basemaps) opens one of these from the project; tests open them from files on disk.

/** A GeoTIFF (plain or COG) read by byte ranges, in a CRS given as a proj4 string. */
export interface GeoTiffRasterSource {
  kind: 'geotiff';
  name: string;
  /** proj4 definition of the raster's CRS (with +towgs84 for VN-2000). */
  proj4: string;
  /** Size of the whole file in bytes. */
  size: number;
  /** Bytes [offset, offset + length) of the file. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** A tile pyramid in Web Mercator (EPSG:3857), XYZ numbering (row 0 at the top), PNG or JPEG tiles. */
export interface TileRasterSource {
  kind: 'tiles';
  name: string;
  minZoom: number;
  maxZoom: number;
  /** The encoded tile, or null where the pyramid has none. */
  getTile(z: number, x: number, y: number): Promise<Uint8Array | null>;
}

export type RasterSource = GeoTiffRasterSource | TileRasterSource;
