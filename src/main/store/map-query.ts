// The map's read of a feature table (features.map, src/shared/contract/map-layer.ts): live rows by
// extent, laid out by column. The same R-tree filter as queryRows; geometries go through the one
// GeoPackage decoder, then into the flat layout.
import { appendGeometry, encodeColumn, MAP_GEOM, type MapLayer } from '../../shared/contract/map-layer';
import type { Extent, PropValue, TableName } from '../../shared/model';
import { tableLabelVi, validationError } from './errors';
import { decodeGpkgGeometry } from './geometry-codec';
import { fromSqlValue } from './row-codec';
import type { StatementCache } from './statements';
import { GEOM_COLUMN, layoutOf, q } from './table-columns';

export function mapLayer(stmts: StatementCache, table: TableName, bbox: Extent | undefined, limit: number): MapLayer {
  const l = layoutOf(table);
  if (!l.rtree) throw validationError(`Bảng ${tableLabelVi(table)} không có hình học.`, `Table ${table} has no geometry.`);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200_000) throw validationError('Giới hạn không hợp lệ.', 'Invalid limit.', { limit });
  const params: unknown[] = [];
  let where = 'deleted = 0';
  if (bbox) {
    if (!Array.isArray(bbox) || bbox.length !== 4 || bbox.some((x) => typeof x !== 'number' || !Number.isFinite(x)) || bbox[0] > bbox[2] || bbox[1] > bbox[3])
      throw validationError('Khung tìm kiếm không hợp lệ (cần [minX, minY, maxX, maxY]).', 'Invalid bbox (needs [minX, minY, maxX, maxY]).', { bbox });
    where += ` AND fid IN (SELECT id FROM ${q(l.rtree)} WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?)`;
    params.push(bbox[2], bbox[0], bbox[3], bbox[1]);
  }
  const cols = ['uuid', q(GEOM_COLUMN), ...l.fields.map((f) => q(f.name)), 'version', 'created_at', 'created_by', 'updated_at', 'updated_by'];
  const sql = `SELECT ${cols.join(', ')} FROM ${q(table)} WHERE ${where} ORDER BY fid LIMIT ?`;
  const raw = stmts.get(sql, true).all(...params, limit + 1) as unknown[][];
  const truncated = raw.length > limit;
  const n = truncated ? limit : raw.length;
  const nf = l.fields.length;
  const ids: string[] = new Array(n);
  const fieldValues: PropValue[][] = l.fields.map(() => new Array<PropValue>(n));
  const tail: PropValue[][] = [0, 1, 2, 3, 4].map(() => new Array<PropValue>(n));
  const geom: MapLayer['geom'] = { types: [], parts: [], xy: [] };
  for (let k = 0; k < n; k++) {
    const r = raw[k]!;
    ids[k] = r[0] as string;
    const blob = r[1] as Uint8Array | null;
    // The commonest row, a little-endian 2D point blob without envelope (decodeGpkgGeometry's own
    // fast path), goes straight into the flat array: no GeoJSON object per grave.
    if (blob && blob.length === 29 && blob[0] === 0x47 && blob[1] === 0x50 && blob[2] === 0 && blob[3] === 1 && blob[8] === 1 && blob[9] === 1 && blob[10] === 0 && blob[11] === 0 && blob[12] === 0) {
      const v = new DataView(blob.buffer, blob.byteOffset, 29);
      const x = v.getFloat64(13, true);
      const y = v.getFloat64(21, true);
      if (Number.isNaN(x) && Number.isNaN(y)) geom.types.push(MAP_GEOM.none);
      else {
        geom.types.push(MAP_GEOM.Point);
        geom.xy.push(x, y);
      }
    } else appendGeometry(decodeGpkgGeometry(blob), geom);
    for (let f = 0; f < nf; f++) fieldValues[f]![k] = fromSqlValue(l.fields[f]!, r[2 + f]);
    tail[0]![k] = Number(r[2 + nf]);
    for (let t = 1; t < 5; t++) tail[t]![k] = r[2 + nf + t] as string;
  }
  const props: MapLayer['props'] = {};
  l.fields.forEach((f, i) => (props[f.name] = encodeColumn(fieldValues[i]!)));
  return {
    table,
    ids,
    versions: encodeColumn(tail[0]!),
    props,
    meta: { createdAt: encodeColumn(tail[1]!), createdBy: encodeColumn(tail[2]!), updatedAt: encodeColumn(tail[3]!), updatedBy: encodeColumn(tail[4]!) },
    geom,
    truncated,
  };
}
