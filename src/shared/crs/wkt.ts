import type { CrsDef } from './catalogue';

function proj4Params(proj4: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const token of proj4.trim().split(/\s+/)) {
    const match = /^\+([^=]+)(?:=(.*))?$/.exec(token);
    if (match) params.set(match[1], match[2] ?? '');
  }
  return params;
}

const q = (text: string) => `"${text.replace(/"/g, '""')}"`;

const WGS84_GEOGCS =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],' +
  'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],' +
  'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]';

const WGS84_GEOGRAPHIC =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],' +
  'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],' +
  'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],' +
  'AUTHORITY["EPSG","4326"]]';

/** GDAL's own WKT1 for EPSG:3857; a sphere-on-WGS84 projection WKT1 cannot express without the PROJ4 extension. */
const WEB_MERCATOR =
  `PROJCS["WGS 84 / Pseudo-Mercator",${WGS84_GEOGCS},PROJECTION["Mercator_1SP"],` +
  'PARAMETER["central_meridian",0],PARAMETER["scale_factor",1],PARAMETER["false_easting",0],' +
  'PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],' +
  'AXIS["Northing",NORTH],EXTENSION["PROJ4","+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 ' +
  '+x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs"],AUTHORITY["EPSG","3857"]]';

/*
 * Datum names deliberately unknown to EPSG, and no AUTHORITY on VN-2000 / Indian 1960 CRSs.
 * Checked with GDAL 3.6: given AUTHORITY["EPSG","9218"], GDAL transforms with the EPSG
 * operation and ignores our TOWGS84; given a datum it recognises ("Vietnam_2000",
 * "Indian_1960"), its GeoPackage and shapefile readers strip TOWGS84 as redundant
 * (OSR_STRIP_TOWGS84). Either way QGIS/GDAL would draw our data 0.5–1.3 m (VN-2000) or
 * ~500 m (Indian 1960 south of 14°N) away from where QuyTap draws it.
 */
const DATUM_NAME: Record<CrsDef['datum'], string> = {
  'VN-2000': 'VN-2000 (QD 05/2007/QD-BTNMT)',
  'Indian 1960': 'Indian 1960 (L7014 maps)',
  'WGS 84': 'WGS_1984',
};

function spheroid(params: Map<string, string>, datum: CrsDef['datum']): string {
  if (params.has('a') && params.has('rf')) {
    const name = datum === 'Indian 1960' ? 'Everest 1830 (1937 Adjustment)' : 'Custom';
    return `SPHEROID[${q(name)},${params.get('a')},${params.get('rf')}]`;
  }
  if (params.get('ellps') === 'WGS84' || params.get('datum') === 'WGS84') {
    return 'SPHEROID["WGS 84",6378137,298.257223563]';
  }
  throw new Error(`crsWkt: unsupported ellipsoid in ${[...params.keys()].join(' ')}`);
}

function geogcs(def: CrsDef, params: Map<string, string>): string {
  if (def.datum === 'WGS 84') return WGS84_GEOGCS;
  const towgs84 = (params.get('towgs84') ?? '').split(',').filter((s) => s !== '');
  if (towgs84.length !== 3 && towgs84.length !== 7) {
    throw new Error(`crsWkt: ${def.code} has no 3- or 7-parameter +towgs84`);
  }
  while (towgs84.length < 7) towgs84.push('0');
  return (
    `GEOGCS[${q(def.datum)},DATUM[${q(DATUM_NAME[def.datum])},${spheroid(params, def.datum)},` +
    `TOWGS84[${towgs84.join(',')}]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]`
  );
}

function transverseMercator(params: Map<string, string>): string[] {
  const isUtm = params.get('proj') === 'utm';
  const zone = Number(params.get('zone'));
  const values: Array<[string, number]> = isUtm
    ? [
        ['latitude_of_origin', 0],
        ['central_meridian', zone * 6 - 183],
        ['scale_factor', 0.9996],
        ['false_easting', 500000],
        ['false_northing', params.has('south') ? 10000000 : 0],
      ]
    : [
        ['latitude_of_origin', Number(params.get('lat_0') ?? 0)],
        ['central_meridian', Number(params.get('lon_0') ?? 0)],
        ['scale_factor', Number(params.get('k') ?? params.get('k_0') ?? 1)],
        ['false_easting', Number(params.get('x_0') ?? 0)],
        ['false_northing', Number(params.get('y_0') ?? 0)],
      ];
  return ['PROJECTION["Transverse_Mercator"]', ...values.map(([name, value]) => `PARAMETER[${q(name)},${value}]`)];
}

/**
 * OGC WKT1 (GDAL dialect), as GeoPackage's gpkg_spatial_ref_sys.definition and .prj files
 * carry it, with TOWGS84 so that GDAL and QGIS apply the same datum shift QuyTap does.
 */
export function crsWkt(def: CrsDef): string {
  if (def.code === 'EPSG:3857') return WEB_MERCATOR;
  const params = proj4Params(def.proj4);
  const base = geogcs(def, params);
  if (def.kind === 'geographic') {
    return def.datum === 'WGS 84' ? WGS84_GEOGRAPHIC : base;
  }
  const proj = params.get('proj');
  if (proj !== 'tmerc' && proj !== 'utm') throw new Error(`crsWkt: unsupported projection ${proj} in ${def.code}`);
  const parts = [
    q(def.nameEn),
    base,
    ...transverseMercator(params),
    'UNIT["metre",1,AUTHORITY["EPSG","9001"]]',
    'AXIS["Easting",EAST]',
    'AXIS["Northing",NORTH]',
  ];
  if (def.datum === 'WGS 84' && def.epsg) parts.push(`AUTHORITY["EPSG","${def.epsg}"]`);
  return `PROJCS[${parts.join(',')}]`;
}
