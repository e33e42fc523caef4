// "Gửi lên tỉnh": the district admin sends the approved communes into the province's PostgreSQL/
// PostGIS database (rollup.publish, a job). The address is remembered in this browser profile
// without any password; the password is sent with the one call and kept nowhere.
import { useState } from 'react';
import type { ProjectInfo } from '../../shared/api';
import { Modal, useApi, useErrorToast } from '../components/common';
import { useJob } from '../components/useJob';
import { useI18n } from '../i18n';
import { useReviewT } from './dict';

const URL_KEY = 'quytap.rollup.url';

export function PublishDialog({ info, onClose }: { info: ProjectInfo; onClose: () => void }) {
  const r = useReviewT();
  const api = useApi();
  const showError = useErrorToast();
  const { pick } = useI18n();
  const [url, setUrl] = useState(() => localStorage.getItem(URL_KEY) ?? 'postgresql://');
  const [password, setPassword] = useState('');
  const [district, setDistrict] = useState('');
  const [allStates, setAllStates] = useState(false);
  const [job, track] = useJob();
  const needsDistrict = !info.settings.district?.code && !info.settings.district?.name;
  const running = job?.state === 'running';

  const send = async () => {
    try {
      localStorage.setItem(URL_KEY, url.trim());
      const res = await api.invoke('rollup.publish', { url: url.trim(), password, allStates, district: needsDistrict && district.trim() ? { code: district.trim(), name: '' } : null });
      setPassword('');
      track(res.job);
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Modal title={r('publish.title')} testId="rollup-dialog">
      <div
        className="rollup-form"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !running) {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <p className="muted small">{r('publish.intro')}</p>
        <label className="rollup-field">
          {r('publish.url')}
          <input value={url} onChange={(e) => setUrl(e.target.value)} spellCheck={false} placeholder="postgresql://huyen@may-chu-tinh:5432/quytap?sslmode=require" data-testid="rollup-url" />
        </label>
        <label className="rollup-field">
          {r('publish.password')}
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" data-testid="rollup-password" />
        </label>
        <p className="muted small">{r('publish.password.note')}</p>
        {needsDistrict && (
          <label className="rollup-field">
            {r('publish.district')}
            <input value={district} onChange={(e) => setDistrict(e.target.value)} maxLength={32} data-testid="rollup-district" />
            <span className="muted small">{r('publish.district.note')}</span>
          </label>
        )}
        <label>
          <input type="checkbox" checked={allStates} onChange={(e) => setAllStates(e.target.checked)} data-testid="rollup-all-states" /> {r('publish.allStates')}
        </label>
        {job && (
          <div className="review-progress" data-testid="rollup-progress" data-state={job.state}>
            <progress max={job.total || 1} value={job.state === 'done' ? job.total || 1 : job.done} />
            <p className={job.state === 'failed' ? 'bad' : ''} data-testid="rollup-result">
              {job.state === 'failed' ? pick({ vi: job.error ?? '', en: job.errorEn ?? job.error ?? '' }) : job.message}
            </p>
          </div>
        )}
        <div className="review-row">
          {running ? (
            <button onClick={() => api.invoke('jobs.cancel', { id: job.id }).catch(showError)} data-testid="rollup-cancel">
              {r('publish.cancel')}
            </button>
          ) : (
            <button onClick={onClose} data-testid="rollup-close">
              {r('publish.close')}
            </button>
          )}
          <button className="primary" onClick={() => void send()} disabled={running || !/^postgres(ql)?:\/\/./i.test(url.trim())} data-testid="rollup-run">
            {r('publish.run')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
