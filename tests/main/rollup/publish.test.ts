// The province roll-up against a real PostgreSQL/PostGIS cluster (tests/support/pg-cluster.ts):
// publish the demo, change three features and delete one, publish again; the database holds exactly
// the approved rows, positions agree with our own WGS 84 export, a repeat changes nothing, two
// districts publish at once without touching each other, and ogrinfo reads the tables.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGeoJson } from '../../../src/main/io/export-formats';
import { selectRows } from '../../../src/main/io/export-select';
import { publish } from '../../../src/main/rollup/publish';
import { ProjectStore } from '../../../src/main/store';
import type { Geometry, Position } from '../../../src/shared/model';
import { startCluster, type PgCluster } from '../../support/pg-cluster';
import { approvedRows, AUTHOR, districtProject, liveRows, snapshot } from './helpers';

const KN = { code: 'KN', name: 'Krông Nô (cũ)' };

describe('publishing a district into PostGIS', () => {
  let cluster: PgCluster;
  let dir: string;
  let db: pg.Client;
  let project: string;
  let approved: string[];
  const url = () => cluster.url('province');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quytap-rollup-'));
    cluster = await startCluster();
    await cluster.createDb('province');
    db = await cluster.adminClient('province');
    project = join(dir, 'krong-no.gpkg');
    approved = await districtProject(project, KN, 3, dir);
  }, 180_000);
  afterAll(async () => {
    await db?.end();
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (path = project, extra: Partial<Parameters<typeof publish>[1]> = {}) => {
    const s = ProjectStore.open(path, { access: 'read' });
    try {
      return await publish(s, { url: url(), password: cluster.password, author: AUTHOR, district: null, ...extra });
    } finally {
      s.close();
    }
  };

  it('publishes the approved communes: exactly their rows, WGS 84 within 1 cm of our GeoJSON export, source CRS and coordinates kept', async () => {
    const r = await run();
    expect(r.mode).toBe('full');
    expect(r.communes.map((c) => c.code).sort()).toEqual([...approved].sort());
    const s = ProjectStore.open(project, { access: 'read' });
    try {
      const want = approvedRows(s, approved);
      expect(await liveRows(db, KN.code)).toEqual(want);
      expect(Object.values(want.graves).length).toBeGreaterThan(10);
      // Positions: every vertex of every published feature against our own GeoJSON export of the same rows.
      const layers = selectRows(s, { communes: approved, tables: ['graves', 'search_areas', 'admin_units', 'cemeteries', 'info_points', 'base_points'] });
      const exported = JSON.parse(new TextDecoder().decode(exportGeoJson(layers, s.crs.code))) as { features: { id: string; geometry: Geometry }[] };
      const pgGeo = await db.query<{ uuid: string; g: string; gs: string; src_crs: string }>(
        `SELECT uuid::text, ST_AsGeoJSON(geom, 15) AS g, ST_AsGeoJSON(geom_src, 15) AS gs, src_crs FROM (
           SELECT uuid, geom, geom_src, src_crs FROM quytap.graves UNION ALL SELECT uuid, geom, geom_src, src_crs FROM quytap.search_areas
           UNION ALL SELECT uuid, geom, geom_src, src_crs FROM quytap.admin_units UNION ALL SELECT uuid, geom, geom_src, src_crs FROM quytap.cemeteries
           UNION ALL SELECT uuid, geom, geom_src, src_crs FROM quytap.info_points UNION ALL SELECT uuid, geom, geom_src, src_crs FROM quytap.base_points) x`,
      );
      const byId = new Map(pgGeo.rows.map((x) => [x.uuid, x]));
      let compared = 0;
      let worst = 0;
      for (const f of exported.features) {
        const p = byId.get(f.id);
        expect(p, f.id).toBeDefined();
        const a = positions(JSON.parse(p!.g) as Geometry);
        const b = positions(f.geometry);
        expect(a.length).toBe(b.length);
        for (let i = 0; i < a.length; i++) {
          const dx = (a[i][0] - b[i][0]) * 111_320 * Math.cos((b[i][1] * Math.PI) / 180);
          const dy = (a[i][1] - b[i][1]) * 110_574;
          worst = Math.max(worst, Math.hypot(dx, dy));
          compared++;
        }
        expect(p!.src_crs).toBe(s.crs.code);
        const src = s.get(layers.find((l) => l.rows.some((r) => r.id === f.id))!.table, f.id)!;
        expect(positions(JSON.parse(p!.gs) as Geometry)).toEqual(positions(src.geometry!));
      }
      expect(compared).toBeGreaterThan(1000);
      expect(worst).toBeLessThan(0.01);
    } finally {
      s.close();
    }
    const d = (await db.query('SELECT district_name, src_crs, src_crs_wkt FROM quytap.qt_districts WHERE district_code = $1', [KN.code])).rows[0];
    expect(d.district_name).toBe(KN.name);
    expect(d.src_crs_wkt).toMatch(/TOWGS84\[-191\.90441429/);
  }, 120_000);

  it('a second publish sends only the change: three features changed and one deleted arrive, the rest is untouched; a third changes nothing', async () => {
    const s = ProjectStore.open(project);
    const graves = s.query('graves', { filter: { commune_code: [approved[0]] }, limit: 100 }).rows;
    const areas = s.query('search_areas', { filter: { commune_code: [approved[1]] }, limit: 100 }).rows;
    s.applyEdit(
      {
        label: 'sửa',
        put: [
          { table: 'graves', id: graves[0].id, baseVersion: graves[0].meta.version, props: { name: 'Mộ đã sửa tên' } },
          { table: 'graves', id: graves[1].id, baseVersion: graves[1].meta.version, geometry: { type: 'Point', coordinates: [(graves[1].geometry as { coordinates: Position }).coordinates[0] + 12.5, (graves[1].geometry as { coordinates: Position }).coordinates[1]] } },
          { table: 'search_areas', id: areas[0].id, baseVersion: areas[0].meta.version, props: { status: 'done' } },
        ],
        remove: [{ table: 'graves', id: graves[2].id, baseVersion: graves[2].meta.version }],
      },
      AUTHOR,
    );
    s.close();
    const before = await db.query('SELECT uuid::text, published_at FROM quytap.graves WHERE district_code = $1', [KN.code]);
    const r = await run();
    expect(r).toMatchObject({ mode: 'incremental', sent: 3, tombstones: 1 });
    const after = await db.query('SELECT uuid::text, published_at, deleted, name FROM quytap.graves WHERE district_code = $1', [KN.code]);
    const touched = after.rows.filter((x) => before.rows.find((b) => b.uuid === x.uuid)!.published_at.getTime() !== x.published_at.getTime()).map((x) => x.uuid);
    expect(touched.sort()).toEqual([graves[0].id, graves[1].id, graves[2].id].sort());
    expect(after.rows.find((x) => x.uuid === graves[2].id)).toMatchObject({ deleted: true });
    expect(after.rows.find((x) => x.uuid === graves[0].id)).toMatchObject({ deleted: false, name: 'Mộ đã sửa tên' });
    const s2 = ProjectStore.open(project, { access: 'read' });
    expect(await liveRows(db, KN.code)).toEqual(approvedRows(s2, approved));
    s2.close();

    const snap = await snapshot(db);
    const again = await run();
    expect(again).toMatchObject({ mode: 'unchanged', sent: 0, tombstones: 0 });
    expect(await snapshot(db)).toBe(snap);
  }, 120_000);

  it('a commune approved later is sent whole, one returned for changes is withdrawn (tombstones); --all-states sends every commune marked with its state', async () => {
    const s = ProjectStore.open(project);
    const codes = s.getSettings().communes.map((c) => c.code);
    s.review().transition(codes[3], ['draft'], 'approved', AUTHOR, 'duyệt', '');
    s.review().transition(approved[0], ['approved'], 'returned', AUTHOR, 'trả lại', 'sửa thêm');
    s.close();
    const r = await run();
    expect(r.mode).toBe('full');
    const now = [approved[1], approved[2], codes[3]];
    const s2 = ProjectStore.open(project, { access: 'read' });
    expect(await liveRows(db, KN.code)).toEqual(approvedRows(s2, now));
    // every row was read, but only the new commune's rows went out, and the returned one's came back as tombstones
    const count = (rows: Record<string, Record<string, number>>) => Object.values(rows).reduce((a, t) => a + Object.keys(t).length, 0);
    expect(r.sent).toBe(count(approvedRows(s2, [codes[3]])));
    expect(r.tombstones).toBe(count(approvedRows(s2, [approved[0]])));
    s2.close();
    const all = await run(project, { allStates: true });
    expect(all.communes.length).toBe(codes.length);
    const states = await db.query('SELECT DISTINCT commune, review_state FROM quytap.graves WHERE district_code = $1 AND NOT deleted ORDER BY 1', [KN.code]);
    expect(states.rows.find((x) => x.commune === approved[0])?.review_state).toBe('returned');
    expect(states.rows.find((x) => x.commune === codes[4])?.review_state).toBe('draft');
    // back to approved-only for the tests after this one
    await run();
    const s3 = ProjectStore.open(project, { access: 'read' });
    expect(await liveRows(db, KN.code)).toEqual(approvedRows(s3, now));
    s3.close();
    approved = now;
  }, 120_000);

  it('two districts publishing at the same moment never touch each other\'s rows', async () => {
    const other = join(dir, 'other.gpkg');
    const otherApproved = await districtProject(other, { code: 'DS', name: 'Đắk Song' }, 5, dir);
    const before = await snapshotOf(db, KN.code);
    // Same demo, so the same UUIDs: only the district keeps them apart.
    const [a, b] = await Promise.all([run(other), run()]);
    expect(a.mode).toBe('full');
    expect(b.mode).toBe('unchanged');
    expect(await snapshotOf(db, KN.code)).toBe(before);
    const s = ProjectStore.open(other, { access: 'read' });
    expect(await liveRows(db, 'DS')).toEqual(approvedRows(s, otherApproved));
    s.close();
  }, 120_000);

  it('ogrinfo reads the tables and the statistics views from the PostgreSQL connection', () => {
    const conn = `PG:host=127.0.0.1 port=${cluster.port} dbname=province user=${cluster.user} password=${cluster.password} schemas=quytap`;
    const r = spawnSync('ogrinfo', ['-ro', '-q', conn], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    for (const t of ['graves (Point', 'search_areas (Multi Polygon', 'admin_units (Multi Polygon', 'cemeteries (', 'commune_statistics (Multi Polygon'])
      expect(r.stdout).toContain(t);
    const g = spawnSync('ogrinfo', ['-ro', '-so', conn, 'graves'], { encoding: 'utf8' });
    expect(g.stdout).toMatch(/Feature Count: \d+/);
    expect(g.stdout).toMatch(/EPSG",?\s*"?4326|ID\["EPSG",4326\]/);
  });

  it('the project file holds no password after publishing', () => {
    expect(readFileSync(project).includes(Buffer.from(cluster.password))).toBe(false);
  });
});

async function snapshotOf(c: pg.Client, district: string): Promise<string> {
  const r = await c.query(
    `SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM (
       SELECT g::text AS x FROM quytap.graves g WHERE district_code = $1 UNION ALL SELECT a::text FROM quytap.search_areas a WHERE district_code = $1
       UNION ALL SELECT d::text FROM quytap.qt_districts d WHERE district_code = $1 UNION ALL SELECT m::text FROM quytap.qt_communes m WHERE district_code = $1) y`,
    [district],
  );
  return r.rows[0].h;
}

function positions(g: Geometry): Position[] {
  if (g.type === 'Point') return [g.coordinates];
  if (g.type === 'LineString') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat(2);
  return g.coordinates.flat();
}
