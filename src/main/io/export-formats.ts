// Exports of a selection: GeoJSON (WGS 84, RFC 7946), KML styled by status for Google Earth, GPX
// waypoints for GPS units, CSV with VN-2000 X/Y and WGS 84 lat/lon, a zipped Shapefile set in the
// working CRS with a .prj carrying TOWGS84 and a UTF-8 .cpg.
import { zipSync } from 'fflate';
import { crsWkt, findCrs, transform } from '../../shared/crs';
import { mapGeometry, TABLES, type FieldDef, type Geometry, type PropValue, type Row, type TableName } from '../../shared/model';
import { styleFor, type SymbologySettings } from '../../shared/symbology';
import type { LayerRows } from './export-select';
import { dbfNames, kindOf, writeDbf, writeShp, type DbfColumn, type ShpKind } from './shp-writer';

export type ExportFormat = 'geojson' | 'kml' | 'gpx' | 'csv' | 'shp' | 'gpkg';
export const EXPORT_EXTENSION: Record<ExportFormat, string> = { geojson: 'geojson', kml: 'kml', gpx: 'gpx', csv: 'csv', shp: 'zip', gpkg: 'gpkg' };

const enc = new TextEncoder();
const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

/** Working CRS → WGS 84 lon/lat, rounded to 1e-8° (≈ 1 mm). */
function toLonLat(g: Geometry, crs: string): Geometry {
  return mapGeometry(g, (p) => {
    const t = transform(crs, 'EPSG:4326', [p[0]!, p[1]!]);
    return [round(t[0]!, 8), round(t[1]!, 8)];
  });
}

const fieldLabel = (t: TableName, f: string) => (TABLES[t].fields as readonly FieldDef[]).find((x) => x.name === f)?.vi ?? f;

export function exportGeoJson(layers: LayerRows[], crs: string): Uint8Array {
  const features = layers.flatMap((l) =>
    l.rows
      .filter((r) => r.geometry)
      .map((r) => ({ type: 'Feature', id: r.id, geometry: toLonLat(r.geometry!, crs), properties: { layer: l.table, uuid: r.id, ...r.props, version: r.meta.version, updated_at: r.meta.updatedAt } })),
  );
  return enc.encode(JSON.stringify({ type: 'FeatureCollection', name: 'quytap', features }));
}

const xml = (s: unknown) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** #rrggbb + opacity → KML's aabbggrr. */
function kmlColor(hex: string, opacity = 1): string {
  const h = hex.replace('#', '').padEnd(6, '0');
  const a = Math.round(Math.max(0, Math.min(1, opacity)) * 255).toString(16).padStart(2, '0');
  return `${a}${h.slice(4, 6)}${h.slice(2, 4)}${h.slice(0, 2)}`;
}

function kmlCoords(ring: number[][]): string {
  return ring.map((p) => `${p[0]},${p[1]}`).join(' ');
}
function kmlGeometry(g: Geometry): string {
  switch (g.type) {
    case 'Point':
      return `<Point><coordinates>${g.coordinates[0]},${g.coordinates[1]}</coordinates></Point>`;
    case 'LineString':
      return `<LineString><coordinates>${kmlCoords(g.coordinates)}</coordinates></LineString>`;
    case 'MultiLineString':
      return `<MultiGeometry>${g.coordinates.map((l) => `<LineString><coordinates>${kmlCoords(l)}</coordinates></LineString>`).join('')}</MultiGeometry>`;
    case 'Polygon':
      return polygonKml(g.coordinates);
    case 'MultiPolygon':
      return `<MultiGeometry>${g.coordinates.map(polygonKml).join('')}</MultiGeometry>`;
  }
}
function polygonKml(rings: number[][][]): string {
  const [outer, ...holes] = rings;
  return `<Polygon><outerBoundaryIs><LinearRing><coordinates>${kmlCoords(outer!)}</coordinates></LinearRing></outerBoundaryIs>${holes
    .map((h) => `<innerBoundaryIs><LinearRing><coordinates>${kmlCoords(h)}</coordinates></LinearRing></innerBoundaryIs>`)
    .join('')}</Polygon>`;
}

function nameOf(r: Row): string {
  const p = r.props;
  return String(p.name ?? p.code ?? p.full_name ?? p.number ?? r.id.slice(0, 8));
}

