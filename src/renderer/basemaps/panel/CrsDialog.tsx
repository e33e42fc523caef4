// A base map whose file does not say its CRS: the user names it (with the warning of what a wrong
// one does) before it is added.
import { useState } from 'react';
import type { CrsInfo } from '../../../shared/api';
import type { BasemapInspect } from '../../../shared/contract/basemap';
import { Modal } from '../../components/common';
import { useI18n } from '../../i18n';
import { useBasemapT } from '../dict';

export function CrsDialog({ facts, crsList, onCancel, onChoose }: { facts: BasemapInspect; crsList: CrsInfo[]; onCancel: () => void; onChoose: (code: string) => void }) {
  const b = useBasemapT();
  const { pick, lang } = useI18n();
  const [code, setCode] = useState('');
  return (
    <Modal title={b('crs.title')} testId="basemap-crs-dialog">
      <p className="small">{pick(facts.crsHow)}</p>
      <label className="field">
        <span>{b('crs.label', { file: facts.file })}</span>
        <select value={code} onChange={(e) => setCode(e.target.value)} data-testid="basemap-crs-select">
          <option value="">{b('crs.pick')}</option>
          {crsList.map((c) => (
            <option key={c.code} value={c.code}>
              {lang === 'en' ? c.nameEn : c.name} ({c.code})
            </option>
          ))}
        </select>
      </label>
      <p className="small basemap-warn">{b('crs.warn')}</p>
      <div className="modal-actions">
        <button className="btn" onClick={onCancel}>
          {b('cancel')}
        </button>
        <button className="btn btn-primary" disabled={!code} onClick={() => onChoose(code)} data-testid="basemap-crs-ok">
          {b('crs.ok')}
        </button>
      </div>
    </Modal>
  );
}
