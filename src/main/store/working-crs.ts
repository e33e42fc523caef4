// The project's working CRS as the caller hands it over, and the row it becomes in
// gpkg_spatial_ref_sys. The row is deliberately not always a verbatim copy: see gpkgSrsRow().
import { z } from 'zod';

export const WorkingCrsSchema = z.object({
  srsId: z.number().int(),
  organization: z.string().min(1).max(64),
  organizationCoordsysId: z.number().int(),
  name: z.string().min(1).max(300),
  /** OGC WKT1, with TOWGS84 when the datum needs a shift to WGS 84. */
  definition: z.string().min(10).max(20_000),
  /** e.g. 'EPSG:9218' */
  code: z.string().min(1).max(64),
});
export type WorkingCrs = z.infer<typeof WorkingCrsSchema>;

export interface GpkgSrsRow {
  srsName: string;
  srsId: number;
  organization: string;
  organizationCoordsysId: number;
  definition: string;
  description: string;
}

const TOWGS84 = /TOWGS84\[([^\]]*)\]/i;

/** The seven TOWGS84 numbers of a WKT1 definition, or null when it has none (or only zeros). */
export function towgs84Of(wkt: string): number[] | null {
  const m = TOWGS84.exec(wkt);
  if (!m) return null;
  const values = m[1]!.split(',').map((s) => Number(s.trim()));
  if (values.some((v) => !Number.isFinite(v))) return null;
  return values.some((v) => v !== 0) ? values : null;
}

/**
 * GDAL (hence QGIS) reads a GeoPackage CRS in two ways that both throw our TOWGS84 away:
 *  - organization 'EPSG' with organization_coordsys_id = srs_id: it loads EPSG's own definition and
 *    ignores ours (for VN-2000, EPSG's transformation has the opposite rotation signs: ~0.5–1 m off);
 *  - otherwise it parses our WKT but strips TOWGS84 when it recognises the datum (by name or by an
 *    AUTHORITY node) and then lets PROJ pick a transformation (for Indian 1960 south of 14°N: none).
 * So when the definition carries a real shift we write it in a form GDAL cannot "recognise": no
 * AUTHORITY nodes, the datum renamed with a "_TOWGS84" suffix, and our own organization name. The
 * EPSG code the project was made with stays in the description and in qt_meta. Verified against
 * ogr2ogr -t_srs EPSG:4326 in tests/main/store/gdal-interop.test.ts.
 */
export function gpkgSrsRow(crs: WorkingCrs): GpkgSrsRow {
  const base: GpkgSrsRow = {
    srsName: crs.name,
    srsId: crs.srsId,
    organization: crs.organization,
    organizationCoordsysId: crs.organizationCoordsysId,
    definition: crs.definition,
    description: crs.code,
  };
  const shift = towgs84Of(crs.definition);
  if (!shift) return base;
  const definition = crs.definition
    .replace(/,\s*AUTHORITY\[\s*"[^"]*"\s*,\s*"?[^"\]]*"?\s*\]/gi, '')
    .replace(/DATUM\[\s*"([^"]*)"/i, (_m, name: string) => `DATUM["${name.endsWith('_TOWGS84') ? name : `${name}_TOWGS84`}"`);
  const epsg = crs.organization.toUpperCase() === 'EPSG';
  return {
    ...base,
    organization: epsg ? 'QUYTAP' : crs.organization,
    definition,
    description: epsg
      ? `${crs.code} with the datum shift TOWGS84[${shift.join(',')}] written explicitly (QuyTap); not EPSG's own transformation`
      : `${crs.code} (TOWGS84[${shift.join(',')}])`,
  };
}
