// What the drafting workspace lays over the map: a shape conflict side by side, the measure, the
// focused commune's badge (with its review lock), the typed-coordinates dialog.
import type { ProjectInfo } from '../../shared/api';
import { useI18n } from '../i18n';
import type { ReviewLock } from './communeLock';
import type { Commune } from './communes';
import { ConflictDialog, type Conflict, type ConflictOutcome } from './ConflictDialog';
import { CoordinateDialog, type PlaceTarget } from './CoordinateDialog';
import { useD } from './dict';
import { LockIcon } from './LockIcon';
import type { Measure } from './useDraftingController';

export interface OverlaysProps {
  conflict: Conflict | null;
  onConflictDone: (outcome: ConflictOutcome, who: string) => void;
  measure: Measure | null;
  focusCommune: Commune | null;
  lock: ReviewLock | null;
  lockText: string | null;
  coords: { open: boolean; crs: ProjectInfo['crs']; canMove: boolean; onPlace: (xy: number[], target: PlaceTarget, precisionM: number) => void; onClose: () => void };
}

export function DraftingOverlays({ conflict, onConflictDone, measure, focusCommune, lock, lockText, coords }: OverlaysProps) {
  return (
    <>
      {conflict && <ConflictDialog conflict={conflict} onDone={onConflictDone} />}
      {measure && <MeasureBox measure={measure} />}
      {focusCommune && <FocusBadge name={focusCommune.name} lock={lock} lockText={lockText} />}
      {coords.open && <CoordinateDialog crs={coords.crs} canMove={coords.canMove} onPlace={coords.onPlace} onClose={coords.onClose} />}
    </>
  );
}

function MeasureBox({ measure }: { measure: Measure }) {
  const d = useD();
  const { num } = useI18n();
  return (
    <div className="measure-box" data-testid="measure-result">
      {measure.areaM2 === null
        ? d('measure.length', { m: num(measure.lengthM, 2) })
        : d('measure.area', { m2: num(measure.areaM2, 1), ha: num(measure.areaM2 / 10_000, 4), m: num(measure.lengthM, 2) })}
    </div>
  );
}

function FocusBadge({ name, lock, lockText }: { name: string; lock: ReviewLock | null; lockText: string | null }) {
  const d = useD();
  return (
    <div className="focus-badge" data-testid="focus-badge">
      {d('commune.label')}: <b>{name}</b>
      {lock && (
        <span className={`lock-badge lock-badge-${lock}`} title={lockText ?? ''} data-testid="commune-lock-badge" data-lock={lock}>
          <LockIcon /> {d(lock === 'approved' ? 'lock.badge.approved' : 'lock.badge.submitted')}
        </span>
      )}
    </div>
  );
}
