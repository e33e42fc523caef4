// The print dialog: sheet settings on the left, the live preview (the composer's own display list,
// drawn as SVG) on the right; furniture blocks can be dragged on the preview and the layout saved
// in the project; the PDF is written by main as a job with progress and cancel.
import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { Job, Output, ProjectInfo } from '../../shared/api';
import type { SheetSettingsInput } from '../../shared/print';
import { BLOCK_NAMES, PAPER_NAMES, type BlockName } from '../../shared/print/paper';
import { groupThousands } from '../../shared/symbology';
import { useApi, useErrorToast, useToast } from '../components/common';
import { toUiError } from '../errors';
import { getClient } from '../api';
import { useI18n } from '../i18n';
import { chosenBaseMaps } from './base-map-order';
import { BaseMapChoice, type BasemapItem } from './BaseMapChoice';
import { usePrintT } from './dict';
import { ScaleChoice } from './ScaleChoice';
import { SheetSvg } from './SheetSvg';
import { DroppedLabels } from './DroppedLabels';
import './print.css';

type Composed = Output<'print.compose'>;
type Layout = Output<'print.layouts.list'>[number];

const DEFAULTS: SheetSettingsInput = { paper: 'A3', orientation: 'landscape', area: { kind: 'all' }, scale: 'fit', texts: {}, layout: {} };

