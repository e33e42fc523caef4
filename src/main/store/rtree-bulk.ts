// Bulk load of a GeoPackage R-tree (SQLite's rtree module): when a large edit adds many entries to an
// index that is empty or small next to them, the whole tree is packed here and its three shadow tables
// written directly, as GDAL (≥ 3.7) does for its bulk loads. Inserting 40,000 entries one by one
// through the virtual table costs ~10 µs each (descend, choose a leaf, split, rewrite nodes); packing
// them costs ~1 µs each, and the tree comes out fuller (fewer nodes to read per query).
//
// The format is that of SQLite's ext/rtree/rtree.c (3.54 is what better-sqlite3 bundles):
//  - <rtree>_node(nodeno, data): node 1 is the root; every blob is exactly the root's length;
//    data = 2-byte depth of the tree (root only, 0 elsewhere), 2-byte cell count, then cells of an
//    8-byte rowid (a leaf's entry id, or a child's nodeno) and minx, maxx, miny, maxy as float32,
//    all big-endian;
//  - <rtree>_rowid(rowid, nodeno): the leaf holding each entry;
//  - <rtree>_parent(nodeno, parentnode): the parent of every node but the root.
// Coordinates are stored rounded outwards (rtreeValueDown / rtreeValueUp: the nearest float32, moved one
// step down for a minimum above its double, up for a maximum below it), so a query by extent finds
// exactly the rows it found with the entries inserted through SQL. Anything not shaped like the
// standard 2-D float index (aux columns, rtree_i32, odd node sizes), or entries SQLite would refuse,
// answer false: the caller then inserts through the virtual table as before.
import type Database from 'better-sqlite3';
import { hilbertOrder } from './spatial-order';
import { q } from './table-columns';

const CELL = 24;
/** Rows per multi-row INSERT into _rowid (2 values each, well under SQLite's 32,766 variables). */
const ROWID_BATCH = 500;
/** Rebuilding re-writes the entries already there: worth it while they are at most this many times the new ones. */
export const REBUILD_FACTOR = 1;

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** rtreeValueDown: the largest float32 ≤ d (SQLite steps the bit pattern one unit, as here). */
export function roundDown(d: number): number {
  f32[0] = d;
  if (f32[0]! > d) u32[0] = (u32[0]! & 0x80000000) !== 0 ? u32[0]! + 1 : u32[0]! - 1;
  return f32[0]!;
}

/** rtreeValueUp: the smallest float32 ≥ d. */
export function roundUp(d: number): number {
  f32[0] = d;
  if (f32[0]! < d) u32[0] = (u32[0]! & 0x80000000) !== 0 ? u32[0]! - 1 : u32[0]! + 1;
  return f32[0]!;
}

/** The standard shape only: `rtree(id, minx, maxx, miny, maxy)`, no auxiliary columns. */
const STANDARD_RTREE = /^CREATE VIRTUAL TABLE\s+("?)[^\s(]+\1\s+USING\s+rtree\s*\(\s*"?id"?\s*,\s*"?minx"?\s*,\s*"?maxx"?\s*,\s*"?miny"?\s*,\s*"?maxy"?\s*\)\s*$/i;

interface Level {
  /** nodeno of each node of the level */
  nodes: Uint32Array;
  /** index of the first cell of each node in the level below (or in the entries), plus the end */
  starts: Uint32Array;
  /** bounding box of each node: minx, maxx, miny, maxy */
  box: Float64Array;
}

/** Splits n items into ceil(n / max) runs whose sizes differ by at most one (so none is underfull). */
function chunkStarts(n: number, max: number): Uint32Array {
  const k = Math.ceil(n / max);
  const starts = new Uint32Array(k + 1);
  for (let i = 0; i <= k; i++) starts[i] = Math.round((i * n) / k);
  return starts;
}

function unionBoxes(src: Float64Array, from: number, to: number, out: Float64Array, at: number): void {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = from; i < to; i++) {
    if (src[i * 4]! < x0) x0 = src[i * 4]!;
    if (src[i * 4 + 1]! > x1) x1 = src[i * 4 + 1]!;
    if (src[i * 4 + 2]! < y0) y0 = src[i * 4 + 2]!;
    if (src[i * 4 + 3]! > y1) y1 = src[i * 4 + 3]!;
  }
  out[at * 4] = x0;
  out[at * 4 + 1] = x1;
  out[at * 4 + 2] = y0;
  out[at * 4 + 3] = y1;
}

function writeCell(v: DataView, cell: number, id: number, box: Float64Array, i: number): void {
  const o = 4 + cell * CELL;
  // 64-bit big-endian id from two 32-bit halves (exact for every safe integer, negatives included).
  const hi = Math.floor(id / 4294967296);
  v.setInt32(o, hi);
  v.setUint32(o + 4, id - hi * 4294967296);
  v.setFloat32(o + 8, box[i * 4]!);
  v.setFloat32(o + 12, box[i * 4 + 1]!);
  v.setFloat32(o + 16, box[i * 4 + 2]!);
  v.setFloat32(o + 20, box[i * 4 + 3]!);
}

