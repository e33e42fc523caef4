// Paper, orientation and the area printed (the whole project or one commune).
import type { ProjectInfo } from '../../../shared/api';
import type { SheetSettingsInput } from '../../../shared/print';
import { PAPER_NAMES } from '../../../shared/print/paper';
import { usePrintT } from '../dict';
import { areaPatch, areaValue } from './sheet-settings';
import type { PrintDialogState } from './usePrintDialog';

export function PaperAndArea({ d, info }: { d: PrintDialogState; info: ProjectInfo }) {
  const p = usePrintT();
  const { settings, patch } = d;
  return (
    <>
      <div className="print-row">
        <label>
          {p('paper')}
          <select value={settings.paper} onChange={(e) => patch({ paper: e.target.value as SheetSettingsInput['paper'] })} data-testid="print-paper">
            {PAPER_NAMES.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <label>
          {p('orientation')}
          <select value={settings.orientation} onChange={(e) => patch({ orientation: e.target.value as 'landscape' | 'portrait' })} data-testid="print-orientation">
            <option value="landscape">{p('landscape')}</option>
            <option value="portrait">{p('portrait')}</option>
          </select>
        </label>
      </div>
      <label>
        {p('area')}
        <select value={areaValue(settings)} onChange={(e) => patch(areaPatch(e.target.value))} data-testid="print-area">
          <option value="">{p('area.all')}</option>
          {info.settings.communes.map((c) => (
            <option key={c.code || c.name} value={c.code || c.name}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
