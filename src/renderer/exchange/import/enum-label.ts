// Code-list values as people read them in the wizard's fixed-value column.
import type { TableName } from '../../../shared/model/tables';
import { classDef } from '../../../shared/symbology';
import { ENUM_LABELS } from '../../i18n/dict';

/** The legend text for classified kinds, the shared labels otherwise, the raw value last. */
export function enumLabel(table: TableName, field: string, v: string, pick: (x: { vi: string; en: string }) => string): string {
  const legend = classDef(`${table}:${v}`)?.legend;
  if (legend) return `${pick(legend)} (${v})`;
  const l = ENUM_LABELS[`${field}:${v}`];
  return l ? pick(l) : v;
}
