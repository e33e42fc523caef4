// The layout of a `features.map` answer (see map-layer.ts): its constants, and the code that writes
// it on the main side and reads it in the page. No zod here: the page runs this.
import type { Geometry, Position } from '../model/geometry';
import type { PropValue, Props, Row } from '../model/rows';
import type { MapColumn, MapLayer } from './map-layer';

export type { MapColumn, MapLayer };

/** Geometry type codes of `geom.types` (the WKB codes; 0 = no geometry). */
export const MAP_GEOM = { none: 0, Point: 1, LineString: 2, Polygon: 3, MultiLineString: 5, MultiPolygon: 6 } as const;

/** The most rows one read returns. */
export const MAP_READ_LIMIT = 200_000;
/**
 * Up to this many rows the map reads a table whole, once (pans never fetch again; the main side
 * has the answer ready when a project opens). Larger tables are read by the extent in view.
 */
export const MAP_READ_WHOLE_UP_TO = 100_000;

/** Builds a column: dictionary-coded when at most half the values are distinct. */
export function encodeColumn(values: readonly PropValue[]): MapColumn {
  const index = new Map<PropValue, number>();
  const i: number[] = new Array(values.length);
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    let n = index.get(v);
    if (n === undefined) {
      n = index.size;
      index.set(v, n);
    }
    i[k] = n;
  }
  if (values.length < 8 || index.size * 2 > values.length) return { v: [...values] };
  return { d: [...index.keys()], i };
}

export function columnValue(c: MapColumn, k: number): PropValue {
  return 'v' in c ? (c.v[k] ?? null) : (c.d[c.i[k]!] ?? null);
}

/** columnValue with the column's layout decided once (the reader asks 45,000 rows × every column). */
export function columnReader(c: MapColumn): (k: number) => PropValue {
  if ('v' in c) {
    const v = c.v;
    return (k) => v[k] ?? null;
  }
  const { d, i } = c;
  return (k) => d[i[k]!] ?? null;
}

/** Appends a geometry to the flat layout (the writer side, used by the store). */
export function appendGeometry(g: Geometry | null, out: MapLayer['geom']): void {
  const xy = (ps: Position[]) => {
    for (const p of ps) out.xy.push(p[0]!, p[1]!);
  };
  if (!g) {
    out.types.push(MAP_GEOM.none);
    return;
  }
  switch (g.type) {
    case 'Point':
      out.types.push(MAP_GEOM.Point);
      out.xy.push(g.coordinates[0]!, g.coordinates[1]!);
      return;
    case 'LineString':
      out.types.push(MAP_GEOM.LineString);
      out.parts.push(g.coordinates.length);
      xy(g.coordinates);
      return;
    // Rings of a polygon and lines of a multiline: the same layout, a count and their lengths.
    case 'Polygon':
    case 'MultiLineString':
      out.types.push(MAP_GEOM[g.type]);
      out.parts.push(g.coordinates.length);
      for (const r of g.coordinates) out.parts.push(r.length);
      for (const r of g.coordinates) xy(r);
      return;
    case 'MultiPolygon':
      out.types.push(MAP_GEOM.MultiPolygon);
      out.parts.push(g.coordinates.length);
      for (const poly of g.coordinates) {
        out.parts.push(poly.length);
        for (const r of poly) out.parts.push(r.length);
      }
      for (const poly of g.coordinates) for (const r of poly) xy(r);
      return;
  }
}

/**
 * A geometry as OpenLayers takes it: flat coordinates of this row only, and the ends of rings or
 * lines (`ends`) or of polygons' rings (`endss`), as indices into `flat`.
 */
export interface FlatGeometry {
  type: 'Point' | 'LineString' | 'Polygon' | 'MultiLineString' | 'MultiPolygon';
  flat: number[];
  ends?: number[];
  endss?: number[][];
}

export interface MapRow {
  id: string;
  props: Props;
  meta: Row['meta'];
  geometry: FlatGeometry | null;
}

/** Where the next row's geometry starts in `geom.parts` and `geom.xy`. */
export interface GeometryCursor {
  p: number;
  c: number;
}

/**
 * The geometry of row k, read at the cursor, which moves past it. Throws on a malformed answer
 * rather than drawing it wrong.
 */