/** KML for Google Earth: one folder per layer, one shared style per symbology class (status fills). */
export function exportKml(layers: LayerRows[], crs: string, title: string, settings?: SymbologySettings): Uint8Array {
  const styles = new Map<string, string>();
  const folders = layers.map((l) => {
    const placemarks = l.rows
      .filter((r) => r.geometry)
      .map((r) => {
        const s = styleFor(l.table as never, r.props, settings);
        const id = s.classKey.replace(/[^A-Za-z0-9_-]/g, '_');
        if (!styles.has(id)) {
          const stroke = s.strokes[0];
          // The symbol's first coloured part (red new grave, green family-cared grave…).
          const part = s.symbol?.parts.find((x) => ('fill' in x && x.fill) || x.stroke);
          const iconColor = (part && (('fill' in part && part.fill) || part.stroke)) || stroke?.color || '#e00000';
          styles.set(
            id,
            `<Style id="${id}"><LineStyle><color>${kmlColor(stroke?.color ?? '#000000', stroke?.opacity ?? 1)}</color><width>${Math.max(1, (stroke?.widthMm ?? 0.3) * 4).toFixed(1)}</width></LineStyle>` +
              `<PolyStyle><color>${kmlColor(s.fill?.color ?? '#ffffff', s.fill ? Math.min(0.7, s.fill.opacity) : 0)}</color><fill>${s.fill ? 1 : 0}</fill></PolyStyle>` +
              `<IconStyle><color>${kmlColor(iconColor)}</color><Icon><href>http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png</href></Icon></IconStyle></Style>`,
          );
        }
        const data = l.fields
          .filter((f) => r.props[f] !== null && r.props[f] !== undefined)
          .map((f) => `<Data name="${xml(f)}"><displayName>${xml(fieldLabel(l.table, f))}</displayName><value>${xml(r.props[f])}</value></Data>`)
          .join('');
        return `<Placemark id="${r.id}"><name>${xml(nameOf(r))}</name>${r.props.description ? `<description>${xml(r.props.description)}</description>` : ''}<styleUrl>#${id}</styleUrl><ExtendedData><Data name="uuid"><value>${r.id}</value></Data>${data}</ExtendedData>${kmlGeometry(toLonLat(r.geometry!, crs))}</Placemark>`;
      });
    return `<Folder><name>${xml(TABLES[l.table].vi)}</name>${placemarks.join('\n')}</Folder>`;
  });
  return enc.encode(
    `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${xml(title)}</name>\n${[...styles.values()].join('\n')}\n${folders.join('\n')}</Document></kml>\n`,
  );
}

/** GPX 1.1 waypoints for GPS units: graves and information points (other layers have no GPX meaning). */
/** GPX carries waypoints only: the points of graves and information points. */
const gpxCarries = (l: LayerRows, r: LayerRows['rows'][number]): boolean => (l.table === 'graves' || l.table === 'info_points') && r.geometry?.type === 'Point';
/** The CSV is a table of points (X/Y columns): lines and areas have no place in it. */
const csvCarries = (_l: LayerRows, r: LayerRows['rows'][number]): boolean => r.geometry?.type === 'Point';

/**
 * How many of the selected rows a format can hold. GPX and CSV hold points only, so an export of
 * areas in them would be an empty file reported as "50 features": the caller refuses or names the rest.
 */
export function carriedCount(format: ExportFormat, layers: LayerRows[]): number {
  const carries = format === 'gpx' ? gpxCarries : format === 'csv' ? csvCarries : null;
  return layers.reduce((s, l) => s + (carries ? l.rows.filter((r) => carries(l, r)).length : l.rows.length), 0);
}

export function exportGpx(layers: LayerRows[], crs: string): Uint8Array {
  const wpts = layers
    .flatMap((l) =>
      l.rows
        .filter((r) => gpxCarries(l, r))
        .map((r) => {
          const [lon, lat] = (toLonLat(r.geometry!, crs) as { coordinates: number[] }).coordinates;
          const desc = [r.props.description, r.props.kind].filter(Boolean).join(' — ');
          return `<wpt lat="${lat}" lon="${lon}"><name>${xml(nameOf(r))}</name>${desc ? `<desc>${xml(desc)}</desc>` : ''}<sym>${l.table === 'graves' ? 'Cemetery' : 'Flag, Red'}</sym><type>${xml(`${l.table}:${r.props.kind ?? ''}`)}</type></wpt>`;
        }),
    );
  return enc.encode(`<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="QuyTap" xmlns="http://www.topografix.com/GPX/1/1">\n${wpts.join('\n')}\n</gpx>\n`);
}

