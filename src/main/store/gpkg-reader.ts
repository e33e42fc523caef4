// Reads the feature layers of a foreign GeoPackage (QGIS, GDAL, another QuyTap project) for import:
// read-only, never written. SQL stays in the store; the importer gets plain rows.
import Database from 'better-sqlite3';
import type { Geometry, PropValue } from '../../shared/model';
import { decodeGpkgGeometry, GeometryError } from './geometry-codec';
import { q } from './table-columns';

export interface GpkgLayerInfo {
  table: string;
  geometryColumn: string;
  srsId: number;
  srsName: string;
  /** WKT of gpkg_spatial_ref_sys.definition, for matching to our catalogue. */
  definition: string;
  organization: string;
  organizationId: number;
  count: number;
}

export interface GpkgRow {
  row: number;
  geometry: Geometry | null;
  props: Record<string, PropValue>;
  /** Decoding error (unsupported WKB type…) for this row. */
  error?: string;
}

export class GpkgReader {
  private constructor(private readonly db: Database.Database) {}

  static open(path: string): GpkgReader {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_contents'").get();
    } catch (e) {
      db.close();
      throw e;
    }
    return new GpkgReader(db);
  }

  close(): void {
    this.db.close();
  }

  layers(): GpkgLayerInfo[] {
    const hasContents = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_contents'").get();
    if (!hasContents) return [];
    const rows = this.db
      .prepare(
        `SELECT c.table_name AS t, g.column_name AS col, g.srs_id AS srs, s.srs_name AS name, s.definition AS def, s.organization AS org, s.organization_coordsys_id AS orgId
         FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
         LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id
         WHERE c.data_type = 'features' ORDER BY c.table_name`,
      )
      .all() as { t: string; col: string; srs: number; name: string | null; def: string | null; org: string | null; orgId: number | null }[];
    return rows.map((r) => ({
      table: r.t,
      geometryColumn: r.col,
      srsId: r.srs,
      srsName: r.name ?? '',
      definition: r.def ?? '',
      organization: r.org ?? '',
      organizationId: r.orgId ?? 0,
      count: (this.db.prepare(`SELECT count(*) AS n FROM ${q(r.t)}`).get() as { n: number }).n,
    }));
  }

  /** Rows of one layer in rowid order; attributes are every column but the key and the geometry. */
  *rows(layer: GpkgLayerInfo, skipColumns: readonly string[] = []): Generator<GpkgRow> {
    const cols = (this.db.prepare(`PRAGMA table_info(${q(layer.table)})`).all() as { name: string; pk: number }[]).filter(
      (c) => c.pk === 0 && c.name !== layer.geometryColumn && !skipColumns.includes(c.name),
    );
    const sql = `SELECT ${q(layer.geometryColumn)} AS __g${cols.map((c) => `, ${q(c.name)}`).join('')} FROM ${q(layer.table)} ORDER BY rowid`;
    let n = 0;
    for (const r of this.db.prepare(sql).iterate() as Iterable<Record<string, unknown>>) {
      n++;
      const props: Record<string, PropValue> = {};
      for (const c of cols) {
        const v = r[c.name];
        props[c.name] = v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'string' ? v : typeof v === 'bigint' ? Number(v) : null;
      }
      try {
        yield { row: n, geometry: decodeGpkgGeometry(r.__g as Uint8Array | null), props };
      } catch (e) {
        if (e instanceof GeometryError) yield { row: n, geometry: null, props, error: e.message };
        else throw e;
      }
    }
  }
}
