// Between SQL values and the contract's Row: booleans are 0/1 in SQLite, '' in a non-text field is
// stored as NULL (a DATE or INTEGER column holding '' would trip GDAL), everything else as is.
import type { FieldDef, Geometry, PropValue, Props, Row, TableName } from '../../shared/model';
import { decodeGpkgGeometry } from './geometry-codec';
import { GEOM_COLUMN, q, type TableLayout } from './table-columns';

export type SqlValue = string | number | bigint | Buffer | null;

export function toSqlValue(f: FieldDef, v: PropValue | undefined): SqlValue {
  if (v === null || v === undefined) return null;
  if (f.type === 'boolean') return v ? 1 : 0;
  if (v === '' && f.type !== 'text') return null;
  return v as string | number;
}

export function fromSqlValue(f: FieldDef, v: unknown): PropValue {
  if (v === null || v === undefined) return null;
  if (f.type === 'boolean') return v !== 0 && v !== '0';
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Uint8Array) return null; // a foreign tool wrote a blob into a scalar field
  return v as string | number;
}

/** The columns every row read selects, in this order (raw mode: arrays, not objects, for speed). */
export function selectColumns(l: TableLayout): string {
  return [
    'fid',
    'uuid',
    l.geometryType ? q(GEOM_COLUMN) : 'NULL',
    ...l.fields.map((f) => q(f.name)),
    'created_at',
    'created_by',
    'updated_at',
    'updated_by',
    'version',
    'deleted',
  ].join(', ');
}

/** A row as read, before it becomes a contract Row; fid stays inside the store. */
export interface StoredRow {
  fid: number;
  id: string;
  geometry: Geometry | null;
  props: Props;
  version: number;
  deleted: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export function decodeRaw(l: TableLayout, r: unknown[]): StoredRow {
  const n = l.fields.length;
  const props: Props = {};
  for (let i = 0; i < n; i++) props[l.fields[i]!.name] = fromSqlValue(l.fields[i]!, r[3 + i]);
  return {
    fid: Number(r[0]),
    id: r[1] as string,
    geometry: r[2] == null ? null : decodeGpkgGeometry(r[2] as Uint8Array),
    props,
    createdAt: r[3 + n] as string,
    createdBy: r[4 + n] as string,
    updatedAt: r[5 + n] as string,
    updatedBy: r[6 + n] as string,
    version: Number(r[7 + n]),
    deleted: r[8 + n] !== 0,
  };
}

export function toRow(table: TableName, s: StoredRow): Row {
  return {
    table,
    id: s.id,
    geometry: s.geometry,
    props: s.props,
    meta: { version: s.version, createdAt: s.createdAt, createdBy: s.createdBy, updatedAt: s.updatedAt, updatedBy: s.updatedBy, deleted: s.deleted },
  };
}

/** What the audit log and the undo history keep of a row: everything but fid and file bytes. */
export interface Snapshot {
  props: Props;
  geometry: Geometry | null;
  version: number;
  deleted: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export function snapshotOf(s: StoredRow): Snapshot {
  return {
    props: s.props,
    geometry: s.geometry,
    version: s.version,
    deleted: s.deleted,
    createdAt: s.createdAt,
    createdBy: s.createdBy,
    updatedAt: s.updatedAt,
    updatedBy: s.updatedBy,
  };
}
