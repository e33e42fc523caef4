// The workspace: top bar, layer panel, the map, the attribute panel, the status bar. The pieces live
// in ./workspace (one per file): the map and its state, the layer list, undo / redo, the keys.
import { useMemo } from 'react';
import type { Operator, ProjectInfo } from '../../shared/api';
import type { FeatureTableName } from '../../shared/symbology';
import { useI18n } from '../i18n';
import { LayerPanel } from './LayerPanel';
import { ErrorBoundary, useApi } from './common';
import { useDrafting } from '../drafting/useDrafting';
import { usePresence } from '../drafting/Presence';
import '../drafting/drafting.css';
import { BasemapPanel } from '../basemaps/BasemapPanel';
import './handover.css';
import { trainingPresence, useTraining } from '../training/LessonPanel';
import { MapArea } from './workspace/MapArea';
import { StatusBar } from './workspace/StatusBar';
import { TopBar } from './workspace/TopBar';
import { useLayerList } from './workspace/useLayerList';
import { useUndoRedo } from './workspace/useUndoRedo';
import { useWorkspaceKeys } from './workspace/useWorkspaceKeys';
import { useWorkspaceMap } from './workspace/useWorkspaceMap';

interface Props {
  info: ProjectInfo;
  operator: Operator | null;
  onInfo: (info: ProjectInfo) => void;
  onClose: () => void;
  onChangeOperator: () => void;
}

export function Workspace({ info, operator, onInfo, onClose, onChangeOperator }: Props) {
  const api = useApi();
  const { t } = useI18n();
  const { layers, changeLayer, moveLayer } = useLayerList();
  const map = useWorkspaceMap(info, layers);
  const { ctl, pinned, setPinned } = map;
  const undoRedo = useUndoRedo(ctl, onInfo);
  // Drafting: commune focus, tools, inspector, feature table and records (src/renderer/drafting).
  const drafting = useDrafting({ ctl, info, pinned, setPinned, undoRedo, operator });
  // Practice mode (a practice copy of the demo): the lesson panel, and the lesson told to the trainer.
  const [practice, setPractice] = useTraining(api, info.path);
  // The district hall: who else is drafting which commune (reported every few seconds).
  const drafters = usePresence(api, drafting.focus, operator?.name ?? '', trainingPresence(practice));
  useWorkspaceKeys(ctl, undoRedo, () => setPinned(null));

  const totals = useMemo(
    () => Object.fromEntries(info.layers.map((l) => [l.table, l.count])) as Partial<Record<FeatureTableName, number>>,
    [info.layers],
  );
  const basemapPanel = useMemo(
    () => (
      <ErrorBoundary compact>
        <BasemapPanel ctl={ctl} info={info} />
      </ErrorBoundary>
    ),
    [info],
  );

  return (
    <div className="workspace workspace-drafting" data-testid="workspace">
      <TopBar info={info} operator={operator} ctl={ctl} onInfo={onInfo} onChangeOperator={onChangeOperator} onClose={onClose} />
      {info.readOnly && (
        <div className="read-only-banner" role="status" title={t('top.readOnlyWhy')} data-testid="read-only-banner">
          {t('top.readOnly')}
        </div>
      )}
      <ErrorBoundary compact>{drafting.toolbar}</ErrorBoundary>
      <div className="workspace-body">
        <ErrorBoundary compact>
          <LayerPanel layers={layers} totals={totals} loads={map.loads} present={map.present} settings={info.settings} onChange={changeLayer} onMove={moveLayer}>
            {basemapPanel}
          </LayerPanel>
        </ErrorBoundary>
        <MapArea info={info} operator={operator} map={map} drafting={drafting} drafters={drafters} practice={practice} onProgress={setPractice} />
      </div>
      <div className="dock-row">
        <ErrorBoundary compact>{drafting.dock}</ErrorBoundary>
      </div>
      <StatusBar crsCode={info.crs.code} geographic={info.crs.kind === 'geographic'} pointerStore={map.pointer} view={map.view} crs={info.crs} />
    </div>
  );
}
