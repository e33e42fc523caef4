import { foldKey } from '../text/fold';
import { EVEREST1830, INDIAN1960_TOWGS84 } from './indian1960';
import { VN2000_TOWGS84 } from './vn2000';

export type CrsDatum = 'VN-2000' | 'WGS 84' | 'Indian 1960';

export type CrsDef = {
  /** 'EPSG:9218', or 'QUYTAP:VN2000-TM3-<CM×100>' where EPSG has no code. */
  code: string;
  /** Vietnamese-first display name. */
  name: string;
  nameEn: string;
  kind: 'geographic' | 'projected';
  datum: CrsDatum;
  proj4: string;
  epsg?: number;
  centralMeridian?: number;
  /** Pre-2025 provinces that use this zone by TT 973/2001/TT-TCĐC. */
  provinces?: string[];
  axisNote: string;
};

const AXIS_GEOGRAPHIC = 'Kinh độ, vĩ độ (độ thập phân), lưu [kinh độ, vĩ độ] · longitude, latitude in degrees, stored [lon, lat]';
const AXIS_VN2000_PROJECTED =
  'X = toạ độ Bắc (northing), Y = toạ độ Đông (easting) theo quy ước Việt Nam; lưu [Y, X] · ' +
  'Vietnamese X is the northing and Y the easting; stored [easting, northing]';
const AXIS_PROJECTED = 'Đông (E), Bắc (N), mét; lưu [E, N] · easting, northing in metres, stored [E, N]';

const VN2000_ELLIPSOID = `+ellps=WGS84 +towgs84=${VN2000_TOWGS84}`;
const INDIAN1960_ELLIPSOID = `+a=${EVEREST1830.a} +rf=${EVEREST1830.rf} +towgs84=${INDIAN1960_TOWGS84}`;

/** TT 973/2001/TT-TCĐC central meridians; every EPSG code here was checked with `projinfo` (PROJ 9.1). */
const TM3_ZONES: ReadonlyArray<{ cm: number; epsg: number; provinces: string[] }> = [
  { cm: 103, epsg: 9205, provinces: ['Lai Châu', 'Điện Biên'] },
  { cm: 104, epsg: 9206, provinces: ['Sơn La'] },
  { cm: 104.5, epsg: 9207, provinces: ['Kiên Giang', 'Cà Mau'] },
  { cm: 104.75, epsg: 9208, provinces: ['Lào Cai', 'Yên Bái', 'Nghệ An', 'Phú Thọ', 'An Giang'] },
  {
    cm: 105,
    epsg: 5897,
    provinces: ['Hà Nội', 'Vĩnh Phúc', 'Hà Nam', 'Ninh Bình', 'Thanh Hóa', 'Đồng Tháp', 'Cần Thơ', 'Hậu Giang', 'Bạc Liêu'],
  },
  {
    cm: 105.5,
    epsg: 9209,
    provinces: [
      'Hà Giang',
      'Bắc Ninh',
      'Hải Dương',
      'Hưng Yên',
      'Nam Định',
      'Thái Bình',
      'Hà Tĩnh',
      'Tây Ninh',
      'Vĩnh Long',
      'Trà Vinh',
      'Sóc Trăng',
    ],
  },
  {
    cm: 105.75,
    epsg: 9210,
    provinces: ['Hải Phòng', 'TP Hồ Chí Minh', 'Bình Dương', 'Cao Bằng', 'Long An', 'Tiền Giang', 'Bến Tre'],
  },
  { cm: 106, epsg: 9211, provinces: ['Tuyên Quang', 'Hòa Bình', 'Quảng Bình'] },
  { cm: 106.25, epsg: 9212, provinces: ['Quảng Trị', 'Bình Phước'] },
  { cm: 106.5, epsg: 9213, provinces: ['Bắc Kạn', 'Thái Nguyên'] },
  { cm: 107, epsg: 9214, provinces: ['Bắc Giang', 'Thừa Thiên Huế'] },
  { cm: 107.25, epsg: 9215, provinces: ['Lạng Sơn'] },
  { cm: 107.5, epsg: 9216, provinces: ['Kon Tum'] },
  {
    cm: 107.75,
    epsg: 5899,
    provinces: ['Quảng Ninh', 'Đà Nẵng', 'Quảng Nam', 'Lâm Đồng', 'Đồng Nai', 'Bà Rịa–Vũng Tàu'],
  },
  { cm: 108, epsg: 5898, provinces: ['Quảng Ngãi'] },
  { cm: 108.25, epsg: 9217, provinces: ['Bình Định', 'Khánh Hòa', 'Ninh Thuận'] },
  { cm: 108.5, epsg: 9218, provinces: ['Gia Lai', 'Đắk Lắk', 'Đắk Nông', 'Phú Yên', 'Bình Thuận'] },
];

