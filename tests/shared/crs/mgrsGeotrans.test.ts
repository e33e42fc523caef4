import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMgrs } from '../../../src/shared/crs/parse/mgrs';
import { utmToWgs84 } from '../../../src/shared/crs/utmOnDatum';
import { offsetMetres, REAL_DATA } from './support';

type Vector = { id: string; mgrs: string; expected: [number, number]; geotrans: [number, number] };

// Tab-separated: 2 header lines and a blank line; column 7 is the MGRS string, 10/11 the
// expected lat/lon, 13/14 what GEOTRANS itself computed.
const vectors: Vector[] = fs
  .readFileSync(path.join(REAL_DATA, 'spatialillusions-geographiclib-mgrs/mgrsToGeo_WE.txt'), 'utf8')
  .split(/\r?\n/)
  .slice(3)
  .filter((line) => line.trim())
  .map((line) => {
    const c = line.split('\t');
    return {
      id: c[0],
      mgrs: c[7].trim(),
      expected: [Number(c[11]), Number(c[10])],
      geotrans: [Number(c[14]), Number(c[13])],
    };
  });

// Polar references have no zone number (UPS); QuyTap's parser refuses them, as does the mgrs package.
const utm = vectors.filter((v) => /^\d/.test(v.mgrs));
const vietnam = utm.filter((v) => /^4[89][PQ]/.test(v.mgrs));

/**
 * GEOTRANS returns the south-west corner of the referenced cell (e.g. 31NEA0000000000 →
 * 0°, 3°E exactly), so that is what is compared; `lonLat` itself is the cell centre.
 */
function check(v: Vector) {
  const result = parseMgrs(v.mgrs);
  if (!result.ok) throw new Error(`${v.id} ${v.mgrs}: ${result.error.en}`);
  if (result.source.format !== 'mgrs') throw new Error('not MGRS');
  const corner = result.source.swCorner;
  // Our own letter decoding (used for Indian 1960) must land on the same corner as the mgrs
  // package; they differ by up to ~5 cm far from a central meridian (32V), where the
  // package's series UTM is less exact than proj4's.
  const ownDecoding = utmToWgs84(result.source.zone, result.source.band < 'N', 'WGS 84', [
    result.source.easting,
    result.source.northing,
  ]);
  return {
    expected: offsetMetres(v.expected, corner).total,
    geotrans: offsetMetres(v.geotrans, corner).total,
    own: offsetMetres(ownDecoding, corner).total,
  };
}

describe('GEOTRANS 3.9 MGRS → geodetic vectors (WGS 84)', () => {
  it('has the file’s 16,620 cases, 68 of them in zones 48/49 bands P/Q', () => {
    expect(vectors).toHaveLength(16620);
    expect(vectors.length - utm.length).toBe(240);
    expect(vietnam).toHaveLength(68);
  });

  it('decodes every zone 48/49 band P/Q case within 1 m of the expected position', () => {
    for (const v of vietnam) {
      const d = check(v);
      expect(d.expected, `${v.id} ${v.mgrs}`).toBeLessThan(1);
      expect(d.geotrans, `${v.id} ${v.mgrs}`).toBeLessThan(0.2);
      expect(d.own, `${v.id} ${v.mgrs}`).toBeLessThan(0.01);
    }
  });

  // All of them, not a sample: the whole file takes well under a second.
  it(`decodes all ${utm.length} non-polar cases within 1 m`, () => {
    for (const v of utm) {
      const d = check(v);
      expect(d.expected, `${v.id} ${v.mgrs}`).toBeLessThan(1);
      expect(d.geotrans, `${v.id} ${v.mgrs}`).toBeLessThan(0.2);
      expect(d.own, `${v.id} ${v.mgrs}`).toBeLessThan(0.1);
    }
  });

  it('refuses the polar (UPS) references with a clear message', () => {
    const polar = vectors.find((v) => !/^\d/.test(v.mgrs))!;
    const result = parseMgrs(polar.mgrs);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.en).toMatch(/UPS/);
  });
});
