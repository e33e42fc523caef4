// Reading rows: by extent (R-tree), by attribute filter, by diacritic-insensitive text, by id, and
// along links. Field names reach SQL only after being found in TABLES; values are always bound.
import type { Extent, PropValue, Row, TableName } from '../../shared/model';
import { isTableName } from '../../shared/model';
import { tableLabelVi, validationError } from './errors';
import { decodeRaw, selectColumns, toRow, toSqlValue } from './row-codec';
import { foldText } from '../../shared/text/fold';
import type { StatementCache } from './statements';
import { layoutOf, q, type TableLayout } from './table-columns';

export type Filter = Record<string, PropValue | PropValue[]>;

export interface QueryOptions {
  bbox?: Extent;
  filter?: Filter;
  includeDeleted?: boolean;
  limit?: number;
  offset?: number;
}

interface Where {
  clauses: string[];
  params: unknown[];
}

const nfc = (v: PropValue): PropValue => (typeof v === 'string' ? v.normalize('NFC') : v);

function filterWhere(l: TableLayout, filter: Filter | undefined, w: Where): void {
  if (!filter) return;
  for (const key of Object.keys(filter).sort()) {
    const f = l.fieldByName.get(key);
    if (!f)
      throw validationError(`Bảng ${tableLabelVi(l.name)} không có trường "${key}" để lọc.`, `Table ${l.name} has no field "${key}" to filter on.`, {
        table: l.name,
        field: key,
      });
    const col = q(f.name);
    const v = filter[key];
    if (Array.isArray(v)) {
      const values = v.map((x) => toSqlValue(f, nfc(x)));
      const nonNull = values.filter((x) => x !== null);
      const parts: string[] = [];
      if (nonNull.length) {
        // One statement whatever the list's length: the list travels as a single JSON parameter.
        parts.push(`${col} IN (SELECT value FROM json_each(?))`);
        w.params.push(JSON.stringify(nonNull));
      }
      if (nonNull.length < values.length) parts.push(`${col} IS NULL`);
      w.clauses.push(parts.length ? `(${parts.join(' OR ')})` : '0');
    } else {
      const x = toSqlValue(f, nfc(v as PropValue));
      if (x === null) w.clauses.push(`${col} IS NULL`);
      else {
        w.clauses.push(`${col} = ?`);
        w.params.push(x);
      }
    }
  }
}

function checkPaging(limit: number, offset: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > 200_000 || !Number.isInteger(offset) || offset < 0)
    throw validationError('Giới hạn hoặc vị trí bắt đầu không hợp lệ.', 'Invalid limit or offset.', { limit, offset });
}

function checkBbox(b: Extent): void {
  if (!Array.isArray(b) || b.length !== 4 || b.some((x) => typeof x !== 'number' || !Number.isFinite(x)) || b[0] > b[2] || b[1] > b[3])
    throw validationError('Khung tìm kiếm không hợp lệ (cần [minX, minY, maxX, maxY]).', 'Invalid bbox (needs [minX, minY, maxX, maxY]).', { bbox: b });
}

/**
 * Rows by extent and attributes. The R-tree stores float32 bounds rounded outwards, so a bbox query
 * may also return rows up to ~0.1 m outside it (at VN-2000 magnitudes): good for drawing a map.
 */
export function queryRows(stmts: StatementCache, table: TableName, o: QueryOptions = {}): { rows: Row[]; truncated: boolean } {
  const l = layoutOf(table);
  const limit = o.limit ?? 50_000;
  const offset = o.offset ?? 0;
  checkPaging(limit, offset);
  const w: Where = { clauses: [], params: [] };
  if (!o.includeDeleted) w.clauses.push('deleted = 0');
  if (o.bbox) {
    if (!l.rtree) throw validationError(`Bảng ${tableLabelVi(table)} không có hình học để lọc theo vùng.`, `Table ${table} has no geometry to filter by extent.`);
    checkBbox(o.bbox);
    w.clauses.push(`fid IN (SELECT id FROM ${q(l.rtree)} WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?)`);
    w.params.push(o.bbox[2], o.bbox[0], o.bbox[3], o.bbox[1]);
  }
  filterWhere(l, o.filter, w);
  const sql = `SELECT ${selectColumns(l)} FROM ${q(table)}${w.clauses.length ? ` WHERE ${w.clauses.join(' AND ')}` : ''} ORDER BY fid LIMIT ? OFFSET ?`;
  const raw = stmts.get(sql, true).all(...w.params, limit + 1, offset) as unknown[][];
  const truncated = raw.length > limit;
  const n = truncated ? limit : raw.length;
  const rows: Row[] = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = toRow(table, decodeRaw(l, raw[i]!));
  return { rows, truncated };
}

