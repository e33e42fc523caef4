// The review panel: communes with their state and counts, check findings (click = zoom), comments
// pinned on the map with replies, the district statistics and the history of acts.
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Operator, Output, ProjectInfo } from '../../shared/api';
import { useReloadOnChange } from '../api/useReloadOnChange';
import { SEARCH_AREA_STATUSES, STATISTICS } from '../../shared/model/enums';
import { TABLES, type TableName } from '../../shared/model/tables';
import type { Finding } from '../../shared/review/finding';
import type { ReviewComment } from '../../shared/review/comment';
import { ACT_LABELS, actRefusal, isReviewer, REVIEW_ACTS, STATE_LABELS, stateRefusal, type ReviewAct } from '../../shared/review/state';
import { Modal, useApi, useErrorToast, useToast } from '../components/common';
import { storeOperator } from '../components/OperatorDialog';
import { useI18n } from '../i18n';
import type { MapController } from '../map/MapController';
import { CommentPins } from './CommentPins';
import { useReviewT } from './dict';
import { VersionCompare } from './VersionCompare';
import { PublishDialog } from './PublishDialog';

type Overview = Output<'review.overview'>;
type Stats = Output<'review.statistics'>;
type Run = Output<'review.run'>;
type Changes = Output<'review.changesSince'>;
/** Acts that end or undo the commune's work on the map: asked again before they are sent. */
const CONFIRMED_ACTS: readonly ReviewAct[] = ['approve', 'return'];
type Tab = 'communes' | 'findings' | 'comments' | 'stats' | 'history';

interface Props {
  info: ProjectInfo;
  operator: Operator | null;
  ctl: RefObject<MapController | null>;
  onClose: () => void;
}

