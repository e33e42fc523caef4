// A tile pyramid of deep zooms only under a wide sheet: the number of tiles is known before the walk
// and the base map is left out with a note (the old walk set out to read 10^8 tiles into arrays that
// cannot be made).
import { describe, expect, it } from 'vitest';
import { openTiles } from '../../../../src/main/print/raster/tile-reader';

describe('tile pyramid reads: bounded', () => {
  it('leaves out, with a note, a pyramid whose coarsest zoom needs too many tiles for the window', async () => {
    let asked = 0;
    const r = await openTiles({
      kind: 'tiles',
      name: 'Ảnh z22',
      minZoom: 22,
      maxZoom: 22,
      getTile: async () => {
        asked++;
        return null;
      },
    });
    const before = asked;
    // 100 km around Krông Nô in Web Mercator, at a print resolution of 20 m.
    const got = await r.read([11_990_000, 1_370_000, 12_090_000, 1_470_000], 20);
    expect(got).toBeNull();
    expect(asked).toBe(before);
    expect(r.notes.map((n) => n.vi)).toEqual([expect.stringMatching(/^Bản đồ nền "Ảnh z22": vùng in cần quá nhiều mảnh ảnh .* mức thu phóng 22/)]);
    // A window the pyramid can serve is still read.
    const small = await r.read([12_000_000, 1_400_000, 12_000_100, 1_400_100], 0.05);
    expect(small?.width).toBeGreaterThan(0);
  });
});
