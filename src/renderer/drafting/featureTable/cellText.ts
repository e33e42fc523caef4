import type { PropValue } from '../../../shared/model/rows';
import type { FieldDef } from '../../../shared/model/tables';
import { enumLabel } from '../dict';

/** A cell's text: an enum by its label in the user's language, a boolean as ✓ / ✗, empty as nothing. */
export function cellText(table: string, f: FieldDef, v: PropValue | undefined, pick: (x: { vi: string; en: string }) => string): string {
  if (v === null || v === undefined || v === '') return '';
  if (f.type === 'enum') {
    const l = enumLabel(table, f.name, String(v));
    return l ? pick(l) : String(v);
  }
  if (f.type === 'boolean') return v ? '✓' : '✗';
  return String(v);
}
