import { geographicCrsOf, utmProj4, type CrsDatum } from './catalogue';
import { transformProj4 } from './register';
import { centralMeridianOfZone, latitudeBand, utmZoneOf } from './utmZone';

const WGS84 = geographicCrsOf('WGS 84').proj4;

export type UtmPosition = {
  zone: number;
  south: boolean;
  /** Latitude band on the grid's own datum; undefined in the polar caps. */
  band: string | undefined;
  easting: number;
  northing: number;
};

/** UTM easting/northing on a datum → WGS 84 [lon, lat]. */
export function utmToWgs84(zone: number, south: boolean, datum: CrsDatum, en: readonly number[]): [number, number] {
  const [lon, lat] = transformProj4(utmProj4(zone, south, datum), WGS84, en);
  return [lon, lat];
}

/** UTM easting/northing → [lon, lat] on the same datum, i.e. what the map sheet's graticule shows. */
export function utmToDatumLonLat(zone: number, south: boolean, datum: CrsDatum, en: readonly number[]): [number, number] {
  const [lon, lat] = transformProj4(utmProj4(zone, south, datum), geographicCrsOf(datum).proj4, en);
  return [lon, lat];
}

/** WGS 84 position → UTM on a datum, in the zone that holds it on that datum unless one is given. */
export function wgs84ToUtm(lonLat: readonly number[], datum: CrsDatum, zone?: number): UtmPosition {
  const [lon, lat] = transformProj4(WGS84, geographicCrsOf(datum).proj4, lonLat);
  const z = zone ?? utmZoneOf(lon, lat);
  const south = lat < 0;
  const [easting, northing] = transformProj4(geographicCrsOf(datum).proj4, utmProj4(z, south, datum), [lon, lat]);
  return { zone: z, south, band: latitudeBand(lat), easting, northing };
}

/** Northing of a parallel on the zone's central meridian, where it is lowest in the zone. */
export function northingOfParallel(zone: number, lat: number, datum: CrsDatum): number {
  const geographic = geographicCrsOf(datum).proj4;
  return transformProj4(geographic, utmProj4(zone, lat < 0, datum), [centralMeridianOfZone(zone), lat])[1];
}
