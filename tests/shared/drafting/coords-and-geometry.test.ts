// Typed coordinates land where they were typed, in the working CRS; holes go into the right part.
import { describe, expect, it } from 'vitest';
import { findCrs, formatMgrs, toWgs84, type LonLat } from '../../../src/shared/crs';
import { formatCursor, placeTyped } from '../../../src/renderer/drafting/coords';
import { addHole } from '../../../src/renderer/drafting/DraftingController';
import { registerWorkingCrs } from '../../../src/renderer/map/projection';
import { diffProps } from '../../../src/renderer/drafting/AttributeForm';

const def = findCrs('EPSG:9218')!; // VN-2000 TM-3 108°30′, Đắk Nông
const crs = { code: def.code, name: def.name, nameEn: def.nameEn, proj4: def.proj4, kind: 'projected' as const };
registerWorkingCrs(crs);

describe('placing by typed coordinates', () => {
  it('VN-2000 X/Y in the working zone lands exactly where typed (X = northing, Y = easting)', () => {
    const r = placeTyped('X=1362345.678 Y=456789.123', crs);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Math.abs(r.xy[0]! - 456789.123)).toBeLessThan(0.01);
    expect(Math.abs(r.xy[1]! - 1362345.678)).toBeLessThan(0.01);
  });

  it('a swapped pair is refused with a bilingual message, not placed 900 km away', () => {
    const r = placeTyped('X=456789.123 Y=1362345.678', crs);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.vi.length).toBeGreaterThan(0);
    expect(r.error.en.length).toBeGreaterThan(0);
  });

  it('MGRS on WGS 84 lands within its 1 m square, decimal degrees round-trip within 1 cm', () => {
    const xy = [456123.4, 1361987.6];
    const lonLat = toWgs84(def, xy) as LonLat;
    const m = placeTyped(formatMgrs(lonLat), crs);
    expect(m.ok).toBe(true);
    if (m.ok) expect(Math.hypot(m.xy[0]! - xy[0]!, m.xy[1]! - xy[1]!)).toBeLessThan(1.5);
    const d = placeTyped(`${lonLat[1].toFixed(9)}, ${lonLat[0].toFixed(9)}`, crs, 'dd');
    expect(d.ok).toBe(true);
    if (d.ok) expect(Math.hypot(d.xy[0]! - xy[0]!, d.xy[1]! - xy[1]!)).toBeLessThan(0.01);
  });

  it('Indian 1960 MGRS differs from WGS 84 MGRS by the datum shift (hundreds of metres)', () => {
    const lonLat = toWgs84(def, [456123.4, 1361987.6]) as LonLat;
    const text = formatMgrs(lonLat);
    const wgs = placeTyped(text, crs, 'mgrs');
    const ind = placeTyped(text, crs, 'mgrs-indian1960');
    expect(wgs.ok && ind.ok).toBe(true);
    if (wgs.ok && ind.ok) expect(Math.hypot(wgs.xy[0]! - ind.xy[0]!, wgs.xy[1]! - ind.xy[1]!)).toBeGreaterThan(200);
  });

  it('the cursor readout shows the typed format and the 1:50,000 sheet', () => {
    const c = formatCursor([456789.12, 1362345.67], crs, 'vn2000');
    expect(c.text).toBe('X=1362345.67 Y=456789.12');
    expect(c.sheet).toMatch(/^D-4[89]-\d+-[ABCD]$/);
    expect(formatCursor([456789.12, 1362345.67], crs, 'mgrs').text).toMatch(/^4[89]P/);
  });
});

describe('holes and form patches', () => {
  const outer = [
    [0, 0],
    [100, 0],
    [100, 100],
    [0, 100],
    [0, 0],
  ];
  const ring = [
    [40, 40],
    [60, 40],
    [50, 60],
    [40, 40],
  ];
  it('adds a hole to the part of a multipolygon that contains it, refuses one outside', () => {
    const far = outer.map(([x, y]) => [x! + 500, y!]);
    const g = addHole({ type: 'MultiPolygon', coordinates: [[far], [outer]] }, ring);
    expect(g).not.toBeNull();
    const mp = g as { type: 'MultiPolygon'; coordinates: number[][][][] };
    expect(mp.coordinates[0]!.length).toBe(1);
    expect(mp.coordinates[1]!.length).toBe(2);
    expect(addHole({ type: 'Polygon', coordinates: [outer] }, ring.map(([x, y]) => [x! + 300, y!]))).toBeNull();
  });

  it('a form sends only the fields the user changed', () => {
    expect(diffProps({ name: 'A', status: 'done', code: null }, { name: 'B', status: 'done', code: null })).toEqual({ name: 'B' });
  });
});
