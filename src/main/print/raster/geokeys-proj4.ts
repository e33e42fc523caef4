// A GeoTIFF's CRS as a proj4 string, from its GeoKeys: the EPSG codes a base map arrives in
// (WGS 84, Web Mercator, UTM, the catalogue's VN-2000 zones) and the user-defined Transverse
// Mercator that GDAL writes for a TM-3 zone with no EPSG code (with GeogTOWGS84GeoKey when the
// source had +towgs84). An unknown CRS is an error, never a guess: a guessed datum is 200 m off.
import { ApiError } from '../../../shared/api';
import { findCrs } from '../../../shared/crs';

type Keys = Partial<Record<string, unknown>>;

const USER_DEFINED = 32767;
const CT_TRANSVERSE_MERCATOR = 1;
const ELLIPSOID_WGS84 = 7030;
const DATUM_WGS84 = 6326;

/** geotiff.js gives a key's values as a number, an array or a typed array. */
const list = (v: unknown): number[] => (typeof v === 'number' ? [v] : Array.isArray(v) || ArrayBuffer.isView(v) ? Array.from(v as ArrayLike<number>) : []);
const num = (v: unknown): number | undefined => {
  const x = list(v)[0];
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
};

const unknownCrs = (what: string) =>
  new ApiError(
    'validation',
    `Không nhận ra hệ tọa độ của ảnh nền (${what}). Hãy chỉ rõ hệ tọa độ (proj4) khi thêm bản đồ nền.`,
    `The base map's coordinate system is not recognised (${what}). Give its CRS (proj4) when adding the base map.`,
    { what },
  );

function epsgProj4(code: number): string | undefined {
  if (code === 4326) return '+proj=longlat +datum=WGS84 +no_defs';
  if (code === 3857 || code === 900913) return '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs';
  if (code >= 32601 && code <= 32660) return `+proj=utm +zone=${code - 32600} +datum=WGS84 +units=m +no_defs`;
  if (code >= 32701 && code <= 32760) return `+proj=utm +zone=${code - 32700} +south +datum=WGS84 +units=m +no_defs`;
  return findCrs(`EPSG:${code}`)?.proj4;
}

function ellipsoidOf(k: Keys): string {
  const towgs = list(k.GeogTOWGS84GeoKey);
  const towgs84 = towgs.length >= 3 ? ` +towgs84=${towgs.join(',')}` : '';
  const ell = num(k.GeogEllipsoidGeoKey);
  const datum = num(k.GeogGeodeticDatumGeoKey);
  const a = num(k.GeogSemiMajorAxisGeoKey);
  const rf = num(k.GeogInvFlatteningGeoKey);
  if (ell === ELLIPSOID_WGS84 || datum === DATUM_WGS84 || num(k.GeographicTypeGeoKey) === 4326) {
    return towgs84 ? `+ellps=WGS84${towgs84}` : '+datum=WGS84';
  }
  if (a !== undefined && rf !== undefined) {
    if (!towgs84 && Math.abs(a - 6378137) > 1e-3) throw unknownCrs('ellipsoid without a datum shift');
    return `+a=${a} +rf=${rf}${towgs84}`;
  }
  throw unknownCrs(`ellipsoid ${ell ?? '?'} / datum ${datum ?? '?'}`);
}

/** proj4 of the raster's CRS, or an ApiError naming what was not understood. */
export function proj4FromGeoKeys(keys: Keys | null): string {
  if (!keys) throw unknownCrs('no GeoKeys');
  const model = num(keys.GTModelTypeGeoKey);
  if (model === 2) {
    const code = num(keys.GeographicTypeGeoKey);
    if (code !== undefined && code !== USER_DEFINED) {
      const p = epsgProj4(code);
      if (p) return p;
    }
    return `+proj=longlat ${ellipsoidOf(keys)} +no_defs`;
  }
  if (model !== 1) throw unknownCrs(`model type ${model ?? '?'}`);
  const code = num(keys.ProjectedCSTypeGeoKey);
  if (code !== undefined && code !== USER_DEFINED) {
    const p = epsgProj4(code);
    if (p) return p;
    throw unknownCrs(`EPSG:${code}`);
  }
  const ct = num(keys.ProjCoordTransGeoKey);
  if (ct !== CT_TRANSVERSE_MERCATOR) throw unknownCrs(`projection method ${ct ?? '?'}`);
  const unit = num(keys.ProjLinearUnitsGeoKey);
  if (unit !== undefined && unit !== 9001) throw unknownCrs(`linear unit ${unit}`);
  const lon0 = num(keys.ProjNatOriginLongGeoKey) ?? num(keys.ProjCenterLongGeoKey) ?? 0;
  const lat0 = num(keys.ProjNatOriginLatGeoKey) ?? num(keys.ProjCenterLatGeoKey) ?? 0;
  const k0 = num(keys.ProjScaleAtNatOriginGeoKey) ?? num(keys.ProjScaleAtCenterGeoKey) ?? 1;
  const x0 = num(keys.ProjFalseEastingGeoKey) ?? 0;
  const y0 = num(keys.ProjFalseNorthingGeoKey) ?? 0;
  return `+proj=tmerc +lat_0=${lat0} +lon_0=${lon0} +k=${k0} +x_0=${x0} +y_0=${y0} ${ellipsoidOf(keys)} +units=m +no_defs`;
}
