// The feature table's grid: check all, sort by a column's head, the first 1000 rows shown.
import type { Row } from '../../../shared/model/rows';
import { TABLES, type FieldDef } from '../../../shared/model/tables';
import type { FeatureTableName } from '../../../shared/symbology';
import { useI18n } from '../../i18n';
import { FeatureGridRow } from './FeatureGridRow';
import { nextSort } from './rows';
import type { FeatureRows } from './useFeatureRows';

interface Props {
  table: FeatureTableName;
  data: FeatureRows;
  selectedId: string | null;
  onSelect: (table: FeatureTableName, id: string) => void;
  onZoom: (row: Row) => void;
}

export function FeatureGrid({ table, data, selectedId, onSelect, onZoom }: Props) {
  const { pick } = useI18n();
  const { shown, checked, setChecked, sort, setSort } = data;
  const fields = TABLES[table].fields as readonly FieldDef[];
  const allChecked = shown.length > 0 && shown.every((r) => checked.has(r.id));
  const toggle = (id: string, on: boolean) =>
    setChecked((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });
  return (
    <table className="grid">
      <thead>
        <tr>
          <th>
            <input type="checkbox" checked={allChecked} onChange={(e) => setChecked(e.target.checked ? new Set(shown.map((r) => r.id)) : new Set())} aria-label="*" />
          </th>
          <th />
          {fields.map((f) => (
            <th key={f.name} onClick={() => setSort((s) => nextSort(s, f.name))} className="sortable">
              {pick(f)}
              {sort?.field === f.name ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
            </th>
          ))}
          <th>v</th>
        </tr>
      </thead>
      <tbody>
        {shown.slice(0, 1000).map((r) => (
          <FeatureGridRow key={r.id} table={table} row={r} selected={r.id === selectedId} checked={checked.has(r.id)} onCheck={toggle} onSelect={onSelect} onZoom={onZoom} />
        ))}
      </tbody>
    </table>
  );
}