export function ReviewPanel({ info, operator, ctl, onClose }: Props) {
  const api = useApi();
  const r = useReviewT();
  const { pick, num, date } = useI18n();
  const toast = useToast();
  const showError = useErrorToast();
  const [op, setOp] = useState<Operator | null>(operator);
  const [tab, setTab] = useState<Tab>('communes');
  const [overview, setOverview] = useState<Overview | null>(null);
  const [run, setRun] = useState<Run | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [comments, setComments] = useState<ReviewComment[]>([]);
  const [stats, setStats] = useState<Stats | null>(null);
  const [history, setHistory] = useState<Output<'review.history'>>([]);
  const [commune, setCommune] = useState<string>(operator?.communeCode ?? info.settings.communes[0]?.code ?? '');
  const [openOnly, setOpenOnly] = useState(true);
  const [note, setNote] = useState('');
  const [pinMode, setPinMode] = useState(false);
  const [draft, setDraft] = useState<{ x: number; y: number; table: TableName | null; featureId: string | null; what: string } | null>(null);
  const [draftText, setDraftText] = useState('');
  const [changes, setChanges] = useState<Changes | null>(null);
  const [confirming, setConfirming] = useState<{ code: string; act: ReviewAct } | null>(null);
  const [publishing, setPublishing] = useState(false);
  const pins = useRef<CommentPins | null>(null);
  const names = useMemo(() => new Map(info.settings.communes.map((c) => [c.code, c.name])), [info.settings.communes]);
  const nameOf = (code: string | null) => (code ? (names.get(code) ?? code) : '—');

  useEffect(() => setOp(operator), [operator]);

  const load = useCallback(async () => {
    try {
      const [o, last, cs, st, h] = await Promise.all([
        api.invoke('review.overview', {}),
        api.invoke('review.lastRun', {}),
        api.invoke('review.comments', {}),
        api.invoke('review.statistics', {}),
        api.invoke('review.history', {}),
      ]);
      setOverview(o);
      setRun(last);
      setComments(cs);
      setStats(st);
      setHistory(h);
    } catch (e) {
      showError(e);
    }
  }, [api, showError]);

  // Coalesced: in a hall, drafters' edits arrive several times a second.
  useReloadOnChange(api, load);

  // What changed in the chosen commune since its map was last submitted (the reviewer judges that).
  const loadChanges = useCallback(async () => {
    if (!commune) return setChanges(null);
    try {
      setChanges(await api.invoke('review.changesSince', { communeCode: commune }));
    } catch (e) {
      showError(e);
    }
  }, [api, commune, showError]);
  useReloadOnChange(api, loadChanges);

  useEffect(
    () =>
      api.on('job.progress', (j) => {
        if (j.kind !== 'review.check') return;
        setProgress(j.state === 'running' ? { done: j.done, total: j.total } : null);
      }),
    [api],
  );

  // Comment pins on the map while the panel is open.
  useEffect(() => {
    const c = ctl.current;
    if (!c) return;
    pins.current = new CommentPins(c);
    return () => {
      pins.current?.dispose();
      pins.current = null;
    };
  }, [ctl]);
  const shown = useMemo(() => comments.filter((c) => c.communeCode === commune && (!openOnly || !c.resolved || c.parentId !== null)), [comments, commune, openOnly]);
  useEffect(() => {
    pins.current?.show(comments.filter((c) => c.communeCode === commune && !c.resolved));
  }, [comments, commune]);

  // Pin mode: the next click on the map places the comment (on the feature under it, if any).
  useEffect(() => {
    const c = ctl.current;
    if (!pinMode || !c) return;
    const key = c.map.on('singleclick', (e) => {
      const hit = c.hitsAt(e.pixel).find((h) => h.table !== 'admin_units');
      const what = hit ? `${pick(TABLES[hit.table])} ${String(hit.props.code ?? hit.props.name ?? hit.id.slice(0, 8))}` : r('comment.onMap');
      setDraft({ x: e.coordinate[0], y: e.coordinate[1], table: hit?.table ?? null, featureId: hit?.id ?? null, what });
      setPinMode(false);
    });
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setPinMode(false);
    window.addEventListener('keydown', onKey);
    return () => {
      c.map.un('singleclick', key.listener);
      window.removeEventListener('keydown', onKey);
    };
  }, [pinMode, ctl, pick, r]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F9') {
        e.preventDefault();
        void checkAll(null);
      } else if (e.key === 'Escape' && !pinMode && !draft && !document.querySelector('.modal-backdrop')) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  async function checkAll(codes: string[] | null) {
    try {
      setProgress({ done: 0, total: 1 });
      const res = await api.invoke('review.run', codes ? { communes: codes } : {});
      setRun(res);
      toast(r('run.done', { errors: res.errors, warnings: res.warnings }), res.errors ? 'error' : 'success');
      setTab('findings');
      await load();
    } catch (e) {
      showError(e);
    } finally {
      setProgress(null);
    }
  }

  /** Approving and returning are asked again (with what changed since the submission); the others go at once. */
  function askAct(code: string, a: ReviewAct) {
    if (CONFIRMED_ACTS.includes(a)) {
      setCommune(code);
      setConfirming({ code, act: a });
    } else void act(code, a);
  }

  async function act(code: string, a: ReviewAct) {
    setConfirming(null);
    try {
      const s = await api.invoke('review.act', { communeCode: code, act: a, note });
      setNote('');
      toast(r('act.done', { commune: nameOf(code), state: pick(STATE_LABELS[s.state]) }), 'success');
      await load();
    } catch (e) {
      showError(e);
      await load();
    }
  }

  async function chooseCommune(code: string | null) {
    if (!op) return;
    try {
      const o = await api.invoke('session.setOperator', { ...op, communeCode: code });
      storeOperator(o);
      setOp(o);
      if (code) setCommune(code);
    } catch (e) {
      showError(e);
    }
  }

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

  function zoomTo(f: { extent: number[] | null; table: string | null; id: string | null }) {
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

  async function saveDraft() {
    if (!draft) return;
    try {
      await api.invoke('review.comment.add', { communeCode: commune, x: draft.x, y: draft.y, table: draft.table, featureId: draft.featureId, text: draftText });
      setDraft(null);
      setDraftText('');
      toast(r('comment.saved'), 'success');
      await load();
    } catch (e) {
      showError(e);
    }
  }

  const findings: Finding[] = run?.findings ?? [];
  const shownFindings = findings.filter((f) => !commune || f.communeCode === commune || !f.communeCode);
  const openCount = comments.filter((c) => c.communeCode === commune && !c.resolved && c.parentId === null).length;
  const current = overview?.communes.find((c) => c.communeCode === commune);

  return (
    <aside className="review-panel" data-testid="review-panel" aria-label={r('title')} ref={panelRef}>
      <header className="review-head">
        <h2>{r('title')}</h2>
        <button className="review-x" onClick={onClose} title={r('close')} data-testid="review-close">
          ×
        </button>
      </header>
      <div className="review-who" data-testid="review-who">
        <span>
          {r('me')}: <b>{op?.name ?? '—'}</b> · {op ? r(`role.${op.role}`) : ''}
        </span>
        {op?.role === 'commune_staff' && (
          <label>
            {r('myCommune')}{' '}
            <select value={op.communeCode ?? ''} onChange={(e) => void chooseCommune(e.target.value || null)} data-testid="review-my-commune">
              <option value="">{r('myCommune.none')}</option>
              {info.settings.communes.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {r('comments.commune')}{' '}
          <select value={commune} onChange={(e) => setCommune(e.target.value)} data-testid="review-commune">
            {info.settings.communes.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {current?.state === 'returned' && openCount > 0 && (
        <div className="review-banner" data-testid="review-returned-banner" onClick={() => setTab('comments')}>
          {r('returned.banner', { commune: current.name, n: openCount })}
        </div>
      )}
      <nav className="review-tabs" role="tablist">
        {(
          [
            ['communes', r('tab.communes')],
            ['findings', r('tab.findings', { n: shownFindings.length })],
            ['comments', r('tab.comments', { n: openCount })],
            ['stats', r('tab.stats')],
            ['history', r('tab.history')],
          ] as [Tab, string][]
        ).map(([k, label]) => (
          <button key={k} role="tab" aria-selected={tab === k} className={tab === k ? 'on' : ''} onClick={() => setTab(k)} data-testid={`review-tab-${k}`}>
            {label}
          </button>
        ))}
      </nav>
      <div className="review-actions-bar">
        <button onClick={() => void checkAll(null)} disabled={!!progress} data-testid="review-run">
          {progress ? r('running', { done: progress.done, total: progress.total }) : r('run')}
        </button>
        <label className="review-note">
          <span>{r('note')}</span>
          <input value={note} onChange={(e) => setNote(e.target.value)} placeholder={r('note.placeholder')} data-testid="review-note" />
        </label>
      </div>
      <div className="review-body">
        {tab === 'communes' && overview && (
          <table className="review-table" data-testid="review-communes">
            <thead>
              <tr>
                <th>{r('col.commune')}</th>
                <th>{r('col.state')}</th>
                <th>{r('col.areas')}</th>
                <th>{r('col.graves')}</th>
                <th>{r('col.comments')}</th>
                <th>{r('col.findings')}</th>
                <th>{r('col.acts')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.communes.map((c) => (
                <tr
                  key={c.communeCode}
                  data-testid="review-commune-row"
                  data-code={c.communeCode}
                  data-state={c.state}
                  className={c.communeCode === commune ? 'sel' : ''}
                  onClick={() => {
                    setCommune(c.communeCode);
                    if (c.extent) fitBeside(c.extent, 5);
                  }}
                >
                  <td>{c.name}</td>
                  <td>
                    <span className={`review-state state-${c.state}`} data-testid="review-state">
                      {pick(STATE_LABELS[c.state])}
                    </span>
                    {c.updatedBy && <div className="muted small">{r('by', { who: c.updatedBy, when: c.updatedAt ? date(c.updatedAt) : '' })}</div>}
                  </td>
                  <td className="small">
                    {SEARCH_AREA_STATUSES.map((s) => (
                      <span key={s} className={`review-swatch status-${s}`} title={s} style={{ background: info.settings.statusFills[s] }}>
                        {c.counts.areasByStatus[s]}
                      </span>
                    ))}
                  </td>
                  <td className="small">
                    {c.counts.gravesByKind.newly_found} / {c.counts.gravesByKind.family_cared} / {c.counts.gravesByKind.unidentified}
                  </td>
                  <td>{c.openComments}</td>
                  <td>{c.findings ? <span className={c.findings.errors ? 'bad' : 'good'}>{`${c.findings.errors} / ${c.findings.warnings}`}</span> : <span className="muted small">{r('notChecked')}</span>}</td>
                  <td className="review-acts">
                    {REVIEW_ACTS.filter((a) => !actRefusal(op, a, c.communeCode) && !stateRefusal(c.state, a)).map((a) => (
                      <button
                        key={a}
                        onClick={(e) => {
                          e.stopPropagation();
                          askAct(c.communeCode, a);
                        }}
                        data-testid={`review-act-${a}`}
                      >
                        {pick(ACT_LABELS[a])}
                      </button>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {tab === 'communes' && current && (current.state === 'submitted' || current.state === 'approved') && changes?.submittedAt && (
          <div className="review-changes" data-testid="review-changes" data-count={changes.changes.length}>
            <div className={changes.changes.length ? 'bad' : 'muted'}>
              <b>{r('changes.title', { commune: current.name, n: changes.changes.length })}</b>{' '}
              <span className="muted small">{r('changes.since', { who: changes.submittedBy ?? '', when: date(changes.submittedAt) })}</span>
            </div>
            {changes.changes.length > 0 && (
              <ul className="review-list">
                {changes.changes.map((ch) => (
                  <li
                    key={`${ch.table}/${ch.id}`}
                    className={ch.extent ? 'finding' : ''}
                    onClick={() => ch.extent && zoomTo(ch)}
                    title={ch.extent ? r('zoom') : ''}
                    data-testid="review-change"
                    data-id={ch.id}
                  >
                    <span className="msg">
                      {pick(TABLES[ch.table])} {ch.name ? `"${ch.name}"` : ch.id.slice(0, 8)}
                      {ch.deleted ? ` (${r('changes.deleted')})` : ''}
                    </span>
                    <span className="muted small">
                      {r('changes.by', { who: ch.lastBy, when: date(ch.lastAt), n: ch.writes })}
                      {ch.lastLabel ? ` · ${ch.lastLabel}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {tab === 'findings' && (
          <div data-testid="review-findings">
            {!run ? (
              <p className="muted">{r('findings.notRun')}</p>
            ) : shownFindings.length === 0 ? (
              <p className="muted">{r('findings.none')}</p>
            ) : (
              <ul className="review-list">
                {shownFindings.map((f, i) => (
                  <li key={`${f.rule}-${f.id}-${i}`} className={`finding sev-${f.severity}`} onClick={() => zoomTo(f)} title={r('zoom')} data-testid="review-finding" data-rule={f.rule}>
                    <span className="sev">{r(f.severity === 'error' ? 'sev.error' : 'sev.warning')}</span>
                    <span className="msg">{pick(f)}</span>
                    <span className="muted small">
                      {f.rule} · {nameOf(f.communeCode)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {tab === 'comments' && (
          <div data-testid="review-comments">
            <div className="review-row">
              <button onClick={() => setPinMode(true)} className={pinMode ? 'on' : ''} data-testid="review-pin">
                <svg width="10" height="12" viewBox="0 0 10 12" aria-hidden="true">
                  <path d="M5 0a4 4 0 0 1 4 4c0 3-4 8-4 8S1 7 1 4a4 4 0 0 1 4-4z" fill="#d35400" />
                </svg>{' '}
                {r('comment.pin')}
              </button>
              <label className="small">
                <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} /> {r('comments.openOnly')}
              </label>
            </div>
            {pinMode && <p className="review-hint">{r('comment.pin.hint')}</p>}
            {draft && (
              <div className="review-draft" data-testid="review-comment-draft">
                <div className="small">{r('comment.on', { what: draft.what })}</div>
                <textarea value={draftText} onChange={(e) => setDraftText(e.target.value)} placeholder={r('comment.text')} autoFocus data-testid="review-comment-text" />
                <div className="review-row">
                  <button onClick={() => void saveDraft()} disabled={!draftText.trim()} data-testid="review-comment-save">
                    {r('comment.save')}
                  </button>
                  <button onClick={() => setDraft(null)}>{r('comment.cancel')}</button>
                </div>
              </div>
            )}
            {shown.filter((c) => c.parentId === null).length === 0 && <p className="muted">{r('comments.none')}</p>}
            <ul className="review-list">
              {shown
                .filter((c) => c.parentId === null)
                .map((c, i) => (
                  <CommentItem
                    key={c.id}
                    n={i + 1}
                    c={c}
                    replies={comments.filter((x) => x.parentId === c.id)}
                    canResolve={isReviewer(op)}
                    onZoom={() => zoomToComment(c)}
                    onChanged={load}
                  />
                ))}
            </ul>
          </div>
        )}
        {tab === 'stats' && stats && (
          <div data-testid="review-stats">
            <div className="review-row">
              <button
                data-testid="review-csv"
                onClick={async () => {
                  try {
                    const { fileName, csv } = await api.invoke('review.statisticsCsv', {});
                    saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName);
                  } catch (e) {
                    showError(e);
                  }
                }}
              >
                {r('stats.csv')}
              </button>
              <button
                data-testid="review-pdf"
                onClick={async () => {
                  try {
                    const { fileName, base64 } = await api.invoke('review.statisticsPdf', {});
                    const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
                    saveBlob(new Blob([bytes], { type: 'application/pdf' }), fileName);
                  } catch (e) {
                    showError(e);
                  }
                }}
              >
                {r('stats.pdf')}
              </button>
              {/* The district admin's act (the hall server allows it to administrators only); hidden from a
                  commune's own staff, shown in single-user mode where one person is everyone. */}
              {!(op?.role === 'commune_staff' && op.communeCode) && (
                <button onClick={() => setPublishing(true)} title={r('publish.button.title')} data-testid="rollup-open">
                  {r('publish.button')}
                </button>
              )}
            </div>
            <table className="review-table review-stats" data-testid="review-stats-table">
              <thead>
                <tr>
                  <th>{r('col.commune')}</th>
                  <th>{r('col.state')}</th>
                  {STATISTICS.map((k) => (
                    <th key={k} title={pick(TABLES.conclusions.fields.find((f) => f.name === k)!)}>
                      {pick(TABLES.conclusions.fields.find((f) => f.name === k)!)}
                    </th>
                  ))}
                  <th>{r('stats.map')}</th>
                  <th>{r('stats.source')}</th>
                </tr>
              </thead>
              <tbody>
                {stats.rows.map((s) => (
                  <tr key={s.communeCode} data-testid="review-stats-row" data-code={s.communeCode} data-state={s.state}>
                    <td>{s.communeName}</td>
                    <td>
                      <span className={`review-state state-${s.state}`}>{pick(STATE_LABELS[s.state])}</span>
                    </td>
                    {STATISTICS.map((k) => (
                      <td key={k} className={s.mismatches.includes(k) ? 'bad' : ''} title={s.mismatches.includes(k) ? r('stats.mismatch') : ''} data-figure={k}>
                        {s.figures[k] === null ? '—' : num(s.figures[k]!)}
                      </td>
                    ))}
                    <td className={`num${s.mismatches.includes('family_cared') ? ' bad' : ''}`} data-testid="review-stats-map">
                      {num(s.map.gravesFamilyCared)}
                    </td>
                    <td className="small">{r(`stats.source.${s.source}`)}</td>
                  </tr>
                ))}
                <tr className="total">
                  <td>{r('stats.total')}</td>
                  <td />
                  {STATISTICS.map((k) => (
                    <td key={k} className={`num${stats.mismatches.includes(k) ? ' bad' : ''}`}>
                      {stats.totals[k] === null ? '—' : num(stats.totals[k]!)}
                    </td>
                  ))}
                  <td className={`num${stats.mismatches.includes('family_cared') ? ' bad' : ''}`}>{num(stats.mapTotals.gravesFamilyCared)}</td>
                  <td />
                </tr>
              </tbody>
            </table>
          </div>
        )}
        {tab === 'history' && (
          <div data-testid="review-history">
            {history.length === 0 ? (
              <p className="muted">{r('history.none')}</p>
            ) : (
              <ul className="review-list">
                {[...history].reverse().map((h, i) => (
                  <li key={i}>
                    <b>{nameOf(h.communeCode)}</b>: {h.from ? pick(STATE_LABELS[h.from]) : '—'} → {h.to ? pick(STATE_LABELS[h.to]) : '—'}
                    <div className="muted small">
                      {h.author}, {date(h.at)}
                      {h.note ? ` · ${h.note}` : ''}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      {publishing && <PublishDialog info={info} onClose={() => setPublishing(false)} />}
      {confirming && (
        <ConfirmAct
          act={confirming.act}
          commune={nameOf(confirming.code)}
          note={note}
          changed={confirming.code === commune ? (changes?.changes.length ?? 0) : 0}
          onOk={() => void act(confirming.code, confirming.act)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </aside>
  );
}

/** "Approve the map of X?" / "Return the map of X?": the reviewer's decision, asked once more. */
function ConfirmAct({ act, commune, note, changed, onOk, onCancel }: { act: ReviewAct; commune: string; note: string; changed: number; onOk: () => void; onCancel: () => void }) {
  const r = useReviewT();
  const { pick } = useI18n();
  return (
    <Modal title={r(`confirm.${act === 'approve' ? 'approve' : 'return'}.title`, { commune })} testId="review-confirm">
      <div
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          }
        }}
      >
        <p>{r(`confirm.${act === 'approve' ? 'approve' : 'return'}.body`, { commune })}</p>
        {changed > 0 && <p className="bad">{r('confirm.changed', { n: changed })}</p>}
        {note && <p className="muted small">{r('confirm.note', { note })}</p>}
        <div className="review-row">
          <button onClick={onCancel} data-testid="review-confirm-cancel">
            {r('comment.cancel')}
          </button>
          <button className="primary" onClick={onOk} data-testid="review-confirm-ok">
            {pick(ACT_LABELS[act])}
          </button>
        </div>
      </div>
    </Modal>
  );
}

function CommentItem({
  n,
  c,
  replies,
  canResolve,
  onZoom,
  onChanged,
}: {
  n: number;
  c: ReviewComment;
  replies: ReviewComment[];
  /** Only reviewers (and administrators) judge that a comment is settled; staff reply. */
  canResolve: boolean;
  onZoom: () => void;
  onChanged: () => Promise<void>;
}) {
  const api = useApi();
  const r = useReviewT();
  const { date, pick } = useI18n();
  const showError = useErrorToast();
  const [reply, setReply] = useState('');
  const [versions, setVersions] = useState(false);
  const what = c.table ? `${pick(TABLES[c.table])}` : r('comment.onMap');
  return (
    <li className={`comment${c.resolved ? ' resolved' : ''}`} data-testid="review-comment" data-resolved={c.resolved}>
      <div className="comment-head" onClick={onZoom} title={r('zoom')}>
        <span className="pin-no">{n}</span> <b>{c.author}</b> <span className="muted small">{date(c.createdAt)} · {what}</span>
      </div>
      <div className="comment-text" data-testid="review-comment-body">
        {c.text}
      </div>
      {replies.map((x) => (
        <div key={x.id} className="comment-reply" data-testid="review-reply">
          <b>{x.author}</b>: {x.text} <span className="muted small">{date(x.createdAt)}</span>
        </div>
      ))}
      <div className="review-row">
        <input value={reply} onChange={(e) => setReply(e.target.value)} placeholder={r('comment.replyPlaceholder')} data-testid="review-reply-text" />
        <button
          disabled={!reply.trim()}
          data-testid="review-reply-save"
          onClick={async () => {
            try {
              await api.invoke('review.comment.add', { communeCode: c.communeCode, parentId: c.id, text: reply });
              setReply('');
              await onChanged();
            } catch (e) {
              showError(e);
            }
          }}
        >
          {r('comment.reply')}
        </button>
        {c.table && c.featureId && (
          <button onClick={() => setVersions((v) => !v)} className={versions ? 'on' : ''} data-testid="review-versions-toggle">
            {r('versions')}
          </button>
        )}
        {canResolve ? (
          <label className="small">
            <input
              type="checkbox"
              checked={c.resolved}
              data-testid="review-resolve"
              onChange={async (e) => {
                try {
                  await api.invoke('review.comment.resolve', { id: c.id, resolved: e.target.checked });
                  await onChanged();
                } catch (err) {
                  showError(err);
                }
              }}
            />{' '}
            {r('comment.resolved')}
          </label>
        ) : (
          <span className="muted small" data-testid="review-resolved-state">
            {r(c.resolved ? 'comment.resolved' : 'comment.open')}
          </span>
        )}
      </div>
      {versions && c.table && c.featureId && <VersionCompare table={c.table} id={c.featureId} />}
    </li>
  );
}

/** Hands a file to the browser's (or Electron's) download. */
function saveBlob(blob: Blob, fileName: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 5000);
}
