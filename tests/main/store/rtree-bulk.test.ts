// The R-tree packed in JS and written straight into its shadow tables (rtree-bulk.ts) must be a tree
// SQLite itself accepts and keeps maintaining, holding exactly the boxes SQLite would have stored:
// judged by SQLite (rtreecheck, integrity_check, its own inserts next to ours) and by GDAL.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openWritable, ProjectStore } from '../../../src/main/store';
import { bulkLoadRtree, roundDown, roundUp } from '../../../src/main/store/rtree-bulk';
import { AUTHOR, DAK_NONG_CRS, SETTINGS, tempDir, X0, Y0 } from './helpers';
import { seededRandom } from '../../support/seeded-random';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const rnd = seededRandom(11);

interface Entry {
  id: number;
  box: [number, number, number, number]; // minx, maxx, miny, maxy
}

/** Points and boxes, some negative, some tiny or huge: most not representable as float32. */
function entries(n: number, firstId = 1): Entry[] {
  return Array.from({ length: n }, (_, i) => {
    const scale = [1, 1e-3, 1e6, 1e-30, 3e37][i % 5]!;
    const x = (rnd() - 0.3) * scale;
    const y = (rnd() - 0.7) * scale;
    const w = i % 3 === 0 ? 0 : rnd() * scale * 0.01;
    return { id: firstId + i, box: [x, x + w, y, y + w * 2] };
  });
}

function rtreeDb(pageSize = 8192, def = 'rtree(id, minx, maxx, miny, maxy)'): Database.Database {
  const db = new Database(':memory:');
  db.pragma(`page_size = ${pageSize}`);
  db.exec(`CREATE VIRTUAL TABLE r USING ${def}`);
  return db;
}

