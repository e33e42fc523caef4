// The workspace: top bar, layer panel, the map, the attribute panel, the status bar.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { valueStore, type ValueStore } from '../valueStore';
import type { Operator, ProjectInfo } from '../../shared/api';
import { FEATURE_TABLES, TABLES } from '../../shared/model/tables';
import { DRAW_ORDER, formatScale, scaleDenominator, type FeatureTableName } from '../../shared/symbology';
import { useI18n } from '../i18n';
import { MapController, type Hit, type LayerState } from '../map/MapController';
import { toLonLat } from '../map/projection';
import { FeaturePanel } from './FeaturePanel';
import { LangSwitch } from './LangSwitch';
import { LayerPanel, type LayerLoad } from './LayerPanel';
import { ErrorBoundary, useApi, useErrorToast, useToast } from './common';
import { useDrafting } from '../drafting/useDrafting';
import { CursorReadout } from '../drafting/CursorReadout';
import { PresenceList, usePresence } from '../drafting/Presence';
import { LinkBanner } from './LinkBanner';
import '../drafting/drafting.css';
import { SettingsButton } from './SettingsDialog';
import { PrintButton } from '../print/PrintButton';
import { ExchangeButton } from '../exchange/ExchangeButton';
import { ReviewButton } from '../review/ReviewButton';
import { VerificationButton } from '../verification/VerificationButton';
import { CampaignButton } from '../campaign/CampaignButton';
import { BasemapPanel } from '../basemaps/BasemapPanel';
import { HandoverButton } from './HandoverDialog';
import { CemeteryButton } from '../cemetery/CemeteryButton';
import './handover.css';
import { LessonPanel, trainingPresence, useTraining } from '../training/LessonPanel';
import { TrainerTable } from '../training/TrainerTable';
import { HelpButton } from '../training/HelpPanel';
import { isReviewer } from '../../shared/review/state';

const TABLE_ORDER: FeatureTableName[] = DRAW_ORDER.filter((t) => (FEATURE_TABLES as string[]).includes(t));

interface Props {
  info: ProjectInfo;
  operator: Operator | null;
  onInfo: (info: ProjectInfo) => void;
  onClose: () => void;
  onChangeOperator: () => void;
}

