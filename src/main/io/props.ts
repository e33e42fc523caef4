// Attribute values from files become the store's plain values (text, number, boolean, null).
import type { PropValue } from '../../shared/model';

export function toPropValue(v: unknown): PropValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.normalize('NFC');
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'bigint') return Number(v);
  return JSON.stringify(v);
}

export function toProps(o: Record<string, unknown> | null | undefined): Record<string, PropValue> {
  const out: Record<string, PropValue> = {};
  if (!o) return out;
  for (const [k, v] of Object.entries(o)) out[k] = toPropValue(v);
  return out;
}

/** Fields in first-seen order over all features. */
export function fieldsOf(features: { props: Record<string, PropValue> }[]): string[] {
  const seen = new Set<string>();
  for (const f of features) for (const k of Object.keys(f.props)) seen.add(k);
  return [...seen];
}
