// The controller's answers for shapes: a new shape drawn (checked, clipped and settled, then its
// form opens), a shape edited by a gesture (saved as one edit), a drag that missed the outline.
import { useRef, type RefObject } from 'react';
import type { Geometry } from '../../shared/model/geometry';
import type { FeatureTableName } from '../../shared/symbology';
import { useErrorToast, useToast } from '../components/common';
import { useI18n } from '../i18n';
import type { Hit, MapController } from '../map/MapController';
import type { DraftingController } from './DraftingController';
import type { Commune } from './communes';
import { useD } from './dict';
import { outerRingMean, shapeEdit, type DraftEdit } from './draftEdits';
import { drawnShape } from './drawnShape';
import { withGeometryOps } from './geometryOpsLoader';
import type { DraftCallbackRef } from './useDraftingController';
import type { Sketch } from './useSelection';

export interface SketchDeps {
  cb: DraftCallbackRef;
  ctl: RefObject<MapController | null>;
  dc: RefObject<DraftingController | null>;
  focus: string | null;
  focusCommune: Commune | null;
  clip: boolean;
  apply: (edit: DraftEdit, revert?: FeatureTableName) => Promise<unknown>;
  setPinned: (h: Hit[] | null) => void;
  setSketch: (s: Sketch | null) => void;
}

export function useSketchHandlers(p: SketchDeps) {
  const { num, pick } = useI18n();
  const d = useD();
  const toast = useToast();
  const showError = useErrorToast();
  const { cb, ctl, dc, focus, focusCommune } = p;

  /** A plot drawn by hand belongs to the cemetery under it, and starts empty (issue 19). */
  const plotDefaults = (g: Geometry): Record<string, string> => {
    const at = outerRingMean(g);
    const under = at ? ctl.current?.hitsAtCoordinate(at).find((h) => h.table === 'cemeteries') : undefined;
    return { kind: 'empty', ...(under ? { cemetery_id: under.id } : {}) };
  };
  cb.current.onSketch = (table, drawn) =>
    withGeometryOps((ops) => {
      const r = drawnShape(ops, drawn, focusCommune, p.clip);
      // Below a millionth it was only the hair's breadth of a vertex traced onto the boundary.
      if (r.removedShare > 1e-6) toast(d('clip.done', { name: focusCommune!.name, pct: num(r.removedShare * 100, r.removedShare < 0.01 ? 2 : 0) }), 'info');
      if (!r.ok) {
        toast(pick(r.why), 'error');
        dc.current?.abort();
        return;
      }
      const geometry = r.geometry;
      // After Draw has put what was drawn in the sketch layer: the sketch shows what will be saved.
      if (geometry !== drawn) setTimeout(() => dc.current?.showSketch(geometry), 0);
      p.setPinned(null);
      p.setSketch({ kind: 'new', table, geometry, props: { commune_code: focus, ...(table === 'cemetery_plots' ? plotDefaults(geometry) : {}) } });
    }, showError);

  const missToast = useRef(0);
  cb.current.onMissedVertex = () => {
    if (Date.now() - missToast.current < 4000) return;
    missToast.current = Date.now();
    toast(d('edit.missed'), 'info');
  };

  cb.current.onGeometryEdited = (table, id, edited, label) =>
    withGeometryOps(
      ({ invalidReason, settleOnCommune }) => {
        // A vertex dragged onto the focused commune's boundary stays inside it, as a drawn one does.
        const mine = focusCommune?.geometry && ctl.current?.hitOf(table, id)?.props.commune_code === focus;
        const geometry = mine && table !== 'admin_units' ? settleOnCommune(edited, focusCommune.geometry!) : edited;
        const bad = invalidReason(geometry);
        if (bad) {
          toast(pick(bad), 'error');
          ctl.current?.refresh([table]);
          return;
        }
        void p.apply(shapeEdit({ table, id }, geometry, label, ctl.current?.hitOf(table, id)?.meta?.version), table);
      },
      (e) => {
        showError(e);
        ctl.current?.refresh([table]);
      },
    );
}
