// What a base-map row does: visibility and opacity (shown at once, saved behind once the slider
// rests), order, remove (after asking) and zoom to its extent.
import { useRef, type Dispatch, type RefObject, type SetStateAction } from 'react';
import type { ProjectInfo } from '../../../shared/api';
import type { Basemap } from '../../../shared/contract/basemap';
import { useApi, useErrorToast, useToast } from '../../components/common';
import type { MapController } from '../../map/MapController';
import { fromLonLat } from '../../map/projection';
import { useBasemapT } from '../dict';
import type { BasemapList } from '../useBasemaps';
import { boxCorners, movedIds, saveDelay, zoomBox } from './basemap-panel-logic';

type SetList = Dispatch<SetStateAction<BasemapList | null>>;

export function useBasemapActions(ctl: RefObject<MapController | null>, info: ProjectInfo, list: BasemapList | null, setList: SetList, refresh: () => void) {
  const api = useApi();
  const b = useBasemapT();
  const toast = useToast();
  const showError = useErrorToast();
  const saveTimers = useRef(new Map<string, number>());

  const update = (id: string, patch: { visible?: boolean; opacity?: number }) => {
    setList((l) => (l ? { ...l, items: l.items.map((x) => (x.id === id ? { ...x, ...patch } : x)) } : l));
    const key = `${id}:${Object.keys(patch).join()}`;
    window.clearTimeout(saveTimers.current.get(key));
    const save = () => {
      saveTimers.current.delete(key);
      api.invoke('basemaps.update', { id, ...patch }).catch(showError);
    };
    saveTimers.current.set(key, window.setTimeout(save, saveDelay(patch)));
  };
  const move = (id: string, delta: -1 | 1) => {
    if (!list) return;
    const ids = movedIds(list.items.map((x) => x.id), id, delta);
    if (!ids) return;
    setList({ ...list, items: ids.map((x) => list.items.find((y) => y.id === x)!) });
    api.invoke('basemaps.reorder', { ids }).then(refresh).catch(showError);
  };
  const remove = async (m: Basemap) => {
    if (!window.confirm(b('remove.confirm', { name: m.name }))) return;
    try {
      await api.invoke('basemaps.remove', { id: m.id });
      toast(b('removed', { name: m.name }), 'success');
      refresh();
    } catch (e) {
      showError(e);
    }
  };
  const zoomTo = (m: Basemap) => {
    const c = ctl.current;
    const box = c ? zoomBox(m.extentWgs84) : null;
    if (!c || !box) return;
    const pts = boxCorners(box).map((ll) => fromLonLat(info.crs.code, ll));
    const xs = pts.map((p) => p[0]!);
    const ys = pts.map((p) => p[1]!);
    c.fitTo([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
  };
  return { update, move, remove, zoomTo };
}

export type BasemapActions = ReturnType<typeof useBasemapActions>;
