// `quytap print --from postgresql://… --province <name>`: the province's overview sheet, drawn by
// the same composer as the district's sheets from the rows the districts published. The database
// holds WGS 84; the sheet is drawn in a VN-2000 CRS (--crs, else the one most districts work in),
// projected back with our own catalogue's transform (QĐ 05/2007), never PostGIS's.
import type pg from 'pg';
import { ApiError } from '../../shared/api-error';
import { crsWkt, findCrs, transform } from '../../shared/crs';
import { foldKey } from '../../shared/text/fold';
import { mapGeometry, ProjectSettingsSchema, type Geometry, type Props } from '../../shared/model';
import type { PrintInput, PrintFeature } from '../../shared/print';
import type { CommuneReview } from '../../shared/print/input';
import type { FeatureTableName } from '../../shared/symbology';
import { connect, parseTarget, type ConnectOptions } from './connect';
import { pgError } from './errors';
import { fieldsOf, isFeature, PUBLISHED_TABLES, schemaIdent, type PublishedTable } from './pg-schema';

export interface ProvinceSource extends ConnectOptions {
  url: string;
  province: string;
  schema?: string;
  /** The sheet's CRS; default the CRS most of the province's districts work in. */
  crs?: string;
}

function project(g: Geometry, code: string): Geometry {
  return mapGeometry(g, (p) => transform('EPSG:4326', code, [p[0], p[1]]).slice(0, 2));
}

interface District {
  district_code: string;
  district_name: string;
  province_code: string | null;
  province_name: string | null;
  src_crs: string;
}

/** Reads the province's published rows into the composer's input. */
export async function provincePrintInput(o: ProvinceSource): Promise<{ input: PrintInput; districts: string[] }> {
  const target = parseTarget(o.url);
  const s = schemaIdent(o.schema ?? 'quytap');
  const c = await connect(target, o);
  try {
    const exists = await c.query('SELECT to_regclass($1) AS t', [`${s}.qt_districts`]);
    if (!exists.rows[0].t)
      throw new ApiError('not_found', `Cơ sở dữ liệu ${target.display} chưa có dữ liệu nào được gửi lên (chưa có lược đồ ${s}).`, `The database ${target.display} holds nothing published yet (no schema ${s}).`);
    const all = (await c.query<District>(`SELECT district_code, district_name, province_code, province_name, src_crs FROM ${s}.qt_districts ORDER BY district_code`)).rows;
    const want = foldKey(o.province.trim()).toLowerCase();
    const districts = all.filter((d) => [d.province_code, d.province_name].some((x) => x && foldKey(x.trim()).toLowerCase() === want));
    if (!districts.length) {
      const known = [...new Set(all.map((d) => d.province_name ?? d.province_code).filter(Boolean))].join(', ') || '—';
      throw new ApiError('not_found', `Chưa huyện nào của tỉnh "${o.province}" gửi bản đồ lên. Các tỉnh có dữ liệu: ${known}.`, `No district of the province "${o.province}" has published. Provinces with data: ${known}.`);
    }
    const code = o.crs ?? mostCommon(districts.map((d) => d.src_crs));
    const def = findCrs(code);
    if (!def || def.kind === 'geographic')
      throw new ApiError('validation', `Hệ tọa độ ${code} không dùng để in tờ tổng hợp được; chọn một hệ VN-2000 (ví dụ --crs EPSG:9218).`, `The CRS ${code} cannot be used for the overview sheet; choose a VN-2000 one (e.g. --crs EPSG:9218).`);
    const codes = districts.map((d) => d.district_code);
    const features: PrintFeature[] = [];
    const records: Record<string, Props[]> = { conclusions: [], martyrs: [] };
    for (const t of PUBLISHED_TABLES) {
      const rows = await readTable(c, s, t, codes);
      for (const r of rows) {
        if (isFeature(t)) {
          if (r.geometry) features.push({ table: t as FeatureTableName, id: r.id, props: r.props, geometry: project(r.geometry, code) });
        } else if (records[t]) records[t].push(r.props);
      }
    }
    const communeRows = (await c.query<{ district_code: string; code: string; name: string; review_state: CommuneReview['state']; state_updated_at: string | null }>(`SELECT district_code, code, name, review_state, state_updated_at FROM ${s}.qt_communes WHERE district_code = ANY($1) ORDER BY district_code, code`, [codes])).rows;
    const first = districts[0];
    const settings = ProjectSettingsSchema.parse({
      title: `Tổng hợp bản đồ tìm kiếm, quy tập hài cốt liệt sĩ tỉnh ${first.province_name ?? o.province}`,
      province: { code: first.province_code ?? '', name: first.province_name ?? o.province },
      communes: communeRows.map((r) => ({ code: r.code, name: r.name })).slice(0, 1000),
      dataSources: `Dữ liệu các huyện gửi lên: ${districts.map((d) => d.district_name).join(', ')}`.slice(0, 2000),
    });
    const input: PrintInput = {
      crs: { code: def.code, name: def.name, datum: def.datum, proj4: def.proj4, ...(def.centralMeridian !== undefined ? { centralMeridian: def.centralMeridian } : {}), wkt: crsWkt(def) },
      settings,
      communes: features.filter((f) => f.table === 'admin_units' && f.props.level === 'commune'),
      features,
      conclusions: records.conclusions,
      martyrs: records.martyrs,
      reviews: communeRows.map((r) => ({ communeCode: r.code, state: r.review_state, updatedAt: r.state_updated_at })),
    };
    return { input, districts: districts.map((d) => d.district_name) };
  } catch (e) {
    throw pgError(e, target);
  } finally {
    await c.end().catch(() => undefined);
  }
}

function mostCommon(xs: string[]): string {
  const n = new Map<string, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0][0];
}

async function readTable(c: pg.Client, s: string, t: PublishedTable, districts: string[]): Promise<{ id: string; props: Props; geometry: Geometry | null }[]> {
  const fields = fieldsOf(t);
  const geo = isFeature(t) ? ', ST_AsGeoJSON(geom, 15) AS g' : '';
  const r = await c.query(`SELECT uuid::text AS id, ${fields.map((f) => `"${f.name}"`).join(', ')}${geo} FROM ${s}."${t}" WHERE district_code = ANY($1) AND NOT deleted ORDER BY district_code, src_ord`, [districts]);
  return r.rows.map((row) => {
    const props: Props = {};
    for (const f of fields) {
      const v = row[f.name];
      props[f.name] = v === null || v === undefined ? null : f.type === 'integer' ? Number(v) : v;
    }
    return { id: row.id, props, geometry: row.g ? (JSON.parse(row.g) as Geometry) : null };
  });
}
