// The map step's grid: target layer, CRS, and what only some files need (the .dbf encoding, a
// spreadsheet's header row, a table's X/Y columns).
import { DBF_ENCODING_NAMES } from '../../../shared/contract/limits';
import { TABLES, TABLE_NAMES, type TableName } from '../../../shared/model/tables';
import { useI18n } from '../../i18n';
import { useExchangeT } from '../dict';
import { ColumnSelect } from './ColumnSelect';
import type { Preview, PreviewLayer } from './import-options';
import type { ImportWizardState } from './useImportWizard';

const encodingName = (n: string) => (n === 'tcvn3' ? 'TCVN3 (ABC, .VnTime)' : n === 'vni' ? 'VNI (VNI-Times)' : n);

export function ReadingOptions({ w, preview, current }: { w: ImportWizardState; preview: Preview; current: PreviewLayer }) {
  const x = useExchangeT();
  const { pick } = useI18n();
  const { file, patchFile, kinds } = w;
  return (
    <div className="xc-grid">
      <label>
        {x('target')}
        <select value={w.mapping.table ?? ''} onChange={(e) => w.mapping.setTable(e.target.value as TableName)} data-testid="exchange-target">
          {TABLE_NAMES.filter((t) => t !== 'links' && t !== 'attachments').map((t) => (
            <option key={t} value={t}>
              {pick(TABLES[t])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {x('crs.choose')}
        <select value={file.crs} onChange={(e) => patchFile({ crs: e.target.value })} disabled={current.crs.fixed} title={current.crs.fixed ? x('crs.fixed', { format: preview.format.toUpperCase() }) : undefined} data-testid="exchange-crs">
          <option value="">{x('crs.fromFile')}</option>
          {w.crsList.map((c) => (
            <option key={c.code} value={c.code}>
              {pick({ vi: c.name, en: c.nameEn })}
            </option>
          ))}
        </select>
      </label>
      {kinds.isShp && (
        <label>
          {x('encoding')}
          <select value={file.encoding} onChange={(e) => patchFile({ encoding: e.target.value })} data-testid="exchange-encoding">
            <option value="">{x('encoding.auto')}</option>
            {DBF_ENCODING_NAMES.map((n) => (
              <option key={n} value={n}>
                {encodingName(n)}
              </option>
            ))}
          </select>
        </label>
      )}
      {kinds.isSheet && (
        <label>
          {x('sheet.headerRow')}
          <input type="number" min={1} value={file.headerRow} onChange={(e) => patchFile({ headerRow: e.target.value })} placeholder={x('sheet.headerAuto')} data-testid="exchange-header-row" />
        </label>
      )}
      {kinds.isTable && (
        <>
          <ColumnSelect label={x('csv.north')} none={x('csv.pick')} columns={w.columns} value={file.north || current.coordinates?.north || ''} onChange={(north) => patchFile({ north })} testId="exchange-north" />
          <ColumnSelect label={x('csv.east')} none={x('csv.pick')} columns={w.columns} value={file.east || current.coordinates?.east || ''} onChange={(east) => patchFile({ east })} testId="exchange-east" />
          <div className="xc-note span-2">{x('csv.axis')}</div>
        </>
      )}
    </div>
  );
}
