// Base maps → JPEG images covering the sheet's map frame: the frame (a north-up rectangle of the
// working CRS) is cut into blocks of output pixels; for each block and each base map (bottom first)
// the source positions are computed (coarse grid, bounded error), the window of the source they
// fall in is read at the level matching the print resolution, sampled, and painted over what lies
// below (JPEG has no transparency, so base maps are composited here, not stacked in the PDF).
// Blocks no base map reaches are left out (the paper is white there anyway).
import jpeg from 'jpeg-js';
import proj4 from 'proj4';
import { ApiError } from '../../../shared/api-error';
import type { ComposeReport, PrintBaseMap } from '../../../shared/print';
import type { SheetRaster } from './sheet-base-maps';

type Frame = ComposeReport['frame'];
import { paintOnto } from './colourise';
import { BLOCK_PX, jpegQuality, printDpi } from './print-resolution';
import type { Bbox, Sampling } from './raster-model';
import { sample, type Samples } from './sample';
import { pixelCentre, sourcePositions, type PositionBuffers, type Block, type PixelGrid, type Transform } from './warp-grid';

export interface WarpOptions {
  dpi?: number;
  quality?: number;
  sampling?: Sampling;
  blockPx?: number;
  signal?: AbortSignal;
  /** Blocks of the frame done so far, of all (the print job's progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/** Interpolation error allowed, in output pixels (at 200 dpi: 0.013 mm on paper). */
export const GRID_TOLERANCE_PX = 0.1;

export function transformBetween(fromProj4: string, toProj4: string): Transform {
  const c = proj4(fromProj4, toProj4);
  return (x, y) => {
    const p = c.forward([x, y]);
    return [p[0], p[1]];
  };
}

function boundsOf(sx: Float64Array, sy: Float64Array): Bbox | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < sx.length; i++) {
    const x = sx[i];
    const y = sy[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return x0 <= x1 ? [x0, y0, x1, y1] : null;
}

/** Source units per output pixel near the block's middle (how fine the source must be read). */
function resolutionOf(sx: Float64Array, sy: Float64Array, w: number, h: number): number {
  const i = Math.floor(h / 2) * w + Math.floor(w / 2);
  const dx = w > 1 ? Math.hypot(sx[i + 1] - sx[i], sy[i + 1] - sy[i]) : Infinity;
  const dy = h > 1 ? Math.hypot(sx[i + w] - sx[i], sy[i + w] - sy[i]) : Infinity;
  const d = Math.min(dx, dy);
  return Number.isFinite(d) && d > 0 ? d : Infinity;
}

/** Source units spanned by one output pixel at (col, row). */
function pixelSizeAt(grid: PixelGrid, toSource: Transform, col: number, row: number): number {
  const [ax, ay] = toSource(...pixelCentre(grid, col, row));
  const [bx, by] = toSource(...pixelCentre(grid, col + 1, row));
  const [cx, cy] = toSource(...pixelCentre(grid, col, row + 1));
  return Math.min(Math.hypot(bx - ax, by - ay), Math.hypot(cx - ax, cy - ay));
}

export interface WarpedBlock {
  block: Block;
  rgba: Uint8ClampedArray;
  /** Names of the base maps that put pixels into this block. */
  painted: Set<string>;
}

interface Layer extends SheetRaster {
  toSource: Transform;
}

/** Buffers shared by every block and layer of one warp, so memory stays at one block's worth. */
interface Scratch {
  pos?: PositionBuffers;
  /** Per layer: base maps have different band counts. */
  samples: Map<Layer, Samples>;
  rgba?: Uint8ClampedArray;
}

/** Paints one base map into a block; false when it has no pixel there. */
async function paintLayer(l: Layer, grid: PixelGrid, block: Block, rgba: Uint8ClampedArray, o: WarpOptions, scratch: Scratch): Promise<boolean> {
  const { raster, toSource } = l;
  const tol = GRID_TOLERANCE_PX * pixelSizeAt(grid, toSource, block.x + block.w / 2, block.y + block.h / 2);
  const pos = sourcePositions(grid, block, toSource, Number.isFinite(tol) ? tol : 0, scratch.pos);
  // Whole buffers kept (an edge block's views are shorter than the first block's).
  scratch.pos = { sx: new Float64Array(pos.sx.buffer), sy: new Float64Array(pos.sy.buffer) };
  const b = boundsOf(pos.sx, pos.sy);
  if (!b || b[2] < raster.bbox[0] || b[0] > raster.bbox[2] || b[3] < raster.bbox[1] || b[1] > raster.bbox[3]) return false;
  const res = resolutionOf(pos.sx, pos.sy, block.w, block.h);
  const src = await raster.read(b, Number.isFinite(res) ? res : (grid.extent[2] - grid.extent[0]) / grid.width);
  if (!src) return false;
  const s = sample(src, pos.sx, pos.sy, o.sampling ?? raster.sampling, scratch.samples.get(l));
  scratch.samples.set(l, { bands: s.bands.map((b) => new Float32Array(b.buffer)), valid: new Uint8Array(s.valid.buffer) });
  return paintOnto(rgba, s, raster.colouring, src.alpha, l.opacity) > 0;
}

/** The composited pixels of every block of the frame that some base map reaches (tests use it directly). */
export async function* warpBlocks(rasters: SheetRaster[], grid: PixelGrid, workingProj4: string, o: WarpOptions = {}): AsyncGenerator<WarpedBlock> {
  const layers: Layer[] = rasters.map((r) => ({ ...r, toSource: transformBetween(workingProj4, r.raster.proj4) }));
  const bp = o.blockPx ?? BLOCK_PX;
  const scratch: Scratch = { samples: new Map() };
  const total = Math.ceil(grid.width / bp) * Math.ceil(grid.height / bp);
  let done = 0;
  for (let y = 0; y < grid.height; y += bp)
    for (let x = 0; x < grid.width; x += bp) {
      if (o.signal?.aborted) throw new ApiError('cancelled', 'Đã hủy in.', 'Printing was cancelled.');
      o.onProgress?.(done++, total);
      // One pixel of overlap with the next block: no hairline seam between images in viewers.
      const block: Block = { x, y, w: Math.min(bp + 1, grid.width - x), h: Math.min(bp + 1, grid.height - y) };
      // The same pixels for every block: a block is encoded before the next one is warped.
      const size = block.w * block.h * 4;
      if (!scratch.rgba || scratch.rgba.length < size) scratch.rgba = new Uint8ClampedArray(size);
      const rgba = scratch.rgba.subarray(0, size).fill(255);
      const painted = new Set<string>();
      for (const l of layers) if (await paintLayer(l, grid, block, rgba, o, scratch)) painted.add(l.raster.name);
      if (painted.size) yield { block, rgba, painted };
    }
}

export function frameGrid(frame: Frame, dpi: number): PixelGrid {
  return { extent: frame.extent, width: Math.max(1, Math.round((frame.w / 25.4) * dpi)), height: Math.max(1, Math.round((frame.h / 25.4) * dpi)) };
}

/** JPEG images (paper mm) of the base maps over the frame, with the names of those that reach it. */
export async function warpToFrame(rasters: SheetRaster[], frame: Frame, workingProj4: string, o: WarpOptions = {}): Promise<PrintBaseMap> {
  const dpi = o.dpi ?? printDpi(frame.w, frame.h);
  const quality = o.quality ?? jpegQuality(dpi);
  const grid = frameGrid(frame, dpi);
  const mmX = frame.w / grid.width;
  const mmY = frame.h / grid.height;
  const images: PrintBaseMap['images'] = [];
  const reached = new Set<string>();
  for await (const wb of warpBlocks(rasters, grid, workingProj4, { ...o, dpi })) {
    const { block } = wb;
    for (const n of wb.painted) reached.add(n);
    const data = Buffer.from(jpeg.encode({ width: block.w, height: block.h, data: wb.rgba }, quality).data).toString('base64');
    images.push({ x: frame.x + block.x * mmX, y: frame.y + block.y * mmY, w: block.w * mmX, h: block.h * mmY, data });
    // Encoding is CPU-bound: let progress events and a cancel through between blocks.
    await new Promise<void>((r) => setImmediate(r));
  }
  return { names: rasters.map((r) => r.raster.name).filter((n) => reached.has(n)), images };
}
