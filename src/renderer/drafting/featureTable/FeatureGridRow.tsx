// One row of the feature table: a click selects it on the map; ⊕ selects and zooms to it.
import type { Row } from '../../../shared/model/rows';
import { TABLES, type FieldDef } from '../../../shared/model/tables';
import type { FeatureTableName } from '../../../shared/symbology';
import { useI18n } from '../../i18n';
import { useD } from '../dict';
import { cellText } from './cellText';

interface Props {
  table: FeatureTableName;
  row: Row;
  selected: boolean;
  checked: boolean;
  onCheck: (id: string, on: boolean) => void;
  onSelect: (table: FeatureTableName, id: string) => void;
  onZoom: (row: Row) => void;
}

export function FeatureGridRow({ table, row: r, selected, checked, onCheck, onSelect, onZoom }: Props) {
  const { pick } = useI18n();
  const d = useD();
  const fields = TABLES[table].fields as readonly FieldDef[];
  return (
    <tr className={selected ? 'row-selected' : ''} data-testid="table-row" data-id={r.id} onClick={() => onSelect(table, r.id)}>
      <td onClick={(e) => e.stopPropagation()}>
        <input type="checkbox" checked={checked} onChange={(e) => onCheck(r.id, e.target.checked)} />
      </td>
      <td>
        <button
          className="icon-btn"
          title={d('table.zoom')}
          aria-label={d('table.zoom')}
          onClick={(e) => {
            e.stopPropagation();
            onSelect(table, r.id);
            onZoom(r);
          }}
        >
          ⊕
        </button>
      </td>
      {fields.map((f) => (
        <td key={f.name}>{cellText(table, f, r.props[f.name], pick)}</td>
      ))}
      <td className="num">{r.meta.version}</td>
    </tr>
  );
}
