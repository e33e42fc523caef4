// A GeoTIFF (plain or COG) opened through geotiff.js over byte ranges: the level (full resolution
// or an internal overview) is chosen per read from the print resolution, and only the tiles or
// strips of the window are fetched and decoded.
import { GeoTIFF, type GeoTIFFImage } from 'geotiff';
import { ApiError } from '../../../shared/api-error';
import type { Bbox, Colouring, OpenedRaster, Sampling, SourceRaster } from './raster-model';
import { RangeSource } from './range-source';
import type { GeoTiffRasterSource } from './source';
import { isPlain8Bit, read8BitWindow } from './tiff-window';

/** Decoded pixels of one read, at most (larger windows are read decimated, strip by strip). */
const READ_BUDGET_PX = 8_000_000;

interface Level {
  image: GeoTIFFImage;
  width: number;
  height: number;
  rx: number;
  ry: number;
}

const bad = (name: string, vi: string, en: string) =>
  new ApiError('validation', `Bản đồ nền "${name}": ${vi}`, `Base map "${name}": ${en}`, { basemap: name });

async function colouringOf(img: GeoTIFFImage, name: string): Promise<{ colouring: Colouring; sampling: Sampling; alpha: number | null }> {
  const fd = img.getFileDirectory();
  const photometric = Number(fd.getValue('PhotometricInterpretation') ?? 1);
  const spp = img.getSamplesPerPixel();
  const extra: unknown = fd.hasTag('ExtraSamples') ? await fd.loadValue('ExtraSamples') : [];
  const extras: number[] = typeof extra === 'number' ? [extra] : Array.from(extra as ArrayLike<number>);
  if ((photometric === 2 || photometric === 6) && spp >= 3) {
    return { colouring: { kind: 'rgb' }, sampling: 'bilinear', alpha: spp >= 4 && extras.some((e) => e === 1 || e === 2) ? 3 : null };
  }
  if (photometric === 3) {
    const map = (await fd.loadValue('ColorMap')) as ArrayLike<number> | undefined;
    if (!map || map.length < 3) throw bad(name, 'ảnh bảng màu không có bảng màu.', 'a palette image without a colour map.');
    const n = map.length / 3;
    const rgb = new Uint8Array(256 * 3).fill(255);
    for (let i = 0; i < Math.min(n, 256); i++) for (let c = 0; c < 3; c++) rgb[i * 3 + c] = map[c * n + i] >> 8;
    return { colouring: { kind: 'palette', rgb }, sampling: 'nearest', alpha: null };
  }
  if (photometric === 0 || photometric === 1) {
    // Grey: stretched between the values the coarsest level holds (filled in by openGeoTiff).
    return { colouring: { kind: 'grey', min: 0, max: 255, inverted: photometric === 0 }, sampling: 'nearest', alpha: spp >= 2 && extras.some((e) => e === 1 || e === 2) ? 1 : null };
  }
  throw bad(name, `kiểu màu TIFF ${photometric} chưa hỗ trợ.`, `TIFF photometric interpretation ${photometric} is not supported.`);
}

/** Min and max of the valid values of band 0 of a (small) level: the grey stretch. */
async function greyRange(level: Level, nodata: number | null): Promise<[number, number]> {
  const f = Math.max(1, Math.ceil(Math.sqrt((level.width * level.height) / 1_000_000)));
  const r = await level.image.readRasters({ samples: [0], width: Math.ceil(level.width / f), height: Math.ceil(level.height / f), resampleMethod: 'nearest' });
  const v = r[0] as ArrayLike<number>;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x === nodata || !Number.isFinite(x)) continue;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (!(lo <= hi)) return [0, 255];
  // One value only (a mask): the type's range, so it prints as its own grey rather than black.
  return hi - lo > 1e-9 ? [lo, hi] : [Math.min(0, lo), Math.max(255, hi)];
}

/** JFIF YCbCr → RGB (ITU-R BT.601, full range), the conversion libjpeg applies. */
function toRgb(bands: ArrayLike<number>[]): ArrayLike<number>[] {
  const [y, cb, cr] = bands;
  const n = y.length;
  const r = new Uint8ClampedArray(n);
  const g = new Uint8ClampedArray(n);
  const b = new Uint8ClampedArray(n);
  for (let i = 0; i < n; i++) {
    const u = cb[i] - 128;
    const v = cr[i] - 128;
    r[i] = y[i] + 1.402 * v;
    g[i] = y[i] - 0.344136 * u - 0.714136 * v;
    b[i] = y[i] + 1.772 * u;
  }
  return [r, g, b, ...bands.slice(3)];
}

