// The feature table's rows as pure functions of its choices: filter, search (without diacritics),
// sort (empty values last), the text of a cell, the value a bulk edit writes.
import type { PropValue, Row } from '../../../shared/model/rows';
import type { FieldDef } from '../../../shared/model/tables';
import { foldKey } from '../../../shared/text/fold';

export type Sort = { field: string; dir: 1 | -1 };

export interface RowFilter {
  search: string;
  classField: string;
  classFilter: string;
  /** Only the rows of this commune; null: every row. */
  commune: string | null;
}

export function filterRows(rows: readonly Row[], f: RowFilter): Row[] {
  const q = foldKey(f.search.trim());
  return rows.filter(
    (r) =>
      (!f.classFilter || r.props[f.classField] === f.classFilter) &&
      (!f.commune || r.props.commune_code === f.commune) &&
      (!q || foldKey(Object.values(r.props).filter((v) => v !== null).join(' ')).includes(q)),
  );
}

/** Numbers as numbers, text in the language's order (numeric runs as numbers); an empty value always last. */
export function sortRows(rows: readonly Row[], sort: Sort, lang: 'vi' | 'en'): Row[] {
  const cmp = new Intl.Collator(lang === 'vi' ? 'vi' : 'en', { numeric: true }).compare;
  return [...rows].sort((a, b) => {
    const x = a.props[sort.field] ?? null;
    const y = b.props[sort.field] ?? null;
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return sort.dir * (typeof x === 'number' && typeof y === 'number' ? x - y : cmp(String(x), String(y)));
  });
}

/** A click on a column's head: sort by it, then the other way. */
export function nextSort(s: Sort | null, field: string): Sort {
  return s?.field === field ? { field, dir: s.dir === 1 ? -1 : 1 } : { field, dir: 1 };
}

/** What a bulk edit writes from the typed text: empty is null, numbers and booleans typed. */
export function bulkValue(def: FieldDef, typed: string): PropValue {
  let value: PropValue = typed === '' ? null : typed;
  if (value !== null && (def.type === 'integer' || def.type === 'real')) value = Number(typed);
  if (def.type === 'boolean') value = typed === 'true';
  return value;
}
