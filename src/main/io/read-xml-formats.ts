// KML, KMZ and GPX through @tmcw/togeojson on a DOM from xmldom (see xml.ts for the DOCTYPE rule).
// Both formats are WGS 84 by definition.
import { kml } from '@tmcw/togeojson';
import type { Element as XmlElement } from '@xmldom/xmldom';
import { importError } from './errors';
import { LIMITS } from './limits';
import { fieldsOf, toProps } from './props';
import { checkSourceGeometry, GeometryShapeError } from './source-geometry';
import { decodeText } from './text';
import { parseXml } from './xml';
import { safeUnzip } from './zip';
import type { SourceDataset, SourceFeature, SourceLayer } from './types';

const STYLE_KEY = /^(styleUrl|styleHash|styleMapHash|coordinateProperties|stroke|fill|icon|label|_gpxType)/;

function features(fileName: string, list: { geometry: unknown; properties: Record<string, unknown> | null }[]): SourceFeature[] {
  return list.map((f, i) => {
    const props = Object.fromEntries(Object.entries(f.properties ?? {}).filter(([k]) => !STYLE_KEY.test(k)));
    try {
      return { row: i + 1, geometry: checkSourceGeometry(f.geometry), props: toProps(props) };
    } catch (e) {
      if (e instanceof GeometryShapeError) throw importError(fileName, e.vi, e.message, { row: i + 1 });
      throw e;
    }
  });
}

const wgs84 = () => ({ code: 'EPSG:4326', how: 'format' as const, notes: [] });

function layer(name: string, fs: SourceFeature[]): SourceLayer {
  return { name, crs: wgs84(), fields: fieldsOf(fs), features: fs };
}

export function readKml(fileName: string, bytes: Uint8Array, format: 'kml' | 'kmz' = 'kml'): SourceDataset {
  const doc = parseXml(fileName, decodeText(fileName, bytes));
  if (doc.documentElement?.localName !== 'kml') throw importError(fileName, 'không phải tệp KML (thiếu thẻ <kml>).', 'not a KML file (no <kml> root).');
  const fc = kml(doc);
  const fs = features(fileName, fc.features as never);
  return { fileName, format, warnings: [], layers: [layer(fileName.replace(/\.[^.]+$/, ''), fs)] };
}

export function readKmz(fileName: string, bytes: Uint8Array): SourceDataset {
  const entries = safeUnzip(fileName, bytes, { maxBytes: LIMITS.textBytes, maxRatio: LIMITS.maxRatio, maxEntries: LIMITS.maxZipEntries });
  const names = [...entries.keys()].filter((n) => n.toLowerCase().endsWith('.kml'));
  const main = names.find((n) => n.toLowerCase() === 'doc.kml') ?? names[0];
  if (!main) throw importError(fileName, 'tệp KMZ không chứa tệp .kml nào.', 'the KMZ holds no .kml file.');
  const ds = readKml(`${fileName}/${main}`, entries.get(main)!, 'kmz');
  return { ...ds, fileName };
}

// Our own GPX walk rather than togeojson's: it drops waypoints' type tag and tracks with fewer than
// two points, and GDAL (what the users compare with) keeps both.
const GPX_FIELDS = ['name', 'cmt', 'desc', 'src', 'sym', 'type', 'time', 'ele'];

function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (c as XmlElement).localName === name) out.push(c as XmlElement);
  return out;
}

function gpxProps(el: XmlElement): Record<string, string | number | null> {
  const props: Record<string, string | number | null> = {};
  for (const f of GPX_FIELDS) {
    const c = childrenNamed(el, f)[0];
    if (!c) continue;
    const text = (c.textContent ?? '').trim();
    props[f] = f === 'ele' ? (Number.isFinite(Number(text)) ? Number(text) : null) : text;
  }
  return props;
}

function gpxPos(fileName: string, el: XmlElement, row: number): number[] {
  const lon = Number(el.getAttribute('lon'));
  const lat = Number(el.getAttribute('lat'));
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || el.getAttribute('lon') === null || el.getAttribute('lat') === null)
    throw importError(fileName, `điểm <${el.localName}> thiếu hoặc sai lat/lon.`, `<${el.localName}> has a missing or invalid lat/lon.`, { row });
  const ele = childrenNamed(el, 'ele')[0];
  const z = ele ? Number((ele.textContent ?? '').trim()) : NaN;
  return Number.isFinite(z) ? [lon, lat, z] : [lon, lat];
}

export function readGpx(fileName: string, bytes: Uint8Array): SourceDataset {
  const doc = parseXml(fileName, decodeText(fileName, bytes));
  const root = doc.documentElement as unknown as XmlElement;
  if (root?.localName !== 'gpx') throw importError(fileName, 'không phải tệp GPX (thiếu thẻ <gpx>).', 'not a GPX file (no <gpx> root).');
  const wpts: SourceFeature[] = childrenNamed(root, 'wpt').map((w, i) => ({ row: i + 1, geometry: { type: 'Point', coordinates: gpxPos(fileName, w, i + 1) }, props: gpxProps(w) }));
  const rtes: SourceFeature[] = childrenNamed(root, 'rte').map((r, i) => {
    const pts = childrenNamed(r, 'rtept').map((p) => gpxPos(fileName, p, i + 1));
    return { row: i + 1, geometry: pts.length >= 2 ? { type: 'LineString', coordinates: pts } : null, props: gpxProps(r) };
  });
  const trks: SourceFeature[] = childrenNamed(root, 'trk').map((t, i) => {
    const segs = childrenNamed(t, 'trkseg')
      .map((s) => childrenNamed(s, 'trkpt').map((p) => gpxPos(fileName, p, i + 1)))
      .filter((s) => s.length >= 2);
    return { row: i + 1, geometry: segs.length ? { type: 'MultiLineString', coordinates: segs } : null, props: gpxProps(t) };
  });
  // GDAL's GPX driver names the layers waypoints / routes / tracks: keep its names.
  const layers = [layer('waypoints', wpts), layer('routes', rtes), layer('tracks', trks)];
  return { fileName, format: 'gpx', warnings: [], layers: layers.filter((l) => l.features.length > 0) };
}
