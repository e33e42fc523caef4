// Whether a comment is settled: a box a reviewer ticks (or unticks), plain text for staff.
import type { ReviewComment } from '../../shared/review/comment';
import { useApi, useErrorToast } from '../components/common';
import { useReviewT } from './dict';

export function CommentResolved({ c, canResolve, onChanged }: { c: ReviewComment; canResolve: boolean; onChanged: () => Promise<void> }) {
  const api = useApi();
  const r = useReviewT();
  const showError = useErrorToast();
  if (!canResolve)
    return (
      <span className="muted small" data-testid="review-resolved-state">
        {r(c.resolved ? 'comment.resolved' : 'comment.open')}
      </span>
    );
  const resolve = async (resolved: boolean) => {
    try {
      await api.invoke('review.comment.resolve', { id: c.id, resolved });
      await onChanged();
    } catch (err) {
      showError(err);
    }
  };
  return (
    <label className="small">
      <input type="checkbox" checked={c.resolved} data-testid="review-resolve" onChange={(e) => void resolve(e.target.checked)} />{' '}
      {r('comment.resolved')}
    </label>
  );
}
