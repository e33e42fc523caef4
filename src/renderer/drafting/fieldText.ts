// A field's label and a value as the form shows it ("Chưa tổ chức tìm kiếm", not "not_started"):
// one reading for every side-by-side view (a package's conflicts, an edit conflict).
import { TABLES, type FieldDef, type TableName } from '../../shared/model/tables';
import { enumLabel } from './dict';

type Pick = (x: { vi: string; en: string }) => string;

export function fieldLabel(table: TableName, name: string, pick: Pick): string {
  const f = (TABLES[table].fields as readonly FieldDef[]).find((d) => d.name === name);
  return f ? pick(f) : name;
}

export function fieldText(table: TableName, name: string, v: unknown, pick: Pick): string {
  if (v === null || v === undefined) return '';
  const f = (TABLES[table].fields as readonly FieldDef[]).find((d) => d.name === name);
  const l = f?.type === 'enum' ? enumLabel(table, name, String(v)) : null;
  return l ? pick(l) : typeof v === 'object' ? JSON.stringify(v) : String(v);
}
