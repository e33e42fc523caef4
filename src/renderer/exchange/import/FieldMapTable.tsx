// The field map: for each field of the target table, the file's column it comes from and a fixed
// value for the rows that have none (a code list as a choice, anything else as text).
import type { FieldDef, TableName } from '../../../shared/model/tables';
import { useI18n } from '../../i18n';
import { useExchangeT } from '../dict';
import { enumLabel } from './enum-label';
import type { PreviewLayer } from './import-options';
import type { ImportWizardState } from './useImportWizard';

export function FieldMapTable({ w, table, current }: { w: ImportWizardState; table: TableName; current: PreviewLayer }) {
  const x = useExchangeT();
  const { pick } = useI18n();
  const { fields, map, setMap } = w.mapping;
  return (
    <table className="xc-table xc-map" data-testid="exchange-map">
      <thead>
        <tr>
          <th>{x('field.target')}</th>
          <th>{x('field.source')}</th>
          <th>{x('field.default')}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr key={f.name}>
            <td>
              {pick(f)} {f.required && <span className="xc-req">({x('field.required')})</span>}
            </td>
            <td>
              <select value={map[f.name] ?? ''} onChange={(e) => setMap({ ...map, [f.name]: e.target.value })} data-testid={`exchange-map-${f.name}`}>
                <option value="">{x('field.none')}</option>
                {current.fields.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </td>
            <td>
              <FixedValue w={w} table={table} f={f} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FixedValue({ w, table, f }: { w: ImportWizardState; table: TableName; f: FieldDef }) {
  const { pick } = useI18n();
  const { defaults, setDefaults } = w.mapping;
  const set = (v: string) => setDefaults({ ...defaults, [f.name]: v });
  if (f.type !== 'enum') return <input value={defaults[f.name] ?? ''} onChange={(e) => set(e.target.value)} data-testid={`exchange-default-${f.name}`} />;
  return (
    <select value={defaults[f.name] ?? ''} onChange={(e) => set(e.target.value)} data-testid={`exchange-default-${f.name}`}>
      <option value="">—</option>
      {(f.values ?? []).map((v) => (
        <option key={v} value={v}>
          {enumLabel(table, f.name, v, pick)}
        </option>
      ))}
    </select>
  );
}
