// The history tab: every act on a commune's map, newest first (from → to, who, when, the note).
import { STATE_LABELS } from '../../shared/review/state';
import { useI18n } from '../i18n';
import { useReviewT } from './dict';
import type { History } from './useReviewData';

export function HistoryTab({ history, nameOf }: { history: History; nameOf: (code: string | null) => string }) {
  const r = useReviewT();
  const { pick, date } = useI18n();
  return (
    <div data-testid="review-history">
      {history.length === 0 ? (
        <p className="muted">{r('history.none')}</p>
      ) : (
        <ul className="review-list">
          {[...history].reverse().map((h, i) => (
            <li key={i}>
              <b>{nameOf(h.communeCode)}</b>: {h.from ? pick(STATE_LABELS[h.from]) : '—'} → {h.to ? pick(STATE_LABELS[h.to]) : '—'}
              <div className="muted small">
                {h.author}, {date(h.at)}
                {h.note ? ` · ${h.note}` : ''}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
