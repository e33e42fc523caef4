// The commune focus in the toolbar: the choice of commune, its padlock when its map is locked by
// review, and the "unlock" tick for other communes' rows.
import type { ReviewLock } from './communeLock';
import type { Commune } from './communes';
import { useD } from './dict';
import { LockIcon } from './LockIcon';

export function CommuneSelect({
  communes,
  focus,
  onChoose,
  lock,
  lockText,
  unlocked,
  onUnlocked,
}: {
  communes: Commune[];
  focus: string | null;
  onChoose: (code: string | null) => void;
  lock: ReviewLock | null;
  lockText: string | null;
  unlocked: boolean;
  onUnlocked: (on: boolean) => void;
}) {
  const d = useD();
  return (
    <span className="commune-focus">
      <label className="small">
        {d('commune.label')}{' '}
        <select value={focus ?? ''} onChange={(e) => onChoose(e.target.value || null)} data-testid="commune-select">
          <option value="">{d('commune.none')}</option>
          {communes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      {lock && (
        // Beside the choice, a padlock (the toolbar has no room for words); the words are on the map's focus badge.
        <span
          className={`lock-badge lock-badge-icon lock-badge-${lock}`}
          title={lockText ?? ''}
          role="img"
          aria-label={d(lock === 'approved' ? 'lock.badge.approved' : 'lock.badge.submitted')}
          data-testid="commune-lock-icon"
        >
          <LockIcon />
        </span>
      )}
      <label className="small" title={d('commune.unlock')}>
        <input type="checkbox" checked={unlocked} onChange={(e) => onUnlocked(e.target.checked)} data-testid="commune-unlock" /> {d('commune.unlockShort')}
      </label>
    </span>
  );
}
