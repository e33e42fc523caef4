// Insert entries of large edits (imports, merges, the demo: see bulk-writer.ts) do not repeat the
// geometry in their JSON: writing 1,000,000 line vertices a second time as text was the largest
// single cost of an import. Such an entry says `"geometryInRow": true` instead, and the geometry is
// still known exactly:
//  - the row holds it until its first change (while the row's version is still the entry's version);
//  - that first change is audited with the full state before it (`before`), geometry included.
// The versions must match: a foreign tool (QGIS, GDAL) editing the row without an audit entry bumps
// the version, and then the geometry at creation is reported unknown (left out), never guessed.
import type { Geometry } from '../../shared/model';

export const GEOMETRY_IN_ROW = 'geometryInRow';

interface Snap {
  version?: number;
  geometry?: Geometry | null;
  [GEOMETRY_IN_ROW]?: boolean;
  [k: string]: unknown;
}

/** True when the entry's `after` leaves the geometry to the row (or to the next entry's `before`). */
export function leavesGeometryToRow(after: Snap | null): boolean {
  return !!after && after[GEOMETRY_IN_ROW] === true;
}

/**
 * Fills in, in place, the geometry of the compact entries of ONE row's history (oldest first).
 * `current` is the row as stored now (null when it is not there).
 */
export function resolveGeometries(entries: { before: Snap | null; after: Snap | null }[], current: { version: number; geometry: Geometry | null } | null): void {
  for (let i = 0; i < entries.length; i++) {
    const a = entries[i]!.after;
    if (!a || !leavesGeometryToRow(a)) continue;
    const next = entries.slice(i + 1).find((e) => e.before);
    const source = next ? next.before : current;
    if (source && source.version === a.version && source.geometry !== undefined) {
      a.geometry = source.geometry;
      delete a[GEOMETRY_IN_ROW];
    }
  }
}
