// How finely base maps are printed: 200 dpi on A4–A3 frames, fewer dots on larger frames so that
// one frame stays within the pixel budget; and the warp reports its progress block by block.
import { describe, expect, it } from 'vitest';
import { FRAME_BUDGET_PX, MAX_DPI, printDpi } from '../../../../src/main/print/raster/print-resolution';
import { openRasterFile } from '../../../../src/main/print/raster/file-sources';
import { openAll } from '../../../../src/main/print/raster/sheet-base-maps';
import { frameGrid, warpToFrame } from '../../../../src/main/print/raster/warp-to-frame';
import { findCrs } from '../../../../src/shared/crs';
import { REAL } from './gdal-judge';

// Map frames of the composer's landscape sheets, mm (approximately: the panel takes a third).
const FRAMES = { A4: [180, 150], A3: [290, 235], A2: [400, 340], A1: [560, 480], A0: [800, 690] } as const;

describe('print resolution', () => {
  it('prints A4 and A3 frames at 200 dpi and keeps every frame within the pixel budget', () => {
    expect(printDpi(...FRAMES.A4)).toBe(MAX_DPI);
    expect(printDpi(...FRAMES.A3)).toBe(MAX_DPI);
    for (const [w, h] of Object.values(FRAMES)) {
      const g = frameGrid({ x: 0, y: 0, w, h, extent: [0, 0, w, h], scale: 1000 }, printDpi(w, h));
      expect(g.width * g.height).toBeLessThanOrEqual(FRAME_BUDGET_PX * 1.01);
    }
    expect(printDpi(...FRAMES.A0)).toBeLessThan(150);
    expect(printDpi(...FRAMES.A0)).toBeGreaterThanOrEqual(100);
  });

  it('reports progress once per block, up to the last', async () => {
    const f = await openRasterFile(REAL('rasterio-rasterio/world.byte.tif'));
    const seen: [number, number][] = [];
    const frame = { x: 0, y: 0, w: 100, h: 60, extent: [300_000, 1_300_000, 500_000, 1_420_000] as [number, number, number, number], scale: 2_000_000 };
    const r = await warpToFrame(await openAll([{ source: f.source, opacity: 1 }]), frame, findCrs('EPSG:9218')!.proj4, { dpi: 100, blockPx: 128, onProgress: (d, t) => seen.push([d, t]) });
    // 100 × 60 mm at 100 dpi = 394 × 236 pixels: 4 × 2 blocks.
    expect(seen.map((s) => s[1])).toEqual(Array(8).fill(8));
    expect(seen.map((s) => s[0])).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(r.images.length).toBe(8);
    expect(r.names).toEqual(['world.byte.tif']);
    f.close();
  });
});
