// The base maps stored in the open project, as a sheet chooses them: by id, or by default those
// visible in the layer list, bottom first (the list keeps position 0 at the top), at their opacity.
import { openBasemapSource } from '../../basemaps/source';
import type { ProjectStore } from '../../store';
import type { BaseMapChoice } from './sheet-base-maps';

export function projectBaseMaps(store: ProjectStore): BaseMapChoice {
  return {
    open: (id) => openBasemapSource(store, id),
    visible: () =>
      store
        .basemaps((r) => r.list())
        .filter((b) => b.visible)
        .reverse()
        .map((b) => b.id),
    opacity: (id) => store.basemaps((r) => r.get(id))?.opacity ?? 1,
  };
}
