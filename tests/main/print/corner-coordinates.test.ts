// The demo's Nam Đà A3 sheet: the latitude and longitude printed at the frame's four corners are
// the VN-2000 geographic coordinates of the frame's corners, to the second, worked out here with
// proj4 directly (the projection inverted on the VN-2000 ellipsoid, no datum shift).
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { sheetMeasure } from '../../../src/main/print/print-sheet';
import { boxesOverlap, compose, type TextItem } from '../../../src/shared/print';
import { demoPrintInput } from '../../support/demo-print-input';

const demoInput = demoPrintInput('quytap-corners-');

/** 12°24′31″ → degrees. */
const parseDms = (t: string) => {
  const m = /^(\d+)°(\d+)′(\d+)″$/.exec(t);
  if (!m) throw new Error(`not DMS: ${t}`);
  return Number(m[1]) + Number(m[2]) / 60 + Number(m[3]) / 3600;
};

describe('corner coordinates on the demo Nam Đà sheet', () => {
  it('give each frame corner its VN-2000 latitude and longitude to 1″, outside the frame, clear of the grid labels', () => {
    const { report, list } = compose(demoInput(), { paper: 'A3', area: { kind: 'communes', communes: ['Nam Đà'] }, scale: 'fit' }, sheetMeasure());
    const f = report.frame;
    expect(demoInput().crs.datum).toBe('VN-2000');
    // The same projection on the same ellipsoid, without the datum shift: VN-2000 geographic.
    const projected = demoInput().crs.proj4.replace(/\+towgs84=\S+/, '');
    const inverse = proj4(projected, '+proj=longlat +ellps=WGS84 +no_defs');
    const dmsTexts = list.items.filter((i): i is TextItem => i.kind === 'text' && /^\d+°\d+′\d+″$/.test(i.text));
    expect(dmsTexts.length).toBe(8);
    const [minE, minN, maxE, maxN] = f.extent;
    const corners = [
      { e: minE, n: maxN, left: true, top: true },
      { e: maxE, n: maxN, left: false, top: true },
      { e: maxE, n: minN, left: false, top: false },
      { e: minE, n: minN, left: true, top: false },
    ];
    const grid = list.items.filter((i): i is TextItem => i.kind === 'text' && i.role === 'grid-label');
    for (const c of corners) {
      // The two texts in this corner's square, outside the frame: latitude above longitude.
      const mine = dmsTexts
        .filter((t) => (c.left ? t.box[2] <= f.x : t.box[0] >= f.x + f.w) && (c.top ? t.box[3] <= f.y : t.box[1] >= f.y + f.h))
        .sort((a, b) => a.y - b.y);
      expect(mine.length).toBe(2);
      const [lon, lat] = inverse.forward([c.e, c.n]);
      expect(Math.abs(parseDms(mine[0].text) - lat) * 3600).toBeLessThanOrEqual(0.5 + 1e-6);
      expect(Math.abs(parseDms(mine[1].text) - lon) * 3600).toBeLessThanOrEqual(0.5 + 1e-6);
      // Vietnam: north latitude ~8–24°, east longitude ~102–110°.
      expect(lat).toBeGreaterThan(8);
      expect(lon).toBeGreaterThan(102);
      for (const t of mine) for (const g of grid) expect(boxesOverlap(t.box, g.box), `${t.text} / ${g.text}`).toBe(false);
    }
  }, 60_000);
});
