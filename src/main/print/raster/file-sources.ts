// RasterSources from files on disk: a GeoTIFF (CRS from its GeoKeys unless given) or a raster
// MBTiles. Used by `quytap print --basemap` and the tests; base maps stored in the project come
// from the base-map feature instead.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { GeoTIFF } from 'geotiff';
import { ApiError } from '../../../shared/api-error';
import { checkBlocksInside } from '../../basemaps/geotiff-read';
import { openMbtilesFile } from '../../store/mbtiles-reader';
import { crsFromGeoKeys, type GeoKeysCrs } from './geokeys-proj4';
import { RangeSource } from './range-source';
import type { GeoTiffRasterSource, RasterSource, TileRasterSource } from './source';

export interface FileRasterSource {
  source: RasterSource;
  /** What was assumed about the file (its CRS), to tell the user. */
  notes: { vi: string; en: string }[];
  close(): void;
}

function fileRanges(path: string): { size: number; read: (o: number, n: number) => Promise<Uint8Array>; close: () => void } {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  return {
    size,
    read: async (offset, length) => {
      const b = new Uint8Array(length);
      let got = 0;
      while (got < length) {
        const n = readSync(fd, b, got, length - got, offset + got);
        if (n === 0) break;
        got += n;
      }
      return got === length ? b : b.subarray(0, got);
    },
    close: () => closeSync(fd),
  };
}

const openTiff = (src: Omit<GeoTiffRasterSource, 'proj4'>) => GeoTIFF.fromSource(new RangeSource({ ...src, proj4: '' }) as unknown as Parameters<typeof GeoTIFF.fromSource>[0]);

/** The CRS of a GeoTIFF read from its own GeoKeys. */
export async function geoTiffCrs(src: Omit<GeoTiffRasterSource, 'proj4'>): Promise<GeoKeysCrs> {
  const img = await (await openTiff(src)).getImage(0);
  return crsFromGeoKeys(img.getGeoKeys(), src.name);
}

/**
 * A GeoTIFF's headers must read and every block lie inside the file, as `basemap add` demands: a
 * copy cut short would otherwise fail while the sheet is drawn, in the decoder's words.
 */
async function checkWhole(path: string, src: Omit<GeoTiffRasterSource, 'proj4'>): Promise<void> {
  let tiff: Awaited<ReturnType<typeof openTiff>>;
  let images: number;
  try {
    tiff = await openTiff(src);
    images = await tiff.getImageCount();
  } catch (e) {
    throw new ApiError(
      'validation',
      `Tệp bản đồ nền "${basename(path)}" không đọc được như ảnh GeoTIFF: tệp hỏng hoặc bị cắt cụt. Hãy chép lại tệp từ nguồn.`,
      `The base map file "${basename(path)}" cannot be read as a GeoTIFF: it is damaged or cut short. Copy it again from its source.`,
      { path, reason: (e as Error).message },
    );
  }
  await checkBlocksInside(path, tiff, images, src.size);
}

export async function openRasterFile(path: string, proj4?: string): Promise<FileRasterSource> {
  const lower = path.toLowerCase();
  if (lower.endsWith('.mbtiles')) {
    const mb = openMbtilesFile(path);
    const source: TileRasterSource = {
      kind: 'tiles',
      name: mb.name,
      minZoom: mb.minZoom,
      maxZoom: mb.maxZoom,
      getTile: async (z, x, y) => mb.getTile(z, x, y),
    };
    return { source, notes: [], close: () => mb.close() };
  }
  if (!/\.tiff?$/.test(lower))
    throw new ApiError('validation', `Bản đồ nền phải là tệp .tif hoặc .mbtiles: ${path}`, `A base map must be a .tif or .mbtiles file: ${path}`, { path });
  let f: ReturnType<typeof fileRanges>;
  try {
    f = fileRanges(path);
  } catch (e) {
    throw new ApiError('not_found', `Không mở được tệp bản đồ nền: ${path} (${(e as Error).message}).`, `Cannot open the base map file: ${path} (${(e as Error).message}).`, { path });
  }
  try {
    const base = { kind: 'geotiff' as const, name: basename(path), size: f.size, read: f.read };
    await checkWhole(path, base);
    const crs = proj4 ? { proj4, notes: [] } : await geoTiffCrs(base);
    const source: GeoTiffRasterSource = { ...base, proj4: crs.proj4 };
    return { source, notes: crs.notes, close: f.close };
  } catch (e) {
    f.close();
    if (e instanceof ApiError) throw e;
    throw new ApiError(
      'validation',
      `Tệp bản đồ nền "${basename(path)}" không đọc được (tệp hỏng?). Hãy chép lại tệp từ nguồn, hoặc mở thử bằng QGIS.`,
      `The base map file "${basename(path)}" cannot be read (damaged?). Copy it again from its source, or try opening it in QGIS.`,
      { path, reason: (e as Error).message },
    );
  }
}
