// The bulk edit's controls, shown while rows are checked: the field, the value, apply.
import { TABLES, type FieldDef } from '../../../shared/model/tables';
import type { FeatureTableName } from '../../../shared/symbology';
import { useI18n } from '../../i18n';
import { enumLabel, useD } from '../dict';
import type { BulkEdit } from './useBulkEdit';

export function BulkEditBar({ table, checked, bulk }: { table: FeatureTableName; checked: number; bulk: BulkEdit }) {
  const { pick } = useI18n();
  const d = useD();
  const fields = TABLES[table].fields as readonly FieldDef[];
  const def = bulk.def;
  return (
    <span className="bulk" data-testid="bulk-edit">
      {d('table.bulk', { n: checked })}
      <select value={bulk.field} onChange={(e) => bulk.setField(e.target.value)} data-testid="bulk-field">
        <option value="" />
        {fields.map((f) => (
          <option key={f.name} value={f.name}>
            {pick(f)}
          </option>
        ))}
      </select>
      {def?.type === 'enum' ? (
        <select value={bulk.value} onChange={(e) => bulk.setValue(e.target.value)} data-testid="bulk-value">
          <option value="" />
          {def.values!.map((v) => (
            <option key={v} value={v}>
              {pick(enumLabel(table, def.name, v) ?? { vi: v, en: v })}
            </option>
          ))}
        </select>
      ) : (
        <input value={bulk.value} onChange={(e) => bulk.setValue(e.target.value)} data-testid="bulk-value" />
      )}
      <button className="btn btn-small" onClick={() => void bulk.apply()} disabled={!def} data-testid="bulk-apply">
        {d('table.apply')}
      </button>
    </span>
  );
}
