// What an export contains: rows of the chosen layers, filtered by commune and (search areas) status.
import { FEATURE_TABLES, TABLES, type FieldDef, type Row, type TableName } from '../../shared/model';
import type { ProjectStore } from '../store';

export interface ExportFilter {
  tables?: TableName[];
  communes?: string[];
  statuses?: string[];
}

export interface LayerRows {
  table: TableName;
  fields: string[];
  rows: Row[];
}

const hasField = (t: TableName, f: string) => (TABLES[t].fields as readonly FieldDef[]).some((x) => x.name === f);

export function selectRows(store: ProjectStore, filter: ExportFilter, featuresOnly = true): LayerRows[] {
  const tables = (filter.tables?.length ? filter.tables : FEATURE_TABLES).filter((t) => !featuresOnly || TABLES[t].kind === 'feature');
  const out: LayerRows[] = [];
  for (const table of tables) {
    const q: Record<string, string[]> = {};
    if (filter.communes?.length) {
      // A commune's export holds its own rows; its boundary is the admin unit with its code.
      if (hasField(table, 'commune_code')) q.commune_code = filter.communes;
      else if (table === 'admin_units') q.code = filter.communes;
      else continue;
    }
    if (filter.statuses?.length && table === 'search_areas') q.status = filter.statuses;
    const rows: Row[] = [];
    for (let offset = 0; ; offset += 50_000) {
      const r = TABLES[table].kind === 'feature' ? store.query(table, { filter: q, limit: 50_000, offset }) : store.searchRecords(table, '', q, 10_000, offset);
      rows.push(...r.rows);
      const more = 'truncated' in r ? r.truncated : rows.length < r.total;
      if (!more || r.rows.length === 0) break;
    }
    out.push({ table, fields: (TABLES[table].fields as readonly FieldDef[]).map((f) => f.name), rows });
  }
  return out;
}
