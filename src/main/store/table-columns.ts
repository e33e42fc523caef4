// Column layout of every project table, derived from TABLES (the one definition of fields). Names
// that reach SQL come only from here, never from input: input names are looked up, not spliced.
import { TABLES, type FieldDef, type GpkgGeometryType, type TableName } from '../../shared/model';

export const GEOM_COLUMN = 'geom';
export const ENVELOPE_COLUMNS = ['created_at', 'created_by', 'updated_at', 'updated_by', 'version', 'deleted'] as const;

/** "quoted" SQL identifier; only ever called with names from TABLES or our own constants. */
export function q(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** GeoPackage data types (validate_gpkg.py checks them): dates as DATE, booleans as BOOLEAN (0/1). */
export function sqlType(f: FieldDef): string {
  switch (f.type) {
    case 'text':
    case 'enum':
      return 'TEXT';
    case 'integer':
      return 'INTEGER';
    case 'real':
      return 'REAL';
    case 'date':
      return 'DATE';
    case 'boolean':
      return 'BOOLEAN';
  }
}

export interface TableLayout {
  name: TableName;
  kind: 'feature' | 'record';
  geometryType: GpkgGeometryType | null;
  fields: readonly FieldDef[];
  fieldByName: ReadonlyMap<string, FieldDef>;
  textFields: readonly FieldDef[];
  hasCommuneCode: boolean;
  /** attachments carries the file bytes in a store-managed column */
  hasData: boolean;
  rtree: string | null;
}

const layouts = new Map<TableName, TableLayout>();

export function layoutOf(table: TableName): TableLayout {
  let l = layouts.get(table);
  if (!l) {
    const def = TABLES[table];
    const fields = def.fields as readonly FieldDef[];
    l = {
      name: table,
      kind: def.kind,
      geometryType: def.kind === 'feature' ? ((def as { geometryType?: GpkgGeometryType }).geometryType ?? 'GEOMETRY') : null,
      fields,
      fieldByName: new Map(fields.map((f) => [f.name, f])),
      textFields: fields.filter((f) => f.type === 'text'),
      hasCommuneCode: fields.some((f) => f.name === 'commune_code'),
      hasData: table === 'attachments',
      rtree: def.kind === 'feature' ? `rtree_${table}_${GEOM_COLUMN}` : null,
    };
    layouts.set(table, l);
  }
  return l;
}
