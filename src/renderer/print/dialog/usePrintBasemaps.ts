// The project's base maps (top first, as the layer panel lists them), again whenever it changes.
import { useCallback, useEffect, useState } from 'react';
import { useApi, useErrorToast } from '../../components/common';
import type { BasemapItem } from '../BaseMapChoice';

export function usePrintBasemaps(): BasemapItem[] | null {
  const api = useApi();
  const showError = useErrorToast();
  const [basemaps, setBasemaps] = useState<BasemapItem[] | null>(null);
  const loadBasemaps = useCallback(() => {
    api
      .invoke('basemaps.list', {})
      .then((l) => setBasemaps(l.items))
      .catch(showError);
  }, [api, showError]);
  useEffect(loadBasemaps, [loadBasemaps]);
  useEffect(() => api.on('project.changed', () => loadBasemaps()), [api, loadBasemaps]);
  return basemaps;
}
