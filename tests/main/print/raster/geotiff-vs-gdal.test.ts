// GeoTIFF base maps warped into a sheet frame, judged pixel by pixel against gdalwarp (nearest):
// the real world.byte.tif (EPSG:4326), a TM-3 raster with no EPSG code (CRS from its GeoKeys,
// TOWGS84 included) warped to VN-2000 UTM 48N, and a COG read through an overview by byte ranges.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openRasterFile } from '../../../../src/main/print/raster/file-sources';
import { openRaster } from '../../../../src/main/print/raster/open-raster';
import type { GeoTiffRasterSource } from '../../../../src/main/print/raster/source';
import { findCrs } from '../../../../src/shared/crs';
import { gdalWarp, ourWarp, REAL } from './gdal-judge';

const dir = mkdtempSync(join(tmpdir(), 'quytap-raster-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TM3 = findCrs('EPSG:9218')!.proj4;
const UTM48_VN2000 = findCrs('EPSG:3405')!.proj4;
const TM3_NO_EPSG =
  '+proj=tmerc +lat_0=0 +lon_0=108.5 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278 +units=m +no_defs';

/** A binary PGM of `w`×`h` with squares of `cell` pixels in pseudo-random greys 10..250. */
export function blockPattern(w: number, h: number, cell: number): Buffer {
  const head = Buffer.from(`P5\n${w} ${h}\n255\n`, 'ascii');
  const px = Buffer.alloc(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const k = Math.floor(x / cell) * 7919 + Math.floor(y / cell) * 104729;
      px[y * w + x] = 10 + ((k * 2654435761) >>> 0) % 241;
    }
  return Buffer.concat([head, px]);
}

/** Share of pixels where our band value (through the grey/palette/RGB colouring) equals GDAL's. */
function agreement(ours: Uint8ClampedArray, gdal: Float32Array[], toRgb: (v: number[]) => [number, number, number] | null): { same: number; compared: number } {
  let same = 0;
  let compared = 0;
  for (let i = 0; i < gdal[0].length; i++) {
    const rgb = gdal[0][i] === -9999 ? [255, 255, 255] : toRgb(gdal.map((b) => b[i]));
    if (!rgb) continue;
    compared++;
    if (ours[i * 4] === rgb[0] && ours[i * 4 + 1] === rgb[1] && ours[i * 4 + 2] === rgb[2]) same++;
  }
  return { same, compared };
}

describe('GeoTIFF → sheet frame, judged by gdalwarp', () => {
  it('world.byte.tif (EPSG:4326) into VN-2000 TM-3 108°30′: ≥ 99% of pixels identical, Krông Nô on land', async () => {
    const file = REAL('rasterio-rasterio/world.byte.tif');
    const f = await openRasterFile(file);
    const r = await openRaster(f.source);
    expect(r.colouring).toMatchObject({ kind: 'grey', min: 0, max: 1 });
    // 600 km × 400 km around the Central Highlands, 3 km pixels: 0.125° source pixels are ~14 km.
    const grid = { extent: [150_000, 1_100_000, 750_000, 1_500_000] as const, width: 200, height: 133 };
    const { rgba, blocks } = await ourWarp(r, TM3, grid, 64);
    expect(blocks).toBeGreaterThan(4);
    const gdal = gdalWarp(file, TM3, grid, dir);
    const a = agreement(rgba, gdal, (v) => (v[0] >= 1 ? [255, 255, 255] : [0, 0, 0]));
    expect(a.compared).toBe(grid.width * grid.height);
    expect(a.same / a.compared).toBeGreaterThanOrEqual(0.99);
    // Krông Nô (107.85 E, 12.40 N) is land (value 1 → white); the South China Sea east of 110 E is not.
    const at = (e: number, n: number) => {
      const c = Math.floor(((e - grid.extent[0]) / (grid.extent[2] - grid.extent[0])) * grid.width);
      const row = Math.floor(((grid.extent[3] - n) / (grid.extent[3] - grid.extent[1])) * grid.height);
      return rgba[(row * grid.width + c) * 4];
    };
    expect(at(429_000, 1_371_000)).toBe(255);
    expect(at(720_000, 1_300_000)).toBe(0);
    f.close();
  });

  it('a TM-3 raster with no EPSG code (CRS read from its GeoKeys) into VN-2000 UTM 48N', async () => {
    const src = join(dir, 'tm3.tif');
    // 200 m squares of pseudo-random greys (25 m pixels), written as a PGM, georeferenced by gdal_translate.
    writeFileSync(join(dir, 'pattern.pgm'), blockPattern(800, 600, 8));
    execFileSync('gdal_translate', ['-q', '-a_srs', TM3_NO_EPSG, '-a_ullr', '420000', '1385000', '440000', '1370000', '-co', 'TILED=YES', join(dir, 'pattern.pgm'), src]);
    const info = execFileSync('gdalinfo', ['-json', src], { encoding: 'utf8' });
    expect(info).not.toMatch(/"EPSG","9218"|ID\["EPSG",9218\]/);
    const f = await openRasterFile(src);
    const geo = f.source as GeoTiffRasterSource;
    expect(geo.proj4).toContain('+proj=tmerc');
    expect(geo.proj4).toContain('+lon_0=108.5');
    expect(geo.proj4).toContain('+towgs84=-191.90441429,-39.30318279,-111.45032835');
    const r = await openRaster(f.source);
    // The same ground in UTM 48N (VN-2000): 12 km × 9 km, 20 m pixels (finer than the source: no overview).
    const grid = { extent: [812_000, 1_373_000, 824_000, 1_382_000] as const, width: 600, height: 450 };
    const { rgba } = await ourWarp(r, UTM48_VN2000, grid, 256);
    const gdal = gdalWarp(src, UTM48_VN2000, grid, dir);
    const c = r.colouring.kind === 'grey' ? r.colouring : null;
    expect(c).not.toBeNull();
    // Paper grey as our colouring makes it (clamped bytes round half to even).
    const grey = (v: number) => Uint8ClampedArray.of(((v - c!.min) / (c!.max - c!.min)) * 255)[0];
    const a = agreement(rgba, gdal, (v) => [grey(v[0]), grey(v[0]), grey(v[0])]);
    expect(a.same / a.compared).toBeGreaterThanOrEqual(0.99);
    f.close();
  }, 60_000);

  it('a JPEG-compressed COG (YCbCr, as GDAL writes it) prints in its true colours', async () => {
    const ppm = join(dir, 'colour.ppm');
    const w = 600;
    const h = 400;
    const px = Buffer.alloc(w * h * 3);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const k = Math.floor(x / 40) * 31 + Math.floor(y / 40) * 17;
        px.set([(k * 53) % 256, (k * 101) % 256, (k * 197) % 256], (y * w + x) * 3);
      }
    writeFileSync(ppm, Buffer.concat([Buffer.from(`P6\n${w} ${h}\n255\n`, 'ascii'), px]));
    const cog = join(dir, 'colour-jpeg.tif');
    execFileSync('gdal_translate', ['-q', '-a_srs', TM3_NO_EPSG, '-a_ullr', '420000', '1385000', '432000', '1377000', '-of', 'COG', '-co', 'COMPRESS=JPEG', '-co', 'QUALITY=90', ppm, cog]);
    expect(execFileSync('gdalinfo', [cog], { encoding: 'utf8' })).toMatch(/COMPRESSION=YCbCr JPEG/);
    const f = await openRasterFile(cog);
    const r = await openRaster(f.source);
    // 16 m pixels: finer than the file's 20 m, so both read the full resolution, not an overview.
    const grid = { extent: [421_000, 1_378_000, 431_000, 1_384_000] as const, width: 625, height: 375 };
    const { rgba } = await ourWarp(r, TM3, grid, 128);
    const g = gdalWarp(cog, TM3, grid, dir);
    // Both decode the same JPEG stream; at sharp colour edges their chroma upsampling differs (GDAL's
    // libjpeg interpolates, geotiff.js repeats), so colours are judged inside the uniform squares.
    const W = grid.width;
    const uniform = (i: number) => [-W - 1, -W, -W + 1, -1, 1, W - 1, W, W + 1].every((d) => [0, 1, 2].every((b) => Math.abs(g[b][i + d] - g[b][i]) <= 3));
    let judged = 0;
    let off = 0;
    for (let y = 2; y < grid.height - 2; y++)
      for (let x = 2; x < W - 2; x++) {
        const i = y * W + x;
        if (!uniform(i)) continue;
        judged++;
        if ([0, 1, 2].some((b) => Math.abs(rgba[i * 4 + b] - g[b][i]) > 4)) off++;
      }
    expect(judged).toBeGreaterThan(grid.width * grid.height * 0.5);
    expect(off / judged).toBeLessThan(0.01);
    f.close();
  }, 60_000);

  it('a palette GeoTIFF (rgb2pct.py) prints its colour table’s colours, pixel for pixel as gdalwarp', async () => {
    const ppm = join(dir, 'pal.ppm');
    const w = 300;
    const h = 200;
    const px = Buffer.alloc(w * h * 3);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const k = (Math.floor(x / 10) * 7 + Math.floor(y / 10) * 3) % 12;
        px.set([(k * 53) % 256, (k * 101) % 256, (k * 197) % 256], (y * w + x) * 3);
      }
    writeFileSync(ppm, Buffer.concat([Buffer.from(`P6\n${w} ${h}\n255\n`, 'ascii'), px]));
    const rgb = join(dir, 'pal-rgb.tif');
    const pal = join(dir, 'pal.tif');
    execFileSync('gdal_translate', ['-q', '-a_srs', 'EPSG:4326', '-a_ullr', '107.7', '12.5', '108.0', '12.3', ppm, rgb]);
    execFileSync('rgb2pct.py', ['-n', '16', '-of', 'GTiff', rgb, pal], { stdio: 'ignore' });
    const table = (JSON.parse(execFileSync('gdalinfo', ['-json', pal], { encoding: 'utf8' })) as { bands: { colorTable: { entries: number[][] } }[] }).bands[0].colorTable.entries;
    const f = await openRasterFile(pal);
    const r = await openRaster(f.source);
    expect(r.colouring.kind).toBe('palette');
    const grid = { extent: [421_000, 1_362_000, 449_000, 1_380_000] as const, width: 280, height: 180 };
    const { rgba } = await ourWarp(r, TM3, grid, 100);
    const g = gdalWarp(pal, TM3, grid, dir);
    const a = agreement(rgba, g, (v) => table[v[0]].slice(0, 3) as [number, number, number]);
    expect(a.same / a.compared).toBeGreaterThanOrEqual(0.99);
    f.close();
  }, 60_000);

  it('a COG is read through the overview matching the print resolution, fetching only part of the file', async () => {
    const cog = join(dir, 'cog.tif');
    writeFileSync(join(dir, 'big.pgm'), blockPattern(4000, 3000, 32));
    execFileSync('gdal_translate', ['-q', '-a_srs', TM3_NO_EPSG, '-a_ullr', '420000', '1385000', '440000', '1370000', join(dir, 'big.pgm'), join(dir, 'big.tif')]);
    execFileSync('gdal_translate', ['-q', '-of', 'COG', '-co', 'BLOCKSIZE=256', '-co', 'RESAMPLING=NEAREST', '-co', 'COMPRESS=NONE', join(dir, 'big.tif'), cog]);
    expect(execFileSync('gdalinfo', [cog], { encoding: 'utf8' })).toMatch(/Overviews: 2000x1500, 1000x750, 500x375/);
    const f = await openRasterFile(cog);
    const geo = f.source as GeoTiffRasterSource;
    let bytesRead = 0;
    const counted: GeoTiffRasterSource = { ...geo, read: (o, n) => ((bytesRead += n), geo.read(o, n)) };
    const r = await openRaster(counted);
    // 45 m pixels over a 9 km × 6.75 km part: the 40 m overview (5 m × 8) is the one to read.
    const grid = { extent: [813_000, 1_374_000, 822_000, 1_380_750] as const, width: 200, height: 150 };
    const { rgba } = await ourWarp(r, UTM48_VN2000, grid, 128);
    const gdal = gdalWarp(cog, UTM48_VN2000, grid, dir);
    const c = r.colouring.kind === 'grey' ? r.colouring : null;
    const grey = (v: number) => Uint8ClampedArray.of(((v - c!.min) / (c!.max - c!.min)) * 255)[0];
    const a = agreement(rgba, gdal, (v) => [grey(v[0]), grey(v[0]), grey(v[0])]);
    expect(a.same / a.compared).toBeGreaterThanOrEqual(0.99);
    // Headers, the coarsest level (grey range) and the tiles under the frame; never the full resolution.
    expect(bytesRead).toBeLessThan(geo.size * 0.05);
    f.close();
  }, 60_000);
});
