// What an MBTiles file holds, and whether it is a raster one we can store. Vector MBTiles (pbf) are
// refused: they need a style to become a picture, which a district hall has no way to supply.
import { basename } from 'node:path';
import { MbtilesFile, mbtilesError, type MbtilesTile } from '../store/mbtiles-file';
import { imageSize, sniffTile, type TileFormat } from './image-format';
import { lonLatTo3857, mercatorToLonLat, type Bbox } from './extent';
import { WEB_MERCATOR_HALF } from '../store/basemap-repo';

export interface MbtilesFacts {
  name: string;
  format: TileFormat;
  minZoom: number;
  maxZoom: number;
  tileSize: number;
  count: number;
  extent3857: Bbox;
  extentWgs84: Bbox;
}

const vectorRefusal = (path: string) =>
  mbtilesError(
    path,
    'đây là MBTiles vector (pbf), không phải ảnh. QuyTap chỉ dùng MBTiles ảnh (PNG, JPEG, WebP) làm bản đồ nền. Hãy xuất bản đồ nền dạng ảnh (ví dụ bằng QGIS: "Generate XYZ tiles (MBTiles)").',
    'is a vector MBTiles (pbf), not imagery. QuyTap uses raster MBTiles (PNG, JPEG, WebP) as base maps. Export the base map as imagery (e.g. QGIS "Generate XYZ tiles (MBTiles)").',
  );

/** Refuses anything but a PNG/JPEG/WebP tile. */
export function checkRasterTile(path: string, t: MbtilesTile): TileFormat {
  const f = sniffTile(t.data);
  if (f === 'gzip') throw vectorRefusal(path);
  if (!f)
    throw mbtilesError(
      path,
      `ô ảnh z=${t.zoom} x=${t.column} y=${t.tmsRow} không phải ảnh PNG, JPEG hay WebP.`,
      `tile z=${t.zoom} x=${t.column} y=${t.tmsRow} is not a PNG, JPEG or WebP image.`,
    );
  if (!Number.isInteger(t.zoom) || t.zoom < 0 || t.zoom > 24 || t.column < 0 || t.tmsRow < 0 || t.column >= 2 ** t.zoom || t.tmsRow >= 2 ** t.zoom)
    throw mbtilesError(path, `ô ảnh có số hiệu không hợp lệ (z=${t.zoom} x=${t.column} y=${t.tmsRow}).`, `a tile has an invalid address (z=${t.zoom} x=${t.column} y=${t.tmsRow}).`);
  return f;
}

function boundsOf(meta: Record<string, string>, f: MbtilesFile, maxZoom: number): Bbox {
  const b = (meta.bounds ?? '').split(',').map(Number);
  if (b.length === 4 && b.every(Number.isFinite) && b[0]! < b[2]! && b[1]! < b[3]!) {
    const lo = lonLatTo3857(Math.max(-180, b[0]!), b[1]!);
    const hi = lonLatTo3857(Math.min(180, b[2]!), b[3]!);
    return [lo[0], lo[1], hi[0], hi[1]];
  }
  // No usable bounds: the tiles present at the deepest zoom say where the map is.
  const r = f.ranges().find((x) => x.zoom === maxZoom)!;
  const span = (2 * WEB_MERCATOR_HALF) / 2 ** maxZoom;
  return [-WEB_MERCATOR_HALF + r.minCol * span, -WEB_MERCATOR_HALF + r.minRow * span, -WEB_MERCATOR_HALF + (r.maxCol + 1) * span, -WEB_MERCATOR_HALF + (r.maxRow + 1) * span];
}

export function readMbtilesFacts(path: string): MbtilesFacts {
  const f = MbtilesFile.open(path);
  try {
    const meta = f.metadata();
    const fmt = (meta.format ?? '').toLowerCase();
    if (fmt === 'pbf' || fmt === 'mvt' || /"vector_layers"/.test(meta.json ?? '')) throw vectorRefusal(path);
    const s = f.summary();
    if (s.count === 0 || s.minZoom === null || s.maxZoom === null)
      throw mbtilesError(path, 'tệp không có ô ảnh nào.', 'the file has no tiles.');
    const first = f.firstTile()!;
    const format = checkRasterTile(path, first);
    const size = imageSize(first.data);
    if (!size || size.width !== size.height || ![128, 256, 512, 1024].includes(size.width))
      throw mbtilesError(
        path,
        `ô ảnh phải vuông 256 hoặc 512 điểm ảnh (ô đầu tiên: ${size ? `${size.width}×${size.height}` : 'không rõ'}).`,
        `tiles must be square, 256 or 512 pixels (first tile: ${size ? `${size.width}×${size.height}` : 'unknown'}).`,
      );
    const extent3857 = boundsOf(meta, f, s.maxZoom);
    const lo = mercatorToLonLat(extent3857[0], extent3857[1]);
    const hi = mercatorToLonLat(extent3857[2], extent3857[3]);
    return {
      name: meta.name?.trim() || basename(path).replace(/\.mbtiles$/i, ''),
      format,
      minZoom: s.minZoom,
      maxZoom: s.maxZoom,
      tileSize: size.width,
      count: s.count,
      extent3857,
      extentWgs84: [lo[0], lo[1], hi[0], hi[1]].map((v) => Math.round(v * 1e7) / 1e7) as Bbox,
    };
  } finally {
    f.close();
  }
}
