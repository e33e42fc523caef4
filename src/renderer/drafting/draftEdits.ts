// Every drafting gesture as the ONE edit it saves (one edits.apply, one step of the project's undo
// history), built here apart from the hooks so the labels and versions can be read and tested.
// Labels are Vietnamese: they are the history's and the undo toast's words for every user.
import type { Input } from '../../shared/api';
import type { Geometry } from '../../shared/model/geometry';
import type { Props as RowProps } from '../../shared/model/rows';
import { TABLES, type TableName } from '../../shared/model/tables';
import type { FeatureTableName } from '../../shared/symbology';

export type DraftEdit = Input<'edits.apply'>;
export interface FeatureRef {
  table: FeatureTableName;
  id: string;
}
type Put = NonNullable<DraftEdit['put']>[number];

/** The areas' tables: the hole, split and merge tools work on these. */
export const POLYGON_TABLES: readonly string[] = ['search_areas', 'cemeteries', 'cemetery_plots', 'base_areas', 'admin_units', 'villages'];

const versioned = (version: number | undefined) => (version !== undefined ? { baseVersion: version } : {});

/** A shape changed by a gesture (vertices, move): at the version the map shows, if it shows one. */
export function shapeEdit(f: FeatureRef, geometry: Geometry, label: string, version: number | undefined): DraftEdit {
  return { label: `${label}: ${TABLES[f.table].vi}`, put: [{ table: f.table, id: f.id, ...versioned(version), geometry }] };
}

/** A point moved to typed coordinates. */
export function moveToEdit(f: FeatureRef, point: Geometry, version: number | undefined): DraftEdit {
  return { label: `Di chuyển theo tọa độ: ${TABLES[f.table].vi}`, put: [{ table: f.table, id: f.id, ...versioned(version), geometry: point }] };
}

export function holeEdit(f: FeatureRef, geometry: Geometry, version: number | undefined): DraftEdit {
  return { label: `Thêm lỗ thủng: ${TABLES[f.table].vi}`, put: [{ table: f.table, id: f.id, baseVersion: version, geometry }] };
}

/** The first part keeps the area's row (and its links); the others are new rows with its fields. */
export function splitEdit(f: FeatureRef, parts: readonly Geometry[], props: RowProps, version: number | undefined): DraftEdit {
  const [first, ...rest] = parts;
  return {
    label: `Cắt vùng thành ${parts.length} phần: ${TABLES[f.table].vi}`,
    put: [{ table: f.table, id: f.id, baseVersion: version, geometry: first! }, ...rest.map((g) => ({ table: f.table, geometry: g, props }))],
  };
}

/** The merged shape replaces the selected area; the area merged in is deleted at the version seen. */
export function mergeEdit(f: FeatureRef, geometry: Geometry, version: number | undefined, other: FeatureRef & { version: number }): DraftEdit {
  return {
    label: `Gộp vùng: ${TABLES[f.table].vi}`,
    put: [{ table: f.table, id: f.id, baseVersion: version, geometry }],
    remove: [{ table: other.table, id: other.id, baseVersion: other.version }],
  };
}

export function deleteEdit(f: FeatureRef, version: number): DraftEdit {
  return { label: `Xóa ${TABLES[f.table].vi}`, remove: [{ table: f.table, id: f.id, baseVersion: version }] };
}

/**
 * The version a deletion names: the one on the map, else the one the inspector last read of this
 * row; none (undefined) when the user never saw the row, which is then not deleted.
 */
export function deletionVersion(f: FeatureRef, mapVersion: number | undefined, seen: { table: TableName; id: string; version: number } | null): number | undefined {
  return mapVersion ?? (seen && seen.table === f.table && seen.id === f.id ? seen.version : undefined);
}

/** The one row an edit puts, when it puts one and removes none (a conflict on it is shown side by side). */
export function singlePut(edit: DraftEdit): Put | null {
  return edit.put?.length === 1 && !edit.remove?.length ? edit.put[0]! : null;
}

/** The mean of an area's outer vertices: where a plot drawn by hand looks for its cemetery. */
export function outerRingMean(g: Geometry): number[] | null {
  const ring = g.type === 'Polygon' ? (g.coordinates[0] as number[][]) : g.type === 'MultiPolygon' ? (g.coordinates[0]![0] as number[][]) : [];
  return ring.length ? [ring.reduce((a, p) => a + p[0]!, 0) / ring.length, ring.reduce((a, p) => a + p[1]!, 0) / ring.length] : null;
}
