// A coded field's value as people write it in their tables: the code itself, the legend's words
// ("Mộ mới phát hiện" for graves' kind newly_found) or the form's label ("Đã xác minh, có cơ sở"),
// with or without diacritics, in any case. Folding is shared/text/fold.ts's foldKey (the one place for it).
import { foldKey } from '../text/fold';
import { TABLES, type FieldDef, type TableName } from '../model/tables';
import { CLASSES, CLASS_FIELD } from '../symbology/classes';
import { ENUM_LABELS } from './enum-labels';

const cache = new Map<string, Map<string, string>>();

/** Folded spelling → code for one coded field; a spelling two codes share is left out (no guessing). */
function spellings(table: TableName, field: string): Map<string, string> {
  const key = `${table}:${field}`;
  const kept = cache.get(key);
  if (kept) return kept;
  const def = (TABLES[table].fields as readonly FieldDef[]).find((f) => f.name === field);
  const out = new Map<string, string>();
  const shared = new Set<string>();
  const add = (text: string, code: string) => {
    const k = foldKey(text);
    if (!k || shared.has(k)) return;
    if (out.has(k) && out.get(k) !== code) {
      out.delete(k);
      shared.add(k);
    } else out.set(k, code);
  };
  const classField = (CLASS_FIELD as Record<string, { field: string } | undefined>)[table]?.field;
  for (const code of def?.values ?? []) {
    add(code, code);
    const label = ENUM_LABELS[`${field}:${code}`];
    if (label) {
      add(label.vi, code);
      add(label.en, code);
    }
    const legend = classField === field ? CLASSES.find((c) => c.table === table && c.value === code)?.legend : null;
    if (legend) {
      add(legend.vi, code);
      add(legend.en, code);
    }
  }
  cache.set(key, out);
  return out;
}

/** The code a written value stands for in a coded field, or null when it names none. */
export function codeForLabel(table: TableName, field: string, value: string): string | null {
  return spellings(table, field).get(foldKey(value)) ?? null;
}
