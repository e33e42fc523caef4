// The start screen's way into practice mode: the learner's name, then main makes (or reopens) that
// learner's private copy of the demo; the real projects are never opened for a lesson.
import { useState, type FormEvent } from 'react';
import type { ProjectInfo } from '../../shared/api';
import { useApi, useErrorToast } from '../components/common';
import { useT } from './dict';
import './training.css';

export function PracticeStart({ busy, onOpened }: { busy: boolean; onOpened: (info: ProjectInfo) => void }) {
  const api = useApi();
  const tt = useT();
  const showError = useErrorToast();
  const [asking, setAsking] = useState(false);
  const [name, setName] = useState('');
  const [working, setWorking] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setWorking(true);
    try {
      const r = await api.invoke('training.start', { learner: name.trim() });
      onOpened(r.info);
    } catch (err) {
      showError(err);
    } finally {
      setWorking(false);
    }
  };

  return (
    <div className="practice-start" data-testid="practice-start">
      {!asking ? (
        <button className="btn btn-large" data-testid="practice-button" disabled={busy} onClick={() => setAsking(true)}>
          🎓 {tt('start.button')}
        </button>
      ) : (
        <form onSubmit={submit}>
          <label>
            {tt('start.name')}{' '}
            <input data-testid="practice-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} autoFocus required />
          </label>
          <button type="submit" className="btn btn-primary" data-testid="practice-go" disabled={working || !name.trim()}>
            {tt('start.go')}
          </button>
          <button type="button" className="btn" onClick={() => setAsking(false)}>
            {tt('start.cancel')}
          </button>
          {working && <span className="busy">{tt('start.preparing')}</span>}
        </form>
      )}
      <p className="muted small">{tt('start.hint')}</p>
    </div>
  );
}
