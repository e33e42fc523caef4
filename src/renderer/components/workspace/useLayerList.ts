// The layer panel's list: every feature table, top of the list drawn last, each shown at full opacity.
import { useCallback, useState } from 'react';
import { FEATURE_TABLES } from '../../../shared/model/tables';
import { DRAW_ORDER, type FeatureTableName } from '../../../shared/symbology';
import type { LayerState } from '../../map/MapController';

export const TABLE_ORDER: FeatureTableName[] = DRAW_ORDER.filter((t) => (FEATURE_TABLES as string[]).includes(t));

export function useLayerList() {
  const [layers, setLayers] = useState<LayerState[]>(() => [...TABLE_ORDER].reverse().map((table) => ({ table, visible: true, opacity: 1 })));
  // Stable, as the layer panel is drawn again only when its props change.
  const changeLayer = useCallback(
    (table: FeatureTableName, patch: Partial<LayerState>) => setLayers((ls) => ls.map((l) => (l.table === table ? { ...l, ...patch } : l))),
    [],
  );
  const moveLayer = useCallback((table: FeatureTableName, delta: -1 | 1) => setLayers((ls) => swapped(ls, table, delta)), []);
  return { layers, changeLayer, moveLayer };
}

/** The list with `table` moved one place up or down; the same list when it cannot move. */
function swapped(ls: LayerState[], table: FeatureTableName, delta: -1 | 1): LayerState[] {
  const i = ls.findIndex((l) => l.table === table);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= ls.length) return ls;
  const out = [...ls];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}
