// The project's info kept fresh, and undo / redo with a toast naming what was undone or redone.
import { useCallback, useEffect, type RefObject } from 'react';
import type { ProjectInfo } from '../../../shared/api';
import { useI18n } from '../../i18n';
import type { MapController } from '../../map/MapController';
import { useApi, useErrorToast, useToast } from '../common';

export function useUndoRedo(ctl: RefObject<MapController | null>, onInfo: (info: ProjectInfo) => void) {
  const api = useApi();
  const { t } = useI18n();
  const toast = useToast();
  const showError = useErrorToast();
  const refreshInfo = useCallback(() => {
    api.invoke('project.info', {}).then(onInfo).catch(showError);
  }, [api, onInfo, showError]);

  // Edits, undo, imports elsewhere: reload what changed.
  useEffect(
    () =>
      api.on('project.changed', (change) => {
        void ctl.current?.applyChange(change);
        refreshInfo();
      }),
    [api, refreshInfo],
  );

  return useCallback(
    async (which: 'undo' | 'redo') => {
      try {
        const r = await api.invoke(which === 'undo' ? 'edits.undo' : 'edits.redo', {});
        if (!r.result) {
          toast(t(which === 'undo' ? 'undo.none' : 'redo.none'), 'info');
          return;
        }
        const label = (which === 'undo' ? r.state.redoLabel : r.state.undoLabel) || t('undo.unnamed');
        toast(t(which === 'undo' ? 'undo.done' : 'redo.done', { label }), 'success');
        // The map: the project.changed of the undo names its rows, redrawn where they were and are.
        refreshInfo();
      } catch (e) {
        showError(e);
      }
    },
    [api, toast, t, showError, refreshInfo],
  );
}
