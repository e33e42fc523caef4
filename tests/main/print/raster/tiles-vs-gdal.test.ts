// Web Mercator tile pyramids as base maps: the real geography-class MBTiles (PNG, zoom 0–1) read
// with our MBTiles reader, warped into the working CRS and judged against gdalwarp on the same file;
// files that are not raster base maps are refused with a message, never half-printed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openRasterFile } from '../../../../src/main/print/raster/file-sources';
import { openRaster } from '../../../../src/main/print/raster/open-raster';
import { decodeTile } from '../../../../src/main/print/raster/tile-reader';
import { openMbtilesFile } from '../../../../src/main/store/mbtiles-reader';
import { ApiError } from '../../../../src/shared/api';
import { findCrs } from '../../../../src/shared/crs';
import { gdalWarp, ourWarp, REAL } from './gdal-judge';

const dir = mkdtempSync(join(tmpdir(), 'quytap-tiles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MBTILES = REAL('consbio-mbtileserver/geography-class-png.mbtiles');
const TM3 = findCrs('EPSG:9218')!.proj4;

describe('MBTiles base maps', () => {
  it('reads XYZ rows (MBTiles stores them bottom-up): every zoom-1 tile equals GDAL’s pixels at its place', () => {
    const whole = join(dir, 'whole.bin');
    execFileSync('gdal_translate', ['-q', '-of', 'ENVI', '-co', 'INTERLEAVE=BSQ', MBTILES, whole]);
    const g = readFileSync(whole);
    const n = 512 * 512;
    const mb = openMbtilesFile(MBTILES);
    try {
      expect([mb.minZoom, mb.maxZoom, mb.format]).toEqual([0, 1, 'png']);
      for (const [tx, ty] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
        const t = decodeTile(mb.getTile(1, tx, ty)!);
        expect([t.width, t.height]).toEqual([256, 256]);
        let differ = 0;
        for (let y = 0; y < 256; y++)
          for (let x = 0; x < 256; x++)
            for (let b = 0; b < 4; b++) if (t.data[(y * 256 + x) * 4 + b] !== g[b * n + (ty * 256 + y) * 512 + tx * 256 + x]) differ++;
        expect(differ).toBe(0);
      }
      expect(mb.getTile(1, 5, 5)).toBeNull();
    } finally {
      mb.close();
    }
  });

  it('warped into VN-2000 TM-3 over Indochina: ≥ 99% of pixels identical to gdalwarp', async () => {
    const f = await openRasterFile(MBTILES);
    const r = await openRaster(f.source);
    // 1,400 km × 1,800 km at 10 km pixels: zoom 1 (78 km pixels) is the finest there is.
    const grid = { extent: [-200_000, 800_000, 1_200_000, 2_600_000] as const, width: 140, height: 180 };
    const { rgba } = await ourWarp(r, TM3, grid, 64);
    // -et 0: exact positions. GDAL's default approximation (0.125 output px) is coarser than ours
    // over 1,800 km and alone moves ~3% of these pixels to a neighbouring 78 km source pixel.
    const g = gdalWarp(MBTILES, TM3, grid, dir, ['-et', '0']);
    expect(g).toHaveLength(4);
    let same = 0;
    let compared = 0;
    for (let i = 0; i < grid.width * grid.height; i++) {
      if (g[3][i] !== 255) continue;
      compared++;
      if (rgba[i * 4] === g[0][i] && rgba[i * 4 + 1] === g[1][i] && rgba[i * 4 + 2] === g[2][i]) same++;
    }
    expect(compared).toBeGreaterThan(grid.width * grid.height * 0.9);
    expect(same / compared).toBeGreaterThanOrEqual(0.99);
    f.close();
  });

  it('refuses a vector MBTiles, a missing file and a file that is not a raster, in Vietnamese and English', async () => {
    const refused = async (p: string) => {
      try {
        await openRasterFile(p);
      } catch (e) {
        expect(e).toBeInstanceOf(ApiError);
        return e as ApiError;
      }
      throw new Error(`accepted ${p}`);
    };
    expect((await refused(REAL('consbio-mbtileserver/world_cities.mbtiles'))).en).toMatch(/vector tiles/);
    expect((await refused(join(dir, 'missing.tif'))).vi).toMatch(/Không mở được/);
    const junk = join(dir, 'junk.tif');
    writeFileSync(junk, 'not a tiff at all');
    const e = await refused(junk);
    expect(e.vi).toMatch(/bản đồ nền/);
    expect(e.en).toMatch(/base map/);
    expect((await refused(join(dir, 'map.png'))).en).toMatch(/\.tif or \.mbtiles/);
  });
});
