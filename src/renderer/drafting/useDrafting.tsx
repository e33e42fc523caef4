// The drafting workspace's state and wiring, kept out of Workspace.tsx (which other features also
// touch): commune focus, tools and their shortcuts, the inspector, the dock (feature table,
// records), typed coordinates. Every user action becomes ONE edits.apply (one undo step).
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Operator, ProjectInfo } from '../../shared/api';
import type { ReviewState } from '../../shared/review/state';
import type { Geometry } from '../../shared/model/geometry';
import { geometryExtent } from '../../shared/model/geometry-extent';
import type { Props as RowProps, Row } from '../../shared/model/rows';
import { TABLES, type TableName } from '../../shared/model/tables';
import { isFeatureTable, type FeatureTableName } from '../../shared/symbology';
import { useApi, useErrorToast, useToast } from '../components/common';
import { useI18n } from '../i18n';
import type { Hit, MapController } from '../map/MapController';
import { CoordinateDialog, type PlaceTarget } from './CoordinateDialog';
import { addHole, DraftingController, toGeometry, type Tool } from './DraftingController';
import { useD } from './dict';
import { FeatureTable } from './FeatureTable';
import { Inspector, type InspectorTarget } from './Inspector';
import { RecordsPanel, RECORD_TABS, type RecordTab } from './RecordsPanel';
import { Toolbar } from './Toolbar';
import type { SplitResult } from './geometryOps';
import { loadGeometryOps, withGeometryOps } from './geometryOpsLoader';
import { READ_ONLY_TOOLS, reviewLock, type ReviewLock } from './communeLock';
import { LockIcon } from './LockIcon';
import { onShowFeature } from '../showFeature';
import { ConflictDialog, type Conflict, type ConflictOutcome } from './ConflictDialog';
import { errorCode, toUiError } from '../errors';

interface Commune {
  code: string;
  name: string;
  geometry: Geometry | null;
}

const POLYGON_TABLES: readonly string[] = ['search_areas', 'cemeteries', 'cemetery_plots', 'base_areas', 'admin_units', 'villages'];

const KEY_TOOLS: Record<string, Tool> = {
  v: 'select',
  t: 'move',
  p: 'polygon',
  h: 'hole',
  g: 'grave',
  c: 'cemetery',
  C: 'cemeteryArea',
  o: 'plot',
  n: 'village',
  N: 'villageArea',
  i: 'info',
  l: 'line',
  m: 'measure',
  M: 'measureArea',
  x: 'split',
  j: 'merge',
};

/** Session-long drafting options (sessionStorage: a new session starts from the defaults). */
const TRACE_KEY = 'quytap.trace';
const CLIP_KEY = 'quytap.clip';
function sessionFlag(key: string, byDefault: boolean): boolean {
  const v = sessionStorage.getItem(key);
  return v === null ? byDefault : v === '1';
}

function isTyping(el: EventTarget | null): boolean {
  const e = el as HTMLElement | null;
  if (!e) return false;
  if (e.isContentEditable) return true;
  if (e.tagName === 'TEXTAREA' || e.tagName === 'SELECT') return true;
  if (e.tagName === 'INPUT') return !['checkbox', 'range', 'radio', 'button'].includes((e as HTMLInputElement).type);
  return false;
}

