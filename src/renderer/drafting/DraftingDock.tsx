// The dock under the map: the feature table or the records, each reading again on every change.
import type { RefObject } from 'react';
import { geometryExtent } from '../../shared/model/geometry-extent';
import type { Row } from '../../shared/model/rows';
import type { FeatureTableName } from '../../shared/symbology';
import type { MapController } from '../map/MapController';
import { FeatureTable } from './FeatureTable';
import { RecordsPanel } from './RecordsPanel';
import type { useDock } from './useDock';

export interface DockProps {
  panel: ReturnType<typeof useDock>;
  ctl: RefObject<MapController | null>;
  selectedId: string | null;
  selectFeature: (table: FeatureTableName, id: string, zoom: boolean) => Promise<void>;
  communeCode: string | null;
  changeTick: number;
  reviewLockOf: (communeCode: unknown) => string | null;
}

export function DraftingDock({ panel, ctl, selectedId, selectFeature, communeCode, changeTick, reviewLockOf }: DockProps) {
  if (panel.dock === 'table')
    return (
      <FeatureTable
        table={panel.tableLayer}
        onTable={panel.setTableLayer}
        selectedId={selectedId}
        onSelect={(t, id) => void selectFeature(t, id, false)}
        onZoom={(r: Row) => r.geometry && ctl.current?.fitTo(geometryExtent(r.geometry))}
        communeCode={communeCode}
        reloadTick={changeTick}
        onClose={() => panel.setDock(null)}
      />
    );
  if (panel.dock === 'records')
    return (
      <RecordsPanel
        open={panel.records}
        onOpen={panel.setRecords}
        communeCode={communeCode}
        onShowFeature={(t, id) => void selectFeature(t, id, true)}
        reloadTick={changeTick}
        onClose={() => panel.setDock(null)}
        reviewLock={reviewLockOf}
      />
    );
  return null;
}
