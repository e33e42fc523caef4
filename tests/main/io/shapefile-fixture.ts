// Shapefiles written for the import tests by our own writer (src/main/io/shp-writer.ts), as ArcGIS
// writes them for a commune: .shp, .shx, a UTF-8 .dbf of text columns with its .cpg, and a .prj in
// VN-2000 TM-3 108°30′ (the province's working CRS, EPSG:9218) unless another is given.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Geometry, PropValue } from '../../../src/shared/model';
import { writeDbf, writeShp, type ShpKind } from '../../../src/main/io/shp-writer';

/** The .prj ArcGIS writes for VN-2000 TM-3 108°30′ (Đắk Nông's zone). */
export const TM3_108_30_PRJ =
  'PROJCS["VN_2000_TM_3_108_30",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",108.5],PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

/** `<dir>/<name>.shp` with its siblings: `geoms` and, per row, the values of the text `fields`. Returns the .shp's path. */
export function writeShapefile(dir: string, name: string, kind: ShpKind, geoms: Geometry[], fields: string[], rows: PropValue[][], prj = TM3_108_30_PRJ): string {
  const { shp, shx } = writeShp(kind, geoms);
  mkdirSync(dir, { recursive: true });
  const base = join(dir, name);
  writeFileSync(`${base}.shp`, shp);
  writeFileSync(`${base}.shx`, shx);
  writeFileSync(`${base}.dbf`, writeDbf(fields.map((f) => ({ name: f, type: 'C', length: 40, decimals: 0 })), rows));
  writeFileSync(`${base}.cpg`, 'UTF-8');
  writeFileSync(`${base}.prj`, prj);
  return `${base}.shp`;
}