/** 108.5 → { vi: "108°30′", en: "108-30" }; seconds appear only when a custom meridian needs them. */
function meridianLabel(cm: number): { vi: string; en: string } {
  const totalSeconds = Math.round(Math.abs(cm) * 3600);
  const d = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const sign = cm < 0 ? '-' : '';
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return s === 0
    ? { vi: `${sign}${d}°${mm}′`, en: `${sign}${d}-${mm}` }
    : { vi: `${sign}${d}°${mm}′${ss}″`, en: `${sign}${d}-${mm}-${ss}` };
}

const DATUM_PROJ4: Record<CrsDatum, string> = {
  'VN-2000': VN2000_ELLIPSOID,
  'WGS 84': '+datum=WGS84',
  'Indian 1960': INDIAN1960_ELLIPSOID,
};

/** UTM of any zone on one of our three datums, for grid references outside the catalogue's zones 48/49. */
export function utmProj4(zone: number, south: boolean, datum: CrsDatum): string {
  return `+proj=utm +zone=${zone}${south ? ' +south' : ''} ${DATUM_PROJ4[datum]} +units=m +no_defs`;
}

function tm3Proj4(cm: number): string {
  return `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=0.9999 +x_0=500000 +y_0=0 ${VN2000_ELLIPSOID} +units=m +no_defs`;
}

function provinceSummary(provinces: string[]): string {
  return provinces.length <= 3 ? provinces.join(', ') : `${provinces.slice(0, 3).join(', ')}, …`;
}

function tm3Def(cm: number, epsg: number | undefined, provinces: string[] | undefined): CrsDef {
  const label = meridianLabel(cm);
  const code = epsg ? `EPSG:${epsg}` : `QUYTAP:VN2000-TM3-${Number((cm * 100).toFixed(6))}`;
  const where = provinces?.length ? provinceSummary(provinces) : 'tự đặt';
  return {
    code,
    name: `VN-2000 / TM-3 ${label.vi} (${where})`,
    nameEn: `VN-2000 / TM-3 ${label.en}${provinces?.length ? '' : ' (custom)'}`,
    kind: 'projected',
    datum: 'VN-2000',
    proj4: tm3Proj4(cm),
    epsg,
    centralMeridian: cm,
    provinces,
    axisNote: AXIS_VN2000_PROJECTED,
  };
}

function utmDef(epsg: number, zone: number, datum: CrsDatum, name: string, nameEn: string): CrsDef {
  return {
    code: `EPSG:${epsg}`,
    name,
    nameEn,
    kind: 'projected',
    datum,
    proj4: utmProj4(zone, false, datum),
    epsg,
    centralMeridian: zone * 6 - 183,
    axisNote: datum === 'VN-2000' ? AXIS_VN2000_PROJECTED : AXIS_PROJECTED,
  };
}

export const CRS_CATALOGUE: readonly CrsDef[] = [
  {
    code: 'EPSG:4756',
    name: 'VN-2000 (toạ độ địa lý)',
    nameEn: 'VN-2000',
    kind: 'geographic',
    datum: 'VN-2000',
    proj4: `+proj=longlat ${VN2000_ELLIPSOID} +no_defs`,
    epsg: 4756,
    axisNote: AXIS_GEOGRAPHIC,
  },
  ...TM3_ZONES.map((z) => tm3Def(z.cm, z.epsg, z.provinces)),
  utmDef(3405, 48, 'VN-2000', 'VN-2000 / UTM múi 48N (bản đồ 1:25.000–1:50.000)', 'VN-2000 / UTM zone 48N'),
  utmDef(3406, 49, 'VN-2000', 'VN-2000 / UTM múi 49N (bản đồ 1:25.000–1:50.000)', 'VN-2000 / UTM zone 49N'),
  {
    code: 'EPSG:4326',
    name: 'WGS 84 (GPS, toạ độ địa lý)',
    nameEn: 'WGS 84',
    kind: 'geographic',
    datum: 'WGS 84',
    proj4: '+proj=longlat +datum=WGS84 +no_defs',
    epsg: 4326,
    axisNote: AXIS_GEOGRAPHIC,
  },
  utmDef(32648, 48, 'WGS 84', 'WGS 84 / UTM múi 48N', 'WGS 84 / UTM zone 48N'),
  utmDef(32649, 49, 'WGS 84', 'WGS 84 / UTM múi 49N', 'WGS 84 / UTM zone 49N'),
  {
    code: 'EPSG:3857',
    name: 'WGS 84 / Pseudo-Mercator (bản đồ web)',
    nameEn: 'WGS 84 / Pseudo-Mercator',
    kind: 'projected',
    datum: 'WGS 84',
    proj4: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs',
    epsg: 3857,
    axisNote: AXIS_PROJECTED,
  },
  {
    code: 'EPSG:4131',
    name: 'Indian 1960 (bản đồ Mỹ L7014 thời chiến, toạ độ địa lý)',
    nameEn: 'Indian 1960',
    kind: 'geographic',
    datum: 'Indian 1960',
    proj4: `+proj=longlat ${INDIAN1960_ELLIPSOID} +no_defs`,
    epsg: 4131,
    axisNote: AXIS_GEOGRAPHIC,
  },
  utmDef(3148, 48, 'Indian 1960', 'Indian 1960 / UTM múi 48N (bản đồ L7014)', 'Indian 1960 / UTM zone 48N'),
  utmDef(3149, 49, 'Indian 1960', 'Indian 1960 / UTM múi 49N (bản đồ L7014)', 'Indian 1960 / UTM zone 49N'),
];

