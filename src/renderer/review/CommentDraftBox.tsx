// A new comment placed on the map, being written: what it is on, its text, save or cancel.
import { useReviewT } from './dict';

interface Props {
  what: string;
  text: string;
  setText: (text: string) => void;
  onSave: () => void;
  onCancel: () => void;
}

export function CommentDraftBox({ what, text, setText, onSave, onCancel }: Props) {
  const r = useReviewT();
  return (
    <div className="review-draft" data-testid="review-comment-draft">
      <div className="small">{r('comment.on', { what })}</div>
      <textarea value={text} onChange={(e) => setText(e.target.value)} placeholder={r('comment.text')} autoFocus data-testid="review-comment-text" />
      <div className="review-row">
        <button onClick={onSave} disabled={!text.trim()} data-testid="review-comment-save">
          {r('comment.save')}
        </button>
        <button onClick={onCancel}>{r('comment.cancel')}</button>
      </div>
    </div>
  );
}
