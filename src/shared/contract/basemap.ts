// Contract methods of offline raster base maps (MBTiles, GeoTIFF/COG) and the optional online XYZ
// layer. Spread into `api` in src/shared/api.ts; handlers live in src/main/services/basemap.ts.
export const basemapMethods = {} as const;