export function useDrafting({
  ctl,
  info,
  pinned,
  setPinned,
  undoRedo,
  operator,
}: {
  ctl: RefObject<MapController | null>;
  info: ProjectInfo;
  /** Who is editing: commune staff draw in their own commune ("Xã của tôi"), and the locks depend on the role. */
  operator: Operator | null;
  pinned: Hit[] | null;
  setPinned: (h: Hit[] | null) => void;
  undoRedo: (which: 'undo' | 'redo') => Promise<void>;
}) {
  const api = useApi();
  const { num, pick, lang } = useI18n();
  const d = useD();
  const toast = useToast();
  const showError = useErrorToast();
  const dc = useRef<DraftingController | null>(null);

  const focusKey = `quytap.focus:${info.path}`;
  const [tool, setToolState] = useState<Tool>('select');
  const [snap, setSnap] = useState(true);
  const [snapTol, setSnapTol] = useState(10);
  // Tracing is on by default: it starts only on a click that snapping put on an edge, which is
  // where an area drawn along the commune boundary begins.
  const [trace, setTrace] = useState(() => sessionFlag(TRACE_KEY, true));
  const [clip, setClip] = useState(() => sessionFlag(CLIP_KEY, false));
  const [communes, setCommunes] = useState<Commune[]>([]);
  const [focus, setFocus] = useState<string | null>(() => localStorage.getItem(focusKey) || null);
  const [unlocked, setUnlocked] = useState(false);
  const [sketch, setSketch] = useState<Extract<InspectorTarget, { kind: 'new' }> | null>(null);
  const [sel, setSel] = useState<{ table: FeatureTableName; id: string } | null>(null);
  const [ownTick, setOwnTick] = useState(0);
  const [changeTick, setChangeTick] = useState(0);
  const [dock, setDock] = useState<'table' | 'records' | null>(null);
  const [tableLayer, setTableLayer] = useState<FeatureTableName>('search_areas');
  const [records, setRecords] = useState<{ table: RecordTab; id: string | null }>({ table: 'martyrs', id: null });
  const [coordsOpen, setCoordsOpen] = useState(false);
  const [measure, setMeasure] = useState<{ lengthM: number; areaM2: number | null } | null>(null);
  const bump = useCallback(() => setOwnTick((n) => n + 1), []);
  /** A shape saved after someone else changed the feature: both shapes side by side (ConflictDialog). */
  const [shapeConflict, setShapeConflict] = useState<Conflict | null>(null);

  // ── the controller, on the map Workspace created just before ──
  const cbRef = useRef({
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
      onSketch: (t, g) => cbRef.current.onSketch(t, g),
      onGeometryEdited: (t, id, g, l) => cbRef.current.onGeometryEdited(t, id, g, l),
      onHole: (r) => cbRef.current.onHole(r),
      onSplitLine: (l) => cbRef.current.onSplitLine(l),
      onMeasure: setMeasure,
      onMissedVertex: () => cbRef.current.onMissedVertex(),
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
  }, [ctl, info.path, info.crs.code]);

  useEffect(() => api.on('project.changed', () => setChangeTick((n) => n + 1)), [api]);
  // The polygon operations, loaded while nobody waits for them: once the opening's work is done.
  useEffect(() => {
    const id = requestIdleCallback(() => void loadGeometryOps().catch(() => undefined), { timeout: 10_000 });
    return () => cancelIdleCallback(id);
  }, []);

  // ── commune focus ──
  useEffect(() => {
    api
      .invoke('features.query', { table: 'admin_units', filter: { level: 'commune' }, limit: 5000 })
      .then((r) =>
        setCommunes(
          r.rows
            .filter((x) => !x.meta.deleted)
            .map((x) => ({ code: String(x.props.code ?? ''), name: String(x.props.name ?? ''), geometry: x.geometry }))
            .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
        ),
      )
      .catch(showError);
  }, [api, info.path, showError]);
  const focusCommune = communes.find((c) => c.code === focus) ?? null;
  useEffect(() => {
    dc.current?.setFocus(focusCommune?.geometry ?? null);
  }, [focusCommune]);
  const chooseCommune = useCallback(
    (code: string | null) => {
      setFocus(code);
      if (code) localStorage.setItem(focusKey, code);
      else localStorage.removeItem(focusKey);
      const c = communes.find((x) => x.code === code);
      if (c?.geometry) ctl.current?.fitTo(geometryExtent(c.geometry));
    },
    [communes, ctl, focusKey],
  );

  // "Xã của tôi": an operator bound to a commune draws in it, chosen again whenever that changes
  // (the operator dialog, the review panel). A choice made by hand afterwards stays until then.
  const myCommune = operator?.role === 'commune_staff' ? operator.communeCode : null;
  const appliedMine = useRef<string | null>(null);
  useEffect(() => {
    if (!myCommune || appliedMine.current === myCommune || !communes.some((c) => c.code === myCommune)) return;
    appliedMine.current = myCommune;
    if (focus !== myCommune) chooseCommune(myCommune);
  }, [myCommune, communes, focus, chooseCommune]);

  // The review state of every commune, to lock what may not be edited before anyone tries: read at
  // start and after a review act or a settings change (a project.changed naming no table). From the
  // review history (an index read; review.overview reads every feature): a state changes only by a
  // transition, written with its history entry in one transaction (store/review-repo.ts).
  const [states, setStates] = useState<ReadonlyMap<string, ReviewState>>(new Map());
  useEffect(() => {
    let alive = true;
    const load = () =>
      api
        .invoke('review.history', { communeCode: null })
        .then((acts) => {
          if (!alive) return;
          const m = new Map<string, ReviewState>();
          for (const a of acts) if (a.to) m.set(a.communeCode, a.to); // oldest first: the last one stays
          setStates(m);
        })
        .catch(showError);
    load();
    const off = api.on('project.changed', ({ tables }) => {
      if (tables.length === 0) load();
    });
    return () => {
      alive = false;
      off();
    };
  }, [api, info.path, showError]);
  const nameOfCommune = useCallback((code: string) => communes.find((c) => c.code === code)?.name ?? info.settings.communes.find((c) => c.code === code)?.name ?? code, [communes, info.settings.communes]);
  const lockText = useCallback(
    (lock: ReviewLock, code: string) => d(lock === 'approved' ? 'lock.approved' : 'lock.submitted', { name: nameOfCommune(code) }),
    [d, nameOfCommune],
  );
  /** The review lock of a row's commune, as the sentence to show (records, features alike). */
  const reviewLockOf = useCallback(
    (code: unknown): string | null => {
      if (typeof code !== 'string' || code === '') return null;
      const lock = reviewLock(states.get(code), operator);
      return lock ? lockText(lock, code) : null;
    },
    [states, operator, lockText],
  );
  const focusLock = focus ? reviewLock(states.get(focus), operator) : null;
  const focusLockText = focus && focusLock ? lockText(focusLock, focus) : null;

  const lockFor = useCallback(
    (table: FeatureTableName, props: RowProps): string | null => {
      // A review lock is main's rule too: no "unlock" tick lifts it.
      const review = reviewLockOf(props.commune_code);
      if (review) return review;
      if (unlocked) return null;
      if (table === 'admin_units') return d('commune.adminReadOnly');
      const code = props.commune_code;
      if (focus && typeof code === 'string' && code !== '' && code !== focus) return d('commune.readOnly', { code });
      return null;
    },
    [unlocked, focus, d, reviewLockOf],
  );

  // ── selection: from a map click (Workspace's pinned hit), the table or a record ──
  // With the merge tool, a click on a second area of the same layer merges it into the selected one.
  const mergeRef = useRef<(h: Hit) => boolean>(() => false);
  /** The selected row's version as the inspector last read it (for rows the map does not show). */
  const seenRef = useRef<{ table: TableName; id: string; version: number } | null>(null);
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
  }, [sel, lockFor, ctl]);

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
    [api, ctl, setPinned, showError],
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

  // ── edits ──
  const apply = useCallback(
    async (edit: Parameters<typeof api.invoke<'edits.apply'>>[1], revert?: FeatureTableName) => {
      try {
        const r = await api.invoke('edits.apply', edit);
        bump();
        return r;
      } catch (e) {
        // One feature's shape, refused because someone saved it since: the user compares and chooses.
        const one = edit.put?.length === 1 && !edit.remove?.length ? edit.put[0]! : null;
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

  const metaOf = (table: FeatureTableName, id: string) => ctl.current?.hitOf(table, id)?.meta ?? null;

  /** A plot drawn by hand belongs to the cemetery under it, and starts empty (issue 19). */
  const plotDefaults = (g: Geometry): Record<string, string> => {
    const ring = g.type === 'Polygon' ? (g.coordinates[0] as number[][]) : g.type === 'MultiPolygon' ? (g.coordinates[0]![0] as number[][]) : [];
    const at = ring.length ? [ring.reduce((a, p) => a + p[0]!, 0) / ring.length, ring.reduce((a, p) => a + p[1]!, 0) / ring.length] : null;
    const under = at ? ctl.current?.hitsAtCoordinate(at).find((h) => h.table === 'cemeteries') : undefined;
    return { kind: 'empty', ...(under ? { cemetery_id: under.id } : {}) };
  };
  cbRef.current.onSketch = (table, drawn) =>
    withGeometryOps(({ invalidReason, clipToCommune, settleOnCommune }) => {
      const refuse = (why: { vi: string; en: string }) => {
        toast(pick(why), 'error');
        dc.current?.abort();
      };
      const bad = invalidReason(drawn);
      if (bad) return refuse(bad);
      let geometry = drawn;
      const boundary = focusCommune?.geometry ?? null;
      if (boundary && clip && (drawn.type === 'Polygon' || drawn.type === 'MultiPolygon')) {
        const r = clipToCommune(drawn, boundary, focusCommune!.name);
        if (!r.ok) return refuse(r);
        geometry = r.geometry;
        // Below a millionth it was only the hair's breadth of a vertex traced onto the boundary.
        if (r.removedShare > 1e-6) toast(d('clip.done', { name: focusCommune!.name, pct: num(r.removedShare * 100, r.removedShare < 0.01 ? 2 : 0) }), 'info');
      }
      // Vertices put on the boundary by snapping or tracing stay inside it for the review's exact test.
      if (boundary) geometry = settleOnCommune(geometry, boundary);
      const still = geometry === drawn ? null : invalidReason(geometry);
      if (still) return refuse(still);
      // After Draw has put what was drawn in the sketch layer: the sketch shows what will be saved.
      if (geometry !== drawn) setTimeout(() => dc.current?.showSketch(geometry), 0);
      setPinned(null);
      setSketch({ kind: 'new', table, geometry, props: { commune_code: focus, ...(table === 'cemetery_plots' ? plotDefaults(geometry) : {}) } });
    }, showError);
  const missToast = useRef(0);
  cbRef.current.onMissedVertex = () => {
    if (Date.now() - missToast.current < 4000) return;
    missToast.current = Date.now();
    toast(d('edit.missed'), 'info');
  };
  cbRef.current.onGeometryEdited = (table, id, edited, label) =>
    withGeometryOps(({ invalidReason, settleOnCommune }) => {
      // A vertex dragged onto the focused commune's boundary stays inside it, as a drawn one does.
      const mine = focusCommune?.geometry && ctl.current?.hitOf(table, id)?.props.commune_code === focus;
      const geometry = mine && table !== 'admin_units' ? settleOnCommune(edited, focusCommune.geometry!) : edited;
      const bad = invalidReason(geometry);
      if (bad) {
        toast(pick(bad), 'error');
        ctl.current?.refresh([table]);
        return;
      }
      const meta = metaOf(table, id);
      void apply({ label: `${label}: ${TABLES[table].vi}`, put: [{ table, id, ...(meta ? { baseVersion: meta.version } : {}), geometry }] }, table);
    }, (e) => {
      showError(e);
      ctl.current?.refresh([table]);
    });
  cbRef.current.onHole = (ring) => {
    const f = sel ? ctl.current?.featureOf(sel.table, sel.id) : null;
    if (!sel || !f || !POLYGON_TABLES.includes(sel.table)) {
      toast(d('draw.needSelect'), 'error');
      return;
    }
    const hit = ctl.current!.hitOf(sel.table, sel.id)!;
    const lock = lockFor(sel.table, hit.props as RowProps);
    if (lock) {
      toast(lock, 'error');
      return;
    }
    const g = addHole(toGeometry(f.getGeometry()!), ring);
    if (!g) {
      toast(d('draw.holeOutside'), 'error');
      return;
    }
    void apply({ label: `Thêm lỗ thủng: ${TABLES[sel.table].vi}`, put: [{ table: sel.table, id: sel.id, baseVersion: hit.meta?.version, geometry: g }] }, sel.table);
  };

  /** The selected area, if it is one the user may edit (else a toast says why not). */
  const editableArea = () => {
    const f = sel ? ctl.current?.featureOf(sel.table, sel.id) : null;
    const hit = sel ? ctl.current?.hitOf(sel.table, sel.id) : null;
    if (!sel || !f || !hit || !POLYGON_TABLES.includes(sel.table) || !/Polygon/.test(hit.geometryType)) {
      toast(d('draw.needSelect'), 'error');
      return null;
    }
    const lock = lockFor(sel.table, hit.props as RowProps);
    if (lock) {
      toast(lock, 'error');
      return null;
    }
    return { sel, hit, geometry: toGeometry(f.getGeometry()!) };
  };
  cbRef.current.onSplitLine = (line) => {
    const a = editableArea();
    if (a) withGeometryOps(({ splitArea }) => splitWith(a, splitArea(a.geometry, line)), showError);
  };
  const splitWith = (a: NonNullable<ReturnType<typeof editableArea>>, r: SplitResult) => {
    if (!r.ok) {
      toast(pick(r), 'error');
      return;
    }
    const [first, ...rest] = r.parts;
    const props = { ...(a.hit.props as RowProps) };
    void apply(
      {
        label: `Cắt vùng thành ${r.parts.length} phần: ${TABLES[a.sel.table].vi}`,
        put: [
          { table: a.sel.table, id: a.sel.id, baseVersion: a.hit.meta?.version, geometry: first! },
          ...rest.map((g) => ({ table: a.sel.table, geometry: g, props })),
        ],
      },
      a.sel.table,
    );
  };
  mergeRef.current = (h: Hit) => {
    if (toolRef.current !== 'merge' || !sel || h.table !== sel.table || h.id === sel.id) return false;
    const a = editableArea();
    const other = ctl.current?.featureOf(h.table, h.id);
    if (!a || !other) return true;
    const lock = lockFor(h.table, h.props as RowProps);
    if (lock) {
      toast(lock, 'error');
      return true;
    }
    // The area merged in is deleted: only at the version the user saw (a map hit always carries it).
    if (!h.meta) {
      toast(d('delete.unseen'), 'error');
      return true;
    }
    const otherVersion = h.meta.version;
    const otherGeometry = toGeometry(other.getGeometry()!);
    // The click picked the area clicked; the selection stays the one merged into.
    setPinned([a.hit]);
    ctl.current?.highlightSelected(a.hit);
    withGeometryOps(({ mergeAreas }) => {
      const r = mergeAreas(a.geometry, otherGeometry);
      if (!r.ok) {
        toast(pick(r), 'error');
        return;
      }
      void apply(
        {
          label: `Gộp vùng: ${TABLES[a.sel.table].vi}`,
          put: [{ table: a.sel.table, id: a.sel.id, baseVersion: a.hit.meta?.version, geometry: r.geometry }],
          remove: [{ table: h.table, id: h.id, baseVersion: otherVersion }],
        },
        a.sel.table,
      );
    }, showError);
    return true;
  };

  const deleteSelected = useCallback(async () => {
    if (!sel) return;
    const hit = ctl.current?.hitOf(sel.table, sel.id);
    const lock = hit ? lockFor(sel.table, hit.props as RowProps) : null;
    if (lock) {
      toast(lock, 'error');
      return;
    }
    // A deletion names the version the user saw (on the map, else in the inspector): a row someone
    // changed since is refused as a conflict, not deleted unseen.
    const seen = seenRef.current;
    const baseVersion = hit?.meta?.version ?? (seen && seen.table === sel.table && seen.id === sel.id ? seen.version : undefined);
    if (baseVersion === undefined) {
      toast(d('delete.unseen'), 'error');
      return;
    }
    const r = await apply({ label: `Xóa ${TABLES[sel.table].vi}`, remove: [{ table: sel.table, id: sel.id, baseVersion }] });
    if (r) {
      toast(d('delete.done'), 'success');
      setPinned(null);
      ctl.current?.highlightSelected(null);
    }
  }, [sel, ctl, lockFor, apply, toast, d, setPinned]);

  const toolRef = useRef<Tool>('select');
  const focusLockRef = useRef<string | null>(null);
  focusLockRef.current = focusLockText;
  const setTool = useCallback((t: Tool) => {
    // A shortcut for a drawing tool on a locked commune says why instead of drawing what main refuses.
    if (focusLockRef.current && !READ_ONLY_TOOLS.includes(t)) {
      toast(focusLockRef.current, 'error');
      return;
    }
    toolRef.current = t;
    setToolState(t);
    setMeasure(null);
    dc.current?.abort();
    dc.current?.setTool(t);
  }, [toast]);
  // Locked while a drawing tool is on (a review act, another focus): back to selecting.
  useEffect(() => {
    if (focusLockText && !READ_ONLY_TOOLS.includes(toolRef.current)) {
      toolRef.current = 'select';
      setToolState('select');
      dc.current?.abort();
      dc.current?.setTool('select');
    }
  }, [focusLockText]);
  useEffect(() => {
    dc.current?.setSnap(snap, snapTol);
  }, [snap, snapTol]);
  useEffect(() => {
    dc.current?.setTrace(trace);
    sessionStorage.setItem(TRACE_KEY, trace ? '1' : '0');
    // A new controller (another project) starts from its defaults: it is told again.
  }, [trace, info.path, info.crs.code]);
  useEffect(() => sessionStorage.setItem(CLIP_KEY, clip ? '1' : '0'), [clip]);

  const place = (xy: number[], target: PlaceTarget, precisionM: number) => {
    setCoordsOpen(false);
    const point: Geometry = { type: 'Point', coordinates: xy };
    ctl.current?.view.animate({ center: xy, duration: 200 });
    if (target === 'move') {
      if (!sel) return;
      const meta = metaOf(sel.table, sel.id);
      void apply({ label: `Di chuyển theo tọa độ: ${TABLES[sel.table].vi}`, put: [{ table: sel.table, id: sel.id, ...(meta ? { baseVersion: meta.version } : {}), geometry: point }] });
      return;
    }
    setPinned(null);
    dc.current?.showSketch(point);
    setSketch({ kind: 'new', table: target, geometry: point, props: { commune_code: focus } });
    toast(d('coords.precision', { p: num(precisionM, precisionM < 1 ? 2 : 0) }), 'info');
  };

  // ── shortcuts (Ctrl+Z / Ctrl+Y, +/−, Home stay in Workspace) ──
  const keyRef = useRef<(e: KeyboardEvent) => void>(() => {});
  keyRef.current = (e: KeyboardEvent) => {
    if (isTyping(e.target) || document.querySelector('.modal-backdrop') || e.ctrlKey || e.metaKey || e.altKey) return;
    const k = e.key;
    const t = KEY_TOOLS[e.shiftKey ? k.toUpperCase() : k.toLowerCase()] ?? (e.shiftKey ? undefined : KEY_TOOLS[k]);
    if (t && k.length === 1) {
      e.preventDefault();
      setTool(t);
    } else if (k === 'Escape') {
      dc.current?.abort();
      setSketch(null);
      setMeasure(null);
    } else if (k === 'Delete') {
      e.preventDefault();
      void deleteSelected();
    } else if (k === 'Backspace') {
      e.preventDefault();
      dc.current?.removeLastPoint();
    } else if (k.toLowerCase() === 'k') {
      e.preventDefault();
      if (focusLockText) toast(focusLockText, 'error');
      else setCoordsOpen(true);
    } else if (k.toLowerCase() === 's') {
      e.preventDefault();
      setSnap((x) => !x);
    } else if (k.toLowerCase() === 'b') {
      e.preventDefault();
      setTrace((x) => !x);
    } else if (k.toLowerCase() === 'f') {
      e.preventDefault();
      setDock((x) => (x === 'table' ? null : 'table'));
    } else if (k.toLowerCase() === 'r') {
      e.preventDefault();
      setDock((x) => (x === 'records' ? null : 'records'));
    }
  };
  useEffect(() => {
    const h = (e: KeyboardEvent) => keyRef.current(e);
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, []);

  const openRecord = useCallback((table: TableName, id: string) => {
    if ((RECORD_TABS as readonly string[]).includes(table)) {
      setRecords({ table: table as RecordTab, id });
      setDock('records');
    }
  }, []);

  const target = useMemo<InspectorTarget | null>(() => sketch ?? (sel ? { kind: 'feature', table: sel.table, id: sel.id } : null), [sketch, sel]);

  const communeSelect = (
    <span className="commune-focus">
      <label className="small">
        {d('commune.label')}{' '}
        <select value={focus ?? ''} onChange={(e) => chooseCommune(e.target.value || null)} data-testid="commune-select">
          <option value="">{d('commune.none')}</option>
          {communes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      {focusLock && (
        // Beside the choice, a padlock (the toolbar has no room for words); the words are on the map's focus badge.
        <span
          className={`lock-badge lock-badge-icon lock-badge-${focusLock}`}
          title={focusLockText ?? ''}
          role="img"
          aria-label={d(focusLock === 'approved' ? 'lock.badge.approved' : 'lock.badge.submitted')}
          data-testid="commune-lock-icon"
        >
          <LockIcon />
        </span>
      )}
      <label className="small" title={d('commune.unlock')}>
        <input type="checkbox" checked={unlocked} onChange={(e) => setUnlocked(e.target.checked)} data-testid="commune-unlock" /> {d('commune.unlockShort')}
      </label>
    </span>
  );

  const toolbar = (
    <Toolbar
      tool={tool}
      onTool={setTool}
      snap={snap}
      onSnap={setSnap}
      snapTol={snapTol}
      onSnapTol={setSnapTol}
      trace={trace}
      onTrace={setTrace}
      clip={clip}
      onClip={setClip}
      canClip={!!focusCommune?.geometry}
      onCoords={() => setCoordsOpen(true)}
      lockReason={focusLockText}
      onDelete={() => void deleteSelected()}
      onUndo={() => void undoRedo('undo').then(bump)}
      onRedo={() => void undoRedo('redo').then(bump)}
      canDelete={!!sel}
      commune={communeSelect}
      dock={dock}
      onDock={(x) => setDock((cur) => (cur === x ? null : x))}
    />
  );

  const inspector = target ? (
    <Inspector
      key={target.kind === 'new' ? `new-${target.table}-${JSON.stringify(target.geometry).length}` : `${target.table}-${target.id}`}
      target={target}
      lockFor={lockFor}
      historyTick={ownTick}
      onSeen={onSeen}
      onClose={() => {
        if (target.kind === 'new') {
          dc.current?.abort();
          setSketch(null);
        } else {
          setPinned(null);
          ctl.current?.highlightSelected(null);
        }
      }}
      onCreated={(table, id) => {
        dc.current?.clearSketch();
        setSketch(null);
        bump();
        setSel({ table, id });
      }}
      onOpenRecord={openRecord}
    />
  ) : null;

  const dockEl =
    dock === 'table' ? (
      <FeatureTable
        table={tableLayer}
        onTable={setTableLayer}
        selectedId={sel?.id ?? null}
        onSelect={(t, id) => void selectFeature(t, id, false)}
        onZoom={(r: Row) => r.geometry && ctl.current?.fitTo(geometryExtent(r.geometry))}
        communeCode={focus}
        reloadTick={changeTick}
        onClose={() => setDock(null)}
      />
    ) : dock === 'records' ? (
      <RecordsPanel
        open={records}
        onOpen={setRecords}
        communeCode={focus}
        onShowFeature={(t, id) => void selectFeature(t, id, true)}
        reloadTick={changeTick}
        onClose={() => setDock(null)}
        reviewLock={reviewLockOf}
      />
    ) : null;

  const shapeResolved = (outcome: ConflictOutcome, who: string) => {
    const table = shapeConflict?.table;
    setShapeConflict(null);
    toast(outcome === 'taken' ? d('conflict.taken', { who }) : d('conflict.kept'), outcome === 'taken' ? 'info' : 'success');
    // Theirs kept: the shape dragged here goes back to the stored one.
    if (outcome === 'taken' && table && isFeatureTable(table)) ctl.current?.refresh([table]);
    else bump();
  };
  const overlays = (
    <>
      {shapeConflict && <ConflictDialog conflict={shapeConflict} onDone={shapeResolved} />}
      {measure && (
        <div className="measure-box" data-testid="measure-result">
          {measure.areaM2 === null
            ? d('measure.length', { m: num(measure.lengthM, 2) })
            : d('measure.area', { m2: num(measure.areaM2, 1), ha: num(measure.areaM2 / 10_000, 4), m: num(measure.lengthM, 2) })}
        </div>
      )}
      {focusCommune && (
        <div className="focus-badge" data-testid="focus-badge">
          {d('commune.label')}: <b>{focusCommune.name}</b>
          {focusLock && (
            <span className={`lock-badge lock-badge-${focusLock}`} title={focusLockText ?? ''} data-testid="commune-lock-badge" data-lock={focusLock}>
              <LockIcon /> {d(focusLock === 'approved' ? 'lock.badge.approved' : 'lock.badge.submitted')}
            </span>
          )}
        </div>
      )}
      {coordsOpen && (
        <CoordinateDialog
          crs={info.crs}
          canMove={!!sel && !!ctl.current?.hitOf(sel.table, sel.id) && ctl.current.hitOf(sel.table, sel.id)!.geometryType === 'Point'}
          onPlace={place}
          onClose={() => setCoordsOpen(false)}
        />
      )}
    </>
  );

  const hasInspector = useMemo(() => !!sketch || (!!sel && isFeatureTable(sel.table)), [sel, sketch]);
  return { toolbar, inspector, dock: dockEl, overlays, hasInspector, bump, focus };
}
