// Source attribute → target field: the user's mapping, or same-named fields by default; values are
// coerced to the target field's type (numbers written as text, Vietnamese dates, yes/no words).
import { foldKey } from '../../shared/text/fold';
import { TABLES, type FieldDef, type PropValue, type TableName } from '../../shared/model';

export type FieldMap = Record<string, string>;

/** Target field → source field, for the fields whose names match (diacritics and case ignored). */
export function suggestFieldMap(table: TableName, sourceFields: string[]): FieldMap {
  const out: FieldMap = {};
  const byFold = new Map(sourceFields.map((f) => [foldKey(f), f]));
  for (const f of TABLES[table].fields as readonly FieldDef[]) {
    const hit = byFold.get(foldKey(f.name)) ?? byFold.get(foldKey(f.vi)) ?? byFold.get(foldKey(f.en));
    if (hit) out[f.name] = hit;
  }
  // Most GPS and Google Earth files carry a name (and maybe a description) and nothing else.
  const fields = new Set((TABLES[table].fields as readonly FieldDef[]).map((f) => f.name));
  if (fields.has('name') && !out.name) {
    const n = sourceFields.find((s) => /^(name|ten|ten_xa|ten_huyen|tên)$/i.test(s));
    if (n) out.name = n;
  }
  if (fields.has('description') && !out.description) {
    const d = sourceFields.find((s) => /^(description|desc|cmt|mo_ta|ghi_chu)$/i.test(s));
    if (d) out.description = d;
  }
  return out;
}

const YES = new Set(['1', 'true', 'yes', 'y', 'co', 'x', 'dung']);
const NO = new Set(['0', 'false', 'no', 'n', 'khong', 'sai', '']);

/** A value for field f, or an error text (Vietnamese, English). */
export function coerce(f: FieldDef, v: PropValue): { value: PropValue } | { vi: string; en: string } {
  if (v === null || v === undefined) return { value: null };
  switch (f.type) {
    case 'text':
    case 'enum':
      return { value: typeof v === 'string' ? v.trim().normalize('NFC') || null : String(v) };
    case 'integer':
    case 'real': {
      const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim().replace(',', '.')) : NaN;
      if (typeof v === 'string' && v.trim() === '') return { value: null };
      if (!Number.isFinite(n)) return { vi: `"${String(v)}" không phải số`, en: `"${String(v)}" is not a number` };
      if (f.type === 'integer' && !Number.isInteger(n)) return { vi: `"${String(v)}" không phải số nguyên`, en: `"${String(v)}" is not a whole number` };
      return { value: n };
    }
    case 'boolean': {
      if (typeof v === 'boolean') return { value: v };
      const k = foldKey(String(v));
      if (YES.has(k)) return { value: true };
      if (NO.has(k)) return { value: false };
      return { vi: `"${String(v)}" không phải có/không`, en: `"${String(v)}" is not yes/no` };
    }
    case 'date': {
      const s = String(v).trim();
      if (s === '') return { value: null };
      if (/^\d{4}-\d{2}-\d{2}/.test(s)) return { value: s.slice(0, 10) };
      const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s); // dd/mm/yyyy, as Vietnamese write dates
      if (m) return { value: `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` };
      return { vi: `ngày "${s}" không đọc được (dùng dd/mm/yyyy hoặc yyyy-mm-dd)`, en: `date "${s}" not understood (use dd/mm/yyyy or yyyy-mm-dd)` };
    }
  }
}
