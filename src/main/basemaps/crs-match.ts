// Which catalogue CRS a GeoTIFF is in, from its GeoKeys. An EPSG code is looked up in the catalogue;
// a user-defined Transverse Mercator (what GDAL writes for a TM-3 zone given as a proj4 string, with
// no EPSG code) is matched by its parameters and datum. Anything else: the user must choose.
import { VN2000_TOWGS84, INDIAN1960_TOWGS84, EVEREST1830 } from '../../shared/crs';
import { CATALOGUE, findCrs, tm3ZoneCrs, type CrsDatum, type CrsDef } from '../../shared/crs/catalogue';

export interface Msg {
  vi: string;
  en: string;
}

export interface CrsMatch {
  def: CrsDef | null;
  how: Msg;
  warnings: Msg[];
}

type GeoKeys = Partial<Record<string, unknown>>;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const USER_DEFINED = 32767;
const CT_TRANSVERSE_MERCATOR = 1;
const LINEAR_METRE = 9001;

const close = (a: number | null, b: number, tol = 1e-9) => a !== null && Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

function parseTowgs84(s: string): number[] {
  return s.split(',').map(Number);
}

const sameShift = (a: ArrayLike<number>, b: readonly number[]) => a.length >= 3 && b.every((v, i) => Math.abs((a[i] ?? 0) - v) < 1e-6);

const EPSG_ALIASES: Record<number, string> = { 900913: 'EPSG:3857', 3785: 'EPSG:3857', 102100: 'EPSG:3857' };

function byEpsg(code: number): CrsDef | undefined {
  return findCrs(EPSG_ALIASES[code] ?? `EPSG:${code}`);
}

/** The datum the geographic part of the keys describes; null + why when it cannot be told. */
function datumOf(k: GeoKeys): { datum: CrsDatum | null; assumed: boolean; why: Msg | null } {
  const gtype = num(k.GeographicTypeGeoKey);
  if (gtype === 4326) return { datum: 'WGS 84', assumed: false, why: null };
  if (gtype === 4756) return { datum: 'VN-2000', assumed: false, why: null };
  if (gtype === 4131) return { datum: 'Indian 1960', assumed: false, why: null };
  if (gtype !== null && gtype !== USER_DEFINED)
    return { datum: null, assumed: false, why: { vi: `hệ tọa độ địa lý EPSG:${gtype} không có trong danh mục`, en: `geographic CRS EPSG:${gtype} is not in the catalogue` } };
  const datumCode = num(k.GeogGeodeticDatumGeoKey);
  if (datumCode === 6326) return { datum: 'WGS 84', assumed: false, why: null };
  if (datumCode === 6756) return { datum: 'VN-2000', assumed: false, why: null };
  const ellipsoid = num(k.GeogEllipsoidGeoKey);
  const a = num(k.GeogSemiMajorAxisGeoKey);
  const rf = num(k.GeogInvFlatteningGeoKey);
  const wgs84Ellipsoid = ellipsoid === 7030 || (close(a, 6378137) && close(rf, 298.257223563, 1e-9));
  const everest = ellipsoid === 7015 || (close(a, EVEREST1830.a, 1e-9) && close(rf, EVEREST1830.rf, 1e-7));
  const shift = k.GeogTOWGS84GeoKey as ArrayLike<number> | undefined;
  if (wgs84Ellipsoid) {
    if (shift && sameShift(shift, parseTowgs84(VN2000_TOWGS84))) return { datum: 'VN-2000', assumed: false, why: null };
    if (shift && Array.from(shift).some((v) => v !== 0))
      return {
        datum: null,
        assumed: false,
        why: {
          vi: `tệp ghi tham số chuyển sang WGS 84 (TOWGS84 ${Array.from(shift).join(',')}) khác với tham số VN-2000 của QĐ 05/2007`,
          en: `the file's shift to WGS 84 (TOWGS84 ${Array.from(shift).join(',')}) differs from the QĐ 05/2007 VN-2000 parameters`,
        },
      };
    // A Vietnamese TM grid on the WGS 84 ellipsoid with no shift written: VN-2000 by convention
    // (.prj files of VN-2000 rarely carry TOWGS84); the caller says it was assumed.
    return { datum: 'VN-2000', assumed: true, why: null };
  }
  if (everest && (!shift || sameShift(shift, parseTowgs84(INDIAN1960_TOWGS84)))) return { datum: 'Indian 1960', assumed: !shift, why: null };
  return { datum: null, assumed: false, why: { vi: 'không nhận ra hệ quy chiếu (datum) của tệp', en: 'the file’s datum is not recognised' } };
}

interface TmParams {
  lon0: number;
  lat0: number;
  k: number;
  x0: number;
  y0: number;
}

function tmOfProj4(def: CrsDef): TmParams | null {
  const p = Object.fromEntries(
    def.proj4
      .split(/\s+/)
      .filter((t) => t.startsWith('+'))
      .map((t) => {
        const [key, value] = t.slice(1).split('=');
        return [key!, value ?? ''];
      }),
  );
  if (p.proj === 'tmerc') return { lon0: Number(p.lon_0 ?? 0), lat0: Number(p.lat_0 ?? 0), k: Number(p.k ?? p.k_0 ?? 1), x0: Number(p.x_0 ?? 0), y0: Number(p.y_0 ?? 0) };
  if (p.proj === 'utm') {
    const zone = Number(p.zone);
    return { lon0: zone * 6 - 183, lat0: 0, k: 0.9996, x0: 500000, y0: 'south' in p ? 10000000 : 0 };
  }
  return null;
}