export function readGeometryAt(geom: MapLayer['geom'], k: number, at: GeometryCursor): FlatGeometry | null {
  const { types, parts, xy } = geom;
  const take = (positions: number) => {
    const flat = xy.slice(at.c, at.c + positions * 2);
    if (flat.length !== positions * 2) throw new Error('features.map: coordinates end early');
    at.c += positions * 2;
    return flat;
  };
  switch (types[k]) {
    case MAP_GEOM.none:
      return null;
    case MAP_GEOM.Point:
      return { type: 'Point', flat: take(1) };
    case MAP_GEOM.LineString:
      return { type: 'LineString', flat: take(parts[at.p++]!) };
    case MAP_GEOM.Polygon:
    case MAP_GEOM.MultiLineString: {
      const count = parts[at.p++]!;
      const lens = parts.slice(at.p, at.p + count);
      at.p += count;
      const flat = take(lens.reduce((a, b) => a + b, 0));
      const ends: number[] = [];
      let e = 0;
      for (const len of lens) ends.push((e += len * 2));
      return { type: types[k] === MAP_GEOM.Polygon ? 'Polygon' : 'MultiLineString', flat, ends };
    }
    case MAP_GEOM.MultiPolygon: {
      const polys = parts[at.p++]!;
      const endss: number[][] = [];
      let total = 0;
      let e = 0;
      for (let q = 0; q < polys; q++) {
        const rings = parts[at.p++]!;
        const ends: number[] = [];
        for (let r = 0; r < rings; r++) {
          const len = parts[at.p++]!;
          total += len;
          ends.push((e += len * 2));
        }
        endss.push(ends);
      }
      return { type: 'MultiPolygon', flat: take(total), endss };
    }
    default:
      throw new Error(`features.map: unknown geometry type ${types[k]}`);
  }
}

/** Every row's geometry, in order; checks that the answer's arrays agree with each other. */
export function readGeometries(layer: MapLayer): (FlatGeometry | null)[] {
  const n = layer.ids.length;
  if (layer.geom.types.length !== n) throw new Error(`features.map: ${layer.geom.types.length} geometries for ${n} rows`);
  const at: GeometryCursor = { p: 0, c: 0 };
  const out: (FlatGeometry | null)[] = new Array(n);
  for (let k = 0; k < n; k++) out[k] = readGeometryAt(layer.geom, k, at);
  if (at.c !== layer.geom.xy.length || at.p !== layer.geom.parts.length) throw new Error('features.map: coordinates left over');
  return out;
}

/** The attributes and metadata of the rows, in order (the geometries: readGeometries). */
export function* readMapProps(layer: MapLayer): Generator<Omit<MapRow, 'geometry'>> {
  const fields = Object.keys(layer.props);
  const n = layer.ids.length;
  const readers = fields.map((f) => columnReader(layer.props[f]!));
  const nfields = fields.length;
  const version = columnReader(layer.versions);
  const createdAt = columnReader(layer.meta.createdAt);
  const createdBy = columnReader(layer.meta.createdBy);
  const updatedAt = columnReader(layer.meta.updatedAt);
  const updatedBy = columnReader(layer.meta.updatedBy);
  for (let k = 0; k < n; k++) {
    const props: Props = {};
    for (let f = 0; f < nfields; f++) props[fields[f]!] = readers[f]!(k);
    const meta: Row['meta'] = {
      version: Number(version(k)),
      createdAt: String(createdAt(k) ?? ''),
      createdBy: String(createdBy(k) ?? ''),
      updatedAt: String(updatedAt(k) ?? ''),
      updatedBy: String(updatedBy(k) ?? ''),
      deleted: false,
    };
    yield { id: layer.ids[k]!, props, meta };
  }
}

/** Reads the rows back, in order. Throws on a malformed answer rather than drawing it wrong. */
export function* readMapLayer(layer: MapLayer): Generator<MapRow> {
  const geometries = readGeometries(layer);
  let k = 0;
  for (const row of readMapProps(layer)) yield { ...row, geometry: geometries[k++]! };
}

/** The GeoJSON geometry of a flat one (tests; any code that needs the contract's Geometry). */
export function flatToGeometry(g: FlatGeometry): Geometry {
  const pos = (a: number, b: number): Position[] => {
    const out: Position[] = [];
    for (let i = a; i < b; i += 2) out.push([g.flat[i]!, g.flat[i + 1]!]);
    return out;
  };
  const split = (ends: number[], from: number) => ends.map((e, i) => pos(i ? ends[i - 1]! : from, e));
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: [g.flat[0]!, g.flat[1]!] };
    case 'LineString':
      return { type: 'LineString', coordinates: pos(0, g.flat.length) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: split(g.ends!, 0) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: split(g.ends!, 0) };
    case 'MultiPolygon': {
      let from = 0;
      return {
        type: 'MultiPolygon',
        coordinates: g.endss!.map((ends) => {
          const rings = split(ends, from);
          from = ends[ends.length - 1] ?? from;
          return rings;
        }),
      };
    }
  }
}

