// The attribute table of one layer: sort, filter, search (without diacritics), select on the map
// from the table and back, zoom to, and bulk-edit one field of the checked rows as ONE edit.
// The pieces are in ./featureTable: the rows and their choices, the bulk edit, the head, the grid.
import type { Row } from '../../shared/model/rows';
import type { FeatureTableName } from '../../shared/symbology';
import { FeatureGrid } from './featureTable/FeatureGrid';
import { FeatureTableHead } from './featureTable/FeatureTableHead';
import { useBulkEdit } from './featureTable/useBulkEdit';
import { useFeatureRows } from './featureTable/useFeatureRows';

interface Props {
  table: FeatureTableName;
  onTable: (t: FeatureTableName) => void;
  selectedId: string | null;
  onSelect: (table: FeatureTableName, id: string) => void;
  onZoom: (row: Row) => void;
  communeCode: string | null;
  reloadTick: number;
  onClose: () => void;
}

export function FeatureTable({ table, onTable, selectedId, onSelect, onZoom, communeCode, reloadTick, onClose }: Props) {
  const data = useFeatureRows(table, communeCode, reloadTick);
  const bulk = useBulkEdit(table, data);
  return (
    <section className="dock feature-table" data-testid="feature-table" data-table={table}>
      <FeatureTableHead table={table} onTable={onTable} communeCode={communeCode} data={data} bulk={bulk} onClose={onClose} />
      <div className="dock-body">
        <FeatureGrid table={table} data={data} selectedId={selectedId} onSelect={onSelect} onZoom={onZoom} />
      </div>
    </section>
  );
}
