// OpenLayers features straight from the map's column-wise answer (features.map): geometries built
// on the flat coordinates as they arrive, no GeoJSON objects in between.
import Feature from 'ol/Feature';
import type Geometry from 'ol/geom/Geometry';
import LineString from 'ol/geom/LineString';
import MultiLineString from 'ol/geom/MultiLineString';
import MultiPolygon from 'ol/geom/MultiPolygon';
import Point from 'ol/geom/Point';
import Polygon from 'ol/geom/Polygon';
import {
  readMapLayer,
  readMapProps,
  type FlatGeometry,
  type MapLayer,
  type MapRow,
} from '../../shared/contract/map-layer-format';
import type { FlatTable } from './flatTable';

export function olGeometry(g: FlatGeometry): Geometry {
  switch (g.type) {
    case 'Point':
      return new Point(g.flat, 'XY');
    case 'LineString':
      return new LineString(g.flat, 'XY');
    case 'Polygon':
      return new Polygon(g.flat, 'XY', g.ends!);
    case 'MultiLineString':
      return new MultiLineString(g.flat, 'XY', g.ends!);
    case 'MultiPolygon':
      return new MultiPolygon(g.flat, 'XY', g.endss!);
  }
}

/** Features of the rows that have a geometry; `__meta` carries the row's version and authorship. */
export function featuresOf(layer: MapLayer): Feature[] {
  const out: Feature[] = [];
  for (const row of readMapLayer(layer)) if (row.geometry) out.push(featureOf(row, olGeometry(row.geometry)));
  return out;
}

function featureOf(row: Omit<MapRow, 'geometry'>, geometry: Geometry): Feature {
  const f = new Feature(geometry);
  f.setId(row.id);
  f.setProperties(row.props, true);
  f.set('__meta', row.meta, true);
  return f;
}

/**
 * The features of a drawn table (flatTable.ts), a slice at a time so the page stays responsive:
 * each yield hands back the features built so far. The geometries the tiles already made are reused.
 */
export function* featureSlices(table: FlatTable, sliceSize: number): Generator<Feature[]> {
  let k = 0;
  let slice: Feature[] = [];
  for (const row of readMapProps(table.layer)) {
    const g = table.geometry(k++);
    if (!g) continue;
    slice.push(featureOf(row, g));
    if (slice.length >= sliceSize) {
      yield slice;
      slice = [];
    }
  }
  if (slice.length) yield slice;
}
