// "Gửi lên tỉnh": the district admin sends the approved communes into the province's PostgreSQL/
// PostGIS database (rollup.publish, a job; usePublish). The address is remembered in this browser
// profile without any password; the password is sent with the one call and kept nowhere.
import type { ProjectInfo } from '../../shared/api';
import { Modal } from '../components/common';
import { useReviewT } from './dict';
import { PublishProgress } from './PublishProgress';
import { usePublish } from './usePublish';

export function PublishDialog({ info, onClose }: { info: ProjectInfo; onClose: () => void }) {
  const r = useReviewT();
  const p = usePublish(info);
  return (
    <Modal title={r('publish.title')} testId="rollup-dialog">
      <div
        className="rollup-form"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !p.running) {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <p className="muted small">{r('publish.intro')}</p>
        <label className="rollup-field">
          {r('publish.url')}
          <input value={p.url} onChange={(e) => p.setUrl(e.target.value)} spellCheck={false} placeholder="postgresql://huyen@may-chu-tinh:5432/quytap?sslmode=require" data-testid="rollup-url" />
        </label>
        <label className="rollup-field">
          {r('publish.password')}
          <input type="password" value={p.password} onChange={(e) => p.setPassword(e.target.value)} autoComplete="off" data-testid="rollup-password" />
        </label>
        <p className="muted small">{r('publish.password.note')}</p>
        {p.needsDistrict && (
          <label className="rollup-field">
            {r('publish.district')}
            <input value={p.district} onChange={(e) => p.setDistrict(e.target.value)} maxLength={32} data-testid="rollup-district" />
            <span className="muted small">{r('publish.district.note')}</span>
          </label>
        )}
        <label>
          <input type="checkbox" checked={p.allStates} onChange={(e) => p.setAllStates(e.target.checked)} data-testid="rollup-all-states" /> {r('publish.allStates')}
        </label>
        {p.job && <PublishProgress job={p.job} />}
        <div className="review-row">
          {p.running ? (
            <button onClick={p.cancel} data-testid="rollup-cancel">
              {r('publish.cancel')}
            </button>
          ) : (
            <button onClick={onClose} data-testid="rollup-close">
              {r('publish.close')}
            </button>
          )}
          <button className="primary" onClick={() => void p.send()} disabled={p.running || !/^postgres(ql)?:\/\/./i.test(p.url.trim())} data-testid="rollup-run">
            {r('publish.run')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
