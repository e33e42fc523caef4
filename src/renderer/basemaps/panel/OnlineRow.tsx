// The online XYZ layer's row: its switch (turning it on opens the dialog), and its status.
import type { OnlineBasemap } from '../../../shared/contract/basemap';
import { useI18n } from '../../i18n';
import { useBasemapT } from '../dict';
import type { OnlineLayerState } from './useOnlineLayer';

export function OnlineRow({ online, o }: { online: OnlineBasemap; o: OnlineLayerState }) {
  const b = useBasemapT();
  const { pick } = useI18n();
  const { status } = online;
  return (
    <li className={`layer-row basemap-online${online.enabled && online.visible ? '' : ' layer-hidden'}`} data-testid="basemap-online" title={b('online.title')}>
      <div className="layer-line">
        <input
          type="checkbox"
          checked={online.enabled}
          onChange={(e) => (e.target.checked ? o.setOnlineForm({ url: online.url, attribution: online.attribution }) : void o.setOnline({ enabled: false }))}
          aria-label={b('online')}
          data-testid="basemap-online-toggle"
        />
        <span className="layer-icon basemap-icon basemap-icon-online" aria-hidden="true" />
        <span className="layer-name">{b('online')}</span>
      </div>
      {online.enabled && (
        <div className={`basemap-online-status basemap-online-${status.state}`} data-testid="basemap-online-status">
          {status.message ? pick(status.message) : b(status.state === 'ok' ? 'online.ok' : 'online.unknown', { n: status.cachedTiles })}
          <div className="muted small">{online.attribution}</div>
        </div>
      )}
      {!online.enabled && status.cachedTiles > 0 && <div className="muted small basemap-online-status">{b('online.cached', { n: status.cachedTiles })}</div>}
    </li>
  );
}