export function Workspace({ info, operator, onInfo, onClose, onChangeOperator }: Props) {
  const api = useApi();
  const { t, pick, lang } = useI18n();
  const toast = useToast();
  const showError = useErrorToast();

  const mapDiv = useRef<HTMLDivElement>(null);
  const ctl = useRef<MapController | null>(null);
  const [layers, setLayers] = useState<LayerState[]>(() =>
    [...TABLE_ORDER].reverse().map((table) => ({ table, visible: true, opacity: 1 })),
  );
  const [loads, setLoads] = useState<Partial<Record<FeatureTableName, LayerLoad>>>({});
  const [present, setPresent] = useState<ReadonlySet<string>>(new Set());
  const [communes, setCommunes] = useState<string[]>([]);
  // The cursor's position changes on every pointer move: only the status bar listens to it.
  const pointer = useMemo(() => valueStore<number[] | null>(null), []);
  const [view, setView] = useState<{ resolution: number; mpu: number } | null>(null);
  const [hover, setHover] = useState<Hit[]>([]);
  const [pinned, setPinned] = useState<Hit[] | null>(null);

  const labelsRef = useRef({ zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut'), zoomExtent: t('map.zoomExtent') });
  labelsRef.current = { zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut'), zoomExtent: t('map.zoomExtent') };
  const layersRef = useRef(layers);
  layersRef.current = layers;
  const showErrorRef = useRef(showError);
  showErrorRef.current = showError;
  const langRef = useRef(lang);
  langRef.current = lang;

  // The one map, created once per opened project (the working CRS can differ between projects).
  useEffect(() => {
    const el = mapDiv.current!;
    let refreshTimer = 0;
    let loadsFrame = 0;
    let pendingLoads: Partial<Record<FeatureTableName, LayerLoad>> = {};
    const c = new MapController(
      el,
      api,
      info,
      TABLE_ORDER,
      {
        onLayerLoad: (table, loaded, state) => {
          // Many tables report at once while a project opens: one render per frame for all of them.
          pendingLoads[table] = { loaded, state };
          if (!loadsFrame)
            loadsFrame = requestAnimationFrame(() => {
              loadsFrame = 0;
              const batch = pendingLoads;
              pendingLoads = {};
              setLoads((m) => ({ ...m, ...batch }));
            });
          window.clearTimeout(refreshTimer);
          refreshTimer = window.setTimeout(() => {
            setPresent(c.presentClasses());
            setCommunes(c.names('admin_units'));
          }, 50);
        },
        onPointer: pointer.set,
        onView: (resolution, mpu) => setView({ resolution, mpu }),
        // Called on every pointer move: the workspace renders again only when what is under it changes.
        onHover: (hits) => setHover((prev) => (sameHits(prev, hits) ? prev : hits)),
        onClick: (hits) => setPinned(hits.length ? hits : null),
        onError: (table, e) => showErrorRef.current(e, `${langRef.current === 'en' ? TABLES[table].en : TABLES[table].vi}`),
      },
      labelsRef.current,
    );
    ctl.current = c;
    c.applyLayerStates(layersRef.current);
    (window as any).__quytapMap = c;
    const ro = new ResizeObserver(() => c.updateSize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      window.clearTimeout(refreshTimer);
      cancelAnimationFrame(loadsFrame);
      if ((window as any).__quytapMap === c) delete (window as any).__quytapMap;
      c.dispose();
      ctl.current = null;
    };
  }, [api, info.path, info.crs.code]);

  useEffect(() => {
    ctl.current?.applyLayerStates(layers);
    if (ctl.current) setPresent(ctl.current.presentClasses());
  }, [layers]);

  useEffect(() => {
    ctl.current?.setSettings(info.settings);
  }, [info.settings]);

  useEffect(() => {
    ctl.current?.setLabels(labelsRef.current);
  }, [lang]);

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

  const undoRedo = useCallback(
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

  // Drafting: commune focus, tools, inspector, feature table and records (src/renderer/drafting).
  const drafting = useDrafting({ ctl, info, pinned, setPinned, undoRedo, operator });
  // Practice mode (a practice copy of the demo): the lesson panel, and the lesson told to the trainer.
  const [practice, setPractice] = useTraining(api, info.path);
  // The district hall: who else is drafting which commune (reported every few seconds).
  const drafters = usePresence(api, drafting.focus, operator?.name ?? '', trainingPresence(practice));
  const communeName = useCallback((code: string) => info.settings.communes.find((c) => c.code === code)?.name ?? code, [info.settings.communes]);

  // Keyboard: + / − zoom, Home = whole project, Ctrl+Z / Ctrl+Y undo / redo, Esc clears the selection.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (
        el &&
        (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) &&
        (el as HTMLInputElement).type !== 'checkbox' &&
        (el as HTMLInputElement).type !== 'range'
      )
        return;
      if (document.querySelector('.modal-backdrop')) return;
      const c = ctl.current;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.altKey && (e.key === 'z' || e.key === 'Z') && !e.shiftKey) {
        e.preventDefault();
        void undoRedo('undo');
      } else if (mod && !e.altKey && (e.key === 'y' || e.key === 'Y' || ((e.key === 'z' || e.key === 'Z') && e.shiftKey))) {
        e.preventDefault();
        void undoRedo('redo');
      } else if (mod || e.altKey) {
        return;
      } else if (e.key === '+' || e.key === '=' || e.code === 'NumpadAdd') {
        e.preventDefault();
        c?.zoomBy(1);
      } else if (e.key === '-' || e.key === '_' || e.code === 'NumpadSubtract') {
        e.preventDefault();
        c?.zoomBy(-1);
      } else if (e.key === 'Home') {
        e.preventDefault();
        c?.zoomHome();
      } else if (e.key === 'Escape') {
        setPinned(null);
        c?.highlightSelected(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undoRedo]);

  const totals = useMemo(
    () => Object.fromEntries(info.layers.map((l) => [l.table, l.count])) as Partial<Record<FeatureTableName, number>>,
    [info.layers],
  );

  // Stable, as the layer panel is drawn again only when its props change.
  const changeLayer = useCallback(
    (table: FeatureTableName, patch: Partial<LayerState>) => setLayers((ls) => ls.map((l) => (l.table === table ? { ...l, ...patch } : l))),
    [],
  );
  const moveLayer = useCallback(
    (table: FeatureTableName, delta: -1 | 1) =>
      setLayers((ls) => {
        const i = ls.findIndex((l) => l.table === table);
        const j = i + delta;
        if (i < 0 || j < 0 || j >= ls.length) return ls;
        const out = [...ls];
        [out[i], out[j]] = [out[j]!, out[i]!];
        return out;
      }),
    [],
  );
  const basemapPanel = useMemo(
    () => (
      <ErrorBoundary compact>
        <BasemapPanel ctl={ctl} info={info} />
      </ErrorBoundary>
    ),
    [info],
  );

  // Main closes the file (every edit checkpointed into the .gpkg, the lock released) before the
  // start screen shows: a project copied right after "Đóng dự án" is complete.
  const [closing, setClosing] = useState(false);
  const closeProject = () => {
    if (closing) return;
    setClosing(true);
    api
      .invoke('project.close', {})
      .catch(showError)
      .finally(onClose);
  };

  const shownHits = pinned ?? hover;
  return (
    <div className="workspace workspace-drafting" data-testid="workspace">
      <header className="top-bar" data-testid="top-bar">
        <div className="brand brand-small">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <div className="project-title" title={info.path} data-testid="project-title">
          {info.settings.title}
          {info.settings.demo && <span className="badge badge-demo">{t('app.demoBadge')}</span>}
        </div>
        <div className="top-crs" title={`${info.crs.code}\n${info.crs.proj4}`} data-testid="project-crs">
          <span className="muted">{t('top.crs')}:</span> {pick({ vi: info.crs.name, en: info.crs.nameEn })}
        </div>
        <div className="top-spacer" />
        {/* Other features (print, exchange, review) put their one top-bar button in here. */}
        <div className="top-actions" data-testid="top-actions">
          <PrintButton info={info} />
          <ExchangeButton info={info} />
          <ReviewButton info={info} operator={operator} ctl={ctl} />
          <VerificationButton info={info} operator={operator} />
          <CemeteryButton info={info} ctl={ctl} />
          <CampaignButton info={info} operator={operator} />
          <HandoverButton info={info} />
          <SettingsButton info={info} onInfo={onInfo} />
          <HelpButton />
        </div>
        <button className="top-btn" onClick={onChangeOperator} title={t('operator.change')} data-testid="operator-button">
          <svg className="top-icon" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
            <circle cx="6" cy="3.6" r="2.6" fill="currentColor" />
            <path d="M1 11.5c0-3 2.2-4.6 5-4.6s5 1.6 5 4.6z" fill="currentColor" />
          </svg>{' '}
          {operator?.name ?? t('operator.none')}
        </button>
        <LangSwitch />
        <button className="top-btn" onClick={closeProject} data-testid="close-project">
          {t('top.close')}
        </button>
      </header>
      {info.readOnly && (
        <div className="read-only-banner" role="status" title={t('top.readOnlyWhy')} data-testid="read-only-banner">
          {t('top.readOnly')}
        </div>
      )}
      <ErrorBoundary compact>{drafting.toolbar}</ErrorBoundary>
      <div className="workspace-body">
        <ErrorBoundary compact>
          <LayerPanel
            layers={layers}
            totals={totals}
            loads={loads}
            present={present}
            settings={info.settings}
            onChange={changeLayer}
            onMove={moveLayer}
          >
            {basemapPanel}
          </LayerPanel>
        </ErrorBoundary>
        <div className="map-wrap">
          <div className="map" ref={mapDiv} data-testid="map" tabIndex={0} aria-label={t('app.subtitle')} />
          {info.layers.every((l) => l.kind !== 'feature' || l.count === 0) && (
            <div className="map-empty" data-testid="map-empty">
              {t('map.empty')}
            </div>
          )}
          <ul className="sr-only" data-testid="map-admin-names" aria-label={TABLES.admin_units.vi}>
            {communes.map((n, i) => (
              <li key={`${n}-${i}`}>{n}</li>
            ))}
          </ul>
          {drafting.overlays}
          <PresenceList entries={drafters} communeName={communeName} />
          {isReviewer(operator) && <TrainerTable entries={drafters} communeName={communeName} />}
          {practice && <LessonPanel api={api} progress={practice} onProgress={setPractice} focus={drafting.focus} />}
          <LinkBanner communeCode={drafting.focus} />
          <ErrorBoundary compact>
            {drafting.hasInspector ? drafting.inspector : <FeaturePanel
              hits={shownHits}
              pinned={!!pinned}
              onClear={() => {
                setPinned(null);
                ctl.current?.highlightSelected(null);
              }}
              onPick={(h) => {
                const rest = shownHits.filter((x) => x.id !== h.id);
                setPinned([h, ...rest]);
                ctl.current?.highlightSelected(h);
              }}
            />}
          </ErrorBoundary>
        </div>
      </div>
      <div className="dock-row">
        <ErrorBoundary compact>{drafting.dock}</ErrorBoundary>
      </div>
      <StatusBar crsCode={info.crs.code} geographic={info.crs.kind === 'geographic'} pointerStore={pointer} view={view} crs={info.crs} />
    </div>
  );
}

function StatusBar({
  crsCode,
  geographic,
  pointerStore,
  view,
  crs,
}: {
  crsCode: string;
  geographic: boolean;
  pointerStore: ValueStore<number[] | null>;
  view: { resolution: number; mpu: number } | null;
  crs: ProjectInfo['crs'];
}) {
  const { t, num } = useI18n();
  const pointer = useSyncExternalStore(pointerStore.subscribe, pointerStore.get);
  let lonLat: number[] | null = null;
  if (pointer) {
    try {
      lonLat = geographic ? pointer : toLonLat(crsCode, pointer);
    } catch {
      lonLat = null;
    }
  }
  const deg = (v: number, pos: string, neg: string) => `${num(Math.abs(v), 6)}° ${v >= 0 ? pos : neg}`;
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className="status-coords" data-testid="status-coords">
        {pointer ? (
          geographic ? null : (
            <>
              <span className="status-item">
                {t('status.x')} = <b>{num(pointer[1]!, 2)}</b> m
              </span>
              <span className="status-item">
                {t('status.y')} = <b>{num(pointer[0]!, 2)}</b> m
              </span>
            </>
          )
        ) : (
          <span className="muted">{t('status.outside')}</span>
        )}
      </span>
      {pointer && lonLat && (
        <span className="status-item" data-testid="status-wgs84">
          WGS 84: {t('status.lat')} <b>{deg(lonLat[1]!, t('status.north'), t('status.south'))}</b>, {t('status.lon')}{' '}
          <b>{deg(lonLat[0]!, t('status.east'), t('status.west'))}</b>
        </span>
      )}
      <CursorReadout crs={crs} pointer={pointer} />
      <span className="status-spacer" />
      <span className="status-item status-scale" data-testid="status-scale">
        {t('status.scale')} <b>{view ? formatScale(scaleDenominator(view.resolution * view.mpu)) : '—'}</b>
      </span>
      <span className="status-item muted">{crsCode}</span>
    </footer>
  );
}

/** The same features, in the same order, at the same versions. */
function sameHits(a: readonly Hit[], b: readonly Hit[]): boolean {
  return a.length === b.length && a.every((h, i) => h.table === b[i]!.table && h.id === b[i]!.id && h.meta?.version === b[i]!.meta?.version);
}
