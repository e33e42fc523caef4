// Step 2 of the import wizard: what the file holds (format, layer, count, types), what it says about
// its CRS, what is wrong with it, its points on a small map and a sample of its rows.
import { useI18n } from '../../i18n';
import { useExchangeT } from '../dict';
import { ImportMapPreview } from '../ImportMapPreview';
import { CrsFacts } from './CrsFacts';
import { GeometryWarnings } from './GeometryWarnings';
import type { Preview, PreviewLayer } from './import-options';
import { SampleTable } from './SampleTable';
import type { ImportWizardState } from './useImportWizard';

export function PreviewStep({ w }: { w: ImportWizardState }) {
  const x = useExchangeT();
  const { preview, current } = w;
  return (
    <section className="xc-step" data-testid="exchange-preview">
      <h3>{x('step.preview')}</h3>
      {w.reading && <div className="muted">{x('reading')}</div>}
      {preview && current && (
        <>
          <LayerFacts w={w} preview={preview} current={current} />
          <CrsFacts w={w} preview={preview} current={current} />
          <GeometryWarnings w={w} current={current} />
          {current.points.length > 0 && <ImportMapPreview points={current.points} communes={preview.communes} title={x('map.title')} />}
          <div className="xc-label">{x('sample')}</div>
          <SampleTable current={current} />
        </>
      )}
    </section>
  );
}

/** Format, the layer choice when the file has several, the count and the geometry types. */
function LayerFacts({ w, preview, current }: { w: ImportWizardState; preview: Preview; current: PreviewLayer }) {
  const x = useExchangeT();
  const { num } = useI18n();
  return (
    <div className="xc-facts">
      <span>
        {x('format')}: <b>{preview.format}</b>
      </span>
      {preview.layers.length > 1 && (
        <label>
          {x('layer')}{' '}
          <select value={current.name} onChange={(e) => w.patchFile({ layer: e.target.value })} data-testid="exchange-layer">
            {preview.layers.map((l) => (
              <option key={l.name} value={l.name}>
                {l.name} ({l.count})
              </option>
            ))}
          </select>
        </label>
      )}
      <span data-testid="exchange-count">{x('count', { n: num(current.count) })}</span>
      <span>
        {x('geomTypes')}: {Object.entries(current.geometryTypes).map(([k, v]) => `${k} ${v}`).join(', ')}
      </span>
    </div>
  );
}
