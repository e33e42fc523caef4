// The verification queue. District side (reviewers, administrators: the "Tổ thẩm tra, xác minh"):
// every commune's requests, taken up and decided here. Commune side: its own requests (main filters
// them) and their history, read-only.
import { useCallback, useState } from 'react';
import type { Operator, ProjectInfo } from '../../shared/api';
import type { VerificationRequest } from '../../shared/contract/verification';
import { TABLES } from '../../shared/model/tables';
import {
  decideRefusal,
  OPEN_STATES,
  VERIFICATION_ACT_LABELS,
  VERIFICATION_STATE_LABELS,
  VERIFICATION_STATES,
  VERIFICATION_TRANSITIONS,
  type VerificationAct,
  type VerificationRequestState,
} from '../../shared/verification/state';
import { useApi, useErrorToast, useToast } from '../components/common';
import { FloatingPanel } from '../components/FloatingPanel';
import { useCommuneNames } from '../components/useCommuneNames';
import { useI18n } from '../i18n';
import { requestShowFeature } from '../showFeature';
import { useVerificationT } from './dict';
import { RequestHistory } from './RequestHistory';
import { useReloadOnChange } from '../api/useReloadOnChange';

type StateFilter = 'open' | 'all' | VerificationRequestState;

export function VerificationPanel({ info, operator, onClose }: { info: ProjectInfo; operator: Operator | null; onClose: () => void }) {
  const api = useApi();
  const v = useVerificationT();
  const { pick } = useI18n();
  const showError = useErrorToast();
  const team = decideRefusal(operator) === null;
  const [stateFilter, setStateFilter] = useState<StateFilter>('open');
  const [commune, setCommune] = useState<string>('');
  const [requests, setRequests] = useState<VerificationRequest[]>([]);
  const nameOf = useCommuneNames(info.settings.communes);
  const own = operator?.role === 'commune_staff' ? operator.communeCode : null;

  const load = useCallback(async () => {
    const states = stateFilter === 'all' ? undefined : stateFilter === 'open' ? [...OPEN_STATES] : [stateFilter];
    try {
      setRequests(await api.invoke('verification.list', { communeCode: own ?? (commune || null), states }));
    } catch (e) {
      showError(e);
    }
  }, [api, stateFilter, commune, own, showError]);
  useReloadOnChange(api, load);

  return (
    <FloatingPanel kind="verif" title={team ? v('title.team') : v('title.commune')} closeTitle={v('close')} onClose={onClose} testId="verification-panel" closeTestId="verification-close">
      <div className="verif-filters">
        <label>
          {v('filter.state')}{' '}
          <select value={stateFilter} onChange={(e) => setStateFilter(e.target.value as StateFilter)} data-testid="verification-filter-state">
            <option value="open">{v('filter.open')}</option>
            <option value="all">{v('filter.all')}</option>
            {VERIFICATION_STATES.map((s) => (
              <option key={s} value={s}>
                {pick(VERIFICATION_STATE_LABELS[s])}
              </option>
            ))}
          </select>
        </label>
        {own ? (
          <span className="muted small">{v('mine', { commune: nameOf(own) })}</span>
        ) : (
          <label>
            {v('filter.commune')}{' '}
            <select value={commune} onChange={(e) => setCommune(e.target.value)} data-testid="verification-filter-commune">
              <option value="">{v('filter.allCommunes')}</option>
              {info.settings.communes.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="verif-body" data-testid="verification-queue">
        {requests.length === 0 && <p className="muted">{v('none')}</p>}
        {requests.map((r) => (
          <QueueItem key={r.id} request={r} team={team} communeName={nameOf(r.communeCode)} onDone={load} />
        ))}
      </div>
    </FloatingPanel>
  );
}

/** One request in the queue; the team's fields and acts when the caller is on the team. */
function QueueItem({ request: r, team: canDecide, communeName, onDone }: { request: VerificationRequest; team: boolean; communeName: string; onDone: () => Promise<void> }) {
  const api = useApi();
  const v = useVerificationT();
  const { pick, date } = useI18n();
  const toast = useToast();
  const showError = useErrorToast();
  const [grounds, setGrounds] = useState('');
  const [result, setResult] = useState('');
  const [note, setNote] = useState('');
  const acts = (Object.keys(VERIFICATION_TRANSITIONS) as VerificationAct[]).filter((a) => VERIFICATION_TRANSITIONS[a].from.includes(r.state));
  const what = `${pick(TABLES[r.table])} ${r.targetLabel || r.targetId.slice(0, 8)}`;
  const act = async (a: VerificationAct) => {
    try {
      const after = await api.invoke('verification.decide', { id: r.id, act: a, grounds, result, note });
      toast(v('act.done', { what, state: pick(VERIFICATION_STATE_LABELS[after.state]) }), 'success');
      await onDone();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <article className="verif-item" data-testid="verification-item" data-id={r.id} data-state={r.state} data-target={r.targetId}>
      <div className="verif-item-head">
        <b>{what}</b> <span className="muted small">· {communeName}</span>{' '}
        <span className={`verif-state verif-state-${r.state}`} data-testid="verification-state">
          {pick(VERIFICATION_STATE_LABELS[r.state])}
        </span>
        {r.table === 'graves' && (
          <button className="link-btn small" onClick={() => requestShowFeature({ table: r.table, id: r.targetId, extent: null })}>
            {v('show')}
          </button>
        )}
      </div>
      <div className="small">
        {v('question')}: <i>{r.question}</i>
      </div>
      <div className="muted small">{v('sentBy', { who: r.sentBy, when: date(r.sentAt) })}</div>
      <RequestHistory request={r} />
      {canDecide && acts.length > 0 && (
        <div className="verif-decide" data-testid="verification-decide">
          <label className="verif-field">
            {v('grounds')}
            <textarea rows={2} value={grounds} placeholder={v('grounds.placeholder')} onChange={(e) => setGrounds(e.target.value)} data-testid="verification-grounds-input" />
          </label>
          <label className="verif-field">
            {v('result')}
            <textarea rows={2} value={result} onChange={(e) => setResult(e.target.value)} data-testid="verification-result-input" />
          </label>
          <label className="verif-field">
            {v('note')}
            <input value={note} onChange={(e) => setNote(e.target.value)} data-testid="verification-note-input" />
          </label>
          <div className="verif-acts">
            {acts.map((a) => (
              <button key={a} className={`btn btn-small${a === 'verified' ? ' btn-primary' : ''}`} onClick={() => void act(a)} data-testid={`verification-act-${a}`}>
                {pick(VERIFICATION_ACT_LABELS[a])}
              </button>
            ))}
          </div>
          <p className="muted small">{v('decide.hint')}</p>
        </div>
      )}
    </article>
  );
}
