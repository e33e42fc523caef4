// What the inspector shows: the selected feature (from a map click, Workspace's pinned hit, the
// feature table, a record or a finding in a message) or the new feature just drawn (the sketch).
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { geometryExtent } from '../../shared/model/geometry-extent';
import type { Props as RowProps, Row } from '../../shared/model/rows';
import type { TableName } from '../../shared/model/tables';
import { isFeatureTable, type FeatureTableName } from '../../shared/symbology';
import { useApi, useErrorToast } from '../components/common';
import type { Hit, MapController } from '../map/MapController';
import { onShowFeature } from '../showFeature';
import type { DraftingController } from './DraftingController';
import type { FeatureRef } from './draftEdits';
import type { InspectorTarget } from './Inspector';

export type Sketch = Extract<InspectorTarget, { kind: 'new' }>;
export type Seen = { table: TableName; id: string; version: number };

interface SelectionDeps {
  ctl: RefObject<MapController | null>;
  dc: RefObject<DraftingController | null>;
  pinned: Hit[] | null;
  setPinned: (h: Hit[] | null) => void;
  lockFor: (table: FeatureTableName, props: RowProps) => string | null;
}

export function useSelection({ ctl, dc, pinned, setPinned, lockFor }: SelectionDeps) {
  const [sketch, setSketch] = useState<Sketch | null>(null);
  const [sel, setSel] = useState<FeatureRef | null>(null);
  // With the merge tool, a click on a second area of the same layer merges it into the selected
  // one instead of selecting it (useAreaTools fills this in).
  const mergeRef = useRef<(h: Hit) => boolean>(() => false);
  /** The selected row's version as the inspector last read it (for rows the map does not show). */
  const seenRef = useRef<Seen | null>(null);
  const onSeen = useCallback((r: Row) => {
    seenRef.current = { table: r.table, id: r.id, version: r.meta.version };
  }, []);
  useEffect(() => {
    const h = pinned?.[0];
    if (h && mergeRef.current(h)) return;
    setSel(h ? { table: h.table, id: h.id } : null);
    if (h) setSketch(null);
  }, [pinned]);
  useEffect(() => {
    const c = dc.current;
    if (!c) return;
    c.setSelected(sel, () => {
      const hit = sel ? ctl.current?.hitOf(sel.table, sel.id) : null;
      return !!sel && !!hit && lockFor(sel.table, hit.props as RowProps) === null;
    });
  }, [sel, lockFor, ctl, dc]);
  const selectFeature = useSelectFeature(ctl, setPinned, setSel, setSketch);
  const target = useMemo<InspectorTarget | null>(() => sketch ?? (sel ? { kind: 'feature', table: sel.table, id: sel.id } : null), [sketch, sel]);
  const hasInspector = useMemo(() => !!sketch || (!!sel && isFeatureTable(sel.table)), [sel, sketch]);
  return { sel, setSel, sketch, setSketch, mergeRef, seenRef, onSeen, selectFeature, target, hasInspector };
}

/** Selects a feature by table and id, zooming to it when asked or when the map does not show it. */
function useSelectFeature(ctl: RefObject<MapController | null>, setPinned: (h: Hit[] | null) => void, setSel: (s: FeatureRef) => void, setSketch: (s: null) => void) {
  const api = useApi();
  const showError = useErrorToast();
  const selectFeature = useCallback(
    async (table: FeatureTableName, id: string, zoom: boolean) => {
      const mc = ctl.current;
      setSketch(null);
      let hit = mc?.hitOf(table, id) ?? null;
      const g = hit ? mc?.featureOf(table, id)?.getGeometry() : null;
      const inView = !!g && !!mc && g.intersectsExtent(mc.view.calculateExtent(mc.map.getSize()));
      if (zoom || !hit || !inView) {
        try {
          const row = await api.invoke('rows.get', { table, id });
          if (row.geometry) mc?.fitTo(geometryExtent(row.geometry));
        } catch (e) {
          showError(e);
        }
      }
      hit = mc?.hitOf(table, id) ?? hit;
      if (hit) {
        setPinned([hit]);
        mc?.highlightSelected(hit);
      } else setSel({ table, id });
    },
    [api, ctl, setPinned, showError, setSel, setSketch],
  );
  // A finding clicked in a message (a submission refused for check errors): show where it is.
  useEffect(
    () =>
      onShowFeature((r) => {
        if (r.extent) ctl.current?.fitTo(r.extent as [number, number, number, number]);
        if (r.table && r.id && isFeatureTable(r.table)) void selectFeature(r.table, r.id, !r.extent);
      }),
    [selectFeature, ctl],
  );
  return selectFeature;
}
