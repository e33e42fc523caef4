// The renderer's proj4 (src/renderer/proj4-slim.js, without the projections the page never uses)
// must place every CRS of the catalogue exactly where the whole library does: a catalogue entry on
// a projection the slim build lacks fails here, not on a user's map.
import { describe, expect, it } from 'vitest';
import fullProj4 from 'proj4';
import slimProj4 from '../../../src/renderer/proj4-slim.js';
import { CRS_CATALOGUE } from '../../../src/shared/crs/catalogue';

const WGS84 = '+proj=longlat +datum=WGS84 +no_defs';

describe('the renderer’s slim proj4', () => {
  it('transforms every catalogue CRS to and from WGS 84 bit for bit like the whole library', () => {
    expect(CRS_CATALOGUE.length).toBeGreaterThan(10);
    for (const def of CRS_CATALOGUE) {
      const lonLat = [107.7 + (def.code.length % 5) * 0.3, 12.4];
      const full = fullProj4(WGS84, def.proj4);
      const slim = slimProj4(WGS84, def.proj4);
      const xy = full.forward([...lonLat]);
      expect(slim.forward([...lonLat]), def.code).toEqual(xy);
      expect(slim.inverse([...xy]), def.code).toEqual(full.inverse([...xy]));
    }
  });

  it('knows Web Mercator and WGS 84 by the codes OpenLayers asks for', () => {
    for (const code of ['EPSG:4326', 'EPSG:3857', 'WGS84']) expect(slimProj4.defs(code), code).toBeTruthy();
    expect(slimProj4('EPSG:4326', 'EPSG:3857').forward([108, 12])).toEqual(fullProj4('EPSG:4326', 'EPSG:3857').forward([108, 12]));
  });

  it('leaves out what the page never uses', () => {
    expect(() => slimProj4(WGS84, '+proj=lcc +lat_1=33 +lat_2=45 +lon_0=-96 +datum=WGS84')).toThrow();
    expect(() => fullProj4(WGS84, '+proj=lcc +lat_1=33 +lat_2=45 +lon_0=-96 +datum=WGS84')).not.toThrow();
  });
});
