// The tools that change the selected area with a second shape: a hole drawn inside it, a line
// drawn across it (split), another area of its layer clicked (merge). Each is one edit.
import type { MutableRefObject, RefObject } from 'react';
import type { Props as RowProps } from '../../shared/model/rows';
import type { FeatureTableName } from '../../shared/symbology';
import { useErrorToast, useToast } from '../components/common';
import { useI18n } from '../i18n';
import type { Hit, MapController } from '../map/MapController';
import { addHole, toGeometry, type Tool } from './DraftingController';
import { useD } from './dict';
import { holeEdit, mergeEdit, POLYGON_TABLES, splitEdit, type DraftEdit, type FeatureRef } from './draftEdits';
import { withGeometryOps } from './geometryOpsLoader';
import type { DraftCallbackRef } from './useDraftingController';

export interface AreaToolDeps {
  cb: DraftCallbackRef;
  ctl: RefObject<MapController | null>;
  sel: FeatureRef | null;
  toolRef: RefObject<Tool>;
  mergeRef: MutableRefObject<(h: Hit) => boolean>;
  lockFor: (table: FeatureTableName, props: RowProps) => string | null;
  apply: (edit: DraftEdit, revert?: FeatureTableName) => Promise<unknown>;
  setPinned: (h: Hit[] | null) => void;
}

export function useAreaTools(p: AreaToolDeps) {
  const { pick } = useI18n();
  const d = useD();
  const toast = useToast();
  const showError = useErrorToast();
  const { ctl, sel, apply } = p;
  const { allowed, editableArea } = useAreaGuards(p);

  p.cb.current.onHole = (ring) => {
    const f = sel ? ctl.current?.featureOf(sel.table, sel.id) : null;
    if (!sel || !f || !POLYGON_TABLES.includes(sel.table)) {
      toast(d('draw.needSelect'), 'error');
      return;
    }
    const hit = ctl.current!.hitOf(sel.table, sel.id)!;
    if (!allowed(sel.table, hit)) return;
    const g = addHole(toGeometry(f.getGeometry()!), ring);
    if (!g) {
      toast(d('draw.holeOutside'), 'error');
      return;
    }
    void apply(holeEdit(sel, g, hit.meta?.version), sel.table);
  };

  p.cb.current.onSplitLine = (line) => {
    const a = editableArea();
    if (!a) return;
    withGeometryOps(({ splitArea }) => {
      const r = splitArea(a.geometry, line);
      if (!r.ok) toast(pick(r), 'error');
      else void apply(splitEdit(a.sel, r.parts, { ...(a.hit.props as RowProps) }, a.hit.meta?.version), a.sel.table);
    }, showError);
  };

  p.mergeRef.current = (h: Hit) => {
    if (p.toolRef.current !== 'merge' || !sel || h.table !== sel.table || h.id === sel.id) return false;
    const a = editableArea();
    const other = ctl.current?.featureOf(h.table, h.id);
    if (!a || !other || !allowed(h.table, h)) return true;
    // The area merged in is deleted: only at the version the user saw (a map hit always carries it).
    if (!h.meta) {
      toast(d('delete.unseen'), 'error');
      return true;
    }
    const otherRef = { table: h.table, id: h.id, version: h.meta.version };
    const otherGeometry = toGeometry(other.getGeometry()!);
    // The click picked the area clicked; the selection stays the one merged into.
    p.setPinned([a.hit]);
    ctl.current?.highlightSelected(a.hit);
    withGeometryOps(({ mergeAreas }) => {
      const r = mergeAreas(a.geometry, otherGeometry);
      if (!r.ok) toast(pick(r), 'error');
      else void apply(mergeEdit(a.sel, r.geometry, a.hit.meta?.version, otherRef), a.sel.table);
    }, showError);
    return true;
  };
}

/** Whether a row may be changed (else a toast says why not), and the selected area if it may. */
function useAreaGuards({ ctl, sel, lockFor }: Pick<AreaToolDeps, 'ctl' | 'sel' | 'lockFor'>) {
  const d = useD();
  const toast = useToast();
  const allowed = (table: FeatureTableName, hit: Hit) => {
    const lock = lockFor(table, hit.props as RowProps);
    if (lock) toast(lock, 'error');
    return !lock;
  };
  const editableArea = () => {
    const f = sel ? ctl.current?.featureOf(sel.table, sel.id) : null;
    const hit = sel ? ctl.current?.hitOf(sel.table, sel.id) : null;
    if (!sel || !f || !hit || !POLYGON_TABLES.includes(sel.table) || !/Polygon/.test(hit.geometryType)) {
      toast(d('draw.needSelect'), 'error');
      return null;
    }
    return allowed(sel.table, hit) ? { sel, hit, geometry: toGeometry(f.getGeometry()!) } : null;
  };
  return { allowed, editableArea };
}
