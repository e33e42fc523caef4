// GeoJSON (RFC 7946: WGS 84 lon/lat unless an old-style "crs" member names another CRS) and the
// dvhcvn administrative JSON (github.com/daohoangson/dvhcvn: {level1_id, name, level2s:[…]}, lon/lat
// WGS 84, which GDAL cannot open).
import { findCrs } from '../../shared/crs/catalogue';
import { importError } from './errors';
import { fieldsOf, toProps } from './props';
import { checkSourceGeometry, GeometryShapeError } from './source-geometry';
import type { SourceCrs, SourceDataset, SourceFeature } from './types';

const WGS84: SourceCrs = { code: 'EPSG:4326', how: 'format', notes: [] };

function crsMember(fileName: string, crs: unknown): SourceCrs {
  const name = (crs as { properties?: { name?: unknown } } | undefined)?.properties?.name;
  if (typeof name !== 'string') return WGS84;
  if (/CRS84$/i.test(name)) return { ...WGS84, said: name };
  const m = /EPSG:{1,2}(\d+)$/i.exec(name);
  const def = m ? findCrs(`EPSG:${m[1]}`) : undefined;
  if (!def)
    throw importError(fileName, `hệ toạ độ "${name}" không có trong danh mục; hãy chuyển sang WGS 84 hoặc VN-2000.`, `CRS "${name}" is not in the catalogue; convert to WGS 84 or VN-2000.`);
  return { code: def.code, how: 'declared', said: name, notes: [] };
}

function feature(fileName: string, row: number, f: unknown): SourceFeature {
  const o = (f ?? {}) as { type?: unknown; geometry?: unknown; properties?: unknown };
  if (o.type !== 'Feature') throw importError(fileName, 'phần tử không phải "Feature".', 'element is not a "Feature".', { row });
  try {
    return { row, geometry: checkSourceGeometry(o.geometry), props: toProps(o.properties as Record<string, unknown> | null) };
  } catch (e) {
    if (e instanceof GeometryShapeError) throw importError(fileName, e.vi, e.message, { row });
    throw e;
  }
}

export function isDvhcvn(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'level1_id' in json && Array.isArray((json as { level2s?: unknown }).level2s);
}

export function readGeoJsonValue(fileName: string, json: unknown): SourceDataset {
  if (isDvhcvn(json)) return readDvhcvn(fileName, json as Dvhcvn);
  const o = json as { type?: unknown; features?: unknown; crs?: unknown; name?: unknown };
  let features: SourceFeature[];
  if (o?.type === 'FeatureCollection' && Array.isArray(o.features)) features = o.features.map((f, i) => feature(fileName, i + 1, f));
  else if (o?.type === 'Feature') features = [feature(fileName, 1, o)];
  else if (typeof o?.type === 'string' && o.type !== 'FeatureCollection') features = [feature(fileName, 1, { type: 'Feature', geometry: o, properties: {} })];
  else throw importError(fileName, 'không phải GeoJSON (thiếu "type": "FeatureCollection").', 'not GeoJSON (no "type": "FeatureCollection").');
  const name = typeof o.name === 'string' ? o.name : fileName.replace(/\.[^.]+$/, '');
  return { fileName, format: 'geojson', warnings: [], layers: [{ name, crs: crsMember(fileName, o.crs), fields: fieldsOf(features), features }] };
}

interface DvhcvnUnit {
  level1_id?: string;
  level2_id?: string;
  name?: string;
  type?: string;
  coordinates?: unknown;
  level2s?: DvhcvnUnit[];
}
type Dvhcvn = DvhcvnUnit & { level2s: DvhcvnUnit[] };

function readDvhcvn(fileName: string, json: Dvhcvn): SourceDataset {
  const unit = (u: DvhcvnUnit, row: number, level: 'province' | 'district', parent: string | null): SourceFeature => {
    try {
      return {
        row,
        geometry: checkSourceGeometry({ type: u.type ?? 'MultiPolygon', coordinates: u.coordinates }),
        props: toProps({ code: u.level2_id ?? u.level1_id ?? null, name: u.name ?? null, level, parent_code: parent }),
      };
    } catch (e) {
      if (e instanceof GeometryShapeError) throw importError(fileName, `${u.name ?? ''}: ${e.vi}`, `${u.name ?? ''}: ${e.message}`, { row });
      throw e;
    }
  };
  const districts = json.level2s.map((u, i) => unit(u, i + 1, 'district', json.level1_id ?? null));
  const layers = [{ name: 'level2s', crs: { ...WGS84, notes: [] }, fields: fieldsOf(districts), features: districts }];
  if (json.coordinates) {
    const p = unit(json, 1, 'province', null);
    layers.push({ name: 'level1', crs: { ...WGS84, notes: [] }, fields: fieldsOf([p]), features: [p] });
  }
  return { fileName, format: 'dvhcvn', warnings: [], layers };
}
