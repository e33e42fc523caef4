// What a GeoTIFF (plain or COG) holds, read with geotiff.js before it is stored: size, bands, CRS,
// extent, whether every block lies inside the file (a truncated copy is refused), whether its
// compression can be decoded, and the value range or palette the map needs to show it.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { fromFile, type GeoTIFF, type GeoTIFFImage } from 'geotiff';
import { ApiError } from '../../shared/api-error';
import { findCrs, type CrsDef } from '../../shared/crs/catalogue';
import { matchGeoKeys, type Msg } from './crs-match';
import { extentToWgs84 } from './extent';

export interface GeotiffFacts {
  width: number;
  height: number;
  bands: number;
  bitsPerSample: number;
  images: number;
  extent: [number, number, number, number];
  crs: CrsDef | null;
  crsHow: Msg;
  extentWgs84: [number, number, number, number] | null;
  stats: { min: number[]; max: number[] } | null;
  /** 256 CSS colours when the image is a palette (indexed colour) image. */
  palette: string[] | null;
  warnings: Msg[];
}

const tiffError = (path: string, vi: string, en: string, details?: Record<string, unknown>) =>
  new ApiError('validation', `Tệp "${basename(path)}": ${vi}`, `"${basename(path)}": ${en}`, { path, ...details });

/** TIFF or BigTIFF, either byte order. */
export function looksLikeTiff(head: Uint8Array): boolean {
  if (head.length < 4) return false;
  const ii = head[0] === 0x49 && head[1] === 0x49 && (head[2] === 42 || head[2] === 43) && head[3] === 0;
  const mm = head[0] === 0x4d && head[1] === 0x4d && head[2] === 0 && (head[3] === 42 || head[3] === 43);
  return ii || mm;
}

const PHOTOMETRIC_PALETTE = 3;
const STATS_MAX_PIXELS = 4_000_000;

async function tagArray(image: GeoTIFFImage, tag: string): Promise<number[]> {
  const fd = image.getFileDirectory();
  if (!fd.hasTag(tag as never)) return [];
  const v = (await fd.loadValue(tag as never)) as unknown;
  if (v == null) return [];
  if (typeof v === 'number' || typeof v === 'bigint') return [Number(v)];
  return Array.from(v as ArrayLike<number | bigint>, Number);
}

/** Every strip or tile of every image must lie inside the file: a cut-off copy is refused here (and by `print --basemap`). */
export async function checkBlocksInside(path: string, tiff: GeoTIFF, images: number, size: number): Promise<void> {
  for (let i = 0; i < images; i++) {
    const image = await tiff.getImage(i);
    const tiled = image.getFileDirectory().hasTag('TileOffsets' as never);
    const offsets = await tagArray(image, tiled ? 'TileOffsets' : 'StripOffsets');
    const counts = await tagArray(image, tiled ? 'TileByteCounts' : 'StripByteCounts');
    let end = 0;
    offsets.forEach((o, j) => {
      end = Math.max(end, o + (counts[j] ?? 0));
    });
    if (offsets.length === 0 || end > size)
      throw tiffError(
        path,
        `tệp bị cắt cụt hoặc hỏng (dữ liệu ảnh ${i + 1} cần đến byte ${end}, tệp chỉ có ${size} byte). Hãy chép lại tệp từ nguồn.`,
        `the file is truncated or damaged (image ${i + 1} needs bytes up to ${end}, the file has ${size}). Copy it again from its source.`,
        { image: i, needed: end, size },
      );
  }
}

async function paletteOf(image: GeoTIFFImage): Promise<string[] | null> {
  const fd = image.getFileDirectory();
  if (Number(fd.getValue('PhotometricInterpretation' as never)) !== PHOTOMETRIC_PALETTE) return null;
  const map = await tagArray(image, 'ColorMap');
  const n = map.length / 3;
  if (!Number.isInteger(n) || n === 0) return null;
  const hex = (v: number) => Math.round((v / 65535) * 255).toString(16).padStart(2, '0');
  return Array.from({ length: n }, (_, i) => `#${hex(map[i]!)}${hex(map[n + i]!)}${hex(map[2 * n + i]!)}`);
}

