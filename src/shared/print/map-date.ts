// Historical sheets: the boundaries, names and titles valid on the sheet's map date. Administrative
// units carry valid_from / valid_to (inclusive, YYYY-MM-DD); a unit not yet in force on the date
// is left off the sheet, one no longer in force is drawn as a former boundary (symbology).
import { geometryExtent, type Extent } from '../model/geometry';
import type { Props } from '../model/rows';
import type { ProjectSettings } from '../model/settings';
import type { PrintFeature, PrintInput } from './input';
import type { SheetSettings } from './settings';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Whether a unit is in force on `date` (both ends inclusive; an empty end is open). */
export function validOn(props: Props, date: string): boolean {
  const from = str(props.valid_from);
  const to = str(props.valid_to);
  return (!from || from <= date) && (!to || to >= date);
}

const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * The date a sheet shows: the sheet's own, else the project's boundary date; else, when every
 * commune the sheet is about had ended before today, the last day they were in force (their own
 * sheet keeps their names and the province of their time); else the sheet's date or today.
 * `historical` says the date was chosen rather than today's.
 */
export function sheetMapDate(input: PrintInput, s: SheetSettings, communes: PrintFeature[]): { date: string; historical: boolean } {
  const chosen = s.mapDate ?? input.settings.boundaryDate;
  if (chosen) return { date: chosen, historical: true };
  const today = input.today ?? todayIso();
  const ends = communes.map((c) => str(c.props.valid_to));
  if (s.area.kind === 'communes' && ends.length && ends.every((e) => e && e < today)) return { date: ends.sort().at(-1)!, historical: true };
  return { date: today, historical: false };
}

const inputMemos = new WeakMap<PrintInput, Map<string, PrintInput>>();

/** The input as of `date`: administrative units not yet in force are left out (kept per date, so a series reuses it). */
export function inputOn(input: PrintInput, date: string): PrintInput {
  let memo = inputMemos.get(input);
  if (!memo) inputMemos.set(input, (memo = new Map()));
  let out = memo.get(date);
  if (!out) {
    const notYet = (f: PrintFeature) => f.table === 'admin_units' && str(f.props.valid_from) > date;
    out = { ...input, features: input.features.filter((f) => !notYet(f)) };
    memo.set(date, out);
  }
  return out;
}

function overlap(a: Extent, b: Extent): number {
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The unit of `level` in force on `date` that covers most of the area; undefined when the data has none of that level at all. */
function unitOn(input: PrintInput, level: string, date: string, area: Extent): PrintFeature | null | undefined {
  const all = input.features.filter((f) => f.table === 'admin_units' && f.props.level === level);
  if (!all.length) return undefined;
  let best: PrintFeature | null = null;
  let bestArea = 0;
  for (const f of all) {
    if (!validOn(f.props, date)) continue;
    const o = overlap(f.extent ?? geometryExtent(f.geometry), area);
    if (o > bestArea) [best, bestArea] = [f, o];
  }
  return best;
}

const upper = (t: string) => t.toLocaleUpperCase('vi');
const TITLE_HEAD = 'BẢN ĐỒ TÌM KIẾM, QUY TẬP HÀI CỐT LIỆT SĨ';

/**
 * The sheet's default title: its communes, then the district and the province in force on the
 * map date, taken from the project's administrative units where it has units of that level (else
 * from the project's settings). A commune not yet in force then is named as today's area.
 */
export function sheetTitle(input: PrintInput, kind: SheetSettings['area']['kind'], communes: PrintFeature[], area: Extent, at: { date: string; historical: boolean }): string {
  const st: ProjectSettings = input.settings;
  const demo = st.demo ? ' (DỮ LIỆU MINH HỌA)' : '';
  if ((kind === 'all' || communes.length === 0) && !at.historical) return st.title;
  const district = unitOn(input, 'district', at.date, area);
  let province = unitOn(input, 'province', at.date, area);
  if (province === null && district?.props.parent_code)
    province = input.features.find((f) => f.table === 'admin_units' && f.props.level === 'province' && f.props.code === district.props.parent_code) ?? null;
  const units: string[] = [];
  if (kind !== 'all' && communes.length) {
    const names = communes.map((c) => upper(String(c.props.name ?? '')));
    const now = communes.every((c) => validOn(c.props, at.date)) ? '' : ' (ĐỊA GIỚI NAY)';
    units.push(`${names.length === 1 ? 'XÃ' : 'CÁC XÃ'} ${names.join(', ')}${now}`);
  }
  const districtName = district === undefined ? st.district?.name : district ? String(district.props.name ?? '') : '';
  const provinceName = province === undefined ? st.province.name : province ? String(province.props.name ?? '') : '';
  if (districtName) units.push(`HUYỆN ${upper(districtName)}`);
  if (provinceName) units.push(`TỈNH ${upper(provinceName)}`);
  if (!units.length) return st.title;
  return `${TITLE_HEAD} ${units.join(' – ')}${demo}`;
}
