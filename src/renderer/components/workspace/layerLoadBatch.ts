// The map reports each table's loading; many tables report at once while a project opens.
import type { FeatureTableName } from '../../../shared/symbology';
import type { LayerLoad } from '../LayerPanel';

type Loads = Partial<Record<FeatureTableName, LayerLoad>>;

/**
 * One render per frame for all the tables that reported in it (`apply`), and `settled` 50 ms after
 * the last report (the classes present and the commune names are read from the map then).
 */
export function layerLoadBatch(apply: (batch: Loads) => void, settled: () => void) {
  let refreshTimer = 0;
  let loadsFrame = 0;
  let pending: Loads = {};
  const onLayerLoad = (table: FeatureTableName, loaded: LayerLoad['loaded'], state: LayerLoad['state']) => {
    pending[table] = { loaded, state };
    if (!loadsFrame)
      loadsFrame = requestAnimationFrame(() => {
        loadsFrame = 0;
        const batch = pending;
        pending = {};
        apply(batch);
      });
    window.clearTimeout(refreshTimer);
    refreshTimer = window.setTimeout(settled, 50);
  };
  const dispose = () => {
    window.clearTimeout(refreshTimer);
    cancelAnimationFrame(loadsFrame);
  };
  return { onLayerLoad, dispose };
}
