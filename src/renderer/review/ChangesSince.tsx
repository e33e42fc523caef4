// What changed in a submitted (or approved) commune since its submission: the reviewer judges those
// rows; a click zooms to one that still has a place on the map.
import { TABLES } from '../../shared/model/tables';
import { useI18n } from '../i18n';
import { useReviewT } from './dict';
import type { Changes } from './useReviewData';
import type { ZoomTarget } from './useZoomBeside';

export function ChangesSince({ communeName, changes, onZoom }: { communeName: string; changes: Changes; onZoom: (t: ZoomTarget) => void }) {
  const r = useReviewT();
  const { pick, date } = useI18n();
  return (
    <div className="review-changes" data-testid="review-changes" data-count={changes.changes.length}>
      <div className={changes.changes.length ? 'bad' : 'muted'}>
        <b>{r('changes.title', { commune: communeName, n: changes.changes.length })}</b>{' '}
        <span className="muted small">{r('changes.since', { who: changes.submittedBy ?? '', when: date(changes.submittedAt!) })}</span>
      </div>
      {changes.changes.length > 0 && (
        <ul className="review-list">
          {changes.changes.map((ch) => (
            <li key={`${ch.table}/${ch.id}`} className={ch.extent ? 'finding' : ''} onClick={() => ch.extent && onZoom(ch)} title={ch.extent ? r('zoom') : ''} data-testid="review-change" data-id={ch.id}>
              <span className="msg">
                {pick(TABLES[ch.table])} {ch.name ? `"${ch.name}"` : ch.id.slice(0, 8)}
                {ch.deleted ? ` (${r('changes.deleted')})` : ''}
              </span>
              <span className="muted small">
                {r('changes.by', { who: ch.lastBy, when: date(ch.lastAt), n: ch.writes })}
                {ch.lastLabel ? ` · ${ch.lastLabel}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