function sqlInsert(db: Database.Database, es: Entry[]): void {
  const st = db.prepare('INSERT INTO r (id, minx, maxx, miny, maxy) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => es.forEach((e) => st.run(e.id, ...e.box)))();
}

function bulk(db: Database.Database, es: Entry[]): boolean {
  const env = new Float64Array(es.length * 4);
  es.forEach((e, i) => env.set(e.box, i * 4));
  return db.transaction(() => bulkLoadRtree(db, 'r', es.map((e) => e.id), env, es.length))();
}

const all = (db: Database.Database) => db.prepare('SELECT id, minx, maxx, miny, maxy FROM r ORDER BY id').raw().all();
const check = (db: Database.Database) => [db.prepare("SELECT rtreecheck('r') AS c").get(), db.pragma('integrity_check', { simple: true })];

function sameAnswers(a: Database.Database, b: Database.Database, windows = 200): void {
  const q = 'SELECT id FROM r WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ? ORDER BY id';
  for (let i = 0; i < windows; i++) {
    const scale = [1, 1e-3, 1e6][i % 3]!;
    const x = (rnd() - 0.5) * scale;
    const y = (rnd() - 0.5) * scale;
    const args = [x, x + rnd() * scale * 0.3, y, y + rnd() * scale * 0.3];
    expect(b.prepare(q).raw().all(...args)).toEqual(a.prepare(q).raw().all(...args));
  }
}

describe('R-tree bulk load', () => {
  it('rounds as SQLite does: the nearest float32, moved outwards when it falls inside', () => {
    for (const d of [0.1, -0.1, 1e-40, -1e-40, 430_000.123, -1_370_000.987, 3.4e38, 2 ** 24 + 1, 0, -0])
      for (const [f, dir] of [
        [roundDown(d), -1],
        [roundUp(d), 1],
      ] as const) {
        expect(Math.fround(f)).toBe(f);
        expect(dir < 0 ? f <= d : f >= d).toBe(true);
        // nothing float32 lies strictly between d and the result
        expect(Math.abs(f - d)).toBeLessThanOrEqual(Math.abs(Math.fround(d) - d) + Math.abs(f - Math.fround(d)));
      }
    const db = rtreeDb();
    const es = entries(500);
    sqlInsert(db, es);
    const stored = all(db) as number[][];
    es.forEach((e, i) => expect(stored[i]).toEqual([e.id, roundDown(e.box[0]), roundUp(e.box[1]), roundDown(e.box[2]), roundUp(e.box[3])]));
  });

  it.each([1, 51, 52, 900, 2700, 12_000])('%i entries: the same boxes and answers as inserting them through SQLite, and a tree SQLite checks clean', (n) => {
    const es = entries(n);
    const ref = rtreeDb();
    sqlInsert(ref, es);
    const ours = rtreeDb();
    expect(bulk(ours, es)).toBe(true);
    expect(check(ours)).toEqual([{ c: 'ok' }, 'ok']);
    expect(all(ours)).toEqual(all(ref));
    sameAnswers(ref, ours);
    // packed: never more nodes than SQLite's own inserts made
    const nodes = (db: Database.Database) => (db.prepare('SELECT count(*) AS n FROM r_node').get() as { n: number }).n;
    expect(nodes(ours)).toBeLessThanOrEqual(nodes(ref));
  });

  it('leaves a tree SQLite keeps maintaining: deletes, updates and inserts through SQL afterwards', () => {
    const es = entries(5000);
    const ref = rtreeDb();
    sqlInsert(ref, es);
    const ours = rtreeDb();
    expect(bulk(ours, es)).toBe(true);
    const more = entries(2000, 10_001);
    for (const db of [ref, ours])
      db.transaction(() => {
        db.prepare('DELETE FROM r WHERE id % 3 = 0').run();
        db.prepare('UPDATE r SET minx = minx - 1, maxx = maxx + 1 WHERE id % 7 = 0').run();
        sqlInsertIn(db, more);
      })();
    expect(check(ours)).toEqual([{ c: 'ok' }, 'ok']);
    expect(all(ours)).toEqual(all(ref));
    sameAnswers(ref, ours);
  });

  it('reads the node size from the file (page size 1024: 39 cells a node)', () => {
    const es = entries(3000);
    const ref = rtreeDb(1024);
    sqlInsert(ref, es);
    const ours = rtreeDb(1024);
    expect(bulk(ours, es)).toBe(true);
    expect(check(ours)).toEqual([{ c: 'ok' }, 'ok']);
    expect((ours.prepare('SELECT max(length(data)) AS l FROM r_node').get() as { l: number }).l).toBe(960);
    expect(all(ours)).toEqual(all(ref));
  });

  it('rebuilds with the entries already there when they are fewer than the new ones, and declines otherwise', () => {
    const first = entries(1000);
    const second = entries(1500, 5001);
    const ref = rtreeDb();
    sqlInsert(ref, [...first, ...second]);
    const ours = rtreeDb();
    sqlInsert(ours, first);
    expect(bulk(ours, second)).toBe(true);
    expect(check(ours)).toEqual([{ c: 'ok' }, 'ok']);
    expect(all(ours)).toEqual(all(ref));
    const before = all(ours);
    expect(bulk(ours, entries(100, 90_001))).toBe(false);
    expect(all(ours)).toEqual(before);
  });

  it('declines, writing nothing, what SQLite would refuse or what is not the standard index', () => {
    const nan = rtreeDb();
    expect(bulk(nan, [...entries(10), { id: 99, box: [0, NaN, 0, 1] }])).toBe(false);
    expect(bulk(nan, [...entries(10), { id: 99, box: [2, 1, 0, 1] }])).toBe(false);
    expect(bulk(nan, [...entries(10), { id: 5, box: [0, 1, 0, 1] }])).toBe(false); // id twice
    expect(all(nan)).toEqual([]);
    for (const def of ['rtree(id, minx, maxx, miny, maxy, +label)', 'rtree_i32(id, minx, maxx, miny, maxy)', 'rtree(id, x0, x1, y0, y1, z0, z1)']) {
      const db = rtreeDb(8192, def);
      expect(bulk(db, entries(10))).toBe(false);
      expect(db.prepare('SELECT count(*) AS n FROM r').get()).toEqual({ n: 0 });
    }
  });

  it('gives the shadow tables back their protection afterwards', () => {
    const db = rtreeDb();
    expect(bulk(db, entries(300))).toBe(true);
    expect(() => db.prepare('DELETE FROM r_rowid').run()).toThrow(/may not be modified/);
  });
});

function sqlInsertIn(db: Database.Database, es: Entry[]): void {
  const st = db.prepare('INSERT INTO r (id, minx, maxx, miny, maxy) VALUES (?, ?, ?, ?, ?)');
  for (const e of es) st.run(e.id, ...e.box);
}

describe('a large import into a project', () => {
  const HAS_OGRINFO = spawnSync('sh', ['-c', 'command -v ogrinfo']).status === 0;

  it('writes a packed index that SQLite checks clean, queries find exactly the rows inside, GDAL agrees, and edits afterwards keep it right', () => {
    const path = join(tmp.dir, 'import.gpkg');
    const store = ProjectStore.create(path, DAK_NONG_CRS, SETTINGS, AUTHOR);
    const n = 3000;
    const pts = Array.from({ length: n }, () => [X0 + rnd() * 5000, Y0 + rnd() * 5000] as [number, number]);
    const put = pts.map((c) => ({ table: 'graves' as const, geometry: { type: 'Point' as const, coordinates: c }, props: { kind: 'newly_found', verification: 'not_verified' } }));
    store.applyEdit({ label: 'Nhập', put }, AUTHOR);
    const win: [number, number, number, number] = [X0 + 1000, Y0 + 1000, X0 + 2200, Y0 + 1900];
    const inside = (p: [number, number]) => p[0] >= win[0] && p[0] <= win[2] && p[1] >= win[1] && p[1] <= win[3];
    expect(store.query('graves', { bbox: win, limit: 50_000 }).rows).toHaveLength(pts.filter(inside).length);

    const db = openWritable(path);
    expect(db.prepare("SELECT rtreecheck('rtree_graves_geom') AS c").get()).toEqual({ c: 'ok' });
    // packed full: ~n / 51 leaves, where one-by-one inserts leave nodes about two-thirds full
    expect((db.prepare('SELECT count(*) AS n FROM rtree_graves_geom_node').get() as { n: number }).n).toBeLessThanOrEqual(Math.ceil(n / 51) + 3);
    db.close();
    if (HAS_OGRINFO) {
      const r = spawnSync('ogrinfo', ['-ro', '-so', '-spat', ...win.map(String), path, 'graves'], { encoding: 'utf8' });
      expect(r.stdout).toMatch(new RegExp(`Feature Count: ${pts.filter(inside).length}\\b`));
    }

    // edits through the standard triggers and through a second large edit (the rebuild path)
    const rows = store.query('graves', { limit: 50_000 }).rows;
    store.applyEdit({ put: [{ table: 'graves', id: rows[0]!.id, baseVersion: 1, geometry: { type: 'Point', coordinates: [X0 + 1500, Y0 + 1500] } }] }, AUTHOR);
    store.applyEdit({ remove: rows.slice(1, 40).map((r) => ({ table: 'graves' as const, id: r.id, baseVersion: r.meta.version })) }, AUTHOR);
    store.applyEdit({ label: 'Nhập thêm', put: put.slice(0, n).map((p) => ({ ...p, geometry: { type: 'Point' as const, coordinates: [p.geometry.coordinates[0] + 0.5, p.geometry.coordinates[1]] } })) }, AUTHOR);
    store.undo(AUTHOR);
    store.undo(AUTHOR);
    store.redo(AUTHOR);
    store.close();
    const after = openWritable(path);
    expect(after.prepare("SELECT rtreecheck('rtree_graves_geom') AS c").get()).toEqual({ c: 'ok' });
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    // every row with a geometry has exactly its box in the index
    const live = (after.prepare('SELECT count(*) AS n FROM graves WHERE geom IS NOT NULL').get() as { n: number }).n;
    expect(live).toBe(2 * n);
    expect(after.prepare('SELECT count(*) AS n FROM rtree_graves_geom').get()).toEqual({ n: live });
    const wrong = after
      .prepare('SELECT count(*) AS n FROM graves g JOIN rtree_graves_geom r ON r.id = g.fid WHERE r.minx > ST_MinX(g.geom) OR r.maxx < ST_MaxX(g.geom) OR r.miny > ST_MinY(g.geom) OR r.maxy < ST_MaxY(g.geom)')
      .get();
    expect(wrong).toEqual({ n: 0 });
    expect(after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_graves_geom_%'").get()).toEqual({ n: 6 });
    after.close();
  });
  it('rebuilds right after the same edit moved some of the rows already indexed (their new boxes kept)', () => {
    const path = join(tmp.dir, 'moved.gpkg');
    const store = ProjectStore.create(path, DAK_NONG_CRS, SETTINGS, AUTHOR);
    const pt = (x: number, y: number) => ({ type: 'Point' as const, coordinates: [x, y] });
    const props = { kind: 'newly_found', verification: 'not_verified' };
    store.applyEdit({ put: Array.from({ length: 250 }, (_, i) => ({ table: 'graves' as const, geometry: pt(X0 + i, Y0), props })) }, AUTHOR);
    const old = store.query('graves', { limit: 1000 }).rows;
    // one edit: 20 of those moved 2 km north (their boxes rewritten during the edit), 300 new rows
    store.applyEdit(
      {
        put: [
          ...old.slice(0, 20).map((r, i) => ({ table: 'graves' as const, id: r.id, baseVersion: 1, geometry: pt(X0 + i, Y0 + 2000) })),
          ...Array.from({ length: 300 }, (_, i) => ({ table: 'graves' as const, geometry: pt(X0 + i, Y0 + 1000), props })),
        ],
      },
      AUTHOR,
    );
    expect(store.query('graves', { bbox: [X0 - 1, Y0 + 1999, X0 + 500, Y0 + 2001] }).rows.map((r) => r.id).sort()).toEqual(old.slice(0, 20).map((r) => r.id).sort());
    expect(store.query('graves', { bbox: [X0 - 1, Y0 - 1, X0 + 500, Y0 + 1] }).rows).toHaveLength(230);
    expect(store.query('graves', { bbox: [X0 - 1, Y0 + 999, X0 + 500, Y0 + 1001] }).rows).toHaveLength(300);
    store.close();
    const db = openWritable(path);
    expect(db.prepare("SELECT rtreecheck('rtree_graves_geom') AS c").get()).toEqual({ c: 'ok' });
    expect(db.prepare('SELECT count(*) AS n FROM rtree_graves_geom').get()).toEqual({ n: 550 });
    db.close();
  });
});
