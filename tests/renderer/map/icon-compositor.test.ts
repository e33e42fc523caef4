// The symbol blend of the tile layer, against the plain per-pixel source-over it replaced.
import { describe, expect, it } from 'vitest';
import { blendIcon, pixelsOf } from '../../../src/renderer/map/iconCompositor';
import { seededRandom } from '../../support/seeded-random';

/** Source-over of every pixel, as the compositor did before it listed the visible ones. */
function reference(dst: Uint8ClampedArray, side: number, w: number, h: number, s: Uint8ClampedArray, x: number, y: number) {
  for (let j = 0; j < h; j++)
    for (let i = 0; i < w; i++) {
      const px = x + i;
      const py = y + j;
      if (px < 0 || py < 0 || px >= side || py >= side) continue;
      const si = (j * w + i) * 4;
      const di = (py * side + px) * 4;
      const sa = s[si + 3]!;
      if (sa === 0) continue;
      if (sa === 255) {
        dst.set(s.subarray(si, si + 4), di);
        continue;
      }
      const a = sa / 255;
      const da = (dst[di + 3]! / 255) * (1 - a);
      const out = a + da;
      for (let c = 0; c < 3; c++) dst[di + c] = (s[si + c]! * a + dst[di + c]! * da) / out;
      dst[di + 3] = out * 255;
    }
}

describe('blendIcon', () => {
  it('gives the pixels of a per-pixel source-over, clipped at the tile edges', () => {
    const rnd = seededRandom(9);
    const side = 64;
    const icons = [5, 13, 17].map((w) => {
      const data = new Uint8ClampedArray(w * w * 4);
      for (let i = 0; i < w * w; i++) {
        const r = rnd();
        data.set([rnd() * 255, rnd() * 255, rnd() * 255, r < 0.4 ? 0 : r < 0.7 ? 255 : rnd() * 255], i * 4);
      }
      return { w, data };
    });
    const a = new Uint8ClampedArray(side * side * 4);
    const b = new Uint8ClampedArray(side * side * 4);
    const words = new Uint32Array(a.buffer);
    for (let n = 0; n < 500; n++) {
      const icon = icons[n % icons.length]!;
      const x = Math.floor(rnd() * (side + 20)) - 10;
      const y = Math.floor(rnd() * (side + 20)) - 10;
      blendIcon(a, words, side, pixelsOf(icon.w, icon.w, icon.data), x, y);
      reference(b, side, icon.w, icon.w, icon.data, x, y);
    }
    expect(a).toEqual(b);
  });
});
