// The session's side of the wizard: the target layer, the field map and the fixed values per target
// table stay when the next file is chosen (the file's own options do not; see useImportWizard).
import { useMemo, useState } from 'react';
import { TABLES, type FieldDef, type TableName } from '../../../shared/model/tables';
import { chosenMap, typeDefaults } from './import-options';

/**
 * The target table's fields, or one shared empty list before a table is chosen: a new `[]` on every
 * render would change `typedDefaults` each time and re-run the preview effect (a second, stale
 * exchange.preview for the first file).
 */
const NO_FIELDS: readonly FieldDef[] = [];
export function tableFields(table: TableName | null): readonly FieldDef[] {
  return table ? (TABLES[table].fields as readonly FieldDef[]) : NO_FIELDS;
}

export function useImportMapping(selected: string[], layer: string) {
  const [table, setTable] = useState<TableName | null>(null);
  const [map, setMap] = useState<Record<string, string>>({});
  /** Fixed values per target table: kept for the session, like the table. */
  const [allDefaults, setAllDefaults] = useState<Partial<Record<TableName, Record<string, string>>>>({});
  /** Which file, table and layer `map` was suggested for: a map of another table is not sent. */
  const [mapFor, setMapFor] = useState('');
  const mapKey = `${selected.join('|')}#${table ?? ''}#${layer}`;
  const fields = tableFields(table);
  const defaults = useMemo(() => (table ? (allDefaults[table] ?? {}) : {}), [allDefaults, table]);
  const setDefaults = (d: Record<string, string>) => table && setAllDefaults({ ...allDefaults, [table]: d });
  const typedDefaults = useMemo(() => typeDefaults(fields, defaults), [fields, defaults]);
  const sentMap = mapFor === mapKey ? chosenMap(map) : undefined;
  return { table, setTable, map, setMap, mapFor, setMapFor, mapKey, fields, defaults, setDefaults, typedDefaults, sentMap };
}

export type ImportMapping = ReturnType<typeof useImportMapping>;
