// Turning the online layer on: the tile address and the attribution, saved together.
import { Modal } from '../../components/common';
import { useBasemapT } from '../dict';
import type { OnlineForm, OnlineLayerState } from './useOnlineLayer';

export function OnlineDialog({ form, o }: { form: OnlineForm; o: OnlineLayerState }) {
  const b = useBasemapT();
  return (
    <Modal title={b('online')} testId="basemap-online-dialog">
      <p className="small">{b('online.title')}</p>
      <label className="field">
        <span>{b('online.url')}</span>
        <input value={form.url} onChange={(e) => o.setOnlineForm({ ...form, url: e.target.value })} data-testid="basemap-online-url" spellCheck={false} />
      </label>
      <label className="field">
        <span>{b('online.attribution')}</span>
        <input value={form.attribution} onChange={(e) => o.setOnlineForm({ ...form, attribution: e.target.value })} />
      </label>
      <div className="modal-actions">
        <button className="btn" onClick={() => o.setOnlineForm(null)}>
          {b('cancel')}
        </button>
        <button className="btn btn-primary" onClick={() => void o.setOnline({ enabled: true, url: form.url.trim(), attribution: form.attribution.trim() })} data-testid="basemap-online-save">
          {b('online.save')}
        </button>
      </div>
    </Modal>
  );
}
