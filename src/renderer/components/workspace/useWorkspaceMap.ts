// The one map of the workspace, created once per opened project (the working CRS can differ between
// projects), and the state it reports: loading per table, classes present, commune names, the view,
// what is under the cursor and what was clicked.
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { ProjectInfo } from '../../../shared/api';
import { TABLES } from '../../../shared/model/tables';
import type { FeatureTableName } from '../../../shared/symbology';
import { useI18n } from '../../i18n';
import { MapController, type Hit, type LayerState } from '../../map/MapController';
import { valueStore } from '../../valueStore';
import { useApi, useErrorToast } from '../common';
import type { LayerLoad } from '../LayerPanel';
import { sameHits } from './hits';
import { layerLoadBatch } from './layerLoadBatch';
import { TABLE_ORDER } from './useLayerList';

export type MapView = { resolution: number; mpu: number };

export function useWorkspaceMap(info: ProjectInfo, layers: LayerState[]) {
  const api = useApi();
  const { lang } = useI18n();
  const mapDiv = useRef<HTMLDivElement>(null);
  const ctl = useRef<MapController | null>(null);
  const [loads, setLoads] = useState<Partial<Record<FeatureTableName, LayerLoad>>>({});
  const [present, setPresent] = useState<ReadonlySet<string>>(new Set());
  const [communes, setCommunes] = useState<string[]>([]);
  // The cursor's position changes on every pointer move: only the status bar listens to it.
  const pointer = useMemo(() => valueStore<number[] | null>(null), []);
  const [view, setView] = useState<MapView | null>(null);
  const [hover, setHover] = useState<Hit[]>([]);
  const [pinned, setPinned] = useState<Hit[] | null>(null);
  const refs = useLatest(layers);

  useEffect(() => {
    const el = mapDiv.current!;
    const batch = layerLoadBatch(
      (b) => setLoads((m) => ({ ...m, ...b })),
      () => {
        setPresent(c.presentClasses());
        setCommunes(c.names('admin_units'));
      },
    );
    const c = new MapController(
      el,
      api,
      info,
      TABLE_ORDER,
      {
        onLayerLoad: batch.onLayerLoad,
        onPointer: pointer.set,
        onView: (resolution, mpu) => setView({ resolution, mpu }),
        // Called on every pointer move: the workspace renders again only when what is under it changes.
        onHover: (hits) => setHover((prev) => (sameHits(prev, hits) ? prev : hits)),
        onClick: (hits) => setPinned(hits.length ? hits : null),
        onError: (table, e) => refs.current.showError(e, `${refs.current.lang === 'en' ? TABLES[table].en : TABLES[table].vi}`),
      },
      refs.current.labels,
    );
    return attach(c, el, ctl, refs.current.layers, batch.dispose);
  }, [api, info.path, info.crs.code]);

  useEffect(() => {
    ctl.current?.applyLayerStates(layers);
    if (ctl.current) setPresent(ctl.current.presentClasses());
  }, [layers]);

  useEffect(() => {
    ctl.current?.setSettings(info.settings);
  }, [info.settings]);

  useEffect(() => {
    ctl.current?.setLabels(refs.current.labels);
  }, [lang]);

  return { mapDiv, ctl, loads, present, communes, pointer, view, hover, pinned, setPinned };
}

/** What the map, made once, reads as it is now: the button labels, the layers, the error toast, the language. */
function useLatest(layers: LayerState[]) {
  const { t, lang } = useI18n();
  const showError = useErrorToast();
  const labels = { zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut'), zoomExtent: t('map.zoomExtent') };
  const refs = useRef({ labels, layers, showError, lang });
  refs.current = { labels, layers, showError, lang };
  return refs;
}

/** Shows the new map with the current layers, follows its element's size; the returned cleanup undoes all of it. */
function attach(c: MapController, el: HTMLDivElement, ctl: RefObject<MapController | null>, layers: LayerState[], disposeBatch: () => void) {
  ctl.current = c;
  c.applyLayerStates(layers);
  (window as any).__quytapMap = c;
  const ro = new ResizeObserver(() => c.updateSize());
  ro.observe(el);
  return () => {
    ro.disconnect();
    disposeBatch();
    if ((window as any).__quytapMap === c) delete (window as any).__quytapMap;
    c.dispose();
    ctl.current = null;
  };
}
