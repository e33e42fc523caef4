// The drafting workspace's state, one hook per concern, wired together. The order of the hooks is
// the order their effects run in: the controller first, so the others configure the one there is.
import { useState, type RefObject } from 'react';
import type { Operator, ProjectInfo } from '../../shared/api';
import { useToast } from '../components/common';
import type { Hit, MapController } from '../map/MapController';
import { useAreaTools } from './useAreaTools';
import { useCommuneFocus } from './useCommuneFocus';
import { useDock } from './useDock';
import { useDraftHistory } from './useDraftHistory';
import { useDraftingController, usePreloadGeometryOps, type Measure } from './useDraftingController';
import { useDraftingKeys } from './useDraftingKeys';
import { useDraftOptions } from './useDraftOptions';
import { useDeleteSelected, useTypedCoordinates } from './useFeatureCommands';
import { useReviewLocks } from './useReviewLocks';
import { useSelection } from './useSelection';
import { useSketchHandlers } from './useSketchHandlers';
import { useTool } from './useTool';

export interface DraftingArgs {
  ctl: RefObject<MapController | null>;
  info: ProjectInfo;
  /** Who is editing: commune staff draw in their own commune ("Xã của tôi"), and the locks depend on the role. */
  operator: Operator | null;
  pinned: Hit[] | null;
  setPinned: (h: Hit[] | null) => void;
  undoRedo: (which: 'undo' | 'redo') => Promise<void>;
}

export type DraftingState = ReturnType<typeof useDraftingState>;

export function useDraftingState({ ctl, info, pinned, setPinned, undoRedo, operator }: DraftingArgs) {
  const toast = useToast();
  const [measure, setMeasure] = useState<Measure | null>(null);
  const { dc, cb } = useDraftingController(ctl, info, setMeasure);
  const history = useDraftHistory(ctl, undoRedo);
  const { apply } = history;
  usePreloadGeometryOps();
  const communes = useCommuneFocus(ctl, dc, info, operator);
  const { focus, focusCommune } = communes;
  const locks = useReviewLocks(info, operator, communes.communes, focus);
  const { lockFor, focusLockText } = locks;
  const selection = useSelection({ ctl, dc, pinned, setPinned, lockFor });
  const { sel, setSketch } = selection;
  const tools = useTool(dc, focusLockText, setMeasure);
  const options = useDraftOptions(dc, info);
  useSketchHandlers({ cb, ctl, dc, focus, focusCommune, clip: options.clip, apply, setPinned, setSketch });
  useAreaTools({ cb, ctl, sel, toolRef: tools.toolRef, mergeRef: selection.mergeRef, lockFor, apply, setPinned });
  const deleteSelected = useDeleteSelected({ ctl, sel, seenRef: selection.seenRef, lockFor, apply, setPinned });
  const coords = useTypedCoordinates({ ctl, dc, sel, focus, apply, setPinned, setSketch });
  const dock = useDock();
  useDraftingKeys({
    tool: tools.setTool,
    escape: () => {
      dc.current?.abort();
      setSketch(null);
      setMeasure(null);
    },
    delete: () => void deleteSelected(),
    backspace: () => dc.current?.removeLastPoint(),
    coords: () => (focusLockText ? toast(focusLockText, 'error') : coords.setCoordsOpen(true)),
    snap: () => options.setSnap((x) => !x),
    trace: () => options.setTrace((x) => !x),
    table: () => dock.toggleDock('table'),
    records: () => dock.toggleDock('records'),
  });
  return { ctl, dc, info, setPinned, measure, history, communes, locks, selection, tools, options, deleteSelected, coords, dock };
}
