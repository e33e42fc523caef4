// Test helper: what GDAL makes of the same warp (gdalwarp, nearest), to judge ours against, and our
// own warp of a whole frame gathered into one RGBA buffer.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenedRaster } from '../../../../src/main/print/raster/raster-model';
import { warpBlocks } from '../../../../src/main/print/raster/warp-to-frame';
import type { PixelGrid } from '../../../../src/main/print/raster/warp-grid';

export const REAL = (p: string) => join(process.cwd(), '../shared/data/real', p);

/** GDAL's nearest-neighbour warp of `file` onto `grid`: one Float32Array per band, -9999 where empty. */
export function gdalWarp(file: string, proj4: string, grid: PixelGrid, dir: string, extra: string[] = []): Float32Array[] {
  const out = join(dir, `gdal-${Math.random().toString(36).slice(2)}.bin`);
  execFileSync('gdalwarp', [
    '-q', '-overwrite', '-t_srs', proj4,
    '-te', ...grid.extent.map(String), '-ts', String(grid.width), String(grid.height),
    '-r', 'near', '-ot', 'Float32', '-dstnodata', '-9999', '-of', 'ENVI', '-co', 'INTERLEAVE=BSQ', ...extra, file, out,
  ]);
  const all = new Float32Array(readFileSync(out).buffer.slice(0));
  const n = grid.width * grid.height;
  return Array.from({ length: all.length / n }, (_, b) => all.subarray(b * n, (b + 1) * n));
}

/** Our warp of the whole grid as one RGBA buffer (white where the raster has nothing). */
export async function ourWarp(r: OpenedRaster, proj4: string, grid: PixelGrid, blockPx = 96): Promise<{ rgba: Uint8ClampedArray; blocks: number }> {
  const rgba = new Uint8ClampedArray(grid.width * grid.height * 4).fill(255);
  let blocks = 0;
  for await (const wb of warpBlocks([{ raster: r, opacity: 1 }], grid, proj4, { sampling: 'nearest', blockPx })) {
    blocks++;
    const { x, y, w, h } = wb.block;
    for (let j = 0; j < h; j++) rgba.set(wb.rgba.subarray(j * w * 4, (j + 1) * w * 4), ((y + j) * grid.width + x) * 4);
  }
  return { rgba, blocks };
}
