// "Approve the map of X?" / "Return the map of X?": the reviewer's decision, asked once more, with
// how many features changed since the submission and the note that goes with it.
import { ACT_LABELS, type ReviewAct } from '../../shared/review/state';
import { Modal } from '../components/common';
import { useI18n } from '../i18n';
import { useReviewT } from './dict';

interface Props {
  act: ReviewAct;
  commune: string;
  note: string;
  changed: number;
  onOk: () => void;
  onCancel: () => void;
}

export function ConfirmAct({ act, commune, note, changed, onOk, onCancel }: Props) {
  const r = useReviewT();
  const { pick } = useI18n();
  const which = act === 'approve' ? 'approve' : 'return';
  return (
    <Modal title={r(`confirm.${which}.title`, { commune })} testId="review-confirm">
      <div
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          }
        }}
      >
        <p>{r(`confirm.${which}.body`, { commune })}</p>
        {changed > 0 && <p className="bad">{r('confirm.changed', { n: changed })}</p>}
        {note && <p className="muted small">{r('confirm.note', { note })}</p>}
        <div className="review-row">
          <button onClick={onCancel} data-testid="review-confirm-cancel">
            {r('comment.cancel')}
          </button>
          <button className="primary" onClick={onOk} data-testid="review-confirm-ok">
            {pick(ACT_LABELS[act])}
          </button>
        </div>
      </div>
    </Modal>
  );
}
