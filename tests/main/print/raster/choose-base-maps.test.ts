// Which base maps a sheet prints, and stopping a print mid-warp: ids nobody can open are refused
// (never silently dropped), files come before the project’s, a cancel stops between blocks, and
// nodata is judged over all bands of a pixel.
import { describe, expect, it } from 'vitest';
import { openRasterFile } from '../../../../src/main/print/raster/file-sources';
import { chooseBaseMaps, openAll } from '../../../../src/main/print/raster/sheet-base-maps';
import type { RasterSource } from '../../../../src/main/print/raster/source';
import { warpToFrame } from '../../../../src/main/print/raster/warp-to-frame';
import { ApiError } from '../../../../src/shared/api';
import { findCrs } from '../../../../src/shared/crs';
import { REAL } from './gdal-judge';

const tiles = (name: string): RasterSource => ({ kind: 'tiles', name, minZoom: 0, maxZoom: 0, getTile: async () => null });

describe('chooseBaseMaps', () => {
  it('refuses ids when the project cannot open base maps, in Vietnamese and English', async () => {
    const e = await chooseBaseMaps({ baseMaps: ['abc'] }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).vi).toMatch(/bản đồ nền/);
    expect((e as ApiError).en).toMatch(/base maps/);
  });

  it('defaults to the visible ones, [] means none, files first, each at its opacity', async () => {
    const opened: string[] = [];
    const choice = {
      sources: [tiles('file')],
      open: (id: string) => (opened.push(id), tiles(id)),
      visible: () => ['a', 'b'],
      opacity: (id: string) => (id === 'b' ? 0.5 : 1),
    };
    const all = await chooseBaseMaps({}, choice);
    expect(all.map((c) => [c.source.name, c.opacity])).toEqual([['file', 1], ['a', 1], ['b', 0.5]]);
    expect((await chooseBaseMaps({ baseMaps: [] }, { ...choice, sources: [] })).length).toBe(0);
    expect((await chooseBaseMaps({ baseMaps: ['b'] }, { ...choice, sources: [] })).map((c) => c.source.name)).toEqual(['b']);
  });
});

describe('cancel', () => {
  it('a cancelled print stops warping with the cancel error', async () => {
    const f = await openRasterFile(REAL('rasterio-rasterio/world.byte.tif'));
    const rasters = await openAll([{ source: f.source, opacity: 1 }]);
    const ac = new AbortController();
    ac.abort();
    const frame = { x: 10, y: 10, w: 200, h: 150, extent: [300_000, 1_300_000, 500_000, 1_450_000] as [number, number, number, number], scale: 1_000_000 };
    const e = await warpToFrame(rasters, frame, findCrs('EPSG:9218')!.proj4, { signal: ac.signal }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).code).toBe('cancelled');
    f.close();
  });
});

describe('nodata', () => {
  it('an RGB pixel is nodata only when all its bands hold the nodata value (as GDAL)', async () => {
    const { sample } = await import('../../../../src/main/print/raster/sample');
    const r = { width: 3, height: 1, bands: [Uint8Array.of(0, 0, 9), Uint8Array.of(0, 50, 9), Uint8Array.of(0, 80, 9)], ox: 0, oy: 1, rx: 1, ry: -1, nodata: 0, alpha: null };
    const s = sample(r, Float64Array.of(0.5, 1.5, 2.5), Float64Array.of(0.5, 0.5, 0.5), 'nearest');
    expect(Array.from(s.valid)).toEqual([0, 1, 1]);
    expect([s.bands[0][1], s.bands[1][1], s.bands[2][1]]).toEqual([0, 50, 80]);
  });
});
