// The team's fields and acts on one request.
import { VERIFICATION_ACT_LABELS } from '../../shared/verification/state';
import { useI18n } from '../i18n';
import { useVerificationT } from './dict';
import type { Decision } from './useDecision';

export function DecideForm({ decision: d }: { decision: Decision }) {
  const v = useVerificationT();
  const { pick } = useI18n();
  return (
    <div className="verif-decide" data-testid="verification-decide">
      <label className="verif-field">
        {v('grounds')}
        <textarea rows={2} value={d.grounds} placeholder={v('grounds.placeholder')} onChange={(e) => d.setGrounds(e.target.value)} data-testid="verification-grounds-input" />
      </label>
      <label className="verif-field">
        {v('result')}
        <textarea rows={2} value={d.result} onChange={(e) => d.setResult(e.target.value)} data-testid="verification-result-input" />
      </label>
      <label className="verif-field">
        {v('note')}
        <input value={d.note} onChange={(e) => d.setNote(e.target.value)} data-testid="verification-note-input" />
      </label>
      <div className="verif-acts">
        {d.acts.map((a) => (
          <button key={a} className={`btn btn-small${a === 'verified' ? ' btn-primary' : ''}`} onClick={() => void d.act(a)} data-testid={`verification-act-${a}`}>
            {pick(VERIFICATION_ACT_LABELS[a])}
          </button>
        ))}
      </div>
      <p className="muted small">{v('decide.hint')}</p>
    </div>
  );
}
