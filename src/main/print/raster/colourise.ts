// Sampled band values painted onto RGBA pixels for the JPEG encoder (white paper to start with).
// Where the raster has nothing (outside it, nodata, transparent) what lies below shows through.
import type { Colouring } from './raster-model';
import type { Samples } from './sample';

/** Paints the valid samples over `out` (alpha and opacity blend with what is there); returns how many. */
export function paintOnto(out: Uint8ClampedArray, s: Samples, c: Colouring, alpha: number | null, opacity = 1): number {
  const n = s.valid.length;
  const b = s.bands;
  const span = c.kind === 'grey' ? c.max - c.min || 1 : 1;
  let painted = 0;
  for (let o = 0; o < n; o++) {
    if (!s.valid[o]) continue;
    painted++;
    let r: number;
    let g: number;
    let bl: number;
    if (c.kind === 'rgb') {
      r = b[0][o];
      g = b[1][o];
      bl = b[2][o];
    } else if (c.kind === 'palette') {
      const i = Math.max(0, Math.min(255, Math.round(b[0][o]))) * 3;
      r = c.rgb[i];
      g = c.rgb[i + 1];
      bl = c.rgb[i + 2];
    } else {
      let t = Math.max(0, Math.min(1, (b[0][o] - c.min) / span));
      if (c.inverted) t = 1 - t;
      r = g = bl = t * 255;
    }
    const a = (alpha !== null ? b[alpha][o] / 255 : 1) * opacity;
    const k = o * 4;
    out[k] = r * a + out[k] * (1 - a);
    out[k + 1] = g * a + out[k + 1] * (1 - a);
    out[k + 2] = bl * a + out[k + 2] * (1 - a);
  }
  return painted;
}
