// The comments tab: pin a new comment on the map (pin mode, then the draft), show only the open
// ones or all, and the chosen commune's comments with their replies, numbered as their pins are.
import type { ReviewComment } from '../../shared/review/comment';
import { CommentDraftBox } from './CommentDraftBox';
import { CommentItem } from './CommentItem';
import { useReviewT } from './dict';
import type { Pinning } from './useCommentPins';
import type { Drafting } from './useCommentDraft';

interface Props {
  pinning: Pinning;
  drafting: Drafting;
  openOnly: boolean;
  setOpenOnly: (v: boolean) => void;
  /** The chosen commune's comments the filter lets through (replies included). */
  shown: ReviewComment[];
  /** Every comment, for the replies of those shown. */
  comments: ReviewComment[];
  canResolve: boolean;
  onZoom: (c: ReviewComment) => void;
  onChanged: () => Promise<void>;
}

export function CommentsTab({ pinning, drafting, openOnly, setOpenOnly, shown, comments, canResolve, onZoom, onChanged }: Props) {
  const r = useReviewT();
  const { pinMode, setPinMode } = pinning;
  const { draft } = drafting;
  const roots = shown.filter((c) => c.parentId === null);
  return (
    <div data-testid="review-comments">
      <div className="review-row">
        <button onClick={() => setPinMode(true)} className={pinMode ? 'on' : ''} data-testid="review-pin">
          <svg width="10" height="12" viewBox="0 0 10 12" aria-hidden="true">
            <path d="M5 0a4 4 0 0 1 4 4c0 3-4 8-4 8S1 7 1 4a4 4 0 0 1 4-4z" fill="#d35400" />
          </svg>{' '}
          {r('comment.pin')}
        </button>
        <label className="small">
          <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} /> {r('comments.openOnly')}
        </label>
      </div>
      {pinMode && <p className="review-hint">{r('comment.pin.hint')}</p>}
      {draft && (
        <CommentDraftBox what={draft.what} text={drafting.draftText} setText={drafting.setDraftText} onSave={() => void drafting.saveDraft()} onCancel={() => drafting.setDraft(null)} />
      )}
      {roots.length === 0 && <p className="muted">{r('comments.none')}</p>}
      <ul className="review-list">
        {roots.map((c, i) => (
          <CommentItem key={c.id} n={i + 1} c={c} replies={comments.filter((x) => x.parentId === c.id)} canResolve={canResolve} onZoom={() => onZoom(c)} onChanged={onChanged} />
        ))}
      </ul>
    </div>
  );
}
