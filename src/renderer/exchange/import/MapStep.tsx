// Step 3 of the import wizard: the target layer, the CRS, how the file is read, the 200 m warning,
// and the field map with fixed values.
import { useExchangeT } from '../dict';
import { FieldMapTable } from './FieldMapTable';
import type { Preview, PreviewLayer } from './import-options';
import { mixesGeometryTypes, showCrsWarning } from './import-steps';
import { ReadingOptions } from './ReadingOptions';
import type { ImportWizardState } from './useImportWizard';

export function MapStep({ w, preview, current }: { w: ImportWizardState; preview: Preview; current: PreviewLayer }) {
  const x = useExchangeT();
  const { table } = w.mapping;
  return (
    <section className="xc-step">
      <h3>{x('step.map')}</h3>
      <ReadingOptions w={w} preview={preview} current={current} />
      {mixesGeometryTypes(current) && (
        <label className="xc-check">
          <input type="checkbox" checked={w.file.skipOther} onChange={(e) => w.patchFile({ skipOther: e.target.checked })} data-testid="exchange-skip-other" /> {x('skipOther')}
        </label>
      )}
      {showCrsWarning(w.crsKnown, w.file.crs) && (
        <div className={`xc-warn${w.crsKnown ? ' xc-warn-soft' : ''}`} data-testid="exchange-crs-warning">
          {!w.crsKnown && <b>{x('crs.unknown')} </b>}
          {x('crs.warning')}
        </div>
      )}
      {table && <FieldMapTable w={w} table={table} current={current} />}
    </section>
  );
}
