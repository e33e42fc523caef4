// One request's life as the commune and the district both see it: who sent what question, who took
// it up, who decided, when, on what grounds, with what result (read from the audit log).
import type { VerificationRequest } from '../../shared/contract/verification';
import { VERIFICATION_STATE_LABELS } from '../../shared/verification/state';
import { useI18n } from '../i18n';
import { useVerificationT } from './dict';

export function RequestHistory({ request }: { request: VerificationRequest }) {
  const { pick, date } = useI18n();
  const v = useVerificationT();
  return (
    <ol className="verif-events" data-testid="verification-events">
      {request.events.map((e) => (
        <li key={e.seq} data-testid="verification-event" data-state={e.state}>
          <b>{pick(VERIFICATION_STATE_LABELS[e.state])}</b> · {e.author} · {date(e.at)}
          {e.state === 'sent' && <div className="small">{v('question')}: {request.question}</div>}
          {e.grounds && (
            <div className="small" data-testid="verification-grounds">
              {v('grounds')}: {e.grounds}
            </div>
          )}
          {e.result && (
            <div className="small" data-testid="verification-result">
              {v('result')}: {e.result}
            </div>
          )}
          {e.note && e.state === 'returned' && (
            <div className="small">
              {v('note')}: {e.note}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