/** The same list; both names are imported elsewhere in the app. */
export const CATALOGUE = CRS_CATALOGUE;

export { crsWkt } from './wkt';

const byCode = new Map(CRS_CATALOGUE.map((def) => [def.code.toUpperCase(), def]));

/**
 * The catalogue's TM-3 entry for a central meridian, or a custom one: post-2025 provinces
 * may adopt a meridian that is not in TT 973/2001, and a project must be able to set it.
 */
export function tm3ZoneCrs(centralMeridianDeg: number): CrsDef {
  if (!Number.isFinite(centralMeridianDeg) || Math.abs(centralMeridianDeg) > 180) {
    throw new RangeError(`Central meridian out of range: ${centralMeridianDeg}`);
  }
  const known = TM3_ZONES.find((z) => Math.abs(z.cm - centralMeridianDeg) < 1e-9);
  if (known) return byCode.get(`EPSG:${known.epsg}`)!;
  return tm3Def(centralMeridianDeg, undefined, undefined);
}

const CUSTOM_TM3 = /^QUYTAP:VN2000-TM3-(-?\d+(?:\.\d+)?)$/;

export function findCrs(code: string): CrsDef | undefined {
  const key = code.trim().toUpperCase();
  const known = byCode.get(key);
  if (known) return known;
  const custom = CUSTOM_TM3.exec(key);
  return custom ? tm3ZoneCrs(Number(custom[1]) / 100) : undefined;
}

/** Spellings people use for a province that folding diacritics alone does not reach. */
const PROVINCE_ALIASES: Record<string, string> = {
  hcm: 'TP Hồ Chí Minh',
  tphcm: 'TP Hồ Chí Minh',
  hochiminh: 'TP Hồ Chí Minh',
  saigon: 'TP Hồ Chí Minh',
  hue: 'Thừa Thiên Huế',
  brvt: 'Bà Rịa–Vũng Tàu',
  daklak: 'Đắk Lắk',
  daclac: 'Đắk Lắk',
  baccan: 'Bắc Kạn',
};

const PROVINCE_PREFIX = /^(tinh|thanhpho|tp)/;

function provinceKey(name: string): string {
  const folded = foldKey(name);
  const bare = folded.replace(PROVINCE_PREFIX, '');
  return bare.length > 0 ? bare : folded;
}

const zoneByProvince = new Map<string, CrsDef>();
for (const def of CRS_CATALOGUE) {
  for (const province of def.provinces ?? []) zoneByProvince.set(provinceKey(province), def);
}
for (const [alias, province] of Object.entries(PROVINCE_ALIASES)) {
  zoneByProvince.set(foldKey(alias), zoneByProvince.get(provinceKey(province))!);
}

/** The TT 973/2001 TM-3 zone of a pre-2025 province, matched without regard to diacritics or spacing. */
export function defaultCrsForProvince(name: string): CrsDef | undefined {
  const folded = foldKey(name);
  return zoneByProvince.get(folded) ?? zoneByProvince.get(provinceKey(name));
}

const GEOGRAPHIC_CODE: Record<CrsDatum, string> = {
  'VN-2000': 'EPSG:4756',
  'WGS 84': 'EPSG:4326',
  'Indian 1960': 'EPSG:4131',
};

export const geographicCrsOf = (datum: CrsDatum): CrsDef => byCode.get(GEOGRAPHIC_CODE[datum])!;
