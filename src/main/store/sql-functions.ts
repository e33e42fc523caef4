// SQL functions every connection needs. The ST_* ones are called by the GeoPackage R-tree triggers
// (ours and those GDAL/QGIS put in their files): without them any write to a feature table fails
// with "no such function: ST_IsEmpty".
import type Database from 'better-sqlite3';
import { foldText } from '../../shared/text/fold';
import { blobEnvelope, blobIsEmpty } from './geometry-codec';


function asBlob(v: unknown): Uint8Array | null {
  return v instanceof Uint8Array ? v : null;
}

export function registerSqlFunctions(db: Database.Database): void {
  const det = { deterministic: true };
  db.function('ST_IsEmpty', det, (g: unknown) => {
    const b = asBlob(g);
    return b ? (blobIsEmpty(b) ? 1 : 0) : null;
  });
  const coord = (i: number) => (g: unknown) => {
    const b = asBlob(g);
    if (!b) return null;
    const env = blobEnvelope(b);
    return env ? env[i]! : null;
  };
  db.function('ST_MinX', det, coord(0));
  db.function('ST_MaxX', det, coord(1));
  db.function('ST_MinY', det, coord(2));
  db.function('ST_MaxY', det, coord(3));
  db.function('qt_fold', det, (s: unknown) => (typeof s === 'string' ? foldText(s) : s == null ? null : foldText(String(s))));
}
