// The verification queue. District side (reviewers, administrators: the "Tổ thẩm tra, xác minh"):
// every commune's requests, taken up and decided here. Commune side: its own requests (main filters
// them) and their history, read-only.
import { useCallback, useState } from 'react';
import type { Operator, ProjectInfo } from '../../shared/api';
import type { VerificationRequest } from '../../shared/contract/verification';
import { decideRefusal, OPEN_STATES, VERIFICATION_STATE_LABELS, VERIFICATION_STATES, type VerificationRequestState } from '../../shared/verification/state';
import { useApi, useErrorToast } from '../components/common';
import { FloatingPanel } from '../components/FloatingPanel';
import { useCommuneNames } from '../components/useCommuneNames';
import { useI18n } from '../i18n';
import { useVerificationT } from './dict';
import { QueueItem } from './QueueItem';
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
