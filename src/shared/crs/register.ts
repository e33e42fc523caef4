import proj4 from 'proj4';
import { CRS_CATALOGUE, findCrs, type CrsDef } from './catalogue';

/** The part of proj4 we need: the renderer passes its own instance, then calls ol/proj/proj4 `register` with it. */
export type Proj4Registry = { defs: (name: string, projection: string) => void };

export function registerCatalogue(registry: Proj4Registry, extra: readonly CrsDef[] = []): void {
  for (const def of [...CRS_CATALOGUE, ...extra]) registry.defs(def.code, def.proj4);
}

export type Coordinate = readonly number[];

type Converter = { forward: (xy: number[], enforceAxis?: boolean) => number[] };
const converters = new Map<string, Converter>();

/** Transform between two proj4 definition strings; converters are cached, as building one parses both strings. */
export function transformProj4(fromProj4: string, toProj4: string, xy: Coordinate): number[] {
  const key = `${fromProj4}\n${toProj4}`;
  let converter = converters.get(key);
  if (!converter) {
    converter = proj4(fromProj4, toProj4) as Converter;
    converters.set(key, converter);
  }
  // enforceAxis=true makes proj4 return the datum-shifted height; otherwise it echoes the input one.
  return converter.forward([...xy], true);
}

function proj4Of(crs: CrsDef | string): string {
  if (typeof crs !== 'string') return crs.proj4;
  const def = findCrs(crs);
  if (!def) throw new Error(`Không biết hệ toạ độ ${crs} · unknown CRS ${crs}`);
  return def.proj4;
}

/**
 * [x, y] or [x, y, h] from one CRS to another, given as catalogue code or definition; x is
 * longitude or easting (the Vietnamese Y), y latitude or northing (the Vietnamese X). A
 * height, if given, is used by the datum shift and returned; without it the shift uses 0.
 */
export function transform(from: CrsDef | string, to: CrsDef | string, xy: Coordinate): number[] {
  return transformProj4(proj4Of(from), proj4Of(to), xy);
}

export const toWgs84 = (from: CrsDef | string, xy: Coordinate): number[] => transform(from, 'EPSG:4326', xy);
export const fromWgs84 = (to: CrsDef | string, lonLat: Coordinate): number[] => transform('EPSG:4326', to, lonLat);
