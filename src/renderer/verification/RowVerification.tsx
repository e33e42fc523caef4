// A martyr record's, grave's or information form's verification: the "Gửi thẩm tra" action (with
// the question to clarify) and every request sent about the row with its decision. Shown in the
// feature inspector's history and under a record's form.
import { useCallback, useEffect, useState } from 'react';
import type { VerificationRequest } from '../../shared/contract/verification';
import { isOpenState, isVerifiable } from '../../shared/verification/state';
import type { TableName } from '../../shared/model/tables';
import { Modal, useApi, useErrorToast, useToast } from '../components/common';
import { useVerificationT } from './dict';
import { RequestHistory } from './RequestHistory';
import './verification.css';

export function RowVerification({ table, id, title }: { table: TableName; id: string; title: string }) {
  const api = useApi();
  const v = useVerificationT();
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
        <b className="small">{v('history')}</b>
        <button className="btn btn-small" disabled={open} title={open ? v('send.open') : v('send.title')} onClick={() => setAsking(true)} data-testid="verification-send">
          {v('send')}
        </button>
      </div>
      {requests.length === 0 ? (
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
