// A panel's figures: loaded when it opens and again after project edits, coalesced (coalesce.ts) so a
// hall's stream of edits gives at most one reload per interval, the last after the burst.
import { useEffect } from 'react';
import type { ApiClient } from '../../shared/api';
import { coalesce } from './coalesce';

export const RELOAD_MS = 1000;

export function useReloadOnChange(api: ApiClient, load: () => Promise<void> | void, intervalMs = RELOAD_MS): void {
  useEffect(() => {
    void load();
    const reload = coalesce(load, intervalMs);
    const off = api.on('project.changed', reload);
    return () => {
      off();
      reload.cancel();
    };
  }, [api, load, intervalMs]);
}
