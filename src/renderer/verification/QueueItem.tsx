// One request in the queue; the team's fields and acts when the caller is on the team.
import type { VerificationRequest } from '../../shared/contract/verification';
import { VERIFICATION_STATE_LABELS } from '../../shared/verification/state';
import { useI18n } from '../i18n';
import { requestShowFeature } from '../showFeature';
import { DecideForm } from './DecideForm';
import { useVerificationT } from './dict';
import { RequestHistory } from './RequestHistory';
import { useDecision } from './useDecision';

interface Props {
  request: VerificationRequest;
  team: boolean;
  communeName: string;
  onDone: () => Promise<void>;
}

export function QueueItem({ request: r, team: canDecide, communeName, onDone }: Props) {
  const v = useVerificationT();
  const { pick, date } = useI18n();
  const decision = useDecision(r, onDone);
  return (
    <article className="verif-item" data-testid="verification-item" data-id={r.id} data-state={r.state} data-target={r.targetId}>
      <div className="verif-item-head">
        <b>{decision.what}</b> <span className="muted small">· {communeName}</span>{' '}
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
      {canDecide && decision.acts.length > 0 && <DecideForm decision={decision} />}
    </article>
  );
}
