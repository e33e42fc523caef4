// The coarse-grid inverse projection: interpolated source positions stay within the tolerance of
// the exact proj4 positions at EVERY pixel, not only at the cell middles the grid checks.
import { describe, expect, it } from 'vitest';
import { sourcePositions, pixelCentre, type PixelGrid } from '../../../../src/main/print/raster/warp-grid';
import { transformBetween } from '../../../../src/main/print/raster/warp-to-frame';
import { WEB_MERCATOR_PROJ4 } from '../../../../src/main/print/raster/tile-reader';
import { findCrs } from '../../../../src/shared/crs';

const TM3 = findCrs('EPSG:9218')!.proj4;

function worstError(grid: PixelGrid, toSource: ReturnType<typeof transformBetween>, tol: number) {
  const block = { x: 0, y: 0, w: grid.width, h: grid.height };
  const p = sourcePositions(grid, block, toSource, tol);
  let worst = 0;
  for (let j = 0; j < block.h; j++)
    for (let i = 0; i < block.w; i++) {
      const [ex, ey] = toSource(...pixelCentre(grid, i, j));
      worst = Math.max(worst, Math.hypot(ex - p.sx[j * block.w + i], ey - p.sy[j * block.w + i]));
    }
  return { worst, step: p.step };
}

describe('source positions on a coarse grid', () => {
  it.each([
    ['WGS 84 degrees', '+proj=longlat +datum=WGS84 +no_defs', 1e-7],
    ['Web Mercator metres', WEB_MERCATOR_PROJ4, 0.01],
    ['VN-2000 UTM 48N metres', findCrs('EPSG:3405')!.proj4, 0.01],
  ])('A0 frame at 1:250,000 (≈ 200 km) from TM-3 into %s: every pixel within the tolerance', (_n, proj4, tol) => {
    // 640 × 500 pixels over 230 km × 180 km: the grid must refine where the projections bend apart.
    const grid: PixelGrid = { extent: [330_000, 1_280_000, 560_000, 1_460_000], width: 640, height: 500 };
    const t = transformBetween(TM3, proj4);
    const { worst, step } = worstError(grid, t, tol);
    // Checked at cell and edge middles only, so every pixel is allowed twice the tolerance.
    expect(worst).toBeLessThanOrEqual(2 * tol);
    expect(step).toBeGreaterThanOrEqual(1);
  });

  it('refines the grid when the tolerance demands it, and is exact at step 1', () => {
    const grid: PixelGrid = { extent: [330_000, 1_280_000, 560_000, 1_460_000], width: 300, height: 200 };
    const t = transformBetween(TM3, '+proj=longlat +datum=WGS84 +no_defs');
    const loose = worstError(grid, t, 1);
    const tight = worstError(grid, t, 1e-9);
    expect(loose.step).toBeGreaterThan(tight.step);
    expect(loose.worst).toBeGreaterThan(1e-9);
    expect(tight.worst).toBeLessThanOrEqual(2e-9);
  });

  it('falls back to exact positions where the projection gives no number', () => {
    // Web Mercator has no position beyond the poles: a frame reaching them cannot be interpolated.
    const grid: PixelGrid = { extent: [-180, 60, 180, 90], width: 90, height: 30 };
    const t = transformBetween('+proj=longlat +datum=WGS84 +no_defs', WEB_MERCATOR_PROJ4);
    const p = sourcePositions(grid, { x: 0, y: 0, w: 90, h: 30 }, t, 1);
    expect(p.step).toBe(1);
  });
});
