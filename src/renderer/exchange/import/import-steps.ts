// When the wizard's steps let the user go on: pure judgements of the preview and the choices.
import type { PreviewLayer } from './import-options';

/** The CRS is known when the user chose one or the file says (or the wizard guessed) one. */
export function crsKnown(crs: string, current: PreviewLayer | undefined): boolean {
  return !!(crs || current?.crs.code);
}

/** Every row of the file is already in the project. */
export function allDuplicates(current: PreviewLayer | undefined): boolean {
  return !!current && current.duplicates !== null && current.duplicates >= current.count;
}

/**
 * The run button stays off while a job runs, for features whose CRS nobody knows, and when every row
 * is a duplicate unless the user asked to import duplicates. Not while a preview is read: a choice
 * made just before the click starts a new read 150 ms later, and the click then landed on a button
 * disabled under it and was lost. Main checks the choices again.
 */
export function runBlocked(s: { running: boolean; crsKnown: boolean; kind: 'feature' | 'record'; allDuplicates: boolean; dupImport: boolean }): boolean {
  return s.running || (!s.crsKnown && s.kind === 'feature') || (s.allDuplicates && !s.dupImport);
}

/** The 200 m warning: shown when the CRS is unknown, or when the user overrides the file's. */
export function showCrsWarning(known: boolean, crs: string): boolean {
  return !known || !!crs;
}

/** Offer "skip the other geometry types" only when the file mixes them. */
export function mixesGeometryTypes(current: PreviewLayer): boolean {
  return Object.keys(current.geometryTypes).filter((t) => t !== 'null').length > 1;
}

/** The rows of the open rings as listed in the warning: the first 20, then an ellipsis. */
export function openRingRows(current: PreviewLayer): string {
  return `${current.openRings.slice(0, 20).join(', ')}${current.openRingCount > 20 ? ', …' : ''}`;
}

/** A general problem is shown only when no specific warning already explains it. */
export function showProblem(current: PreviewLayer): boolean {
  return !!current.problem && !current.openRingCount && !current.invalidCount && !current.outsideVietnam;
}