const csvCell = (v: PropValue) => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Point layers as one table: X = northing and Y = easting (VN-2000, as Vietnamese surveyors write them), then WGS 84. */
export function exportCsv(layers: LayerRows[], crs: string): Uint8Array {
  const pointLayers = layers.filter((l) => l.rows.some((r) => r.geometry?.type === 'Point'));
  const fields = [...new Set(pointLayers.flatMap((l) => l.fields))];
  const code = findCrs(crs)?.code ?? crs;
  const head = ['layer', 'uuid', ...fields, `X_northing_${code}`, `Y_easting_${code}`, 'lat_wgs84', 'lon_wgs84'];
  const lines = [head.join(',')];
  for (const l of pointLayers)
    for (const r of l.rows) {
      if (!csvCarries(l, r) || r.geometry?.type !== 'Point') continue; // the second test narrows the type
      const [e, n] = r.geometry.coordinates;
      const [lon, lat] = transform(crs, 'EPSG:4326', [e!, n!]);
      lines.push([l.table, r.id, ...fields.map((f) => r.props[f] ?? null), round(n!, 3), round(e!, 3), round(lat!, 8), round(lon!, 8)].map(csvCell).join(','));
    }
  // A BOM so Excel opens the Vietnamese text as UTF-8.
  return enc.encode(`\ufeff${lines.join('\r\n')}\r\n`);
}

function dbfColumns(table: TableName, names: string[]): DbfColumn[] {
  const defs = TABLES[table].fields as readonly FieldDef[];
  const cols: DbfColumn[] = [{ name: 'uuid', type: 'C', length: 36, decimals: 0 }];
  const short = dbfNames(['uuid', ...names]).slice(1);
  names.forEach((n, i) => {
    const f = defs.find((d) => d.name === n)!;
    const type: DbfColumn = f.type === 'integer' ? { name: short[i]!, type: 'N', length: 18, decimals: 0 }
      : f.type === 'real' ? { name: short[i]!, type: 'N', length: 24, decimals: 6 }
      : f.type === 'boolean' ? { name: short[i]!, type: 'L', length: 1, decimals: 0 }
      : f.type === 'date' ? { name: short[i]!, type: 'D', length: 8, decimals: 0 }
      : { name: short[i]!, type: 'C', length: 254, decimals: 0 };
    cols.push(type);
  });
  return cols;
}

/** A .zip of Shapefile sets, one per layer and geometry kind, in the working CRS. */
export function exportShapefileZip(layers: LayerRows[], crs: string): Uint8Array {
  const def = findCrs(crs);
  if (!def) throw new Error(`unknown CRS ${crs}`);
  const prj = enc.encode(crsWkt(def));
  const files: Record<string, Uint8Array> = {};
  for (const l of layers) {
    const byKind = new Map<ShpKind, Row[]>();
    for (const r of l.rows) if (r.geometry) byKind.set(kindOf(r.geometry), [...(byKind.get(kindOf(r.geometry)) ?? []), r]);
    const cols = dbfColumns(l.table, l.fields);
    for (const [kind, rows] of byKind) {
      const name = byKind.size > 1 ? `${l.table}_${kind}` : l.table;
      const { shp, shx } = writeShp(kind, rows.map((r) => r.geometry!));
      files[`${name}.shp`] = shp;
      files[`${name}.shx`] = shx;
      files[`${name}.dbf`] = writeDbf(cols, rows.map((r) => [r.id, ...l.fields.map((f) => r.props[f] ?? null)]));
      files[`${name}.prj`] = prj;
      files[`${name}.cpg`] = enc.encode('UTF-8');
    }
  }
  files['README.txt'] = enc.encode(
    `QuyTap — ${def.name}\r\nToạ độ theo ${def.nameEn}; tệp .prj có tham số TOWGS84 của QĐ 05/2007/QĐ-BTNMT.\r\nTên trường dài được cắt còn 10 ký tự (giới hạn của .dbf); bảng mã UTF-8 (.cpg).\r\n`,
  );
  return zipSync(files, { level: 6 });
}
