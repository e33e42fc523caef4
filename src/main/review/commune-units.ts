// Which administrative units are the project's communes on a given day. admin_units keeps former
// units beside the current ones (valid_from / valid_to: the 2025 mergers), so the same code can
// appear twice; the commune a feature belongs to is the unit in force on the day it is written.
import type { ProjectSettings, Row } from '../../shared/model';

/** The day (YYYY-MM-DD) a write is judged on: units in force today. */
export const today = (): string => new Date().toISOString().slice(0, 10);

const inForce = (r: Row, day: string): boolean => {
  const from = typeof r.props.valid_from === 'string' && r.props.valid_from !== '' ? r.props.valid_from : null;
  const to = typeof r.props.valid_to === 'string' && r.props.valid_to !== '' ? r.props.valid_to : null;
  return (from === null || from <= day) && (to === null || to >= day);
};

/**
 * Commune boundaries by code: level 'commune', with a geometry, of the project's communes (all
 * communes when the settings list none yet). Of two units with one code the one in force on `day`
 * wins, else the one with no end date (the review's rule before dates were looked at). A project
 * that documents a former district keeps its former communes: nothing else is there.
 */
export function communeUnits(rows: readonly Row[], settings: Pick<ProjectSettings, 'communes'>, day = today()): Map<string, Row> {
  const wanted = settings.communes.length ? new Set(settings.communes.map((c) => c.code)) : null;
  const out = new Map<string, Row>();
  const rank = (r: Row) => (inForce(r, day) ? 2 : r.props.valid_to ? 0 : 1);
  for (const r of rows) {
    if (r.meta.deleted || r.props.level !== 'commune' || typeof r.props.code !== 'string' || !r.geometry) continue;
    if (wanted && !wanted.has(r.props.code)) continue;
    const prev = out.get(r.props.code);
    if (!prev || rank(r) > rank(prev)) out.set(r.props.code, r);
  }
  // Units in force first: where a former commune and the current one overlap (a project listing no
  // communes yet sees both), the first that contains a feature is the one in force.
  return new Map([...out].sort((a, b) => rank(b[1]) - rank(a[1])));
}
