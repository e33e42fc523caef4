// Place (or move) a point by typing its position: VN-2000 X/Y, DD, DMS, UTM, MGRS (WGS 84 or the
// war-era Indian 1960 grid).
import { useState, type FormEvent } from 'react';
import type { CrsInfo } from '../../shared/api';
import type { CoordinateFormat } from '../../shared/crs';
import type { FeatureTableName } from '../../shared/symbology';
import { TABLES } from '../../shared/model/tables';
import { Modal } from '../components/common';
import { useI18n } from '../i18n';
import { FORMAT_LABELS, FORMATS, placeTyped } from './coords';
import { useD } from './dict';

export type PlaceTarget = 'graves' | 'info_points' | 'cemeteries' | 'move';

export function CoordinateDialog({
  crs,
  canMove,
  onPlace,
  onClose,
}: {
  crs: CrsInfo;
  canMove: boolean;
  onPlace: (xy: number[], target: PlaceTarget, precisionM: number) => void;
  onClose: () => void;
}) {
  const { pick, lang } = useI18n();
  const d = useD();
  const [text, setText] = useState('');
  const [format, setFormat] = useState<CoordinateFormat | ''>('');
  const [gridZone, setGridZone] = useState('');
  const [target, setTarget] = useState<PlaceTarget>('graves');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = placeTyped(text, crs, format || undefined, gridZone || undefined);
    if (!r.ok) {
      setError(lang === 'en' ? r.error.en : r.error.vi);
      return;
    }
    onPlace(r.xy, target, r.result.precisionM);
  };

  const targets: FeatureTableName[] = ['graves', 'info_points', 'cemeteries'];
  return (
    <Modal title={d('coords.title')} testId="coords-dialog">
      <form onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onClose()} className="coords-form">
        <label>
          {d('coords.text')}
          <input data-testid="coords-text" value={text} onChange={(e) => setText(e.target.value)} autoFocus spellCheck={false} />
        </label>
        <p className="muted small">{d('coords.hint')}</p>
        <label>
          {d('coords.format')}
          <select data-testid="coords-format" value={format} onChange={(e) => setFormat(e.target.value as CoordinateFormat | '')}>
            <option value="">{d('coords.auto')}</option>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {pick(FORMAT_LABELS[f])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {d('coords.gridZone')}
          <input data-testid="coords-gridzone" value={gridZone} onChange={(e) => setGridZone(e.target.value)} maxLength={4} />
        </label>
        <label>
          {d('coords.target')}
          <select data-testid="coords-target" value={target} onChange={(e) => setTarget(e.target.value as PlaceTarget)}>
            {targets.map((t) => (
              <option key={t} value={t}>
                {pick(TABLES[t])}
              </option>
            ))}
            {canMove && <option value="move">{d('coords.moveSelected')}</option>}
          </select>
        </label>
        {error && (
          <div className="form-error" role="alert" data-testid="coords-error" data-message="error">
            {error}
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" data-testid="coords-place">
            {d('coords.place')}
          </button>
          <button type="button" className="btn" onClick={onClose}>
            {d('form.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
