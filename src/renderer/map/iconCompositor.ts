// Point symbols copied onto a tile in JavaScript. Each canvas drawImage of a 15-pixel symbol costs
// tens of microseconds in Chromium's software canvas (2 of the 3 s of a first render under load,
// measured with QUYTAP_BENCH_PROFILE=1 npm run bench -- drafting); blending the symbol's own
// pixels into one ImageData and putting it once costs about a microsecond per symbol. Only for
// symbols drawn at their raster's size on whole pixels, where both ways give the same pixels.

export interface IconPixels {
  w: number;
  h: number;
  data: Uint8ClampedArray;
}

let cache = new WeakMap<object, IconPixels | null>();

/** Forget the pixels read so far (a symbol raster was redrawn, e.g. when its SVG loaded). */
export function forgetIconPixels() {
  cache = new WeakMap();
}

/** The pixels of a symbol raster, or null when they cannot be read (the caller draws it instead). */
export function iconPixels(img: CanvasImageSource): IconPixels | null {
  let p = cache.get(img);
  if (p !== undefined) return p;
  p = null;
  if (img instanceof HTMLCanvasElement && img.width > 0 && img.height > 0) {
    try {
      const d = img.getContext('2d')?.getImageData(0, 0, img.width, img.height);
      if (d) p = { w: d.width, h: d.height, data: d.data };
    } catch {
      p = null;
    }
  }
  cache.set(img, p);
  return p;
}

/** Source-over of `src` at (x, y) into `dst` (side × side, RGBA, not premultiplied), clipped. */
export function blendIcon(dst: Uint8ClampedArray, side: number, src: IconPixels, x: number, y: number) {
  const x0 = Math.max(0, -x);
  const y0 = Math.max(0, -y);
  const x1 = Math.min(src.w, side - x);
  const y1 = Math.min(src.h, side - y);
  const s = src.data;
  for (let j = y0; j < y1; j++) {
    let si = (j * src.w + x0) * 4;
    let di = ((y + j) * side + x + x0) * 4;
    for (let i = x0; i < x1; i++, si += 4, di += 4) {
      const sa = s[si + 3]!;
      if (sa === 0) continue;
      if (sa === 255) {
        dst[di] = s[si]!;
        dst[di + 1] = s[si + 1]!;
        dst[di + 2] = s[si + 2]!;
        dst[di + 3] = 255;
        continue;
      }
      const a = sa / 255;
      const da = (dst[di + 3]! / 255) * (1 - a);
      const out = a + da;
      dst[di] = (s[si]! * a + dst[di]! * da) / out;
      dst[di + 1] = (s[si + 1]! * a + dst[di + 1]! * da) / out;
      dst[di + 2] = (s[si + 2]! * a + dst[di + 2]! * da) / out;
      dst[di + 3] = out * 255;
    }
  }
}
