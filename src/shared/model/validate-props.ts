// Checking a row's attributes against its table's fields (required, type, code lists, ranges): in
// main before every write and in the page's forms, which is why it is kept apart from the zod
// schemas of rows.ts.
import { TABLES, type FieldDef, type TableName } from './tables';
import type { PropValue, Props } from './rows';

export interface FieldIssue {
  field: string;
  vi: string;
  en: string;
}

function fieldIssue(f: FieldDef, vi: string, en: string): FieldIssue {
  return { field: f.name, vi: `${f.vi}: ${vi}`, en: `${f.en}: ${en}` };
}

// The store checks every row it writes (100,000s in an import): no closure or Set is built per row.
function checkValue(f: FieldDef, v: PropValue): FieldIssue | null {
  if (v === null || v === '') return null;
  return checkTyped(f, v);
}

function checkTyped(f: FieldDef, v: string | number | boolean): FieldIssue | null {
  switch (f.type) {
    case 'text':
      return typeof v === 'string' ? null : fieldIssue(f, 'phải là chữ', 'must be text');
    case 'boolean':
      return typeof v === 'boolean' ? null : fieldIssue(f, 'phải là có/không', 'must be yes/no');
    case 'enum':
      return typeof v === 'string' && f.values!.includes(v)
        ? null
        : fieldIssue(f, `giá trị "${String(v)}" không hợp lệ`, `"${String(v)}" is not one of ${f.values!.join(', ')}`);
    case 'date':
      return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))
        ? null
        : fieldIssue(f, 'ngày phải theo dạng YYYY-MM-DD', 'date must be YYYY-MM-DD');
    case 'integer':
    case 'real': {
      if (typeof v !== 'number' || (f.type === 'integer' && !Number.isInteger(v)))
        return fieldIssue(f, f.type === 'integer' ? 'phải là số nguyên' : 'phải là số', f.type === 'integer' ? 'must be a whole number' : 'must be a number');
      if (f.min !== undefined && v < f.min) return fieldIssue(f, `không được nhỏ hơn ${f.min}`, `must be at least ${f.min}`);
      if (f.max !== undefined && v > f.max) return fieldIssue(f, `không được lớn hơn ${f.max}`, `must be at most ${f.max}`);
      return null;
    }
  }
}

/**
 * Checks a row's full set of properties against its table: unknown fields, types, ranges, and
 * required fields. Used by the renderer's forms and, authoritatively, by the store before writing.
 */
const KNOWN_FIELDS = new Map<TableName, ReadonlySet<string>>();
function knownFields(table: TableName): ReadonlySet<string> {
  let s = KNOWN_FIELDS.get(table);
  if (!s) KNOWN_FIELDS.set(table, (s = new Set(TABLES[table].fields.map((f) => f.name))));
  return s;
}

export function validateProps(table: TableName, props: Props): FieldIssue[] {
  const def = TABLES[table];
  const issues: FieldIssue[] = [];
  const known = knownFields(table);
  for (const k in props) {
    if (!known.has(k)) issues.push({ field: k, vi: `Trường không có trong bảng: ${k}`, en: `Unknown field: ${k}` });
  }
  for (const f of def.fields as readonly FieldDef[]) {
    const v = props[f.name] ?? null;
    if (f.required && (v === null || v === '')) {
      issues.push({ field: f.name, vi: `Chưa nhập trường bắt buộc: ${f.vi}`, en: `Required field is empty: ${f.en}` });
      continue;
    }
    const bad = checkValue(f, v);
    if (bad) issues.push(bad);
  }
  return issues;
}
