// Band values of a source raster at given source-CRS positions: nearest (GDAL's -r near: the pixel
// whose area holds the position) or bilinear (between the four nearest pixel centres; where one of
// them is missing or nodata, nearest instead, so no edge bleeds into paper white).
import type { Sampling, SourceRaster } from './raster-model';

export interface Samples {
  /** One per band, n values. */
  bands: Float32Array[];
  /** 1 where the raster has a value (inside it, not nodata, not fully transparent). */
  valid: Uint8Array;
}

/** `reuse`: arrays of an earlier call, used again when large enough (blocks of one print). */
export function sample(r: SourceRaster, sx: Float64Array, sy: Float64Array, method: Sampling, reuse?: Samples): Samples {
  const n = sx.length;
  const nb = r.bands.length;
  const bands = Array.from({ length: nb }, (_, b) => {
    const old = reuse?.bands[b];
    return old && old.length >= n ? old.subarray(0, n) : new Float32Array(n);
  });
  const valid = reuse && reuse.valid.length >= n ? reuse.valid.subarray(0, n).fill(0) : new Uint8Array(n);
  const { width: w, height: h, nodata } = r;
  const src = r.bands;
  const first = src[0];
  const alpha = r.alpha !== null ? src[r.alpha] : null;
  // As GDAL's warper: a pixel is nodata when EVERY band holds the nodata value (an RGB pixel with
  // one channel at 0 is still a colour), and fully transparent when its alpha is 0.
  const colourBands = src.filter((_, i) => i !== r.alpha);
  const isNodata =
    nodata === null
      ? () => false
      : colourBands.length === 1
        ? (k: number) => first[k] === nodata
        : (k: number) => colourBands.every((band) => band[k] === nodata);
  const usable = (k: number) => {
    const v = first[k];
    return v === v && !isNodata(k) && (alpha === null || alpha[k] !== 0);
  };
  const ox = r.ox;
  const oy = r.oy;
  const ix = 1 / r.rx;
  const iy = 1 / r.ry;
  const bilinear = method === 'bilinear';
  for (let o = 0; o < n; o++) {
    const col = (sx[o] - ox) * ix;
    const row = (sy[o] - oy) * iy;
    if (!(col >= 0 && row >= 0 && col < w && row < h)) continue;
    if (bilinear) {
      const u = col - 0.5;
      const v = row - 0.5;
      const c0 = Math.floor(u);
      const r0 = Math.floor(v);
      if (c0 >= 0 && r0 >= 0 && c0 + 1 < w && r0 + 1 < h) {
        const k = r0 * w + c0;
        if (usable(k) && usable(k + 1) && usable(k + w) && usable(k + w + 1)) {
          const fu = u - c0;
          const fv = v - r0;
          const w00 = (1 - fu) * (1 - fv);
          const w01 = fu * (1 - fv);
          const w10 = (1 - fu) * fv;
          const w11 = fu * fv;
          for (let b = 0; b < nb; b++) {
            const a = src[b];
            bands[b][o] = w00 * a[k] + w01 * a[k + 1] + w10 * a[k + w] + w11 * a[k + w + 1];
          }
          valid[o] = 1;
          continue;
        }
      }
    }
    // col, row ≥ 0 here, so truncation is the floor.
    const k = (row | 0) * w + (col | 0);
    if (!usable(k)) continue;
    for (let b = 0; b < nb; b++) bands[b][o] = src[b][k];
    valid[o] = 1;
  }
  return { bands, valid };
}
