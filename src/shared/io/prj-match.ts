// A .prj / GeoPackage WKT matched to the catalogue. VN-2000 .prj files rarely carry TOWGS84 (ESRI
// writes "D_Vietnam_2000" with none): we recognise the datum by name and apply the QĐ 05/2007
// parameters ourselves — trusting a shift-less WKT is how data lands 200 m off.
import { CRS_CATALOGUE, findCrs, tm3ZoneCrs, type CrsDef } from '../crs/catalogue';
import { VN2000_TOWGS84 } from '../crs/vn2000';

export interface PrjMatch {
  code: string | null;
  /** The CRS's name as the WKT says it. */
  said: string;
  notes: { vi: string; en: string }[];
}

const num = (wkt: string, name: string): number | null => {
  const m = new RegExp(`PARAMETER\\[\\s*"${name}"\\s*,\\s*(-?[0-9.eE+-]+)`, 'i').exec(wkt);
  return m ? Number(m[1]) : null;
};

type Datum = 'VN-2000' | 'WGS 84' | 'Indian 1960' | 'unknown';

/** The seven numbers of a TOWGS84[…] node, or of GDAL's ESRI datum name "D_Unknown_based_on_WGS84_ellipsoid_using_towgs84_-191_90441429_…". */
function towgs84Of(wkt: string): number[] | null {
  const node = /TOWGS84\[([^\]]*)\]/i.exec(wkt)?.[1];
  if (node) return node.split(',').map(Number);
  const named = /using_towgs84_([-0-9_]+)/i.exec(wkt)?.[1];
  if (!named) return null;
  const parts = named.split('_');
  const out: number[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) out.push(Number(`${parts[i]}.${parts[i + 1]}`));
  return out.length >= 3 ? out : null;
}

const sameShift = (a: number[], b: number[]) => {
  const x = [...a];
  const y = [...b];
  while (x.length < 7) x.push(0);
  while (y.length < 7) y.push(0);
  return x.every((v, i) => Math.abs(v - y[i]!) < 1e-6);
};

function datumOf(wkt: string): Datum {
  const d = (/DATUM\[\s*"([^"]*)"/i.exec(wkt)?.[1] ?? '').toLowerCase().replace(/[\s_-]/g, '');
  const all = wkt.toLowerCase().replace(/[\s_-]/g, '');
  // A WGS 84 ellipsoid carrying exactly the QĐ 05/2007 shift is VN-2000, whatever its datum is called.
  const tw = towgs84Of(wkt);
  if (tw && /6378137/.test(wkt) && sameShift(tw, VN2000_TOWGS84.split(',').map(Number))) return 'VN-2000';
  if (/vietnam2000|vn2000|vn2000/.test(d) || /vietnam2000|vn2000/.test(all)) return 'VN-2000';
  if (/indian1960/.test(d) || /indian1960/.test(all)) return 'Indian 1960';
  if (/wgs1984|wgs84/.test(d)) return 'WGS 84';
  return 'unknown';
}

const near = (a: number | null, b: number, eps = 1e-7) => a !== null && Math.abs(a - b) < eps;

function projected(wkt: string, datum: Datum): CrsDef | undefined {
  const proj = (/PROJECTION\[\s*"([^"]*)"/i.exec(wkt)?.[1] ?? '').toLowerCase();
  if (/mercator_auxiliary_sphere|pseudo|popular_visualisation|mercator_1sp/.test(proj) && datum === 'WGS 84') return findCrs('EPSG:3857');
  if (!/transverse_mercator/.test(proj)) return undefined;
  const cm = num(wkt, 'central_meridian');
  const k = num(wkt, 'scale_factor');
  const fe = num(wkt, 'false_easting');
  const fn = num(wkt, 'false_northing');
  const lat0 = num(wkt, 'latitude_of_origin') ?? 0;
  if (cm === null || !near(fe, 500000, 1e-3) || !near(fn, 0, 1e-3) || !near(lat0, 0)) return undefined;
  if (near(k, 0.9996)) {
    const zone = Math.round((cm + 183) / 6);
    if (Math.abs(zone * 6 - 183 - cm) > 1e-9) return undefined;
    return CRS_CATALOGUE.find((c) => c.kind === 'projected' && c.datum === datum && c.proj4.includes(`+zone=${zone} `));
  }
  if (near(k, 0.9999) && datum === 'VN-2000') return tm3ZoneCrs(cm);
  return undefined;
}

export function matchPrj(wkt: string): PrjMatch {
  const text = wkt.trim();
  const said = /^(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS)\[\s*"([^"]*)"/i.exec(text)?.[1] ?? text.slice(0, 60);
  const datum = datumOf(text);
  const notes: PrjMatch['notes'] = [];
  let def: CrsDef | undefined;
  if (/^(PROJCS|PROJCRS)/i.test(text)) def = projected(text, datum);
  else if (/^(GEOGCS|GEOGCRS|GEODCRS)/i.test(text))
    def = datum === 'VN-2000' ? findCrs('EPSG:4756') : datum === 'WGS 84' ? findCrs('EPSG:4326') : datum === 'Indian 1960' ? findCrs('EPSG:4131') : undefined;
  if (def && def.datum !== 'WGS 84') {
    const twNums = towgs84Of(text);
    const tw = twNums?.join(',');
    if (!tw)
      notes.push({
        vi: `Tệp .prj không có tham số chuyển đổi sang WGS 84 (TOWGS84); QuyTap áp dụng tham số ${def.datum === 'VN-2000' ? 'QĐ 05/2007/QĐ-BTNMT' : 'của danh mục'}.`,
        en: `The .prj has no TOWGS84; QuyTap applies the ${def.datum === 'VN-2000' ? 'QĐ 05/2007/QĐ-BTNMT' : 'catalogue'} parameters.`,
      });
    else {
      const ours = /towgs84=([^ ]+)/.exec(def.proj4)?.[1]?.split(',').map(Number) ?? [];
      if (!sameShift(twNums!, ours))
        notes.push({
          vi: `Tệp .prj ghi TOWGS84[${tw}] khác tham số của QuyTap; QuyTap dùng tham số của danh mục (có thể lệch tới vài mét).`,
          en: `The .prj says TOWGS84[${tw}], unlike QuyTap's; the catalogue parameters are used (may differ by metres).`,
        });
    }
  }
  return { code: def?.code ?? null, said, notes };
}
