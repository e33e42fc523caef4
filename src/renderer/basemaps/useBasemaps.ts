// The project's base maps as the workspace sees them: the list from main (refreshed when the project
// changes), and the OpenLayers layers kept in step with it under the vector layers.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Output } from '../../shared/api';
import { getClient } from '../api';
import { useApi, useErrorToast } from '../components/common';
import { BasemapLayers } from '../map/basemap-layers';
import type { MapController } from '../map/MapController';

export type BasemapList = Output<'basemaps.list'>;

export function useBasemaps(ctl: RefObject<MapController | null>, projectPath: string) {
  const api = useApi();
  const showError = useErrorToast();
  const [list, setList] = useState<BasemapList | null>(null);
  const layers = useRef<{ ctl: MapController; layers: BasemapLayers } | null>(null);
  const [tick, setTick] = useState(0);
  const errorTimer = useRef(0);

  const refresh = useCallback(() => {
    api
      .invoke('basemaps.list', {})
      .then(setList)
      .catch((e: unknown) => showError(e));
  }, [api, showError]);

  useEffect(refresh, [refresh, projectPath]);
  useEffect(() => api.on('project.changed', () => refresh()), [api, refresh]);

  // The map is created by the workspace after this hook's first effects run: attach when it exists,
  // and again when the workspace makes a new one (another project, another working CRS).
  useEffect(() => {
    const c = ctl.current;
    if (!c) {
      const t = window.setTimeout(() => setTick((n) => n + 1), 100);
      return () => window.clearTimeout(t);
    }
    if (layers.current?.ctl !== c) {
      layers.current?.layers.dispose();
      layers.current = {
        ctl: c,
        layers: new BasemapLayers(c.map, (p) => getClient().binUrl(p), {
          // A failed tile may mean the online server is unreachable: ask main for the status, once.
          onTileError: () => {
            window.clearTimeout(errorTimer.current);
            errorTimer.current = window.setTimeout(refresh, 1500);
          },
        }),
      };
      (window as unknown as { __quytapBasemaps?: BasemapLayers }).__quytapBasemaps = layers.current.layers;
    }
    if (list) layers.current.layers.sync(list.items, list.online);
    return undefined;
  });
  void tick;

  useEffect(
    () => () => {
      window.clearTimeout(errorTimer.current);
      layers.current?.layers.dispose();
      layers.current = null;
    },
    [],
  );

  return { list, setList, refresh };
}
