// The layer list: every feature table, its count, visibility, opacity and order; the legend below.
import { memo, type ReactNode } from 'react';
import { TABLES } from '../../shared/model/tables';
import { legendEntries, styleOfClass, CLASS_FIELD, type FeatureTableName, type SymbologySettings } from '../../shared/symbology';
import { useI18n } from '../i18n';
import { OpacitySlider } from './OpacitySlider';
import type { LayerState, LoadState } from '../map/MapController';
import { Swatch } from './Swatch';

export interface LayerLoad {
  loaded: number;
  state: LoadState;
}

interface Props {
  layers: readonly LayerState[];
  totals: Partial<Record<FeatureTableName, number>>;
  loads: Partial<Record<FeatureTableName, LayerLoad>>;
  present: ReadonlySet<string>;
  settings: SymbologySettings;
  onChange: (table: FeatureTableName, patch: Partial<LayerState>) => void;
  onMove: (table: FeatureTableName, delta: -1 | 1) => void;
  /** Shown under the feature layers (the base maps, which lie beneath them on the map). */
  children?: ReactNode;
}

/** The class shown next to a layer's name: its first class with a legend entry. */
function layerIcon(table: FeatureTableName, settings: SymbologySettings) {
  const first = CLASS_FIELD[table].values.map((v) => `${table}:${v}`);
  const key = table === 'admin_units' ? 'admin_units:commune' : table === 'search_areas' ? 'search_areas:continuing' : first[0]!;
  const style = styleOfClass(key, settings);
  if (!style) return null;
  const kind = style.geometry === 'mixed' || style.geometry === 'point' ? 'point' : style.geometry;
  return <Swatch style={style} kind={kind} size={16} />;
}

/**
 * Drawn again only when its own props change: the workspace renders on every pointer move, view
 * change and table load, and the panel with its legend was a good part of a project opening's
 * page work (bench/drafting-bench.ts).
 */
export const LayerPanel = memo(function LayerPanel({ layers, totals, loads, present, settings, onChange, onMove, children }: Props) {
  const { t, pick, num } = useI18n();
  const legend = legendEntries(present, settings);
  return (
    <aside className="layer-panel" data-testid="layer-panel">
      <div className="panel-title">{t('layers.title')}</div>
      <ul className="layer-list">
        {layers.map((l, i) => {
          const def = TABLES[l.table];
          const load = loads[l.table];
          const total = totals[l.table] ?? 0;
          const loaded = load?.loaded ?? 0;
          return (
            <li
              key={l.table}
              className={`layer-row${l.visible ? '' : ' layer-hidden'}`}
              data-testid="layer-row"
              data-table={l.table}
              data-feature-count={loaded}
              data-total-count={total}
              data-load-state={load?.state ?? 'idle'}
              data-visible={l.visible ? 'true' : 'false'}
            >
              <div className="layer-line">
                <input
                  type="checkbox"
                  checked={l.visible}
                  onChange={(e) => onChange(l.table, { visible: e.target.checked })}
                  title={t('layers.visible')}
                  aria-label={`${t('layers.visible')}: ${pick(def)}`}
                  data-testid="layer-visible"
                />
                <span className="layer-icon">{layerIcon(l.table, settings)}</span>
                <span className="layer-name" title={pick(def)}>
                  {pick(def)}
                </span>
                <span
                  className={`layer-count${load?.state === 'error' ? ' error' : ''}`}
                  title={t('layers.count', { loaded: num(loaded), total: num(total) })}
                  data-testid="layer-count"
                >
                  {load?.state === 'loading' ? '…' : load?.state === 'error' ? '!' : num(total)}
                </span>
              </div>
              <div className="layer-tools">
                <OpacitySlider value={l.opacity} onChange={(opacity) => onChange(l.table, { opacity })} label={t('layers.opacity')} name={pick(def)} testId="layer-opacity" />
                <button
                  className="icon-btn"
                  disabled={i === 0}
                  onClick={() => onMove(l.table, -1)}
                  title={t('layers.up')}
                  aria-label={`${t('layers.up')}: ${pick(def)}`}
                  data-testid="layer-up"
                >
                  ▲
                </button>
                <button
                  className="icon-btn"
                  disabled={i === layers.length - 1}
                  onClick={() => onMove(l.table, 1)}
                  title={t('layers.down')}
                  aria-label={`${t('layers.down')}: ${pick(def)}`}
                  data-testid="layer-down"
                >
                  ▼
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {children}
      <div className="panel-title">{t('layers.legend')}</div>
      <div className="legend" data-testid="legend">
        {legend.length === 0 && <p className="muted small pad">{t('layers.legendEmpty')}</p>}
        {legend.map((e) => (
          <div key={e.classKey} className="legend-row" data-class={e.classKey}>
            <span className="legend-swatch">
              <Swatch style={e.style} kind={e.kind} size={16} />
            </span>
            <span className="legend-text">{pick(e)}</span>
          </div>
        ))}
      </div>
    </aside>
  );
});