export interface PackedTree {
  /** [nodeno, blob] of every node, root (1) first */
  nodes: [number, Buffer][];
  /** [nodeno, parentnode] of every node but the root */
  parents: [number, number][];
  /** leaf nodeno of entry i (same order as the ids given) */
  leafOf: Uint32Array;
}

/**
 * A packed tree over `n` entries (`box`: minx, maxx, miny, maxy per entry, already float32 values):
 * leaves are runs of the entries in Hilbert order of their centres, each level above groups runs of
 * the one below, every node filled to within one cell of the others of its level.
 */
export function packTree(ids: ArrayLike<number>, box: Float64Array, n: number, nodeSize: number): PackedTree {
  const maxCells = Math.floor((nodeSize - 4) / CELL);
  const order = hilbertOrder(box, n);
  const sortedBox = new Float64Array(n * 4);
  for (let i = 0; i < n; i++) {
    const o = order[i]! * 4;
    sortedBox[i * 4] = box[o]!;
    sortedBox[i * 4 + 1] = box[o + 1]!;
    sortedBox[i * 4 + 2] = box[o + 2]!;
    sortedBox[i * 4 + 3] = box[o + 3]!;
  }

  // Levels from the leaves up, until one level fits in the root.
  const levels: Level[] = [];
  let below = sortedBox;
  let count = n;
  while (count > maxCells) {
    const starts = chunkStarts(count, maxCells);
    const k = starts.length - 1;
    const lbox = new Float64Array(k * 4);
    for (let j = 0; j < k; j++) unionBoxes(below, starts[j]!, starts[j + 1]!, lbox, j);
    levels.push({ nodes: new Uint32Array(k), starts, box: lbox });
    below = lbox;
    count = k;
  }
  // Node numbers top-down (root 1), so each level's nodes are consecutive.
  let next = 2;
  for (let l = levels.length - 1; l >= 0; l--) for (let j = 0; j < levels[l]!.nodes.length; j++) levels[l]!.nodes[j] = next++;

  const nodes: [number, Buffer][] = [];
  const parents: [number, number][] = [];
  const leafOf = new Uint32Array(n);
  const blob = (cells: number): [Buffer, DataView] => {
    const b = Buffer.alloc(nodeSize);
    const v = new DataView(b.buffer, b.byteOffset, nodeSize);
    v.setUint16(2, cells);
    return [b, v];
  };
  // Root: the top level's nodes, or the entries themselves when they all fit.
  const [root, rootView] = blob(count);
  rootView.setUint16(0, levels.length);
  if (levels.length === 0) {
    for (let i = 0; i < n; i++) {
      writeCell(rootView, i, ids[order[i]!]!, sortedBox, i);
      leafOf[order[i]!] = 1;
    }
  } else {
    const top = levels[levels.length - 1]!;
    for (let j = 0; j < top.nodes.length; j++) {
      writeCell(rootView, j, top.nodes[j]!, top.box, j);
      parents.push([top.nodes[j]!, 1]);
    }
  }
  nodes.push([1, root]);
  for (let l = levels.length - 1; l >= 0; l--) {
    const lv = levels[l]!;
    const child = l > 0 ? levels[l - 1]! : null;
    for (let j = 0; j < lv.nodes.length; j++) {
      const from = lv.starts[j]!;
      const to = lv.starts[j + 1]!;
      const [b, v] = blob(to - from);
      for (let c = from; c < to; c++) {
        if (child) {
          writeCell(v, c - from, child.nodes[c]!, child.box, c);
          parents.push([child.nodes[c]!, lv.nodes[j]!]);
        } else {
          writeCell(v, c - from, ids[order[c]!]!, sortedBox, c);
          leafOf[order[c]!] = lv.nodes[j]!;
        }
      }
      nodes.push([lv.nodes[j]!, b]);
    }
  }
  return { nodes, parents, leafOf };
}

/**
 * Adds `n` entries (ids `fids`, envelopes `env` as minx, maxx, miny, maxy doubles) to the R-tree
 * `rtree` by rebuilding it packed, keeping every entry already there. Must run inside the caller's
 * write transaction. Returns false, having written nothing, when the tree is not one this can
 * rebuild or the entries are not all ones SQLite would take; the caller then inserts them itself.
 */
