// The locator sheet of one martyr from the open project: gather the martyr, the plot and the plan
// around it, compose with the sheets' composer pieces and draw with the sheets' PDF backend.
import { ApiError } from '../../shared/api-error';
import { composeLocator, type LocatorInput } from '../../shared/cemetery/locator';
import { locatorPath } from '../../shared/cemetery/locator-path';
import { findCrs } from '../../shared/crs/catalogue';
import { formatDms } from '../../shared/crs/parse/dms';
import { transformProj4 } from '../../shared/crs/register';
import type { DisplayList } from '../../shared/print/display-list';
import type { Geometry, Row } from '../../shared/model';
import { renderPdf } from '../print/pdf-backend';
import { sheetMeasure } from '../print/print-sheet';
import type { ProjectStore } from '../store';
import { registerOf } from './register-index';
import { allRows, text } from './rows';

type XY = [number, number];
const WGS84 = '+proj=longlat +datum=WGS84 +no_defs';

function rings(g: Geometry | null): XY[][] {
  if (!g) return [];
  if (g.type === 'Polygon') return g.coordinates as XY[][];
  if (g.type === 'MultiPolygon') return (g.coordinates as XY[][][]).flat();
  return [];
}

function centreOf(ring: XY[]): XY {
  const pts = ring.slice(0, -1);
  return [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
}

const notLocated = () =>
  new ApiError(
    'not_found',
    'Liệt sĩ này chưa gắn với mộ nào trên sơ đồ nghĩa trang, nên chưa in được phiếu chỉ dẫn. Hãy nhập danh sách nghĩa trang hoặc liên kết liệt sĩ với mộ.',
    'This martyr is not linked to a plot of a cemetery’s plan, so no locator sheet can be printed. Import the cemetery’s register or link the martyr to the plot.',
  );

export function gatherLocator(store: ProjectStore, martyrId: string, today = new Date()): LocatorInput {
  const entry = registerOf(store).index.entries.find((e) => e.martyrId === martyrId);
  const martyr = store.get('martyrs', martyrId);
  if (!entry || !entry.plotId || !martyr) throw notLocated();
  const plot = store.get('cemetery_plots', entry.plotId) as Row;
  const ring = rings(plot.geometry)[0];
  if (!ring) throw notLocated();
  const cemetery = entry.cemeteryId ? store.get('cemeteries', entry.cemeteryId) : null;
  const plan = allRows(store, 'cemetery_plots', { cemetery_id: entry.cemeteryId ?? '' });
  const gateRow = plan.find((p) => p.props.kind === 'gate' && p.geometry?.type === 'Point');
  const gate = gateRow ? (gateRow.geometry!.coordinates as number[]).slice(0, 2) as XY : null;
  const others = plan.filter((p) => p.id !== plot.id && p.props.kind !== 'gate').map((p) => ({ ring: rings(p.geometry)[0]!, kind: text(p.props.kind), p })).filter((p) => p.ring);
  const centre = centreOf(ring);
  const rowCentres = [centre, ...others.filter((o) => text(o.p.props.section) === entry.section && text(o.p.props.row) === entry.row).map((o) => centreOf(o.ring))];
  const info = store.info();
  const def = findCrs(info.crs.code);
  const [lon, lat] = transformProj4(def?.proj4 ?? info.crs.definition, WGS84, centre) as [number, number];
  const settings = store.getSettings();
  const p = martyr.props;
  return {
    title: 'Phiếu chỉ dẫn vị trí mộ liệt sĩ',
    cemeteryName: entry.cemeteryName,
    martyr: {
      fullName: text(p.full_name),
      birthYear: typeof p.birth_year === 'number' ? p.birth_year : null,
      hometown: text(p.hometown),
      unit: text(p.unit),
      rankPosition: text(p.rank_position),
      deathDate: text(p.death_date),
      deathPlace: text(p.death_place),
    },
    plot: { section: entry.section, row: entry.row, plotNumber: entry.plotNumber, ring, centre },
    outline: rings(cemetery?.geometry ?? null),
    plots: others.map(({ ring: r, kind }) => ({ ring: r, kind })),
    gate,
    path: gate ? locatorPath(gate, { centre, ring }, rowCentres) : null,
    coords: { crsName: def?.name ?? info.crs.name, x: centre[1], y: centre[0], lat, lon, dms: formatDms([lon, lat]) },
    placeDate: `${settings.place ? `${settings.place}, ` : ''}ngày ${today.getDate()} tháng ${today.getMonth() + 1} năm ${today.getFullYear()}`,
    agency: settings.producingAgency,
  };
}

export async function locatorPdf(store: ProjectStore, martyrId: string): Promise<{ bytes: Uint8Array; list: DisplayList; input: LocatorInput }> {
  const input = gatherLocator(store, martyrId);
  const list = composeLocator(input, sheetMeasure());
  const bytes = await renderPdf([{ list }], { title: `${input.title}: ${input.martyr.fullName}` });
  return { bytes, list, input };
}
