// The base maps in the layer panel: each with visibility, opacity, order, zoom-to and remove; adding
// a file (upload in pieces → read → choose the CRS when the file does not say it → added as a job);
// the online XYZ layer, off until the user turns it on.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { ApiError } from '../../shared/api-error';
import type { CrsInfo, ProjectInfo } from '../../shared/api';
import { BASEMAP_UPLOAD_PIECE_BYTES } from '../../shared/contract/limits';
import type { Basemap, BasemapInspect } from '../../shared/contract/basemap';
import { useApi, useErrorToast, useToast, Modal } from '../components/common';
import { formatDate, useI18n } from '../i18n';
import { useJob } from '../components/useJob';
import { OpacitySlider } from '../components/OpacitySlider';
import type { MapController } from '../map/MapController';
import { fromLonLat } from '../map/projection';
import { useBasemapT } from './dict';
import { useBasemaps } from './useBasemaps';
import './basemaps.css';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const sizeText = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

interface Props {
  ctl: RefObject<MapController | null>;
  info: ProjectInfo;
}

export function BasemapPanel({ ctl, info }: Props) {
  const api = useApi();
  const b = useBasemapT();
  const { pick, lang } = useI18n();
  const toast = useToast();
  const showError = useErrorToast();
  const { list, setList, refresh } = useBasemaps(ctl, info.path);
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [job, trackJob] = useJob();
  const [askCrs, setAskCrs] = useState<BasemapInspect | null>(null);
  const [crsList, setCrsList] = useState<CrsInfo[]>([]);
  const [onlineForm, setOnlineForm] = useState<{ url: string; attribution: string } | null>(null);
  const adding = useRef('');

  // Ctrl+Shift+B: add a base map.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && (e.key === 'B' || e.key === 'b')) {
        e.preventDefault();
        fileInput.current?.click();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The add job ended: say how, and show the list as it is now.
  useEffect(() => {
    if (!job || job.state === 'running') return;
    if (job.state === 'done') toast(b('added', { name: adding.current }), 'success');
    else if (job.state === 'failed') toast(b('failed', { error: pick({ vi: job.error ?? '', en: job.errorEn ?? job.error ?? '' }) }), 'error');
    trackJob(null);
    setBusy(null);
    refresh();
  }, [job, b, toast, refresh, trackJob]);

  const saveTimers = useRef(new Map<string, number>());
  const update = (id: string, patch: { visible?: boolean; opacity?: number }) => {
    // Shown at once; saved in the project behind, once the slider rests.
    setList((l) => (l ? { ...l, items: l.items.map((x) => (x.id === id ? { ...x, ...patch } : x)) } : l));
    const key = `${id}:${Object.keys(patch).join()}`;
    window.clearTimeout(saveTimers.current.get(key));
    saveTimers.current.set(
      key,
      window.setTimeout(() => {
        saveTimers.current.delete(key);
        api.invoke('basemaps.update', { id, ...patch }).catch(showError);
      }, patch.opacity !== undefined ? 250 : 0),
    );
  };

  const move = (id: string, delta: -1 | 1) => {
    if (!list) return;
    const ids = list.items.map((x) => x.id);
    const i = ids.indexOf(id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    setList({ ...list, items: ids.map((x) => list.items.find((y) => y.id === x)!) });
    api.invoke('basemaps.reorder', { ids }).then(refresh).catch(showError);
  };

  const remove = async (m: Basemap) => {
    if (!window.confirm(b('remove.confirm', { name: m.name }))) return;
    try {
      await api.invoke('basemaps.remove', { id: m.id });
      toast(b('removed', { name: m.name }), 'success');
      refresh();
    } catch (e) {
      showError(e);
    }
  };

  const zoomTo = (m: Basemap) => {
    const c = ctl.current;
    if (!c) return;
    const [w, s, e, n] = m.extentWgs84;
    // Clamped to Vietnam's neighbourhood: a world map would otherwise zoom the view out to the globe.
    const box = [Math.max(w, 95), Math.max(s, 0), Math.min(e, 120), Math.min(n, 28)];
    if (box[0]! >= box[2]! || box[1]! >= box[3]!) return;
    const pts = [fromLonLat(info.crs.code, [box[0]!, box[1]!]), fromLonLat(info.crs.code, [box[2]!, box[3]!]), fromLonLat(info.crs.code, [box[0]!, box[3]!]), fromLonLat(info.crs.code, [box[2]!, box[1]!])];
    const xs = pts.map((p) => p[0]!);
    const ys = pts.map((p) => p[1]!);
    c.fitTo([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
  };

  const startAdd = async (file: string, crsCode?: string) => {
    try {
      setBusy(b('adding', { pct: 0 }));
      adding.current = file;
      const r = await api.invoke('basemaps.add', { file, ...(crsCode ? { crsCode } : {}) });
      trackJob(r.job);
    } catch (e) {
      setBusy(null);
      showError(e);
    }
  };

  const onFile = async (f: File) => {
    try {
      const uploadId = crypto.randomUUID();
      let name: string | null = null;
      for (let at = 0; at < f.size || at === 0; at += BASEMAP_UPLOAD_PIECE_BYTES) {
        setBusy(b('uploading', { pct: f.size ? Math.floor((at / f.size) * 100) : 0 }));
        const piece = new Uint8Array(await f.slice(at, at + BASEMAP_UPLOAD_PIECE_BYTES).arrayBuffer());
        const last = at + BASEMAP_UPLOAD_PIECE_BYTES >= f.size;
        const r = await api.invoke('basemaps.uploadChunk', { uploadId, name: f.name, offset: at, dataBase64: toBase64(piece), last });
        if (last) {
          name = r.name;
          break;
        }
      }
      if (!name) throw new ApiError('internal', 'Tải tệp lên không xong.', 'The upload did not finish.');
      setBusy(b('reading'));
      const facts = await api.invoke('basemaps.inspect', { file: name });
      for (const w of facts.warnings) toast(pick(w), 'info');
      if (facts.needsCrs) {
        setBusy(null);
        if (crsList.length === 0) setCrsList(await api.invoke('crs.list', {}));
        setAskCrs(facts);
        return;
      }
      await startAdd(name);
    } catch (e) {
      setBusy(null);
      showError(e);
    }
  };

  const online = list?.online;
  const setOnline = async (patch: { enabled: boolean; url?: string; attribution?: string }) => {
    try {
      const o = await api.invoke('basemaps.online.set', patch);
      setList((l) => (l ? { ...l, online: o } : l));
      toast(b(o.enabled ? 'online.on' : 'online.off'), 'info');
      setOnlineForm(null);
    } catch (e) {
      showError(e);
    }
  };

  const pct = job && job.total > 0 ? Math.floor((job.done / job.total) * 100) : 0;
  return (
    <section className="basemap-section" data-testid="basemap-panel">
      <div className="panel-title">
        {b('title')}
        <button className="basemap-add" onClick={() => fileInput.current?.click()} title={b('add.title')} disabled={!!busy} data-testid="basemap-add">
          {b('add')}
        </button>
      </div>
      <input
        ref={fileInput}
        type="file"
        accept=".mbtiles,.tif,.tiff"
        hidden
        data-testid="basemap-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void onFile(f);
        }}
      />
      {busy && (
        <div className="basemap-busy" data-testid="basemap-busy">
          <span>{job ? b('adding', { pct }) : busy}</span>
          {job && <progress max={100} value={pct} />}
          {job && (
            <button className="icon-btn" onClick={() => api.invoke('jobs.cancel', { id: job.id }).catch(showError)}>
              {b('cancel')}
            </button>
          )}
        </div>
      )}
      <ul className="layer-list">
        {list?.items.length === 0 && <li className="muted small pad">{b('empty')}</li>}
        {list?.items.map((m, i) => (
          <li key={m.id} className={`layer-row${m.visible ? '' : ' layer-hidden'}`} data-testid="basemap-row" data-id={m.id} data-visible={m.visible ? 'true' : 'false'}>
            <div className="layer-line">
              <input type="checkbox" checked={m.visible} onChange={(e) => update(m.id, { visible: e.target.checked })} title={b('visible')} aria-label={`${b('visible')}: ${m.name}`} data-testid="basemap-visible" />
              <span className={`layer-icon basemap-icon basemap-icon-${m.kind}`} aria-hidden="true" />
              <span
                className="layer-name"
                title={b('details', {
                  kind: b(m.kind === 'tiles' ? 'kind.tiles' : 'kind.geotiff'),
                  crs: lang === 'en' ? m.crs.nameEn : m.crs.name,
                  size: sizeText(m.sizeBytes),
                  by: m.addedBy,
                  at: formatDate(m.addedAt, lang),
                })}
                onDoubleClick={() => zoomTo(m)}
                data-testid="basemap-name"
              >
                {m.name}
              </span>
              <button className="icon-btn" onClick={() => zoomTo(m)} title={b('zoom')} aria-label={`${b('zoom')}: ${m.name}`}>
                ⤢
              </button>
              <button className="icon-btn basemap-remove" onClick={() => void remove(m)} title={b('remove')} aria-label={`${b('remove')}: ${m.name}`} data-testid="basemap-remove">
                ✕
              </button>
            </div>
            <div className="layer-tools">
              <OpacitySlider value={m.opacity} onChange={(opacity) => update(m.id, { opacity })} label={b('opacity')} name={m.name} testId="basemap-opacity" />
              <button className="icon-btn" disabled={i === 0} onClick={() => move(m.id, -1)} title={b('up')} aria-label={`${b('up')}: ${m.name}`} data-testid="basemap-up">
                ▲
              </button>
              <button className="icon-btn" disabled={i === list.items.length - 1} onClick={() => move(m.id, 1)} title={b('down')} aria-label={`${b('down')}: ${m.name}`} data-testid="basemap-down">
                ▼
              </button>
            </div>
          </li>
        ))}
        {online && (
          <li className={`layer-row basemap-online${online.enabled && online.visible ? '' : ' layer-hidden'}`} data-testid="basemap-online" title={b('online.title')}>
            <div className="layer-line">
              <input
                type="checkbox"
                checked={online.enabled}
                onChange={(e) => (e.target.checked ? setOnlineForm({ url: online.url, attribution: online.attribution }) : void setOnline({ enabled: false }))}
                aria-label={b('online')}
                data-testid="basemap-online-toggle"
              />
              <span className="layer-icon basemap-icon basemap-icon-online" aria-hidden="true" />
              <span className="layer-name">{b('online')}</span>
            </div>
            {online.enabled && (
              <div className={`basemap-online-status basemap-online-${online.status.state}`} data-testid="basemap-online-status">
                {online.status.message
                  ? pick(online.status.message)
                  : b(online.status.state === 'ok' ? 'online.ok' : 'online.unknown', { n: online.status.cachedTiles })}
                <div className="muted small">{online.attribution}</div>
              </div>
            )}
            {!online.enabled && online.status.cachedTiles > 0 && <div className="muted small basemap-online-status">{b('online.cached', { n: online.status.cachedTiles })}</div>}
          </li>
        )}
      </ul>
      {onlineForm && (
        <Modal title={b('online')} testId="basemap-online-dialog">
          <p className="small">{b('online.title')}</p>
          <label className="field">
            <span>{b('online.url')}</span>
            <input value={onlineForm.url} onChange={(e) => setOnlineForm({ ...onlineForm, url: e.target.value })} data-testid="basemap-online-url" spellCheck={false} />
          </label>
          <label className="field">
            <span>{b('online.attribution')}</span>
            <input value={onlineForm.attribution} onChange={(e) => setOnlineForm({ ...onlineForm, attribution: e.target.value })} />
          </label>
          <div className="modal-actions">
            <button className="btn" onClick={() => setOnlineForm(null)}>
              {b('cancel')}
            </button>
            <button className="btn btn-primary" onClick={() => void setOnline({ enabled: true, url: onlineForm.url.trim(), attribution: onlineForm.attribution.trim() })} data-testid="basemap-online-save">
              {b('online.save')}
            </button>
          </div>
        </Modal>
      )}
      {askCrs && <CrsDialog facts={askCrs} crsList={crsList} onCancel={() => setAskCrs(null)} onChoose={(code) => {
        const file = askCrs.file;
        setAskCrs(null);
        void startAdd(file, code);
      }} />}
    </section>
  );
}

function CrsDialog({ facts, crsList, onCancel, onChoose }: { facts: BasemapInspect; crsList: CrsInfo[]; onCancel: () => void; onChoose: (code: string) => void }) {
  const b = useBasemapT();
  const { pick, lang } = useI18n();
  const [code, setCode] = useState('');
  return (
    <Modal title={b('crs.title')} testId="basemap-crs-dialog">
      <p className="small">{pick(facts.crsHow)}</p>
      <label className="field">
        <span>{b('crs.label', { file: facts.file })}</span>
        <select value={code} onChange={(e) => setCode(e.target.value)} data-testid="basemap-crs-select">
          <option value="">{b('crs.pick')}</option>
          {crsList.map((c) => (
            <option key={c.code} value={c.code}>
              {lang === 'en' ? c.nameEn : c.name} ({c.code})
            </option>
          ))}
        </select>
      </label>
      <p className="small basemap-warn">{b('crs.warn')}</p>
      <div className="modal-actions">
        <button className="btn" onClick={onCancel}>
          {b('cancel')}
        </button>
        <button className="btn btn-primary" disabled={!code} onClick={() => onChoose(code)} data-testid="basemap-crs-ok">
          {b('crs.ok')}
        </button>
      </div>
    </Modal>
  );
}
