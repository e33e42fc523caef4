// The communes of the project (admin_units at level commune) as the focus list shows them.
import type { Geometry } from '../../shared/model/geometry';
import type { Row } from '../../shared/model/rows';

export interface Commune {
  code: string;
  name: string;
  geometry: Geometry | null;
}

/** The live communes among the rows, by Vietnamese name order. */
export function communesOf(rows: readonly Row[]): Commune[] {
  return rows
    .filter((x) => !x.meta.deleted)
    .map((x) => ({ code: String(x.props.code ?? ''), name: String(x.props.name ?? ''), geometry: x.geometry }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
