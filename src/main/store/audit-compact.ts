// Insert entries of large edits (imports, merges, the demo: see bulk-writer.ts) do not repeat the
// new row in their JSON. Writing every row a second time as text (its attributes, times, author and
// 1,000,000 line vertices) was the largest single cost of an import: 25 MB of a 64 MB file, against
// GDAL's 23 MB for the same data. Such an entry says `"stateInRow": true` and the version it made,
// and the state is still known exactly:
//  - the row holds it until its first change (while the row's version is still the entry's version);
//  - that first change is audited with the full state before it (`before`), everything included.
// The versions must match: a foreign tool (QGIS, GDAL) editing the row without an audit entry bumps
// the version (the qt_<table>_version trigger covers every column of the state), and then the state
// at creation is reported unknown (left out), never guessed.
// The entry keeps the row's commune (`commune_code`) where the table has one: the review's "changes
// since submission" finds a commune's rows in the log by SQL (review-repo.ts changesAfter).
// Files written before this kept the attributes and left only the geometry (`"geometryInRow": true`);
// they are read the same way.
import type { Geometry, Props } from '../../shared/model';

export const GEOMETRY_IN_ROW = 'geometryInRow';
export const STATE_IN_ROW = 'stateInRow';

interface Snap {
  version?: number;
  geometry?: Geometry | null;
  props?: Props;
  [GEOMETRY_IN_ROW]?: boolean;
  [STATE_IN_ROW]?: boolean;
  [k: string]: unknown;
}

/** The row's state as stored (a decoded row, or a full audit `before`). */
export interface FullState {
  version: number;
  geometry: Geometry | null;
  props?: Props;
  deleted?: boolean;
  createdAt?: string;
  createdBy?: string;
  updatedAt?: string;
  updatedBy?: string;
}

/** A compact insert entry's `after` for a new row (version 1); `communeCode` undefined: the table has no commune. */
export function compactInsertJson(communeCode: string | null | undefined): string {
  return communeCode === undefined ? `{"${STATE_IN_ROW}":true,"version":1}` : `{"${STATE_IN_ROW}":true,"version":1,"commune_code":${JSON.stringify(communeCode)}}`;
}

/** True when the entry's `after` leaves (part of) the state to the row (or to the next entry's `before`). */
export function leavesStateToRow(after: Snap | null): boolean {
  return !!after && (after[STATE_IN_ROW] === true || after[GEOMETRY_IN_ROW] === true);
}

/** True for the text of an `after` that leaves (part of) the state to the row, without parsing it. */
export function textLeavesStateToRow(after: string): boolean {
  return after.includes(`"${STATE_IN_ROW}":true`) || after.includes(`"${GEOMETRY_IN_ROW}":true`);
}

/** Replaces a compact entry's content, in place, by the full state (the keys in a snapshot's order). */
function fill(a: Snap, s: FullState): void {
  if (a[STATE_IN_ROW] !== true) {
    a.geometry = s.geometry;
    delete a[GEOMETRY_IN_ROW];
  } else if (s.props && s.deleted !== undefined) {
    for (const k of Object.keys(a)) delete a[k];
    Object.assign(a, { props: s.props, geometry: s.geometry, version: s.version, deleted: s.deleted, createdAt: s.createdAt, createdBy: s.createdBy, updatedAt: s.updatedAt, updatedBy: s.updatedBy });
  }
}

/**
 * Fills in, in place, the compact entries of ONE row's history (oldest first). `current` is the row
 * as stored now (null when it is not there). An entry whose state cannot be known keeps its compact
 * form: readers treat it as "unknown" (no attributes, no geometry).
 */
export function resolveCompact(entries: { before: Snap | null; after: Snap | null }[], current: FullState | null): void {
  for (let i = 0; i < entries.length; i++) {
    const a = entries[i]!.after;
    if (!a || !leavesStateToRow(a)) continue;
    const next = entries.slice(i + 1).find((e) => e.before);
    const source = (next ? next.before : current) as FullState | null;
    if (source && source.version === a.version && source.geometry !== undefined) fill(a, source);
  }
}
