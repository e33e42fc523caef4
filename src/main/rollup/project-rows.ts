// The district's side of a publish: which of the project's rows the province gets (their commune
// approved, or every commune with --all-states), each with its commune, review state and WGS 84
// geometry. WGS 84 comes from our own catalogue's transform (VN-2000 with the QĐ 05/2007 TOWGS84),
// the same path as the GeoJSON export, never PostGIS's idea of the project's CRS; the original
// coordinates travel beside it with the CRS named.
import { transform } from '../../shared/crs';
import { mapGeometry, type Geometry, type Props, type Row } from '../../shared/model';
import type { ReviewState } from '../../shared/review/state';
import type { ProjectStore } from '../store';
import { fieldsOf, isFeature, PUBLISHED_TABLES, type PublishedTable } from './pg-schema';

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** The commune a row belongs to, as the statistics and the commune export read it. */
export function communeOf(table: PublishedTable, p: Props): string | null {
  if (table === 'admin_units') return p.level === 'commune' ? text(p.code) : null;
  if (table === 'conclusions') return text(p.commune_code) ?? text(p.unit_code);
  return text(p.commune_code);
}

export interface CommuneInfo {
  code: string;
  name: string;
  state: ReviewState;
  updatedAt: string | null;
}

/** The project's communes (settings, boundaries and review states), each with its state. */
export function projectCommunes(store: ProjectStore): Map<string, CommuneInfo> {
  const out = new Map<string, CommuneInfo>();
  const add = (code: string | null, name: string | null) => {
    if (code && !out.has(code)) out.set(code, { code, name: name ?? code, state: 'draft', updatedAt: null });
  };
  for (const c of store.getSettings().communes) add(text(c.code), text(c.name));
  for (const r of store.query('admin_units', { filter: { level: ['commune'] }, limit: 10_000 }).rows) add(text(r.props.code), text(r.props.name));
  for (const s of store.review().states()) {
    add(s.communeCode, null);
    Object.assign(out.get(s.communeCode)!, { state: s.state, updatedAt: s.updatedAt });
  }
  return out;
}

/** A row as sent: the fields typed for their columns, the geometry as GeoJSON in WGS 84 and in the source CRS. */
export interface OutRow {
  uuid: string;
  commune: string;
  version: number;
  review_state: ReviewState;
  created_at: string;
  updated_at: string;
  updated_by: string;
  src_ord: number;
  g: string | null;
  gs: string | null;
  [field: string]: string | number | boolean | null;
}

function toWgs84(g: Geometry, crs: string): Geometry {
  return mapGeometry(g, (p) => transform(crs, 'EPSG:4326', [p[0], p[1]]).slice(0, 2));
}

/** Values the column cannot hold (a number field holding text, written by another program) are counted and sent empty. */
export interface Coercions {
  count: number;
}

export function outRow(table: PublishedTable, r: Row, commune: string, state: ReviewState, ord: number, crs: string, bad: Coercions): OutRow {
  const o: OutRow = {
    uuid: r.id,
    commune,
    version: r.meta.version,
    review_state: state,
    created_at: r.meta.createdAt,
    updated_at: r.meta.updatedAt,
    updated_by: r.meta.updatedBy,
    src_ord: ord,
    g: null,
    gs: null,
  };
  for (const f of fieldsOf(table)) {
    const v = r.props[f.name] ?? null;
    let out: string | number | boolean | null = v;
    if (v !== null) {
      if (f.type === 'integer') out = typeof v === 'number' && Number.isSafeInteger(v) ? v : null;
      else if (f.type === 'real') out = typeof v === 'number' && Number.isFinite(v) ? v : null;
      else if (f.type === 'boolean') out = typeof v === 'boolean' ? v : v === 1 ? true : v === 0 ? false : null;
      else out = String(v);
      if (out === null) bad.count++;
    }
    o[f.name] = out;
  }
  if (isFeature(table) && r.geometry) {
    o.g = JSON.stringify(toWgs84(r.geometry, crs));
    o.gs = JSON.stringify(r.geometry);
  }
  return o;
}

/** Every live row of the table, page by page. */
export function eachLiveRow(store: ProjectStore, table: PublishedTable, each: (r: Row) => void): void {
  const PAGE = 5_000;
  for (let offset = 0; ; ) {
    const r = store.query(table, { limit: PAGE, offset });
    for (const row of r.rows) each(row);
    offset += r.rows.length;
    if (!r.truncated || !r.rows.length) return;
  }
}

export { PUBLISHED_TABLES };