export function bulkLoadRtree(db: Database.Database, rtree: string, fids: ArrayLike<number>, env: Float64Array, n: number): boolean {
  if (n === 0) return true;
  const def = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(rtree) as string | undefined;
  if (!def || !STANDARD_RTREE.test(def.trim())) return false;
  const nodeT = q(`${rtree}_node`);
  const rowidT = q(`${rtree}_rowid`);
  const parentT = q(`${rtree}_parent`);
  if (db.prepare(`SELECT * FROM ${rowidT} LIMIT 0`).columns().length !== 2) return false;
  const nodeSize = db.prepare(`SELECT length(data) FROM ${nodeT} WHERE nodeno = 1`).pluck().get() as number | undefined;
  if (typeof nodeSize !== 'number' || nodeSize < 448 || Math.floor((nodeSize - 4) / CELL) < 3) return false;
  const existing = Number(db.prepare(`SELECT count(*) FROM ${rowidT}`).pluck().get());
  if (existing > REBUILD_FACTOR * n) return false;

  const total = existing + n;
  const ids = new Float64Array(total);
  const box = new Float64Array(total * 4);
  let at = 0;
  if (existing) {
    // Stored values are float32 already: rounding them again leaves them as they are.
    for (const r of db.prepare(`SELECT id, minx, maxx, miny, maxy FROM ${q(rtree)}`).raw(true).iterate() as IterableIterator<number[]>) {
      if (at === existing) return false;
      ids[at] = r[0]!;
      box.set([r[1]!, r[2]!, r[3]!, r[4]!], at * 4);
      at++;
    }
    if (at !== existing) return false;
  }
  for (let i = 0; i < n; i++) {
    const id = fids[i]!;
    const x0 = roundDown(env[i * 4]!);
    const x1 = roundUp(env[i * 4 + 1]!);
    const y0 = roundDown(env[i * 4 + 2]!);
    const y1 = roundUp(env[i * 4 + 3]!);
    // SQLite refuses min > max (and NaN) with a constraint error: leave those to it.
    if (!Number.isSafeInteger(id) || !(x0 <= x1) || !(y0 <= y1)) return false;
    ids[at] = id;
    box[at * 4] = x0;
    box[at * 4 + 1] = x1;
    box[at * 4 + 2] = y0;
    box[at * 4 + 3] = y1;
    at++;
  }
  // One entry per id, as INSERT OR REPLACE would leave: a repeated id is not what bulk edits write.
  // The new fids come ascending and the index of a fresh import is empty: usually no sort is needed.
  let ascending = true;
  for (let i = 1; i < total && ascending; i++) ascending = ids[i]! > ids[i - 1]!;
  let byId: Uint32Array | null = null;
  if (!ascending) {
    byId = new Uint32Array(total);
    for (let i = 0; i < total; i++) byId[i] = i;
    byId.sort((a, b) => ids[a]! - ids[b]!);
    for (let i = 1; i < total; i++) if (ids[byId[i]!] === ids[byId[i - 1]!]) return false;
  }

  const tree = packTree(ids, box, total, nodeSize);
  // better-sqlite3 opens connections in SQLite's defensive mode, which makes shadow tables read-only
  // to plain SQL; it is lifted for these statements only, inside the caller's transaction.
  db.unsafeMode(true);
  try {
    db.prepare(`DELETE FROM ${nodeT}`).run();
    db.prepare(`DELETE FROM ${parentT}`).run();
    db.prepare(`DELETE FROM ${rowidT}`).run();
    const insNode = db.prepare(`INSERT INTO ${nodeT} (nodeno, data) VALUES (?, ?)`);
    for (const [no, data] of tree.nodes) insNode.run(no, data);
    const insParent = db.prepare(`INSERT INTO ${parentT} (nodeno, parentnode) VALUES (?, ?)`);
    for (const [no, parent] of tree.parents) insParent.run(no, parent);
    // _rowid in id order: appended to its b-tree rather than scattered over it.
    const nth = byId ? (k: number) => byId[k]! : (k: number) => k;
    const batchSql = (k: number) => `INSERT INTO ${rowidT} (rowid, nodeno) VALUES ${Array(k).fill('(?, ?)').join(', ')}`;
    const full = total >= ROWID_BATCH ? db.prepare(batchSql(ROWID_BATCH)) : null;
    const values: number[] = new Array(2 * ROWID_BATCH);
    let i = 0;
    for (; full && i + ROWID_BATCH <= total; i += ROWID_BATCH) {
      for (let j = 0; j < ROWID_BATCH; j++) {
        values[2 * j] = ids[nth(i + j)]!;
        values[2 * j + 1] = tree.leafOf[nth(i + j)]!;
      }
      full.run(values);
    }
    if (i < total) {
      const rest: number[] = [];
      for (; i < total; i++) rest.push(ids[nth(i)]!, tree.leafOf[nth(i)]!);
      db.prepare(batchSql(rest.length / 2)).run(rest);
    }
  } finally {
    db.unsafeMode(false);
  }
  return true;
}
