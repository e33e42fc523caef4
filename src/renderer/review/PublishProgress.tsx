// The publish job's progress bar and its last message (the error, in the interface's language, when it failed).
import type { Job } from '../../shared/api';
import { useI18n } from '../i18n';

export function PublishProgress({ job }: { job: Job }) {
  const { pick } = useI18n();
  return (
    <div className="review-progress" data-testid="rollup-progress" data-state={job.state}>
      <progress max={job.total || 1} value={job.state === 'done' ? job.total || 1 : job.done} />
      <p className={job.state === 'failed' ? 'bad' : ''} data-testid="rollup-result">
        {job.state === 'failed' ? pick({ vi: job.error ?? '', en: job.errorEn ?? job.error ?? '' }) : job.message}
      </p>
    </div>
  );
}