export async function openGeoTiff(src: GeoTiffRasterSource): Promise<OpenedRaster> {
  let tiff: GeoTIFF;
  try {
    tiff = await GeoTIFF.fromSource(new RangeSource(src) as unknown as Parameters<typeof GeoTIFF.fromSource>[0]);
  } catch (e) {
    throw bad(src.name, `không đọc được tệp GeoTIFF (${(e as Error).message}).`, `not a readable GeoTIFF (${(e as Error).message}).`);
  }
  const main = await tiff.getImage(0);
  const W = main.getWidth();
  const H = main.getHeight();
  let origin: number[];
  let res: number[];
  try {
    origin = main.getOrigin();
    res = main.getResolution();
  } catch {
    throw bad(src.name, 'ảnh không có tọa độ (không phải GeoTIFF).', 'the image has no georeference (not a GeoTIFF).');
  }
  const fd = main.getFileDirectory();
  const mt = fd.hasTag('ModelTransformation') ? ((await fd.loadValue('ModelTransformation')) as number[]) : null;
  if (mt && (Math.abs(mt[1]) > 1e-12 || Math.abs(mt[4]) > 1e-12))
    throw bad(src.name, 'ảnh bị xoay so với lưới tọa độ; hãy nắn lại (gdalwarp) trước khi dùng.', 'the image is rotated against its grid; warp it (gdalwarp) first.');
  let [ox, oy] = origin;
  const [rx, ry] = res;
  // PixelIsPoint: the tie point is a pixel centre; GDAL shifts it by half a pixel, so do we.
  if (!main.pixelIsArea()) {
    ox -= rx / 2;
    oy -= ry / 2;
  }
  const levels: Level[] = [{ image: main, width: W, height: H, rx, ry }];
  const count = await tiff.getImageCount();
  for (let i = 1; i < count; i++) {
    const img = await tiff.getImage(i);
    const sub = Number(img.getFileDirectory().getValue('NewSubfileType') ?? 0);
    if (sub & 4) continue; // a transparency mask, not an overview
    const w = img.getWidth();
    const h = img.getHeight();
    if (w >= W || img.getSamplesPerPixel() !== main.getSamplesPerPixel()) continue;
    levels.push({ image: img, width: w, height: h, rx: (rx * W) / w, ry: (ry * H) / h });
  }
  levels.sort((a, b) => a.width - b.width).reverse();
  const nodata = main.getGDALNoData();
  const { colouring, sampling, alpha } = await colouringOf(main, src.name);
  if (colouring.kind === 'grey') [colouring.min, colouring.max] = await greyRange(levels[levels.length - 1], nodata);
  const notes: OpenedRaster['notes'] = [];
  // JPEG-in-TIFF as GDAL writes it (PHOTOMETRIC=YCBCR): geotiff.js hands back Y, Cb, Cr.
  const ycbcr = Number(fd.getValue('PhotometricInterpretation')) === 6;
  const x1 = ox + W * rx;
  const y1 = oy + H * ry;
  const bbox: Bbox = [Math.min(ox, x1), Math.min(oy, y1), Math.max(ox, x1), Math.max(oy, y1)];

  const read = async (want: Bbox, resolution: number): Promise<SourceRaster | null> => {
    // The coarsest level still as fine as the print; the full resolution when none is.
    let lv = levels[0];
    for (const l of levels) if (Math.abs(l.rx) <= resolution * 1.0001) lv = l;
    const ax = Math.abs(lv.rx);
    const ay = Math.abs(lv.ry);
    const c0 = Math.max(0, Math.floor((want[0] - ox) / ax) - 1);
    const c1 = Math.min(lv.width, Math.ceil((want[2] - ox) / ax) + 1);
    const r0 = Math.max(0, Math.floor((oy - want[3]) / ay) - 1);
    const r1 = Math.min(lv.height, Math.ceil((oy - want[1]) / ay) + 1);
    if (c1 <= c0 || r1 <= r0) return null;
    const ww = c1 - c0;
    const wh = r1 - r0;
    const f = Math.max(1, Math.ceil(Math.sqrt((ww * wh) / READ_BUDGET_PX)));
    if (f > 1 && !notes.length)
      notes.push({
        vi: `Bản đồ nền "${src.name}" không có ảnh thu nhỏ (overview) đủ thô: in chậm. Hãy tạo overview (gdaladdo) hoặc lưu dạng COG.`,
        en: `Base map "${src.name}" has no coarse enough overview: printing is slow. Add overviews (gdaladdo) or store it as a COG.`,
      });
    const ow = Math.ceil(ww / f);
    const oh = Math.ceil(wh / f);
    const spp = lv.image.getSamplesPerPixel();
    let bands: ArrayLike<number>[];
    if (f === 1 && isPlain8Bit(lv.image)) {
      bands = await read8BitWindow(lv.image, c0, r0, c1, r1);
    } else if (f === 1) {
      bands = Array.from((await lv.image.readRasters({ window: [c0, r0, c1, r1] })) as ArrayLike<ArrayLike<number>>);
    } else {
      // Strips of whole rows, each decimated as it is read, so memory stays near the budget.
      const out = Array.from({ length: spp }, () => new Float32Array(ow * oh));
      const stripRows = Math.max(1, Math.floor(READ_BUDGET_PX / ww / f)) * f;
      for (let r = r0, oRow = 0; r < r1; r += stripRows) {
        const rEnd = Math.min(r1, r + stripRows);
        const sh = Math.min(oh - oRow, Math.max(1, Math.round((rEnd - r) / f)));
        const part = await lv.image.readRasters({ window: [c0, r, c1, rEnd], width: ow, height: sh, resampleMethod: 'nearest' });
        for (let b = 0; b < spp; b++) out[b].set((part[b] as ArrayLike<number>) as Float32Array, oRow * ow);
        oRow += sh;
        if (oRow >= oh) break;
      }
      bands = out;
    }
    if (ycbcr) bands = toRgb(bands);
    return { width: ow, height: oh, bands, ox: ox + c0 * lv.rx, oy: oy + r0 * lv.ry, rx: (lv.rx * ww) / ow, ry: (lv.ry * wh) / oh, nodata, alpha };
  };

  return { name: src.name, proj4: src.proj4, colouring, sampling, bbox, read, notes, close: async () => void (await tiff.close()) };
}
