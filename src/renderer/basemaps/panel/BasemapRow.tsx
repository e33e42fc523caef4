// One base map in the layer panel: visibility, name (details in its tooltip; double-click zooms to
// it), zoom-to, remove, opacity and order.
import type { Basemap } from '../../../shared/contract/basemap';
import { OpacitySlider } from '../../components/OpacitySlider';
import { formatDate, useI18n } from '../../i18n';
import { useBasemapT } from '../dict';
import { sizeText } from './basemap-panel-logic';
import type { BasemapActions } from './useBasemapActions';

export function BasemapRow({ m, first, last, a }: { m: Basemap; first: boolean; last: boolean; a: BasemapActions }) {
  const b = useBasemapT();
  return (
    <li className={`layer-row${m.visible ? '' : ' layer-hidden'}`} data-testid="basemap-row" data-id={m.id} data-visible={m.visible ? 'true' : 'false'}>
      <div className="layer-line">
        <input type="checkbox" checked={m.visible} onChange={(e) => a.update(m.id, { visible: e.target.checked })} title={b('visible')} aria-label={`${b('visible')}: ${m.name}`} data-testid="basemap-visible" />
        <span className={`layer-icon basemap-icon basemap-icon-${m.kind}`} aria-hidden="true" />
        <BasemapName m={m} onZoom={() => a.zoomTo(m)} />
        <button className="icon-btn" onClick={() => a.zoomTo(m)} title={b('zoom')} aria-label={`${b('zoom')}: ${m.name}`}>
          ⤢
        </button>
        <button className="icon-btn basemap-remove" onClick={() => void a.remove(m)} title={b('remove')} aria-label={`${b('remove')}: ${m.name}`} data-testid="basemap-remove">
          ✕
        </button>
      </div>
      <div className="layer-tools">
        <OpacitySlider value={m.opacity} onChange={(opacity) => a.update(m.id, { opacity })} label={b('opacity')} name={m.name} testId="basemap-opacity" />
        <button className="icon-btn" disabled={first} onClick={() => a.move(m.id, -1)} title={b('up')} aria-label={`${b('up')}: ${m.name}`} data-testid="basemap-up">
          ▲
        </button>
        <button className="icon-btn" disabled={last} onClick={() => a.move(m.id, 1)} title={b('down')} aria-label={`${b('down')}: ${m.name}`} data-testid="basemap-down">
          ▼
        </button>
      </div>
    </li>
  );
}

/** The name, with what kind of file it is, its CRS, size, who added it and when in the tooltip. */
function BasemapName({ m, onZoom }: { m: Basemap; onZoom: () => void }) {
  const b = useBasemapT();
  const { lang } = useI18n();
  const details = b('details', {
    kind: b(m.kind === 'tiles' ? 'kind.tiles' : 'kind.geotiff'),
    crs: lang === 'en' ? m.crs.nameEn : m.crs.name,
    size: sizeText(m.sizeBytes),
    by: m.addedBy,
    at: formatDate(m.addedAt, lang),
  });
  return (
    <span className="layer-name" title={details} onDoubleClick={onZoom} data-testid="basemap-name">
      {m.name}
    </span>
  );
}
