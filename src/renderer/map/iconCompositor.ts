// Point symbols copied onto a tile in JavaScript. Each canvas drawImage of a 15-pixel symbol costs
// tens of microseconds in Chromium's software canvas (2 of the 3 s of a first render under load,
// measured with QUYTAP_BENCH_PROFILE=1 npm run bench -- drafting); blending the symbol's own
// pixels into one ImageData and putting it once costs about a microsecond per symbol. Only for
// symbols drawn at their raster's size on whole pixels, where both ways give the same pixels.

export interface IconPixels {
  w: number;
  h: number;
  data: Uint8ClampedArray;
  /** The symbol's pixels that are not transparent: where they are, their colour, their alpha. */
  xs: Int16Array;
  ys: Int16Array;
  rgba: Uint32Array;
  alpha: Uint8Array;
  /**
   * The opaque pixels again as runs along rows (dy, dx, length, index into `words`), and the
   * see-through ones by themselves (indices into xs/ys/rgba/alpha): a symbol well inside a tile is
   * copied run by run and only its edge pixels are blended.
   */
  runs: Int32Array;
  words: Uint32Array;
  partial: Int32Array;
}

let cache = new WeakMap<object, IconPixels | null>();

/** Forget the pixels read so far (a symbol raster was redrawn, e.g. when its SVG loaded). */
export function forgetIconPixels() {
  cache = new WeakMap();
}

/** A symbol's pixels, with its non-transparent ones listed: a symbol is mostly empty corners. */
export function pixelsOf(w: number, h: number, data: Uint8ClampedArray): IconPixels {
  const words = new Uint32Array(data.buffer, data.byteOffset, w * h);
  let n = 0;
  for (let i = 0; i < w * h; i++) if (data[i * 4 + 3]! > 0) n++;
  const p: IconPixels = {
    w,
    h,
    data,
    xs: new Int16Array(n),
    ys: new Int16Array(n),
    rgba: new Uint32Array(n),
    alpha: new Uint8Array(n),
    runs: new Int32Array(0),
    words,
    partial: new Int32Array(0),
  };
  const runs: number[] = [];
  const partial: number[] = [];
  let j = 0;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const a = data[i * 4 + 3]!;
      if (a === 0) continue;
      p.xs[j] = x;
      p.ys[j] = y;
      p.rgba[j] = words[i]!;
      p.alpha[j] = a;
      if (a < 255) partial.push(j);
      else if (x > 0 && data[(i - 1) * 4 + 3] === 255) runs[runs.length - 2]!++;
      else runs.push(y, x, 1, i);
      j++;
    }
  p.runs = Int32Array.from(runs);
  p.partial = Int32Array.from(partial);
  return p;
}

/** The pixels of a symbol raster, or null when they cannot be read (the caller draws it instead). */
export function iconPixels(img: CanvasImageSource): IconPixels | null {
  let p = cache.get(img);
  if (p !== undefined) return p;
  p = null;
  if (img instanceof HTMLCanvasElement && img.width > 0 && img.height > 0) {
    try {
      const d = img.getContext('2d')?.getImageData(0, 0, img.width, img.height);
      if (d) p = pixelsOf(d.width, d.height, d.data);
    } catch {
      p = null;
    }
  }
  cache.set(img, p);
  return p;
}

/**
 * Source-over of `src` at (x, y) into `dst` (side × side, RGBA, not premultiplied; `dst32` the
 * same bytes as 32-bit words), clipped. An opaque pixel is one word copied, in whatever byte order
 * the machine has, since both views share it.
 */
export function blendIcon(dst: Uint8ClampedArray, dst32: Uint32Array, side: number, src: IconPixels, x: number, y: number) {
  const inside = x >= 0 && y >= 0 && x + src.w <= side && y + src.h <= side;
  const { xs, ys, alpha } = src;
  if (inside) {
    const { runs, words } = src;
    for (let r = 0; r < runs.length; r += 4) {
      const to = (y + runs[r]!) * side + x + runs[r + 1]!;
      const from = runs[r + 3]!;
      for (let k = 0, n = runs[r + 2]!; k < n; k++) dst32[to + k] = words[from + k]!;
    }
    const { partial, rgba } = src;
    for (let q = 0, n = partial.length; q < n; q++) {
      const j = partial[q]!;
      const p = (y + ys[j]!) * side + x + xs[j]!;
      // Over a transparent pixel source-over gives the source pixel itself: one word copied.
      if (dst[p * 4 + 3] === 0) dst32[p] = rgba[j]!;
      else blendOne(dst, src, j, p);
    }
    return;
  }
  const { rgba } = src;
  for (let j = 0, n = alpha.length; j < n; j++) {
    const px = x + xs[j]!;
    const py = y + ys[j]!;
    if (px < 0 || py < 0 || px >= side || py >= side) continue;
    const p = py * side + px;
    if (alpha[j] === 255 || dst[p * 4 + 3] === 0) dst32[p] = rgba[j]!;
    else blendOne(dst, src, j, p);
  }
}

/** Source-over of the see-through pixel j of `src` onto pixel p of `dst`. */
function blendOne(dst: Uint8ClampedArray, src: IconPixels, j: number, p: number) {
  const s = src.data;
  const si = (src.ys[j]! * src.w + src.xs[j]!) * 4;
  const di = p * 4;
  const a = src.alpha[j]! / 255;
  const da = (dst[di + 3]! / 255) * (1 - a);
  const out = a + da;
  dst[di] = (s[si]! * a + dst[di]! * da) / out;
  dst[di + 1] = (s[si + 1]! * a + dst[di + 1]! * da) / out;
  dst[di + 2] = (s[si + 2]! * a + dst[di + 2]! * da) / out;
  dst[di + 3] = out * 255;
}
