// The preview's warnings about the geometries: outside Vietnam, open rings (with "close them"),
// invalid ones (with their list and "repair them").
import { useI18n } from '../../i18n';
import { useExchangeT } from '../dict';
import { InvalidList } from '../InvalidList';
import { invalidSource, type PreviewLayer } from './import-options';
import { openRingRows } from './import-steps';
import type { ImportWizardState } from './useImportWizard';

export function GeometryWarnings({ w, current }: { w: ImportWizardState; current: PreviewLayer }) {
  const x = useExchangeT();
  const { num } = useI18n();
  return (
    <>
      {current.outsideVietnam > 0 && (
        <div className="xc-warn" data-testid="exchange-outside">
          {x('outside', { n: num(current.outsideVietnam) })}
        </div>
      )}
      {current.openRingCount > 0 && (
        <div className="xc-warn" data-testid="exchange-open-rings">
          {x('openRings', { n: num(current.openRingCount), rows: openRingRows(current) })}
          <label className="xc-check">
            <input type="checkbox" checked={w.file.closeRings} onChange={(e) => w.patchFile({ closeRings: e.target.checked })} data-testid="exchange-close-rings" /> {x('closeRings')}
          </label>
        </div>
      )}
      {current.invalidCount > 0 && (
        <div className="xc-warn" data-testid="exchange-invalid">
          {x('invalid', { n: num(current.invalidCount) })}
          <InvalidList first={current.invalid} total={current.invalidCount} source={invalidSource(w.file, current.name)} />
          <label className="xc-check">
            <input type="checkbox" checked={w.file.repair} onChange={(e) => w.patchFile({ repair: e.target.checked })} data-testid="exchange-repair" /> {x('repair', { n: num(current.invalidCount) })}
          </label>
        </div>
      )}
    </>
  );
}
