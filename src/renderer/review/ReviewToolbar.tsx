// The row under the tabs: run the checks (with the job's progress) and the note sent with the next act.
import type { Progress } from './useReviewData';
import { useReviewT } from './dict';

interface Props {
  progress: Progress | null;
  onRun: () => void;
  note: string;
  setNote: (note: string) => void;
}

export function ReviewToolbar({ progress, onRun, note, setNote }: Props) {
  const r = useReviewT();
  return (
    <div className="review-actions-bar">
      <button onClick={onRun} disabled={!!progress} data-testid="review-run">
        {progress ? r('running', { done: progress.done, total: progress.total }) : r('run')}
      </button>
      <label className="review-note">
        <span>{r('note')}</span>
        <input value={note} onChange={(e) => setNote(e.target.value)} placeholder={r('note.placeholder')} data-testid="review-note" />
      </label>
    </div>
  );
}
