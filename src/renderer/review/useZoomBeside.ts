// Zooming the map to what the review panel lists (a commune, a finding, a change, a comment) in the
// part of the map the panel does not cover, and highlighting the feature concerned.
import { useRef, type RefObject } from 'react';
import type { ReviewComment } from '../../shared/review/comment';
import { TABLES } from '../../shared/model/tables';
import type { MapController } from '../map/MapController';
import type { CommentPins } from './CommentPins';

/** A thing to zoom to: its extent in the working CRS and, when it is a feature, its table and id. */
export interface ZoomTarget {
  extent: number[] | null;
  table: string | null;
  id: string | null;
}

export function useZoomBeside(ctl: RefObject<MapController | null>, pins: RefObject<CommentPins | null>) {
  const panelRef = useRef<HTMLElement>(null);

  /** Fits the map to an extent in the part of the map the panel does not cover. */
  function fitBeside(extent: number[], minResolution = 0.5) {
    const c = ctl.current;
    if (!c) return;
    const mapBox = c.map.getTargetElement()?.getBoundingClientRect();
    const panelBox = panelRef.current?.getBoundingClientRect();
    const covered = mapBox && panelBox ? Math.max(0, mapBox.right - panelBox.left) + 16 : 0;
    const w = Math.max(extent[2] - extent[0], 50) * 0.6;
    const h = Math.max(extent[3] - extent[1], 50) * 0.6;
    const cx = (extent[0] + extent[2]) / 2;
    const cy = (extent[1] + extent[3]) / 2;
    c.view.fit([cx - w, cy - h, cx + w, cy + h], { size: c.map.getSize() ?? [800, 600], padding: [16, covered, 16, 16], minResolution, duration: 200 });
  }

  function zoomTo(f: ZoomTarget) {
    const c = ctl.current;
    if (!c || !f.extent) return;
    fitBeside(f.extent);
    const hit = f.table && f.id && f.table in TABLES ? c.hitOf(f.table as never, f.id) : null;
    c.highlightSelected(hit);
  }

  function zoomToComment(cm: ReviewComment) {
    const p = pins.current?.positionOf(cm);
    if (p) zoomTo({ extent: [p[0] - 60, p[1] - 60, p[0] + 60, p[1] + 60], table: cm.table, id: cm.featureId });
  }

  return { panelRef, fitBeside, zoomTo, zoomToComment };
}

export type Zoom = ReturnType<typeof useZoomBeside>;
