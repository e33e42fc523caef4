// The toolbar's commands on a feature: delete the selected one (Delete), and typed coordinates (K)
// that place a new point or move the selected one.
import { useCallback, useState, type MutableRefObject, type RefObject } from 'react';
import type { Geometry } from '../../shared/model/geometry';
import type { Props as RowProps } from '../../shared/model/rows';
import type { FeatureTableName } from '../../shared/symbology';
import { useToast } from '../components/common';
import { useI18n } from '../i18n';
import type { Hit, MapController } from '../map/MapController';
import type { PlaceTarget } from './CoordinateDialog';
import type { DraftingController } from './DraftingController';
import { useD } from './dict';
import { deleteEdit, deletionVersion, moveToEdit, type DraftEdit, type FeatureRef } from './draftEdits';
import type { Seen, Sketch } from './useSelection';

type Apply = (edit: DraftEdit, revert?: FeatureTableName) => Promise<unknown>;

export interface DeleteDeps {
  ctl: RefObject<MapController | null>;
  sel: FeatureRef | null;
  seenRef: MutableRefObject<Seen | null>;
  lockFor: (table: FeatureTableName, props: RowProps) => string | null;
  apply: Apply;
  setPinned: (h: Hit[] | null) => void;
}

export function useDeleteSelected({ ctl, sel, seenRef, lockFor, apply, setPinned }: DeleteDeps) {
  const d = useD();
  const toast = useToast();
  return useCallback(async () => {
    if (!sel) return;
    const hit = ctl.current?.hitOf(sel.table, sel.id);
    const lock = hit ? lockFor(sel.table, hit.props as RowProps) : null;
    if (lock) {
      toast(lock, 'error');
      return;
    }
    // A deletion names the version the user saw (on the map, else in the inspector): a row someone
    // changed since is refused as a conflict, not deleted unseen.
    const baseVersion = deletionVersion(sel, hit?.meta?.version, seenRef.current);
    if (baseVersion === undefined) {
      toast(d('delete.unseen'), 'error');
      return;
    }
    const r = await apply(deleteEdit(sel, baseVersion));
    if (r) {
      toast(d('delete.done'), 'success');
      setPinned(null);
      ctl.current?.highlightSelected(null);
    }
  }, [sel, ctl, lockFor, apply, toast, d, setPinned, seenRef]);
}

export interface CoordsDeps {
  ctl: RefObject<MapController | null>;
  dc: RefObject<DraftingController | null>;
  sel: FeatureRef | null;
  focus: string | null;
  apply: Apply;
  setPinned: (h: Hit[] | null) => void;
  setSketch: (s: Sketch | null) => void;
}

/** The typed-coordinates dialog: a new feature's point (its form opens) or the selected point moved. */
export function useTypedCoordinates({ ctl, dc, sel, focus, apply, setPinned, setSketch }: CoordsDeps) {
  const { num } = useI18n();
  const d = useD();
  const toast = useToast();
  const [coordsOpen, setCoordsOpen] = useState(false);
  const place = (xy: number[], target: PlaceTarget, precisionM: number) => {
    setCoordsOpen(false);
    const point: Geometry = { type: 'Point', coordinates: xy };
    ctl.current?.view.animate({ center: xy, duration: 200 });
    if (target === 'move') {
      if (sel) void apply(moveToEdit(sel, point, ctl.current?.hitOf(sel.table, sel.id)?.meta?.version));
      return;
    }
    setPinned(null);
    dc.current?.showSketch(point);
    setSketch({ kind: 'new', table: target, geometry: point, props: { commune_code: focus } });
    toast(d('coords.precision', { p: num(precisionM, precisionM < 1 ? 2 : 0) }), 'info');
  };
  /** The selected feature is a point on the map (the dialog offers to move it); asked only while it is open. */
  const canMove = coordsOpen && !!sel && ctl.current?.hitOf(sel.table, sel.id)?.geometryType === 'Point';
  return { coordsOpen, setCoordsOpen, place, canMove };
}
