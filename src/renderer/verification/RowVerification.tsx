// A martyr record's, grave's or information form's verification: the "Gửi thẩm tra" action (with
// the question to clarify) and every request sent about the row with its decision. Shown in the
// feature inspector's history and under a record's form.
import { useCallback, useEffect, useState } from 'react';
import type { VerificationRequest } from '../../shared/contract/verification';
import { isOpenState, isVerifiable, VERIFICATION_STATE_LABELS } from '../../shared/verification/state';
import { useI18n } from '../i18n';
import type { TableName } from '../../shared/model/tables';
import { Modal, useApi, useErrorToast, useToast } from '../components/common';
import { useVerificationT } from './dict';
import { RequestHistory } from './RequestHistory';
import './verification.css';

/** `compact`: the action and the latest request's state only (the inspector's attributes); the history is elsewhere. */
export function RowVerification({ table, id, title, compact = false }: { table: TableName; id: string; title: string; compact?: boolean }) {
  const api = useApi();
  const v = useVerificationT();
  const { pick } = useI18n();
  const toast = useToast();
  const showError = useErrorToast();
  const [requests, setRequests] = useState<VerificationRequest[]>([]);
  const [asking, setAsking] = useState(false);
  const [question, setQuestion] = useState('');

  const load = useCallback(() => {
    if (!isVerifiable(table)) return;
    api.invoke('verification.list', { table, targetId: id }).then(setRequests, showError);
  }, [api, table, id, showError]);
  useEffect(() => {
    load();
    return api.on('project.changed', () => load());
  }, [api, load]);

  if (!isVerifiable(table)) return null;
  const open = requests.some((r) => isOpenState(r.state));
  const latest = requests[requests.length - 1];

  const send = async () => {
    try {
      await api.invoke('verification.send', { table, id, question });
      toast(v('send.done'), 'success');
      setAsking(false);
      setQuestion('');
      load();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <section className="verif-row" data-testid="row-verification">
      <div className="verif-row-head">
        <b className="small">{compact ? v('section') : v('history')}</b>
        <button className="btn btn-small" disabled={open} title={open ? v('send.open') : v('send.title')} onClick={() => setAsking(true)} data-testid="verification-send">
          {v('send')}
        </button>
      </div>
      {compact ? (
        latest && (
          <p className="small" data-testid="row-verification-latest" data-state={latest.state}>
            {pick(VERIFICATION_STATE_LABELS[latest.state])} · {latest.question}
          </p>
        )
      ) : requests.length === 0 ? (
        <p className="muted small">{v('none')}</p>
      ) : (
        requests.map((r) => (
          <div key={r.id} className="verif-row-request" data-testid="row-verification-request" data-state={r.state}>
            <RequestHistory request={r} />
          </div>
        ))
      )}
      {asking && (
        <Modal title={v('send.dialog', { what: title })} testId="verification-send-dialog">
          <label className="verif-field">
            {v('question')}
            <textarea rows={4} value={question} placeholder={v('question.placeholder')} onChange={(e) => setQuestion(e.target.value)} data-testid="verification-question" />
          </label>
          <div className="modal-actions">
            <button className="btn" onClick={() => setAsking(false)}>
              {v('send.cancel')}
            </button>
            <button className="btn btn-primary" disabled={!question.trim()} onClick={() => void send()} data-testid="verification-send-ok">
              {v('send.ok')}
            </button>
          </div>
        </Modal>
      )}
    </section>
  );
}
