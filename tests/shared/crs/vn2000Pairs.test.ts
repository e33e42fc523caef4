import { describe, expect, it } from 'vitest';
import { VN2000_TOWGS84 } from '../../../src/shared/crs/vn2000';
import { tm3ZoneCrs } from '../../../src/shared/crs/catalogue';
import { fromWgs84, toWgs84, transformProj4 } from '../../../src/shared/crs/register';
import { offsetMetres, readCsv } from './support';

type Pair = { label: string; cm: number; y: number; x: number; vnH: number; lon: number; lat: number; wgsH: number };

const namlunkaka: Pair[] = readCsv('namlunkaka-vn2000-converter/vn2000_wgs84_pairs.csv').map((r) => ({
  label: `namlunkaka #${r.case} ${r.province_profile} ${r.direction}`,
  cm: Number(r.central_meridian_deg),
  y: Number(r.vn2000_easting_Y_m),
  x: Number(r.vn2000_northing_X_m),
  vnH: Number(r.vn2000_h_m),
  lon: Number(r.wgs84_lon_deg),
  lat: Number(r.wgs84_lat_deg),
  wgsH: Number(r.wgs84_h_m),
}));
// This README pair carries no heights; it was made in 2D, i.e. with height 0 on the VN-2000 side.
const ankiimation: Pair[] = readCsv('ankiimation-dart_vn2000/vn2000_wgs84_pairs.csv').map((r) => ({
  label: `ankiimation #${r.case} ${r.province_profile}`,
  cm: Number(r.central_meridian_deg),
  y: Number(r.vn2000_easting_Y_m),
  x: Number(r.vn2000_northing_X_m),
  vnH: 0,
  lon: Number(r.wgs84_lon_deg),
  lat: Number(r.wgs84_lat_deg),
  wgsH: Number.NaN,
}));
const pairs = [...namlunkaka, ...ankiimation];

describe('VN-2000 ↔ WGS 84 reference pairs (QĐ 05/2007 parameters)', () => {
  it('reads all four pairs from the real files', () => {
    expect(namlunkaka).toHaveLength(3);
    expect(ankiimation).toHaveLength(1);
    for (const p of pairs)
      expect(Object.values(p).filter((v) => typeof v === 'number' && Number.isNaN(v)).length).toBeLessThanOrEqual(1);
  });

  // Each pair was made with height 0 on its input side (the other side's height is the
  // converter's output), so the input height is passed on; mm agreement needs no more.
  it.each(pairs)('$label: VN-2000 X/Y → WGS 84 within 1 mm', (p) => {
    const crs = tm3ZoneCrs(p.cm);
    const [lon, lat, h] = toWgs84(crs, [p.y, p.x, p.vnH]);
    expect(offsetMetres([p.lon, p.lat], [lon, lat]).total).toBeLessThan(0.001);
    if (Number.isFinite(p.wgsH) && p.vnH === 0) expect(Math.abs(h - p.wgsH)).toBeLessThan(0.001);
  });

  it.each(pairs)('$label: WGS 84 → VN-2000 X/Y within 1 mm', (p) => {
    const crs = tm3ZoneCrs(p.cm);
    const height = Number.isFinite(p.wgsH) ? p.wgsH : 0;
    const [y, x, h] = fromWgs84(crs, [p.lon, p.lat, height]);
    expect(Math.hypot(y - p.y, x - p.x)).toBeLessThan(0.001);
    if (height === 0 && Number.isFinite(p.wgsH)) expect(Math.abs(h - p.vnH)).toBeLessThan(0.001);
  });

  it('the 2D helpers (height taken as 0) still agree to 1 mm', () => {
    for (const p of pairs) {
      const [lon, lat] = toWgs84(tm3ZoneCrs(p.cm), [p.y, p.x]);
      expect(offsetMetres([p.lon, p.lat], [lon, lat]).total).toBeLessThan(0.001);
    }
  });
});

describe('the sign convention is pinned', () => {
  // EPSG:6960 stores the rotations coordinate-frame style: as a proj4 +towgs84 (position
  // vector) they are the same numbers with the three rotation signs flipped.
  const EPSG_6960_AS_TOWGS84 = VN2000_TOWGS84.split(',')
    .map((v, i) => (i >= 3 && i <= 5 ? String(-Number(v)) : v))
    .join(',');

  it('VN2000_TOWGS84 is exactly the QĐ 05/2007 string', () => {
    expect(VN2000_TOWGS84).toBe('-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278');
    expect(tm3ZoneCrs(108.5).proj4).toContain(`+towgs84=${VN2000_TOWGS84} `);
  });

  it('the EPSG:6960 rotation signs move every pair by 0.3–1.5 m (0.55 m in Vietnam)', () => {
    for (const p of pairs) {
      const ours = tm3ZoneCrs(p.cm).proj4;
      const theirs = ours.replace(VN2000_TOWGS84, EPSG_6960_AS_TOWGS84);
      const a = transformProj4(ours, '+proj=longlat +datum=WGS84 +no_defs', [p.y, p.x]);
      const b = transformProj4(theirs, '+proj=longlat +datum=WGS84 +no_defs', [p.y, p.x]);
      const shift = offsetMetres(a, b).total;
      expect(shift).toBeGreaterThan(0.3);
      expect(shift).toBeLessThan(1.5);
    }
  });

  it('PROJ’s EPSG path (cs2cs EPSG:5897/9210 → 4326, SOURCES.md §3) lies about 1.3 m from ours', () => {
    const published = [
      { cm: 105, y: 557975.802, x: 1142228.861, epsgPath: [105.53116797, 10.32843942] },
      { cm: 105.75, y: 600997, x: 1189964, epsgPath: [106.67524977, 10.75909353] },
    ];
    for (const p of published) {
      const ours = toWgs84(tm3ZoneCrs(p.cm), [p.y, p.x]);
      const shift = offsetMetres(ours, p.epsgPath).total;
      expect(shift).toBeGreaterThan(1.1);
      expect(shift).toBeLessThan(1.5);
    }
  });
});

describe('Krông Nô: skipping the VN-2000 shift is a 200 m error', () => {
  it('WGS 84 lies ~195 m east and ~113 m south of the same numbers read as VN-2000', () => {
    const numbers = [107.85, 12.4];
    const wgs84 = toWgs84('EPSG:4756', numbers);
    const { east, north } = offsetMetres(numbers, wgs84);
    expect(east).toBeGreaterThan(190);
    expect(east).toBeLessThan(200);
    expect(north).toBeLessThan(-108);
    expect(north).toBeGreaterThan(-118);
  });

  it('the same holds for TM-3 X/Y in Đắk Nông’s zone (EPSG:9218)', () => {
    const gps = [107.85, 12.4];
    const [y, x] = fromWgs84('EPSG:9218', gps);
    const readRaw = transformProj4(
      tm3ZoneCrs(108.5).proj4.replace(/\+towgs84=\S+/, '+towgs84=0,0,0'),
      '+proj=longlat +datum=WGS84 +no_defs',
      [y, x],
    );
    const { east, north } = offsetMetres(readRaw, gps);
    expect(east).toBeGreaterThan(190);
    expect(east).toBeLessThan(200);
    expect(north).toBeLessThan(-108);
    expect(north).toBeGreaterThan(-118);
  });
});
