// The drafting tools as data: their names, what each drawing tool creates, and what the controller
// tells the workspace (it never writes itself).
import type { Geometry } from '../../shared/model/geometry';
import type { FeatureTableName } from '../../shared/symbology';

export type Tool =
  | 'select'
  | 'move'
  | 'polygon'
  | 'hole'
  | 'grave'
  | 'cemetery'
  | 'cemeteryArea'
  | 'plot'
  | 'village'
  | 'villageArea'
  | 'info'
  | 'line'
  | 'measure'
  | 'measureArea'
  | 'split'
  | 'merge';

export type DrawSpec = { table: FeatureTableName; type: 'Point' | 'Polygon' | 'LineString' };

/** What each drawing tool creates. */
export const DRAW_TOOLS: Partial<Record<Tool, DrawSpec>> = {
  polygon: { table: 'search_areas', type: 'Polygon' },
  grave: { table: 'graves', type: 'Point' },
  cemetery: { table: 'cemeteries', type: 'Point' },
  cemeteryArea: { table: 'cemeteries', type: 'Polygon' },
  plot: { table: 'cemetery_plots', type: 'Polygon' },
  village: { table: 'villages', type: 'Point' },
  villageArea: { table: 'villages', type: 'Polygon' },
  info: { table: 'info_points', type: 'Point' },
  line: { table: 'base_lines', type: 'LineString' },
};

export interface DraftingCallbacks {
  /** A new geometry was drawn for a table (the workspace opens its form). */
  onSketch(table: FeatureTableName, geometry: Geometry): void;
  /** The selected feature's geometry was changed by a gesture (vertices, move, hole). */
  onGeometryEdited(table: FeatureTableName, id: string, geometry: Geometry, label: string): void;
  /** A hole was drawn: the workspace adds it to the selected polygon. */
  onHole(ring: number[][]): void;
  /** A split line was drawn across the selected polygon. */
  onSplitLine(line: number[][]): void;
  onMeasure(text: { lengthM: number; areaM2: number | null } | null): void;
  /** A drag on the selected feature's outline missed its vertices and edges (the map stayed put). */
  onMissedVertex?(): void;
}
