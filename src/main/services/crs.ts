// Bridges the shared CRS catalogue to what the store writes in gpkg_spatial_ref_sys.
import { ApiError } from '../../shared/api-error';
import { crsWkt, findCrs } from '../../shared/crs/catalogue';
import type { CrsDef } from '../../shared/crs/catalogue';

export interface StoreCrs {
  srsId: number;
  organization: string;
  organizationCoordsysId: number;
  name: string;
  definition: string;
  code: string;
}

/**
 * srs_ids in a private range under organisation 'QUYTAP'. Written as ('EPSG', 9218), GDAL and QGIS
 * would rebuild the CRS from the EPSG database and ignore our WKT: VN-2000 data would move 0.5–1.3 m
 * (EPSG's own VN-2000 → WGS 84 operation) and Indian 1960 data ~500 m (no shift). Our WKT, carrying
 * the QĐ 05/2007 TOWGS84, must be the definition they read.
 */
const PRIVATE_EPSG_BASE = 100000;
const PRIVATE_CUSTOM_BASE = 200000;

export function crsForStore(code: string): { def: CrsDef; store: StoreCrs } {
  const def = findCrs(code);
  if (!def) throw new ApiError('validation', `Hệ tọa độ không có trong danh mục: ${code}`, `CRS not in the catalogue: ${code}`);
  if (def.kind !== 'projected') {
    throw new ApiError('validation', `Hệ tọa độ làm việc phải là hệ phẳng (mét): ${def.name}`, `The working CRS must be projected (metres): ${def.nameEn}`);
  }
  const m = /^EPSG:(\d+)$/.exec(def.code);
  // Plain WGS 84 projections (UTM 48N/49N) carry no datum shift: the EPSG entry is exactly ours.
  const epsgIsExact = m !== null && def.datum === 'WGS 84';
  const id = epsgIsExact ? Number(m[1]) : m ? PRIVATE_EPSG_BASE + Number(m[1]) : PRIVATE_CUSTOM_BASE + Math.round((def.centralMeridian ?? 0) * 100);
  return {
    def,
    store: {
      srsId: id,
      organization: epsgIsExact ? 'EPSG' : 'QUYTAP',
      organizationCoordsysId: id,
      name: def.name,
      definition: crsWkt(def),
      code: def.code,
    },
  };
}