const sameTm = (a: TmParams, b: TmParams) =>
  Math.abs(a.lon0 - b.lon0) < 1e-9 && Math.abs(a.lat0 - b.lat0) < 1e-9 && Math.abs(a.k - b.k) < 1e-12 && Math.abs(a.x0 - b.x0) < 1e-6 && Math.abs(a.y0 - b.y0) < 1e-6;

const askUser = (why: Msg): CrsMatch => ({
  def: null,
  how: {
    vi: `Không xác định được hệ tọa độ của tệp: ${why.vi}. Hãy chọn hệ tọa độ của tệp.`,
    en: `Could not tell the file’s CRS: ${why.en}. Choose the file’s CRS.`,
  },
  warnings: [],
});

/** The catalogue CRS of a GeoTIFF, or null and a message asking the user to choose one. */
export function matchGeoKeys(keys: GeoKeys | null): CrsMatch {
  if (!keys || Object.keys(keys).length === 0) return askUser({ vi: 'tệp không có thông tin hệ tọa độ (GeoKeys)', en: 'the file has no CRS information (GeoKeys)' });
  const model = num(keys.GTModelTypeGeoKey);
  if (model === 2) {
    const code = num(keys.GeographicTypeGeoKey);
    if (code !== null && code !== USER_DEFINED) {
      const def = byEpsg(code);
      return def ? { def, how: { vi: `Mã EPSG:${code} trong tệp.`, en: `EPSG:${code} in the file.` }, warnings: [] } : askUser({ vi: `EPSG:${code} không có trong danh mục`, en: `EPSG:${code} is not in the catalogue` });
    }
    const d = datumOf(keys);
    if (!d.datum) return askUser(d.why!);
    const def = CATALOGUE.find((c) => c.kind === 'geographic' && c.datum === d.datum)!;
    return { def, how: { vi: `Tọa độ địa lý trên ${d.datum} (theo tham số trong tệp).`, en: `Geographic coordinates on ${d.datum} (from the file’s parameters).` }, warnings: assumedWarning(d.assumed) };
  }
  if (model !== 1) return askUser({ vi: 'kiểu hệ tọa độ không phải hệ phẳng hay hệ địa lý', en: 'the model type is neither projected nor geographic' });
  const code = num(keys.ProjectedCSTypeGeoKey);
  if (code !== null && code !== USER_DEFINED) {
    const def = byEpsg(code);
    return def ? { def, how: { vi: `Mã EPSG:${code} trong tệp.`, en: `EPSG:${code} in the file.` }, warnings: [] } : askUser({ vi: `EPSG:${code} không có trong danh mục`, en: `EPSG:${code} is not in the catalogue` });
  }
  if (num(keys.ProjCoordTransGeoKey) !== CT_TRANSVERSE_MERCATOR)
    return askUser({ vi: 'phép chiếu tự định nghĩa không phải Transverse Mercator', en: 'the user-defined projection is not Transverse Mercator' });
  const units = num(keys.ProjLinearUnitsGeoKey);
  if (units !== null && units !== LINEAR_METRE) return askUser({ vi: 'đơn vị độ dài không phải mét', en: 'the linear unit is not the metre' });
  const tm: TmParams = {
    lon0: num(keys.ProjNatOriginLongGeoKey) ?? num(keys.ProjCenterLongGeoKey) ?? 0,
    lat0: num(keys.ProjNatOriginLatGeoKey) ?? num(keys.ProjCenterLatGeoKey) ?? 0,
    k: num(keys.ProjScaleAtNatOriginGeoKey) ?? 1,
    x0: num(keys.ProjFalseEastingGeoKey) ?? 0,
    y0: num(keys.ProjFalseNorthingGeoKey) ?? 0,
  };
  const d = datumOf(keys);
  if (!d.datum) return askUser(d.why!);
  const known = CATALOGUE.find((c) => c.kind === 'projected' && c.datum === d.datum && (() => {
    const p = tmOfProj4(c);
    return p !== null && sameTm(p, tm);
  })());
  // A TM-3 zone whose meridian TT 973/2001 does not list (post-2025 provinces may adopt one).
  const def = known ?? (d.datum === 'VN-2000' && sameTm(tm, { ...tm, lat0: 0, k: 0.9999, x0: 500000, y0: 0 }) ? tm3ZoneCrs(tm.lon0) : undefined);
  if (!def)
    return askUser({
      vi: `phép chiếu TM (kinh tuyến trục ${tm.lon0}°, k = ${tm.k}, ${d.datum}) không có trong danh mục`,
      en: `the TM projection (central meridian ${tm.lon0}°, k = ${tm.k}, ${d.datum}) is not in the catalogue`,
    });
  return {
    def,
    how: {
      vi: `Tệp không ghi mã EPSG; khớp theo tham số phép chiếu (TM, kinh tuyến trục ${tm.lon0}°, k = ${tm.k}, ${d.datum}).`,
      en: `No EPSG code in the file; matched by its projection parameters (TM, central meridian ${tm.lon0}°, k = ${tm.k}, ${d.datum}).`,
    },
    warnings: assumedWarning(d.assumed),
  };
}

function assumedWarning(assumed: boolean): Msg[] {
  return assumed
    ? [
        {
          vi: 'Tệp không ghi tham số chuyển sang WGS 84 (TOWGS84): coi là VN-2000 với 7 tham số của QĐ 05/2007. Nếu không phải, hãy chọn hệ tọa độ khác.',
          en: 'The file gives no shift to WGS 84 (TOWGS84): taken as VN-2000 with the QĐ 05/2007 seven parameters. If that is wrong, choose another CRS.',
        },
      ]
    : [];
}
