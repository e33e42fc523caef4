// Gathers what the composer needs from the open project: CRS, settings, features, records.
import { findCrs } from '../../shared/crs/catalogue';
import type { Row, TableName } from '../../shared/model';
import type { PrintFeature, PrintInput } from '../../shared/print';
import { DRAW_ORDER, type FeatureTableName } from '../../shared/symbology';
import type { ProjectStore } from '../store';

// Small pages: the row envelopes (meta, ids) of one page become garbage before the next is read.
const PAGE = 5_000;

function all(store: ProjectStore, table: TableName): Row[] {
  const out: Row[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const r = store.query(table, { limit: PAGE, offset });
    out.push(...r.rows);
    if (!r.truncated) return out;
  }
}

const asFeature = (r: Row): PrintFeature | null =>
  r.geometry ? { table: r.table as FeatureTableName, id: r.id, geometry: r.geometry, props: r.props } : null;

export function gatherPrintInput(store: ProjectStore, today?: string): PrintInput {
  const info = store.info();
  const def = findCrs(info.crs.code);
  const features: PrintFeature[] = [];
  for (const t of DRAW_ORDER) for (const r of all(store, t)) {
    const f = asFeature(r);
    if (f) features.push(f);
  }
  return {
    crs: {
      code: info.crs.code,
      name: def?.name ?? info.crs.name,
      datum: def?.datum ?? 'VN-2000',
      proj4: def?.proj4 ?? '',
      ...(def?.centralMeridian !== undefined ? { centralMeridian: def.centralMeridian } : {}),
      wkt: info.crs.definition,
    },
    settings: info.settings,
    communes: features.filter((f) => f.table === 'admin_units' && f.props.level === 'commune'),
    features,
    conclusions: all(store, 'conclusions').map((r) => r.props),
    martyrs: all(store, 'martyrs').map((r) => r.props),
    ...(today ? { today } : {}),
  };
}