/** Per-band min/max over the smallest image (an overview when there is one), nodata left out. */
async function statsOf(tiff: GeoTIFF, images: number, nodata: number | null, signal?: AbortSignal): Promise<{ min: number[]; max: number[] } | null> {
  let smallest: GeoTIFFImage | null = null;
  for (let i = 0; i < images; i++) {
    const im = await tiff.getImage(i);
    // Masks (NewSubfileType bit 2) are not overviews of the data.
    if ((Number(im.getFileDirectory().getValue('NewSubfileType' as never) ?? 0) & 4) === 4) continue;
    if (!smallest || im.getWidth() * im.getHeight() < smallest.getWidth() * smallest.getHeight()) smallest = im;
  }
  if (!smallest || smallest.getWidth() * smallest.getHeight() > STATS_MAX_PIXELS) return null;
  const rasters = (await smallest.readRasters({ interleave: false, signal })) as unknown as ArrayLike<number>[];
  const min: number[] = [];
  const max: number[] = [];
  for (const band of rasters) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < band.length; i++) {
      const v = band[i]!;
      if (v === nodata || Number.isNaN(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    min.push(Number.isFinite(lo) ? lo : 0);
    max.push(Number.isFinite(hi) ? (hi > lo ? hi : lo + 1) : 1);
  }
  return { min, max };
}

export async function readGeotiffFacts(path: string, crsCode: string | undefined, signal?: AbortSignal): Promise<GeotiffFacts> {
  const size = statSync(path).size;
  let tiff: GeoTIFF;
  try {
    tiff = await fromFile(path, signal);
  } catch (e) {
    throw tiffError(path, 'không đọc được tệp GeoTIFF.', 'cannot be read as a GeoTIFF.', { reason: (e as Error).message });
  }
  try {
    const images = await tiff.getImageCount();
    const image = await tiff.getImage(0);
    await checkBlocksInside(path, tiff, images, size);
    const fd = image.getFileDirectory();
    const transform = fd.hasTag('ModelTransformation' as never) ? await tagArray(image, 'ModelTransformation') : [];
    if (transform.length >= 6 && (transform[1] !== 0 || transform[4] !== 0))
      throw tiffError(path, 'ảnh bị xoay trong hệ tọa độ (ModelTransformation có góc xoay): hãy nắn lại bằng gdalwarp trước.', 'the image is rotated (ModelTransformation with rotation): rectify it with gdalwarp first.');
    let bbox: number[];
    try {
      bbox = image.getBoundingBox();
    } catch {
      throw tiffError(path, 'ảnh chưa được nắn (không có tọa độ địa lý: thiếu ModelTiepoint/ModelPixelScale).', 'the image is not georeferenced (no ModelTiepoint/ModelPixelScale).');
    }
    if (bbox.length !== 4 || bbox.some((v) => !Number.isFinite(v)) || bbox[0]! >= bbox[2]! || bbox[1]! >= bbox[3]!)
      throw tiffError(path, 'tọa độ của ảnh không hợp lệ.', 'the image’s georeference is not valid.', { bbox });
    const extent = bbox as [number, number, number, number];

    // Decoding a few pixels of the smallest image proves the compression is one we can read.
    const last = await tiff.getImage(images - 1);
    try {
      await last.readRasters({ window: [0, 0, Math.min(8, last.getWidth()), Math.min(8, last.getHeight())], signal });
    } catch (e) {
      throw tiffError(path, `không giải nén được dữ liệu ảnh (${(e as Error).message}).`, `its pixels cannot be decoded (${(e as Error).message}).`);
    }

    const warnings: Msg[] = [];
    let crs: CrsDef | null;
    let crsHow: Msg;
    const found = matchGeoKeys(image.getGeoKeys());
    if (crsCode) {
      crs = findCrs(crsCode) ?? null;
      if (!crs) throw new ApiError('validation', `Hệ tọa độ không có trong danh mục: ${crsCode}`, `CRS not in the catalogue: ${crsCode}`);
      crsHow = { vi: `Do người dùng chọn: ${crs.name}.`, en: `Chosen by the user: ${crs.nameEn}.` };
      if (found.def && found.def.code !== crs.code)
        warnings.push({ vi: `Tệp ghi hệ tọa độ ${found.def.name}, nhưng bạn đã chọn ${crs.name}.`, en: `The file says ${found.def.nameEn}, but you chose ${crs.nameEn}.` });
    } else {
      crs = found.def;
      crsHow = found.how;
      warnings.push(...found.warnings);
    }
    const palette = await paletteOf(image);
    const bits = image.getBitsPerSample();
    const bands = image.getSamplesPerPixel();
    // 8-bit RGB(A) shows as it is; grey, 16-bit and float rasters need their value range.
    const stats = palette || (bits === 8 && bands >= 3) ? null : await statsOf(tiff, images, image.getGDALNoData(), signal);
    return {
      width: image.getWidth(),
      height: image.getHeight(),
      bands,
      bitsPerSample: bits,
      images,
      extent,
      crs,
      crsHow,
      extentWgs84: crs ? extentToWgs84(crs.proj4, extent) : null,
      stats,
      palette,
      warnings,
    };
  } catch (e) {
    if (e instanceof ApiError || (e as Error).name === 'AbortError') throw e;
    throw tiffError(path, `tệp GeoTIFF bị hỏng (${(e as Error).message}).`, `the GeoTIFF is damaged (${(e as Error).message}).`);
  } finally {
    await tiff.close?.();
  }
}
