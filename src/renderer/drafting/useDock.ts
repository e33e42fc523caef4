// The dock under the map: the feature table (F) or the records (R), one at a time.
import { useCallback, useState } from 'react';
import type { TableName } from '../../shared/model/tables';
import type { FeatureTableName } from '../../shared/symbology';
import { RECORD_TABS, type RecordTab } from './RecordsPanel';

export type DockPanel = 'table' | 'records';

export function useDock() {
  const [dock, setDock] = useState<DockPanel | null>(null);
  const [tableLayer, setTableLayer] = useState<FeatureTableName>('search_areas');
  const [records, setRecords] = useState<{ table: RecordTab; id: string | null }>({ table: 'martyrs', id: null });
  /** Opens or closes a panel (its button, its key). */
  const toggleDock = useCallback((x: DockPanel) => setDock((cur) => (cur === x ? null : x)), []);
  /** A record linked to a feature (the inspector's links): shown in the records panel. */
  const openRecord = useCallback((table: TableName, id: string) => {
    if ((RECORD_TABS as readonly string[]).includes(table)) {
      setRecords({ table: table as RecordTab, id });
      setDock('records');
    }
  }, []);
  return { dock, setDock, toggleDock, tableLayer, setTableLayer, records, setRecords, openRecord };
}
