// The drafting controller (OpenLayers Draw/Modify/Translate/Snap on the one map), made on the map
// Workspace created just before and made again for another project or working CRS. Its callbacks
// go through a ref that the hooks fill on every render, so they see the latest state.
import { useEffect, useRef, type MutableRefObject, type RefObject } from 'react';
import type { ProjectInfo } from '../../shared/api';
import type { Geometry } from '../../shared/model/geometry';
import type { FeatureTableName } from '../../shared/symbology';
import type { MapController } from '../map/MapController';
import { DraftingController, type DraftingCallbacks } from './DraftingController';
import { loadGeometryOps } from './geometryOpsLoader';

/** What the hooks answer for the controller (the measure goes straight to its state). */
export type DraftCallbacks = Required<Omit<DraftingCallbacks, 'onMeasure'>>;
export type DraftCallbackRef = MutableRefObject<DraftCallbacks>;
export type Measure = { lengthM: number; areaM2: number | null };

export function useDraftingController(ctl: RefObject<MapController | null>, info: ProjectInfo, onMeasure: (m: Measure | null) => void) {
  const dc = useRef<DraftingController | null>(null);
  const cb = useRef<DraftCallbacks>({
    onSketch: (_t: FeatureTableName, _g: Geometry) => {},
    onGeometryEdited: (_t: FeatureTableName, _id: string, _g: Geometry, _l: string) => {},
    onHole: (_r: number[][]) => {},
    onSplitLine: (_l: number[][]) => {},
    onMissedVertex: () => {},
  });
  useEffect(() => {
    const mc = ctl.current;
    if (!mc) return;
    const c = new DraftingController(mc, {
      onSketch: (t, g) => cb.current.onSketch(t, g),
      onGeometryEdited: (t, id, g, l) => cb.current.onGeometryEdited(t, id, g, l),
      onHole: (r) => cb.current.onHole(r),
      onSplitLine: (l) => cb.current.onSplitLine(l),
      onMeasure,
      onMissedVertex: () => cb.current.onMissedVertex(),
    });
    dc.current = c;
    (window as unknown as { __quytapDraft?: DraftingController }).__quytapDraft = c;
    return () => {
      try {
        c.dispose();
      } catch {
        /* the map went first */
      }
      dc.current = null;
    };
    // onMeasure is a state setter (stable); the controller is made again only with the map's project.
  }, [ctl, info.path, info.crs.code]);
  return { dc, cb };
}

/** The polygon operations, loaded while nobody waits for them: once the opening's work is done. */
export function usePreloadGeometryOps() {
  useEffect(() => {
    const id = requestIdleCallback(() => void loadGeometryOps().catch(() => undefined), { timeout: 10_000 });
    return () => cancelIdleCallback(id);
  }, []);
}
