// Everything the checks read, loaded once from the store into plain rows plus the indexes several
// checks share (rows by id, links by row, commune boundaries prepared in GEOS).
import {
  FEATURE_TABLES,
  TABLES,
  geometryExtent,
  type Extent,
  type Geometry,
  type ProjectSettings,
  type Row,
  type TableName,
} from '../../shared/model';
import { ABSOLUTE_DOMAIN, type CrsDomain } from '../../shared/crs/domain';
import type { FindingInput } from '../../shared/review/finding';
import { RULES, type RuleId } from '../../shared/review/rules';
import { communeUnits } from './commune-units';
import type { Geos, GeomPtr, PreparedPtr } from './geos';

export const DEFAULT_MIN_GRAVE_DISTANCE = 20;

export interface CheckData {
  rows: Map<TableName, Row[]>;
  settings: ProjectSettings;
  /** Graves closer than this (metres) are reported. */
  minGraveDistance: number;
  /** The project's CRS domain (store.domain); without it only the absolute bound is checked. */
  domain?: CrsDomain;
}

export interface CommuneArea {
  code: string;
  row: Row;
  ptr: GeomPtr;
  prepared: PreparedPtr;
  extent: Extent;
}

export interface CheckEnv {
  data: CheckData;
  geos: Geos;
  byKey: Map<string, Row>;
  /** `${table}/${id}` → the rows at the other end of its (live) links. */
  linked: Map<string, Row[]>;
  /** Commune code → boundary (only communes that have one). */
  communes: Map<string, CommuneArea>;
  /** Rows whose geometry GEOS finds invalid or cannot read: other geometric checks skip them. */
  badGeometry: Set<string>;
  /** GEOS copies of row geometries, read once and shared by the checks; freed by disposeEnv. */
  geoms: Map<string, GeomPtr>;
}

/** The row's geometry in GEOS (cached for the run). Throws if GEOS cannot read it. */
export function geosOf(env: CheckEnv, row: Row): GeomPtr {
  const k = key(row.table, row.id);
  let p = env.geoms.get(k);
  if (p === undefined) env.geoms.set(k, (p = env.geos.read(row.geometry!)));
  return p;
}

export const key = (table: string, id: string) => `${table}/${id}`;
export const rowsOf = (env: CheckEnv, t: TableName): Row[] => env.data.rows.get(t) ?? [];
export const domainOf = (env: CheckEnv): CrsDomain => env.data.domain ?? ABSOLUTE_DOMAIN;

/** Feature tables that carry a commune code (the commune's own map content). */
export const COMMUNE_FEATURE_TABLES: TableName[] = FEATURE_TABLES.filter(
  (t) => t !== 'admin_units' && TABLES[t].fields.some((f) => f.name === 'commune_code'),
);

export function communeOf(row: Row): string | null {
  const c = row.props.commune_code;
  return typeof c === 'string' && c !== '' ? c : null;
}

/** A small box around points so the map has something to zoom to. */
export function zoomExtent(g: Geometry | null, pad = 25): Extent | null {
  if (!g) return null;
  try {
    const e = geometryExtent(g);
    if (![0, 1, 2, 3].every((i) => Number.isFinite(e[i]))) return null;
    return [e[0] - pad, e[1] - pad, e[2] + pad, e[3] + pad];
  } catch {
    return null;
  }
}

export function finding(
  rule: RuleId,
  row: Row | null,
  vi: string,
  en: string,
  extra: Partial<Pick<FindingInput, 'communeCode' | 'extent' | 'otherTable' | 'otherId'>> = {},
): FindingInput {
  return {
    rule,
    severity: RULES[rule].severity,
    table: row?.table ?? null,
    id: row?.id ?? null,
    communeCode: extra.communeCode !== undefined ? extra.communeCode : row ? communeOf(row) : null,
    vi,
    en,
    extent: extra.extent !== undefined ? extra.extent : zoomExtent(row?.geometry ?? null),
    otherTable: extra.otherTable ?? null,
    otherId: extra.otherId ?? null,
  };
}

/** How a reviewer names a row: its code or name, else the table and a short id. */
export function label(row: Row): string {
  const p = row.props;
  const name = [p.code, p.name, p.number, p.full_name, p.unit_name].find((v) => typeof v === 'string' && v !== '');
  return `${TABLES[row.table].vi} ${name ? `"${String(name)}"` : row.id.slice(0, 8)}`;
}
export function labelEn(row: Row): string {
  const p = row.props;
  const name = [p.code, p.name, p.number, p.full_name, p.unit_name].find((v) => typeof v === 'string' && v !== '');
  return `${TABLES[row.table].en} ${name ? `"${String(name)}"` : row.id.slice(0, 8)}`;
}

export function buildEnv(data: CheckData, geos: Geos): CheckEnv {
  const byKey = new Map<string, Row>();
  for (const rows of data.rows.values()) for (const r of rows) byKey.set(key(r.table, r.id), r);
  const linked = new Map<string, Row[]>();
  const add = (k: string, other: Row | undefined) => {
    if (!other) return;
    const l = linked.get(k);
    if (l) l.push(other);
    else linked.set(k, [other]);
  };
  for (const l of data.rows.get('links') ?? []) {
    const from = key(String(l.props.from_table), String(l.props.from_id));
    const to = key(String(l.props.to_table), String(l.props.to_id));
    add(from, byKey.get(to));
    add(to, byKey.get(from));
  }
  const communes = new Map<string, CommuneArea>();
  // The same choice of boundaries as the write rules make (commune-units.ts), over every commune unit.
  for (const [code, row] of communeUnits(data.rows.get('admin_units') ?? [], { communes: [] })) {
    let ptr: GeomPtr | null = null;
    try {
      ptr = geos.read(row.geometry!);
      communes.set(code, { code, row, ptr, prepared: geos.prepareGeometry(ptr), extent: geometryExtent(row.geometry!) });
    } catch {
      if (ptr) geos.destroy(ptr);
    }
  }
  return { data, geos, byKey, linked, communes, badGeometry: new Set(), geoms: new Map() };
}

export function disposeEnv(env: CheckEnv): void {
  for (const c of env.communes.values()) {
    env.geos.destroyPrepared(c.prepared);
    env.geos.destroy(c.ptr);
  }
  env.communes.clear();
  for (const p of env.geoms.values()) env.geos.destroy(p);
  env.geoms.clear();
}
