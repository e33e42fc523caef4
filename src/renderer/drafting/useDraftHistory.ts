// The one history of the drafting workspace: every gesture is saved here as ONE edits.apply (one
// step of the project's undo journal, kept by main), and undo / redo go back and forth along that
// same journal (Workspace's undoRedo, also on Ctrl+Z / Ctrl+Y). A shape refused because someone
// saved the feature since is shown side by side (ConflictDialog) instead of being lost.
import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { Props as RowProps, Row } from '../../shared/model/rows';
import { isFeatureTable, type FeatureTableName } from '../../shared/symbology';
import { useApi, useErrorToast, useToast } from '../components/common';
import { errorCode, toUiError } from '../errors';
import { useI18n } from '../i18n';
import type { MapController } from '../map/MapController';
import type { Conflict, ConflictOutcome } from './ConflictDialog';
import { useD } from './dict';
import { singlePut, type DraftEdit } from './draftEdits';

export function useDraftHistory(ctl: RefObject<MapController | null>, undoRedo: (which: 'undo' | 'redo') => Promise<void>) {
  const api = useApi();
  const { lang } = useI18n();
  const showError = useErrorToast();
  /** This window's own saves, undos and redos (the inspector's history tab reads again on it). */
  const [ownTick, setOwnTick] = useState(0);
  /** Any change to the project, from here or elsewhere (the feature table and records read again). */
  const [changeTick, setChangeTick] = useState(0);
  const [shapeConflict, setShapeConflict] = useState<Conflict | null>(null);
  const bump = useCallback(() => setOwnTick((n) => n + 1), []);
  useEffect(() => api.on('project.changed', () => setChangeTick((n) => n + 1)), [api]);

  /** Saves one edit; `revert` is the table whose map goes back to the stored rows when it fails. */
  const apply = useCallback(
    async (edit: DraftEdit, revert?: FeatureTableName) => {
      try {
        const r = await api.invoke('edits.apply', edit);
        bump();
        return r;
      } catch (e) {
        // One feature's shape, refused because someone saved it since: the user compares and chooses.
        const one = singlePut(edit);
        const hit = one?.id && revert ? ctl.current?.hitOf(revert, one.id) : null;
        if (errorCode(e) === 'conflict' && one?.geometry && hit?.meta) {
          const seen: Row = { table: hit.table, id: hit.id, geometry: null, props: hit.props as RowProps, meta: hit.meta };
          setShapeConflict({ table: hit.table, seen, mine: { props: (one.props ?? {}) as RowProps, geometry: one.geometry }, message: toUiError(e, lang).message });
          return null;
        }
        showError(e);
        if (revert) ctl.current?.refresh([revert]);
        return null;
      }
    },
    [api, bump, ctl, showError, lang],
  );
  const undo = () => void undoRedo('undo').then(bump);
  const redo = () => void undoRedo('redo').then(bump);
  const resolveConflict = useConflictResolution(ctl, shapeConflict, setShapeConflict, bump);
  return { apply, undo, redo, bump, ownTick, changeTick, shapeConflict, resolveConflict };
}

/** The shape conflict answered: theirs kept puts the shape dragged here back to the stored one. */
function useConflictResolution(ctl: RefObject<MapController | null>, conflict: Conflict | null, setConflict: (c: Conflict | null) => void, bump: () => void) {
  const toast = useToast();
  const d = useD();
  return (outcome: ConflictOutcome, who: string) => {
    const table = conflict?.table;
    setConflict(null);
    toast(outcome === 'taken' ? d('conflict.taken', { who }) : d('conflict.kept'), outcome === 'taken' ? 'info' : 'success');
    if (outcome === 'taken' && table && isFeatureTable(table)) ctl.current?.refresh([table]);
    else bump();
  };
}
