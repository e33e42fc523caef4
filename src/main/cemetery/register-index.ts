// The register as the search reads it: every martyr linked (links, role buried_here) to a plot of a
// cemetery's plan or to a cemetery itself, with the plot's place. Built once per project version
// (the store's write count: this process is the file's one writer) and kept beside the store.
import { plotLabel } from '../../shared/cemetery/plot-key';
import { buildRegisterIndex, type RegisterEntry, type RegisterIndex } from '../../shared/cemetery/search';
import { type Extent, geometryExtent, type Row } from '../../shared/model';
import type { ProjectStore } from '../store';
import { allRows, text } from './rows';

export interface Register {
  index: RegisterIndex;
  extents: Map<string, Extent>;
  places: Map<string, string>;
}

const kept = new WeakMap<ProjectStore, { stamp: number; register: Register }>();

/** The martyr and the other side of a buried_here link between a martyr and a plot or a cemetery. */
function linkEnds(l: Row): { martyr: string; table: string; id: string } | null {
  const p = l.props;
  const other = new Set(['cemetery_plots', 'cemeteries']);
  if (p.to_table === 'martyrs' && other.has(text(p.from_table))) return { martyr: text(p.to_id), table: text(p.from_table), id: text(p.from_id) };
  if (p.from_table === 'martyrs' && other.has(text(p.to_table))) return { martyr: text(p.from_id), table: text(p.to_table), id: text(p.to_id) };
  return null;
}

export function gatherRegister(store: ProjectStore): Register {
  const cemeteries = new Map(allRows(store, 'cemeteries').map((r) => [r.id, r]));
  const plots = new Map(allRows(store, 'cemetery_plots').map((r) => [r.id, r]));
  const martyrs = new Map(allRows(store, 'martyrs').map((r) => [r.id, r]));
  const entries: RegisterEntry[] = [];
  const extents = new Map<string, Extent>();
  const places = new Map<string, string>();
  const seen = new Set<string>();
  for (const l of allRows(store, 'links', { role: 'buried_here' })) {
    const ends = linkEnds(l);
    const m = ends && martyrs.get(ends.martyr);
    if (!ends || !m || seen.has(m.id)) continue;
    const plot = ends.table === 'cemetery_plots' ? plots.get(ends.id) : undefined;
    const cemeteryId = plot ? text(plot.props.cemetery_id) : ends.table === 'cemeteries' ? ends.id : '';
    const cemetery = cemeteries.get(cemeteryId);
    if (!plot && !cemetery) continue;
    seen.add(m.id);
    const p = m.props;
    entries.push({
      martyrId: m.id,
      fullName: text(p.full_name),
      birthYear: typeof p.birth_year === 'number' ? p.birth_year : null,
      hometown: text(p.hometown),
      unit: text(p.unit),
      deathDate: text(p.death_date),
      cemeteryId: cemetery ? cemetery.id : null,
      cemeteryName: cemetery ? text(cemetery.props.name) : '',
      plotId: plot?.id ?? null,
      section: text(plot?.props.section),
      row: text(plot?.props.row),
      plotNumber: text(plot?.props.plot_number),
    });
    const g = plot?.geometry ?? cemetery?.geometry;
    if (g) extents.set(m.id, geometryExtent(g));
    places.set(m.id, plot ? plotLabel(plot.props.section, plot.props.row, plot.props.plot_number) : '');
  }
  return { index: buildRegisterIndex(entries), extents, places };
}

export function registerOf(store: ProjectStore): Register {
  const stamp = store.writeCount();
  const k = kept.get(store);
  if (k && k.stamp === stamp) return k.register;
  const register = gatherRegister(store);
  kept.set(store, { stamp, register });
  return register;
}
