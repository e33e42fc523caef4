// A Web Mercator XYZ tile pyramid (MBTiles or a stored pyramid) read as a raster: the zoom is the
// coarsest whose pixels are at least as fine as the print's, the tiles under the window are
// decoded (PNG or JPEG) and put side by side; missing tiles stay transparent (white on paper).
import { decode as decodePng } from 'fast-png';
import jpeg from 'jpeg-js';
import { ApiError } from '../../../shared/api-error';
import type { Bbox, OpenedRaster, SourceRaster } from './raster-model';
import type { TileRasterSource } from './source';

export const WEB_MERCATOR_PROJ4 = '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs';
const HALF = Math.PI * 6378137;
/** Pixels of one read, at most (a window needing more is read at a coarser zoom). */
const READ_BUDGET_PX = 8_000_000;
/** Beyond this a read is refused even at the pyramid's coarsest zoom (4 bands of this many bytes). */
const MAX_READ_PX = 4 * READ_BUDGET_PX;

interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

/** RGBA pixels of an encoded tile (PNG of any colour type, or JPEG). */
export function decodeTile(bytes: Uint8Array): Rgba {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) {
    const png = decodePng(bytes);
    const { width, height } = png;
    const n = width * height;
    const out = new Uint8Array(n * 4);
    const ch = png.channels;
    const src = png.data;
    const shift = png.depth === 16 ? 8 : 0;
    const pal = png.palette;
    if (pal) {
      for (let i = 0; i < n; i++) {
        const e = pal[src[i]];
        const o = i * 4;
        out[o] = e ? e[0] : 255;
        out[o + 1] = e ? e[1] : 255;
        out[o + 2] = e ? e[2] : 255;
        out[o + 3] = !e ? 0 : e.length > 3 ? (e as number[])[3] : 255;
      }
    } else {
      for (let i = 0, s = 0, o = 0; i < n; i++, s += ch, o += 4) {
        const grey = ch < 3;
        out[o] = src[s] >> shift;
        out[o + 1] = src[grey ? s : s + 1] >> shift;
        out[o + 2] = src[grey ? s : s + 2] >> shift;
        out[o + 3] = ch === 4 ? src[s + 3] >> shift : ch === 2 ? src[s + 1] >> shift : 255;
      }
    }
    return { width, height, data: out };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    const j = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 256 });
    return { width: j.width, height: j.height, data: j.data };
  }
  throw new Error('tile is neither PNG nor JPEG');
}

const resAt = (z: number, tile: number) => (2 * HALF) / (tile * 2 ** z);

export async function openTiles(src: TileRasterSource): Promise<OpenedRaster> {
  if (!(src.minZoom >= 0 && src.maxZoom >= src.minZoom && src.maxZoom <= 30))
    throw new ApiError('validation', `Bản đồ nền "${src.name}": mức thu phóng không hợp lệ.`, `Base map "${src.name}": invalid zoom levels.`);
  let tileSize = 256;
  const notes: OpenedRaster['notes'] = [];
  const fetchTile = async (z: number, x: number, y: number): Promise<Rgba | null> => {
    const bytes = await src.getTile(z, x, y);
    if (!bytes) return null;
    try {
      return decodeTile(bytes);
    } catch (e) {
      if (!notes.length)
        notes.push({
          vi: `Bản đồ nền "${src.name}": có mảnh ảnh hỏng (${(e as Error).message}), để trắng.`,
          en: `Base map "${src.name}": a tile could not be decoded (${(e as Error).message}); left blank.`,
        });
      return null;
    }
  };
  // The tile size of this pyramid (256 or 512) is read from its first tile.
  for (let z = src.minZoom; z <= src.maxZoom && z <= src.minZoom + 2; z++) {
    const t = await fetchTile(z, 0, 0).catch(() => null);
    if (t) {
      tileSize = t.width;
      break;
    }
  }

  const read = async (want: Bbox, resolution: number): Promise<SourceRaster | null> => {
    let z = src.minZoom;
    while (z < src.maxZoom && resAt(z, tileSize) > resolution * 1.0001) z++;
    const span = (zz: number) => {
      const r = resAt(zz, tileSize) * tileSize;
      const n = 2 ** zz;
      const tx0 = Math.max(0, Math.floor((want[0] + HALF) / r));
      const tx1 = Math.min(n - 1, Math.floor((want[2] + HALF) / r));
      const ty0 = Math.max(0, Math.floor((HALF - want[3]) / r));
      const ty1 = Math.min(n - 1, Math.floor((HALF - want[1]) / r));
      return { tx0, tx1, ty0, ty1 };
    };
    let s = span(z);
    while (z > src.minZoom && (s.tx1 - s.tx0 + 1) * (s.ty1 - s.ty0 + 1) * tileSize * tileSize > READ_BUDGET_PX) s = span(--z);
    if (s.tx1 < s.tx0 || s.ty1 < s.ty0) return null;
    const cols = s.tx1 - s.tx0 + 1;
    const rows = s.ty1 - s.ty0 + 1;
    // Even the pyramid's coarsest level is too fine for this window (a pyramid of deep zooms only
    // under a district sheet): the tile count is known before the walk, and the base map is left
    // out with a note rather than read tile by tile into an array that cannot be made.
    if (cols * rows * tileSize * tileSize > MAX_READ_PX) {
      if (!notes.some((n) => n.en.includes('too many tiles')))
        notes.push({
          vi: `Bản đồ nền "${src.name}": vùng in cần quá nhiều mảnh ảnh (${cols} × ${rows} ở mức thu phóng ${z}, mức thô nhất của nó), nên không in. Hãy dùng bản đồ nền có các mức thu phóng nhỏ hơn.`,
          en: `Base map "${src.name}": the sheet needs too many tiles (${cols} × ${rows} at zoom ${z}, its coarsest), so it is not printed. Use a base map with coarser zoom levels.`,
        });
      return null;
    }
    const width = cols * tileSize;
    const height = rows * tileSize;
    const bands = [0, 1, 2, 3].map(() => new Uint8Array(width * height));
    for (let ty = s.ty0; ty <= s.ty1; ty++)
      for (let tx = s.tx0; tx <= s.tx1; tx++) {
        const t = await fetchTile(z, tx, ty);
        if (!t) continue;
        const px = (tx - s.tx0) * tileSize;
        const py = (ty - s.ty0) * tileSize;
        // A tile of another size than the pyramid's is scaled by nearest neighbour into its cell.
        for (let y = 0; y < tileSize; y++) {
          const sy = Math.min(t.height - 1, Math.floor((y * t.height) / tileSize));
          for (let x = 0; x < tileSize; x++) {
            const sx = Math.min(t.width - 1, Math.floor((x * t.width) / tileSize));
            const si = (sy * t.width + sx) * 4;
            const di = (py + y) * width + px + x;
            bands[0][di] = t.data[si];
            bands[1][di] = t.data[si + 1];
            bands[2][di] = t.data[si + 2];
            bands[3][di] = t.data[si + 3];
          }
        }
      }
    const r = resAt(z, tileSize);
    return { width, height, bands, ox: -HALF + s.tx0 * tileSize * r, oy: HALF - s.ty0 * tileSize * r, rx: r, ry: -r, nodata: null, alpha: 3 };
  };

  return {
    name: src.name,
    proj4: WEB_MERCATOR_PROJ4,
    colouring: { kind: 'rgb' },
    sampling: 'bilinear',
    bbox: [-HALF, -HALF, HALF, HALF],
    read,
    notes,
    close: async () => {},
  };
}
