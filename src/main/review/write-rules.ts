// The rules every write to a project goes through, installed once per open project as the store's
// write hook (ProjectStore.setWriteHook): drawing, imports, package merges, attachments, undo, redo
// and any hand-made request all reach the store's one writer, so none of them can skip these.
// For each row: a feature's commune is computed from its geometry (commune-locator.ts), whatever the
// caller wrote in commune_code; then the permissions decide (permissions.ts).
import type { Operator } from '../../shared/api';
import type { Row, TableName } from '../../shared/model';
import type { PlannedWrite, ProjectStore, WriteHook } from '../store';
import { CommuneLocator } from './commune-locator';
import { communeUnits } from './commune-units';
import type { Geos } from './geos';
import { communesTouched, editRefusal, placedByGeometry } from './permissions';

export interface WriteRulesOptions {
  /** Who is writing now (null: nobody chose a name and role, e.g. the command line). */
  operator: () => Operator | null;
  /**
   * GEOS (loaded before any project opens: loadGeos()), or how to reach it when it was loaded only
   * because the project has commune boundaries: asked for only then (a project without them places
   * nothing, and the command line need not load GEOS for it).
   */
  geos: Geos | (() => Geos);
}

function allRows(store: ProjectStore, table: TableName, filter: Record<string, string>): Row[] {
  const out: Row[] = [];
  for (let offset = 0; ; offset += 10_000) {
    const r = store.query(table, { filter, limit: 10_000, offset });
    out.push(...r.rows);
    if (!r.truncated) return out;
  }
}

/**
 * The commune the geometry lies in. Outside every boundary, a code naming a commune that has no
 * boundary in the project yet is kept: there is nothing to judge it by (the review reports the
 * missing boundary as an error), and the rules still apply to the commune it names.
 */
function communeOf(w: PlannedWrite, locator: CommuneLocator | null): { code: string | null; located: boolean } {
  const found = locator?.locate(w.after.geometry!);
  if (found) return { code: found, located: true };
  const claimed = w.after.props.commune_code;
  if (typeof claimed === 'string' && claimed !== '' && !locator?.has(claimed)) return { code: claimed, located: false };
  return { code: null, located: true };
}

/** Installs the rules on the store; the function returned frees their GEOS copies of the boundaries (call it when the store closes). */
export function installWriteRules(store: ProjectStore, opts: WriteRulesOptions): () => void {
  let kept: { key: string; locator: CommuneLocator | null } | null = null;

  /**
   * The locator for the boundaries as they are now (rebuilt only when they or the commune list
   * change); null when there are none (nothing to place by, and no GEOS needed).
   */
  const locatorNow = (): CommuneLocator | null => {
    const units = communeUnits(allRows(store, 'admin_units', { level: 'commune' }), store.getSettings());
    const key = JSON.stringify([...units.values()].map((r) => [r.id, r.meta.version]));
    if (kept?.key === key) return kept.locator;
    kept?.locator?.dispose();
    kept = { key, locator: units.size ? new CommuneLocator(typeof opts.geos === 'function' ? opts.geos() : opts.geos, units) : null };
    return kept.locator;
  };

  const hook: WriteHook = () => {
    const op = opts.operator();
    const states = store.review().states();
    const s = {
      approved: new Set(states.filter((x) => x.state === 'approved').map((x) => x.communeCode)),
      submitted: new Set(states.filter((x) => x.state === 'submitted').map((x) => x.communeCode)),
      names: new Map(store.getSettings().communes.map((c) => [c.code, c.name])),
    };
    let locator: CommuneLocator | null | undefined;
    const get = (t: TableName, id: string) => store.get(t, id);
    return (w: PlannedWrite) => {
      let placed = placedByGeometry(w.table) && w.after.geometry !== null && !w.after.deleted;
      if (placed) {
        if (locator === undefined) locator = locatorNow();
        const c = communeOf(w, locator);
        w.after.props.commune_code = c.code;
        placed = c.located;
      }
      const refusal = editRefusal(op, communesTouched(w, placed, get), s);
      if (refusal) throw refusal;
    };
  };
  store.setWriteHook(hook);
  return () => {
    kept?.locator?.dispose();
    kept = null;
  };
}
