// Where each output pixel comes from: the source-CRS position of every pixel centre of a block of
// the sheet's raster. Projecting millions of pixels with proj4 one by one is slow, so positions are
// projected exactly on a coarse grid and interpolated bilinearly in between (as GDAL's approximate
// transformer does); the grid is refined until the interpolation error, measured at the middle and
// the edge middles of every grid cell, is within `tolerance` (source units).

export type Transform = (x: number, y: number) => [number, number];

export interface PixelGrid {
  /** Ground extent of the whole output raster (destination CRS), north up. */
  extent: readonly [number, number, number, number];
  /** Size of the whole output raster in pixels. */
  width: number;
  height: number;
}

export interface Block {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SourcePositions {
  sx: Float64Array;
  sy: Float64Array;
  /** Grid step used, in output pixels (1 = every pixel projected exactly). */
  step: number;
  /** Largest interpolation error seen at the cell and edge middles, source units. */
  maxError: number;
}

const START_STEP = 64;

/** Centre of output pixel (col, row) in destination coordinates. */
export function pixelCentre(g: PixelGrid, col: number, row: number): [number, number] {
  const [e0, n0, e1, n1] = g.extent;
  return [e0 + ((col + 0.5) * (e1 - e0)) / g.width, n1 - ((row + 0.5) * (n1 - n0)) / g.height];
}

function nodesOf(len: number, step: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < len - 1; i += step) out.push(i);
  out.push(Math.max(0, len - 1));
  return out;
}

/** Reusable output arrays (a print warps many blocks: fresh arrays would pile up until a major GC). */
export interface PositionBuffers {
  sx: Float64Array;
  sy: Float64Array;
}

export function sourcePositions(g: PixelGrid, b: Block, toSource: Transform, tolerance: number, reuse?: PositionBuffers): SourcePositions {
  for (let step = Math.min(START_STEP, Math.max(b.w, b.h)); ; step = Math.max(1, step >> 1)) {
    const xs = nodesOf(b.w, step);
    const ys = nodesOf(b.h, step);
    const nx = xs.length;
    const gx = new Float64Array(nx * ys.length);
    const gy = new Float64Array(nx * ys.length);
    let finite = true;
    ys.forEach((j, r) =>
      xs.forEach((i, c) => {
        const [px, py] = pixelCentre(g, b.x + i, b.y + j);
        const [sx, sy] = toSource(px, py);
        gx[r * nx + c] = sx;
        gy[r * nx + c] = sy;
        if (!Number.isFinite(sx) || !Number.isFinite(sy)) finite = false;
      }),
    );
    let maxError = 0;
    if (finite && step > 1) {
      // Conformal maps (TM → UTM, TM → Mercator) bend in opposite senses along x and y, so the error
      // at a cell's middle can vanish while its edges are off: edge middles are measured too.
      const probe = (i: number, j: number, ix: number, iy: number) => {
        const [ex, ey] = toSource(...pixelCentre(g, b.x + i, b.y + j));
        const err = Math.hypot(ex - ix, ey - iy);
        if (!(err <= maxError)) maxError = Number.isFinite(err) ? err : Infinity;
      };
      for (let r = 0; r + 1 < ys.length; r++)
        for (let c = 0; c + 1 < nx; c++) {
          const k = r * nx + c;
          const [i0, i1, j0, j1] = [xs[c], xs[c + 1], ys[r], ys[r + 1]];
          probe((i0 + i1) / 2, (j0 + j1) / 2, (gx[k] + gx[k + 1] + gx[k + nx] + gx[k + nx + 1]) / 4, (gy[k] + gy[k + 1] + gy[k + nx] + gy[k + nx + 1]) / 4);
          probe((i0 + i1) / 2, j0, (gx[k] + gx[k + 1]) / 2, (gy[k] + gy[k + 1]) / 2);
          probe(i0, (j0 + j1) / 2, (gx[k] + gx[k + nx]) / 2, (gy[k] + gy[k + nx]) / 2);
          if (r + 2 === ys.length) probe((i0 + i1) / 2, j1, (gx[k + nx] + gx[k + nx + 1]) / 2, (gy[k + nx] + gy[k + nx + 1]) / 2);
          if (c + 2 === nx) probe(i1, (j0 + j1) / 2, (gx[k + 1] + gx[k + nx + 1]) / 2, (gy[k + 1] + gy[k + nx + 1]) / 2);
        }
    }
    // Non-finite positions (outside the projection's domain) cannot be interpolated: exact then.
    if (step > 1 && (!finite || maxError > tolerance)) continue;
    return { ...fill(b, xs, ys, gx, gy, reuse), step, maxError };
  }
}

function fill(b: Block, xs: number[], ys: number[], gx: Float64Array, gy: Float64Array, reuse?: PositionBuffers): PositionBuffers {
  const n = b.w * b.h;
  const sx = reuse && reuse.sx.length >= n ? reuse.sx.subarray(0, n) : new Float64Array(n);
  const sy = reuse && reuse.sy.length >= n ? reuse.sy.subarray(0, n) : new Float64Array(n);
  const nx = xs.length;
  // Per row: the positions under every grid column (linear between grid rows), then linear along
  // the row between grid columns, by constant increments.
  const colX = new Float64Array(nx);
  const colY = new Float64Array(nx);
  let r = 0;
  for (let j = 0; j < b.h; j++) {
    while (r + 1 < ys.length - 1 && ys[r + 1] <= j) r++;
    const r1 = Math.min(r + 1, ys.length - 1);
    const v = r1 === r ? 0 : (j - ys[r]) / (ys[r1] - ys[r]);
    for (let c = 0; c < nx; c++) {
      colX[c] = (1 - v) * gx[r * nx + c] + v * gx[r1 * nx + c];
      colY[c] = (1 - v) * gy[r * nx + c] + v * gy[r1 * nx + c];
    }
    const row = j * b.w;
    if (nx === 1) {
      sx.fill(colX[0], row, row + b.w);
      sy.fill(colY[0], row, row + b.w);
      continue;
    }
    for (let c = 0; c + 1 < nx; c++) {
      const i0 = xs[c];
      const i1 = xs[c + 1];
      const span = i1 - i0;
      const dx = (colX[c + 1] - colX[c]) / span;
      const dy = (colY[c + 1] - colY[c]) / span;
      const end = c + 2 === nx ? i1 : i1 - 1;
      for (let i = i0; i <= end; i++) {
        sx[row + i] = colX[c] + (i - i0) * dx;
        sy[row + i] = colY[c] + (i - i0) * dy;
      }
    }
  }
  return { sx, sy };
}