export function PrintDialog({ info, onClose }: { info: ProjectInfo; onClose: () => void }) {
  const api = useApi();
  const p = usePrintT();
  const { pick, lang } = useI18n();
  const toast = useToast();
  const showError = useErrorToast();
  const [settings, setSettings] = useState<SheetSettingsInput>(DEFAULTS);
  const [series, setSeries] = useState(false);
  const [composed, setComposed] = useState<Composed | null>(null);
  const [composeError, setComposeError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const [layouts, setLayouts] = useState<Layout[]>([]);
  const [layoutName, setLayoutName] = useState('');
  const [layoutId, setLayoutId] = useState<string | undefined>(undefined);
  const [basemaps, setBasemaps] = useState<BasemapItem[] | null>(null);
  const seq = useRef(0);

  const patch = (x: Partial<SheetSettingsInput>) => setSettings((s) => ({ ...s, ...x }));
  const patchTexts = (x: Record<string, string>) =>
    setSettings((s) => {
      const texts = { ...(s.texts ?? {}), ...x };
      for (const [k, v] of Object.entries(texts)) if (v === '') delete (texts as Record<string, string>)[k];
      return { ...s, texts };
    });

  const shownByDefault = basemaps ? chosenBaseMaps(basemaps, undefined).join(' ') : '';
  // Live preview: recomposed a moment after the last change; a stale answer never wins.
  useEffect(() => {
    const mine = ++seq.current;
    setBusy(true);
    const timer = window.setTimeout(() => {
      api
        .invoke('print.compose', { settings })
        .then((r) => {
          if (mine !== seq.current) return;
          setComposed(r);
          setComposeError(null);
        })
        .catch((e: unknown) => {
          if (mine !== seq.current) return;
          setComposeError(toUiError(e, lang).message);
        })
        .finally(() => mine === seq.current && setBusy(false));
    }, 250);
    return () => window.clearTimeout(timer);
    // shownByDefault: with no choice of its own the sheet prints what the layer panel shows.
  }, [api, settings, pick, lang, shownByDefault]);

  // The project's base maps (top first, as the layer panel lists them), again whenever it changes.
  const loadBasemaps = useCallback(() => {
    api
      .invoke('basemaps.list', {})
      .then((l) => setBasemaps(l.items))
      .catch(showError);
  }, [api, showError]);
  useEffect(loadBasemaps, [loadBasemaps]);
  useEffect(() => api.on('project.changed', () => loadBasemaps()), [api, loadBasemaps]);
  // A chosen base map removed from the project meanwhile is dropped from the choice (main would refuse it).
  useEffect(() => {
    if (!basemaps || !settings.baseMaps) return;
    const known = new Set(basemaps.map((b) => b.id));
    if (settings.baseMaps.some((id) => !known.has(id))) patch({ baseMaps: settings.baseMaps.filter((id) => known.has(id)) });
  }, [basemaps, settings.baseMaps]);

  const loadLayouts = useCallback(() => {
    api.invoke('print.layouts.list', {}).then(setLayouts).catch(showError);
  }, [api, showError]);
  useEffect(loadLayouts, [loadLayouts]);

  // A short job can end before print.pdf has answered: the last state of every job is kept.
  const lastStates = useRef(new Map<string, Job>());
  useEffect(
    () =>
      api.on('job.progress', (j) => {
        lastStates.current.set(j.id, j);
        setJob((cur) => (cur && cur.id === j.id ? j : cur));
      }),
    [api],
  );
  useEffect(() => {
    if (!job || job.state === 'running') return;
    if (job.state === 'done') toast(p('done', { name: last?.fileName ?? '' }), 'success');
    else if (job.state === 'cancelled') toast(p('cancelled'), 'info');
    else if (job.error) toast(pick({ vi: job.error ?? '', en: job.errorEn ?? job.error ?? '' }), 'error');
  }, [job?.state]);

  // The PDF is written by main beside the project; in browser mode that may be another machine's
  // folder, so the finished file is offered as a download (Electron: its save dialog).
  const [last, setLast] = useState<{ path: string; fileName: string } | null>(null);
  const printPdf = async () => {
    try {
      const r = await api.invoke('print.pdf', { settings, series });
      setLast({ path: r.path, fileName: r.fileName });
      const latest = lastStates.current.get(r.job.id) ?? (await api.invoke('jobs.list', {})).find((j) => j.id === r.job.id) ?? r.job;
      setJob(latest);
    } catch (e) {
      showError(e);
    }
  };
  const cancel = () => job && api.invoke('jobs.cancel', { id: job.id }).catch(showError);

  const saveLayout = async () => {
    const name = layoutName.trim() || composed?.report.title || 'Bố cục';
    try {
      const saved = await api.invoke('print.layouts.save', { ...(layoutId ? { id: layoutId } : {}), name, settings });
      setLayoutId(saved.id);
      setLayoutName(saved.name);
      toast(p('layout.saved', { name: saved.name }), 'success');
      loadLayouts();
    } catch (e) {
      showError(e);
    }
  };
  const deleteLayout = async () => {
    if (!layoutId) return;
    try {
      await api.invoke('print.layouts.delete', { id: layoutId });
      setLayoutId(undefined);
      setLayoutName('');
      loadLayouts();
    } catch (e) {
      showError(e);
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);

  // Dragging a furniture block on the preview moves it (saved as its top-left corner in mm).
  const svgWrap = useRef<HTMLDivElement>(null);
  const drag = useRef<{ name: BlockName; x0: number; y0: number; bx: number; by: number; mmPerPx: number } | null>(null);
  const [dragPos, setDragPos] = useState<{ name: BlockName; x: number; y: number } | null>(null);
  const onBlockDown = (name: BlockName, e: ReactPointerEvent<SVGRectElement>) => {
    const b = composed?.report.blocks[name];
    const svg = svgWrap.current?.querySelector('svg');
    if (!b || !svg || !composed) return;
    const rect = svg.getBoundingClientRect();
    const page = composed.list.page;
    const mmPerPx = Math.max(page.widthMm / rect.width, page.heightMm / rect.height);
    drag.current = { name, x0: e.clientX, y0: e.clientY, bx: b.x, by: b.y, mmPerPx };
    (e.target as Element).setPointerCapture(e.pointerId);
  };
  const onBlockMove = (e: ReactPointerEvent<SVGRectElement>) => {
    const g = drag.current;
    if (!g) return;
    setDragPos({ name: g.name, x: Math.max(0, g.bx + (e.clientX - g.x0) * g.mmPerPx), y: Math.max(0, g.by + (e.clientY - g.y0) * g.mmPerPx) });
  };
  const onBlockUp = () => {
    const g = drag.current;
    drag.current = null;
    if (g && dragPos) patch({ layout: { ...(settings.layout ?? {}), [g.name]: { x: Math.round(dragPos.x * 10) / 10, y: Math.round(dragPos.y * 10) / 10 } } });
    setDragPos(null);
  };

  const overlay = useMemo(() => {
    if (!composed) return null;
    return BLOCK_NAMES.map((name) => {
      const b = composed.report.blocks[name];
      if (!b) return null;
      const at = dragPos?.name === name ? dragPos : b;
      return (
        <rect
          key={name}
          className="print-block-handle"
          data-testid={`print-block-${name}`}
          x={at.x}
          y={at.y}
          width={b.w}
          height={b.h}
          onPointerDown={(e) => onBlockDown(name, e)}
          onPointerMove={onBlockMove}
          onPointerUp={onBlockUp}
        />
      );
    });
  }, [composed, dragPos]);

  const areaValue = settings.area?.kind === 'communes' ? settings.area.communes[0] ?? '' : '';
  const rep = composed?.report;
  const running = job?.state === 'running';
  return (
    <div className="modal-backdrop print-backdrop">
      <div className="print-dialog" role="dialog" aria-modal="true" aria-label={p('title')} data-testid="print-dialog">
        <div className="print-head">
          <span className="print-title">{p('title')}</span>
          <button className="top-btn" onClick={onClose} title={p('close')} data-testid="print-close">
            ✕
          </button>
        </div>
        <div className="print-body">
          <form className="print-form" onSubmit={(e) => e.preventDefault()}>
            <label>
              {p('layouts')}
              <select
                value={layoutId ?? ''}
                onChange={(e) => {
                  const l = layouts.find((x) => x.id === e.target.value);
                  setLayoutId(l?.id);
                  setLayoutName(l?.name ?? '');
                  if (l) {
                    const known = basemaps ? new Set(basemaps.map((b) => b.id)) : null;
                    const missing = known && l.settings.baseMaps ? l.settings.baseMaps.filter((id) => !known.has(id)).length : 0;
                    if (missing) toast(p('basemaps.missing', { n: missing }), 'info');
                    setSettings(known && l.settings.baseMaps ? { ...l.settings, baseMaps: l.settings.baseMaps.filter((id) => known.has(id)) } : l.settings);
                  }
                }}
                data-testid="print-layouts"
              >
                <option value="">{layouts.length ? '—' : p('layouts.none')}</option>
                {layouts.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
            </label>
            <div className="print-row">
              <label>
                {p('paper')}
                <select value={settings.paper} onChange={(e) => patch({ paper: e.target.value as SheetSettingsInput['paper'] })} data-testid="print-paper">
                  {PAPER_NAMES.map((n) => (
                    <option key={n}>{n}</option>
                  ))}
                </select>
              </label>
              <label>
                {p('orientation')}
                <select value={settings.orientation} onChange={(e) => patch({ orientation: e.target.value as 'landscape' | 'portrait' })} data-testid="print-orientation">
                  <option value="landscape">{p('landscape')}</option>
                  <option value="portrait">{p('portrait')}</option>
                </select>
              </label>
            </div>
            <label>
              {p('area')}
              <select
                value={areaValue}
                onChange={(e) => patch({ area: e.target.value ? { kind: 'communes', communes: [e.target.value] } : { kind: 'all' }, sheet: undefined })}
                data-testid="print-area"
              >
                <option value="">{p('area.all')}</option>
                {info.settings.communes.map((c) => (
                  <option key={c.code || c.name} value={c.code || c.name}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <ScaleChoice settings={settings} report={rep ?? null} onScale={(scale) => patch({ scale, sheet: undefined })} />
            {rep && rep.sheets > 1 && (
              <div className="print-row">
                <label>
                  {p('sheet')}
                  <select value={settings.sheet ?? 1} onChange={(e) => patch({ sheet: Number(e.target.value) })} data-testid="print-sheet">
                    {Array.from({ length: rep.sheets }, (_, i) => (
                      <option key={i} value={i + 1}>
                        {i + 1}/{rep.sheets}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="print-check">
                  <input type="checkbox" checked={series} onChange={(e) => setSeries(e.target.checked)} data-testid="print-series" />
                  {p('series')}
                </label>
              </div>
            )}
            <BaseMapChoice items={basemaps} chosen={settings.baseMaps} onChange={(ids) => patch({ baseMaps: ids })} />
            <label>
              {p('sheetTitle')}
              <textarea rows={3} value={settings.texts?.title ?? ''} placeholder={rep?.title} onChange={(e) => patchTexts({ title: e.target.value })} data-testid="print-title" />
            </label>
            <label>
              {p('placeDate')}
              <input value={settings.texts?.placeDate ?? ''} onChange={(e) => patchTexts({ placeDate: e.target.value })} data-testid="print-place-date" />
            </label>
            {/* Per-sheet overrides of the project's settings (Thiết lập dự án); empty = the project's. */}
            <div className="print-row">
              <label>
                {p('mapDate')}
                <input type="date" value={settings.mapDate ?? ''} placeholder={info.settings.boundaryDate ?? ''} onChange={(e) => patch({ mapDate: e.target.value || undefined })} data-testid="print-map-date" />
              </label>
              <label>
                {p('sheetDate')}
                <input type="date" value={settings.sheetDate ?? ''} onChange={(e) => patch({ sheetDate: e.target.value || undefined })} data-testid="print-sheet-date" />
              </label>
            </div>
            <label>
              {p('organisation')}
              <textarea rows={2} value={settings.texts?.organisation ?? ''} placeholder={info.settings.organisation.join('\n')} onChange={(e) => patchTexts({ organisation: e.target.value })} data-testid="print-organisation" />
            </label>
            <p className="print-hint">{p('move')}</p>
            <button type="button" className="btn" onClick={() => patch({ layout: {} })} disabled={!Object.keys(settings.layout ?? {}).length}>
              {p('resetLayout')}
            </button>
            <div className="print-row">
              <input value={layoutName} placeholder={p('layout.name')} onChange={(e) => setLayoutName(e.target.value)} data-testid="print-layout-name" />
              <button type="button" className="btn" onClick={saveLayout} data-testid="print-layout-save">
                {p('layout.save')}
              </button>
              {layoutId && (
                <button type="button" className="btn" onClick={deleteLayout}>
                  {p('layout.delete')}
                </button>
              )}
            </div>
            <div className="print-report" data-testid="print-report">
              {composeError && <div className="print-error" role="alert" data-message="error">{composeError}</div>}
              {rep && !composeError && (
                <>
                  <div>{p('report.scale', { scale: groupThousands(rep.scale), grid: groupThousands(rep.gridStepM), sheets: rep.sheets })}</div>
                  {rep.mismatches.length > 0 && <div className="print-warn">{p('report.mismatch', { n: rep.mismatches.length })}</div>}
                  {rep.warnings.map((w, i) => (
                    <div key={i} className="print-warn">
                      {pick(w)}
                    </div>
                  ))}
                </>
              )}
            </div>
            <div className="print-actions">
              {running ? (
                <>
                  <progress max={job.total || 1} value={job.done} data-testid="print-progress" />
                  <span>{p('printing', { done: job.done, total: job.total })}</span>
                  <button type="button" className="btn" onClick={cancel} data-testid="print-cancel">
                    {p('cancel')}
                  </button>
                </>
              ) : (
                <button type="button" className="btn btn-primary" onClick={printPdf} disabled={!!composeError || !composed} data-testid="print-pdf">
                  {p('print')}
                </button>
              )}
            </div>
            {last && job?.state === 'done' && (
              <div className="print-done" data-testid="print-done" title={last.path}>
                <div>{p('done', { name: last.fileName })}</div>
                <a className="btn btn-primary" href={getClient().binUrl(`prints/${last.fileName}`)} download={last.fileName} title={p('download.title')} data-testid="print-download">
                  {p('download', { name: last.fileName })}
                </a>
              </div>
            )}
          </form>
          <div className="print-preview" ref={svgWrap} aria-busy={busy} data-testid="print-preview">
            {busy && (
              <div className="print-busy" role="status" data-testid="print-busy">
                <span className="print-spinner" aria-hidden="true" />
                {p(basemaps && chosenBaseMaps(basemaps, settings.baseMaps).length ? 'composing.basemaps' : 'composing')}
              </div>
            )}
            {composed && <SheetSvg list={composed.list} overlay={overlay} />}
            {composed && !composeError && <DroppedLabels dropped={composed.report.droppedLabels} />}
          </div>
        </div>
      </div>
    </div>
  );
}
