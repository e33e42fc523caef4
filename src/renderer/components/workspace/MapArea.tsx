// The map and what floats over it: the empty-project note, the commune names for screen readers, the
// drafting overlays, who else drafts, the lesson, the link banner, and the inspector or the feature panel.
import { useCallback } from 'react';
import type { Operator, ProjectInfo } from '../../../shared/api';
import type { TrainingProgress } from '../../../shared/contract/training';
import { TABLES } from '../../../shared/model/tables';
import { isReviewer } from '../../../shared/review/state';
import type { PresenceEntry } from '../../../shared/contract/presence';
import { PresenceList } from '../../drafting/Presence';
import type { useDrafting } from '../../drafting/useDrafting';
import { useI18n } from '../../i18n';
import { LessonPanel } from '../../training/LessonPanel';
import { TrainerTable } from '../../training/TrainerTable';
import { ErrorBoundary, useApi } from '../common';
import { LinkBanner } from '../LinkBanner';
import { SelectionPanel } from './SelectionPanel';
import type { useWorkspaceMap } from './useWorkspaceMap';

interface Props {
  info: ProjectInfo;
  operator: Operator | null;
  map: ReturnType<typeof useWorkspaceMap>;
  drafting: ReturnType<typeof useDrafting>;
  drafters: PresenceEntry[];
  practice: TrainingProgress | null;
  onProgress: (p: TrainingProgress) => void;
}

export function MapArea({ info, operator, map, drafting, drafters, practice, onProgress }: Props) {
  const api = useApi();
  const { t } = useI18n();
  const communeName = useCallback((code: string) => info.settings.communes.find((c) => c.code === code)?.name ?? code, [info.settings.communes]);
  return (
    <div className="map-wrap">
      <div className="map" ref={map.mapDiv} data-testid="map" tabIndex={0} aria-label={t('app.subtitle')} />
      {info.layers.every((l) => l.kind !== 'feature' || l.count === 0) && (
        <div className="map-empty" data-testid="map-empty">
          {t('map.empty')}
        </div>
      )}
      <ul className="sr-only" data-testid="map-admin-names" aria-label={TABLES.admin_units.vi}>
        {map.communes.map((n, i) => (
          <li key={`${n}-${i}`}>{n}</li>
        ))}
      </ul>
      {drafting.overlays}
      <PresenceList entries={drafters} communeName={communeName} />
      {isReviewer(operator) && <TrainerTable entries={drafters} communeName={communeName} />}
      {practice && <LessonPanel api={api} progress={practice} onProgress={onProgress} focus={drafting.focus} />}
      <LinkBanner communeCode={drafting.focus} />
      <ErrorBoundary compact>{drafting.hasInspector ? drafting.inspector : <SelectionPanel map={map} />}</ErrorBoundary>
    </div>
  );
}
