// GeoPackage RTree Spatial Index extension (GeoPackage 1.3, Annex F.3), triggers word for word so
// that GDAL and QGIS, which check for these names, keep maintaining the index when they write.
import type Database from 'better-sqlite3';
import { q } from './table-columns';

export const RTREE_EXTENSION = 'gpkg_rtree_index';
export const RTREE_DEFINITION = 'http://www.geopackage.org/spec/#extension_rtree';

export function rtreeName(table: string, column: string): string {
  return `rtree_${table}_${column}`;
}

export function createRtree(db: Database.Database, table: string, column: string, pk = 'fid'): void {
  const t = q(table);
  const c = q(column);
  const i = q(pk);
  const r = rtreeName(table, column);
  const rq = q(r);
  const values = `NEW.${i}, ST_MinX(NEW.${c}), ST_MaxX(NEW.${c}), ST_MinY(NEW.${c}), ST_MaxY(NEW.${c})`;
  db.exec(`
    CREATE VIRTUAL TABLE ${rq} USING rtree(id, minx, maxx, miny, maxy);

    CREATE TRIGGER ${q(`${r}_insert`)} AFTER INSERT ON ${t}
      WHEN (new.${c} NOT NULL AND NOT ST_IsEmpty(NEW.${c}))
    BEGIN
      INSERT OR REPLACE INTO ${rq} VALUES (${values});
    END;

    CREATE TRIGGER ${q(`${r}_update1`)} AFTER UPDATE OF ${c} ON ${t}
      WHEN OLD.${i} = NEW.${i} AND (NEW.${c} NOTNULL AND NOT ST_IsEmpty(NEW.${c}))
    BEGIN
      INSERT OR REPLACE INTO ${rq} VALUES (${values});
    END;

    CREATE TRIGGER ${q(`${r}_update2`)} AFTER UPDATE OF ${c} ON ${t}
      WHEN OLD.${i} = NEW.${i} AND (NEW.${c} ISNULL OR ST_IsEmpty(NEW.${c}))
    BEGIN
      DELETE FROM ${rq} WHERE id = OLD.${i};
    END;

    CREATE TRIGGER ${q(`${r}_update3`)} AFTER UPDATE ON ${t}
      WHEN OLD.${i} != NEW.${i} AND (NEW.${c} NOTNULL AND NOT ST_IsEmpty(NEW.${c}))
    BEGIN
      DELETE FROM ${rq} WHERE id = OLD.${i};
      INSERT OR REPLACE INTO ${rq} VALUES (${values});
    END;

    CREATE TRIGGER ${q(`${r}_update4`)} AFTER UPDATE ON ${t}
      WHEN OLD.${i} != NEW.${i} AND (NEW.${c} ISNULL OR ST_IsEmpty(NEW.${c}))
    BEGIN
      DELETE FROM ${rq} WHERE id IN (OLD.${i}, NEW.${i});
    END;

    CREATE TRIGGER ${q(`${r}_delete`)} AFTER DELETE ON ${t}
      WHEN old.${c} NOT NULL
    BEGIN
      DELETE FROM ${rq} WHERE id = OLD.${i};
    END;
  `);
  db.prepare('INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES (?, ?, ?, ?, ?)').run(
    table,
    column,
    RTREE_EXTENSION,
    RTREE_DEFINITION,
    'write-only',
  );
}