export function getRow(stmts: StatementCache, table: TableName, id: string): Row | null {
  const s = stmts.table(table);
  const r = s.byUuid.get(id) as unknown[] | undefined;
  return r ? toRow(table, decodeRaw(s.layout, r)) : null;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * "dak dro" finds "Đắk Drô": every word of the search, folded, must occur in some text field.
 * qt_fold runs once per row (a MATERIALIZED CTE keeps SQLite from repeating it for every word) and
 * the total comes from a window count in the same pass.
 */
export function searchRows(
  stmts: StatementCache,
  table: TableName,
  text: string,
  filter: Filter | undefined,
  limit: number,
  offset: number,
  includeDeleted = false,
): { rows: Row[]; total: number } {
  const l = layoutOf(table);
  checkPaging(limit, offset);
  const w: Where = { clauses: [], params: [] };
  if (!includeDeleted) w.clauses.push('deleted = 0');
  filterWhere(l, filter, w);
  const words = foldText(typeof text === 'string' ? text : '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 20);
  const where = w.clauses.length ? ` WHERE ${w.clauses.join(' AND ')}` : '';
  let sql: string;
  let params: unknown[];
  if (words.length) {
    if (!l.textFields.length) return { rows: [], total: 0 };
    const haystack = `qt_fold(${l.textFields.map((f) => `coalesce(${q(f.name)}, '')`).join(` || ' ' || `)})`;
    sql =
      `WITH f AS MATERIALIZED (SELECT fid, ${haystack} AS h FROM ${q(table)}${where}) ` +
      `SELECT ${selectColumns(l)}, count(*) OVER () FROM ${q(table)} WHERE fid IN (SELECT fid FROM f WHERE ${words.map(() => "h LIKE ? ESCAPE '\\'").join(' AND ')}) ORDER BY fid LIMIT ? OFFSET ?`;
    params = [...w.params, ...words.map((word) => `%${escapeLike(word)}%`)];
  } else {
    sql = `SELECT ${selectColumns(l)}, count(*) OVER () FROM ${q(table)}${where} ORDER BY fid LIMIT ? OFFSET ?`;
    params = w.params;
  }
  const raw = stmts.get(sql, true).all(...params, limit, offset) as unknown[][];
  let total: number;
  if (raw.length) total = Number(raw[0]![raw[0]!.length - 1]);
  else if (offset === 0) total = 0;
  else total = Number((stmts.get(`SELECT count(*) FROM (${sql.replace(/ LIMIT \? OFFSET \?$/, '')})`, true).get(...params) as [number])[0]);
  return { rows: raw.map((r) => toRow(table, decodeRaw(l, r))), total };
}

export function linksOfRow(stmts: StatementCache, table: TableName, id: string): { link: Row; other: Row | null }[] {
  const l = layoutOf('links');
  const raw = stmts
    .get(
      `SELECT ${selectColumns(l)} FROM links WHERE deleted = 0 AND ((from_table = @table AND from_id = @id) OR (to_table = @table AND to_id = @id)) ORDER BY fid`,
      true,
    )
    .all({ table, id }) as unknown[][];
  return raw.map((r) => {
    const link = toRow('links', decodeRaw(l, r));
    const fromHere = link.props.from_table === table && link.props.from_id === id;
    const otherTable = String(fromHere ? link.props.to_table : link.props.from_table);
    const otherId = String(fromHere ? link.props.to_id : link.props.from_id).toLowerCase();
    return { link, other: isTableName(otherTable) ? getRow(stmts, otherTable, otherId) : null };
  });
}

export function countRows(stmts: StatementCache, table: TableName): number {
  // count(*) of the whole table reads its smallest index; tombstones come from idx_<table>_deleted.
  return Number((stmts.get(`SELECT (SELECT count(*) FROM ${q(table)}) - (SELECT count(*) FROM ${q(table)} WHERE deleted = 1)`, true).get() as [number])[0]);
}

function countTombstones(stmts: StatementCache, table: TableName): number {
  return Number((stmts.get(`SELECT count(*) FROM ${q(table)} WHERE deleted = 1`, true).get() as [number])[0]);
}

/**
 * The bounding box of an R-tree's root node: the union of every entry, read from one blob instead
 * of scanning the index. SQLite's rtree node format: 2-byte depth, 2-byte cell count, then cells of
 * an 8-byte rowid and four big-endian float32 (minx, maxx, miny, maxy), rounded outwards as in the
 * index itself.
 */
function rtreeRootExtent(stmts: StatementCache, rtree: string): Extent | null {
  const row = stmts.get(`SELECT data FROM ${q(`${rtree}_node`)} WHERE nodeno = 1`, true).get() as [Buffer] | undefined;
  const data = row?.[0];
  if (!data || data.length < 4) return null;
  const cells = data.readUInt16BE(2);
  if (cells === 0) return null;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < cells; i++) {
    const o = 4 + i * 24 + 8;
    minX = Math.min(minX, data.readFloatBE(o));
    maxX = Math.max(maxX, data.readFloatBE(o + 4));
    minY = Math.min(minY, data.readFloatBE(o + 8));
    maxY = Math.max(maxY, data.readFloatBE(o + 12));
  }
  return [minX, minY, maxX, maxY];
}

export function layerExtent(stmts: StatementCache, table: TableName, domain?: readonly number[]): Extent | null {
  const l = layoutOf(table);
  if (!l.rtree) return null;
  // Without tombstones every index entry is a live row: the root node already holds the answer.
  const live = countTombstones(stmts, table) === 0;
  if (live) {
    const root = rtreeRootExtent(stmts, l.rtree);
    if (!root || !domain || insideBox(root, domain)) return root;
  }
  // Rows written before the CRS domain was checked can lie anywhere, even beyond float32 (the index
  // then holds ±Infinity): the extent is that of the rows inside the domain; the review names the others.
  const within = domain ? ' AND r.minx >= ? AND r.miny >= ? AND r.maxx <= ? AND r.maxy <= ?' : '';
  const r = stmts
    .get(
      live
        ? `SELECT min(r.minx), min(r.miny), max(r.maxx), max(r.maxy) FROM ${q(l.rtree)} r WHERE 1${within}`
        : `SELECT min(r.minx), min(r.miny), max(r.maxx), max(r.maxy) FROM ${q(l.rtree)} r JOIN ${q(table)} t ON t.fid = r.id WHERE t.deleted = 0${within}`,
      true,
    )
    .get(...(domain ?? [])) as (number | null)[];
  return r[0] === null ? null : [r[0]!, r[1]!, r[2]!, r[3]!];
}

const insideBox = (e: readonly number[], b: readonly number[]): boolean => e[0]! >= b[0]! && e[1]! >= b[1]! && e[2]! <= b[2]! && e[3]! <= b[3]!;
