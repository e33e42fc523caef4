// The feature table's head: the layer, search, the class filter, this commune only, the count, the
// bulk edit, close.
import { FEATURE_TABLES, TABLES, type FieldDef } from '../../../shared/model/tables';
import { CLASS_FIELD, type FeatureTableName } from '../../../shared/symbology';
import { useI18n } from '../../i18n';
import { enumLabel, useD } from '../dict';
import { BulkEditBar } from './BulkEditBar';
import type { BulkEdit } from './useBulkEdit';
import { LIMIT, type FeatureRows } from './useFeatureRows';

interface Props {
  table: FeatureTableName;
  onTable: (t: FeatureTableName) => void;
  communeCode: string | null;
  data: FeatureRows;
  bulk: BulkEdit;
  onClose: () => void;
}

export function FeatureTableHead({ table, onTable, communeCode, data, bulk, onClose }: Props) {
  const { pick } = useI18n();
  const d = useD();
  return (
    <div className="dock-head">
      <b>{d('table.title')}</b>
      <select value={table} onChange={(e) => onTable(e.target.value as FeatureTableName)} data-testid="table-layer" aria-label={d('table.layer')}>
        {FEATURE_TABLES.map((t) => (
          <option key={t} value={t}>
            {pick(TABLES[t])}
          </option>
        ))}
      </select>
      <input type="search" placeholder={d('table.search')} value={data.search} onChange={(e) => data.setSearch(e.target.value)} data-testid="table-search" />
      <ClassFilter table={table} data={data} />
      {communeCode && (
        <label className="small">
          <input type="checkbox" checked={data.onlyCommune} onChange={(e) => data.setOnlyCommune(e.target.checked)} /> {communeCode}
        </label>
      )}
      <span className="muted small" data-testid="table-count">
        {d('table.rows', { n: data.shown.length, total: data.rows.length })}
        {data.truncated ? ` (≤ ${LIMIT})` : ''}
      </span>
      <span className="top-spacer" />
      {data.checked.size > 0 && <BulkEditBar table={table} checked={data.checked.size} bulk={bulk} />}
      <button className="icon-btn" onClick={onClose} title={d('table.close')} aria-label={d('table.close')}>
        ×
      </button>
    </div>
  );
}

function ClassFilter({ table, data }: { table: FeatureTableName; data: FeatureRows }) {
  const { pick } = useI18n();
  const { classField } = data;
  const fields = TABLES[table].fields as readonly FieldDef[];
  return (
    <select value={data.classFilter} onChange={(e) => data.setClassFilter(e.target.value)} data-testid="table-filter">
      <option value="">{pick(fields.find((f) => f.name === classField) ?? { vi: 'Tất cả', en: 'All' })}: *</option>
      {CLASS_FIELD[table].values.map((v) => (
        <option key={v} value={v}>
          {pick(enumLabel(table, classField, v) ?? { vi: v, en: v })}
        </option>
      ))}
    </select>
  );
}
