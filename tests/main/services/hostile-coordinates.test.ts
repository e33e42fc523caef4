// One hostile coordinate must neither freeze nor poison a project (issue 13). The outside review's
// reproductions, through the real dispatcher: a grave at [1e18, 1e18] then review.run froze the
// process (a grid walk whose `x++` did nothing beyond 2^53); a grave at [1e39, 1e39] made the
// R-tree's float32 extent ±Infinity and project.info / project.open answered 500 from then on.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeGpkgGeometry } from '../../../src/main/store';
import { registerSqlFunctions } from '../../../src/main/store/sql-functions';
import type { Finding } from '../../../src/shared/review/finding';
import { bootServices } from '../../support/boot-services';

const boot = (dir?: string) => bootServices({ dir, prefix: 'quytap-hostile-' });
const grave = (coordinates: number[], name = 'M-01') => ({
  table: 'graves' as const,
  geometry: { type: 'Point' as const, coordinates },
  props: { kind: 'newly_found', verification: 'not_verified', name },
});
// Krông Nô, Đắk Nông, in VN-2000 / TM-3 108°30′ (EPSG:9218).
const AT: [number, number] = [430_000, 1_370_000];

describe('hostile coordinates: refused at the edge', () => {
  let env: Awaited<ReturnType<typeof boot>>;
  beforeAll(async () => {
    env = await boot();
    await env.call('project.create', { fileName: 'xa.gpkg', settings: { title: 'X', province: { code: '67', name: 'Đắk Nông' } } });
  }, 60_000);

  it('refuses [1e18, 1e18] and [1e39, 1e39] before any handler (no CRS has such positions)', async () => {
    for (const v of [1e18, 1e39, -1e9]) {
      const err = await env.callErr('edits.apply', { label: 'x', put: [grave([v, v])] });
      expect(err.code).toBe('validation');
      expect(err.vi).toMatch(/tọa độ vượt quá ±100\.000\.000/);
    }
    const info = await env.call('project.info', {});
    expect(info.layers.find((l) => l.table === 'graves')!.count).toBe(0);
  });

  it('refuses a position outside the project CRS domain with a sentence naming the feature and the coordinate', async () => {
    const err = await env.callErr('edits.apply', { label: 'x', put: [grave([AT[0], 50_000_000], 'M-07')] });
    expect(err.code).toBe('validation');
    expect(err.vi).toMatch(/^Tọa độ Y \(Đông\) = 430000, X \(Bắc\) = 50000000 của Mộ liệt sĩ "M-07" nằm ngoài phạm vi của hệ tọa độ dự án VN-2000 \/ TM-3 108°30′/);
    expect(err.en).toMatch(/outside the range of the project's CRS/);
    // Degrees typed into a metre CRS with X and Y swapped land far off as well.
    const swapped = await env.callErr('edits.apply', { label: 'x', put: [grave([AT[1] * 4, AT[0]])] });
    expect(swapped.code).toBe('validation');
    expect(swapped.vi).toMatch(/nằm ngoài phạm vi/);
    // A line whose second vertex is out: the message names that vertex.
    const line = await env.callErr('edits.apply', {
      put: [{ table: 'base_lines', geometry: { type: 'LineString', coordinates: [AT, [AT[0], -9_000_000]] }, props: { kind: 'road' } }],
    });
    expect(line.vi).toMatch(/Tọa độ Y \(Đông\) = 430000, X \(Bắc\) = -9000000 của/);
  });

  it('refuses moving an existing feature out of range, and keeps the row as it was', async () => {
    const r = await env.call('edits.apply', { label: 'ok', put: [grave(AT)] });
    const id = r.rows[0].id;
    const err = await env.callErr('edits.apply', { put: [{ table: 'graves', id, baseVersion: 1, geometry: { type: 'Point', coordinates: [-30_000_000, AT[1]] } }] });
    expect(err.code).toBe('validation');
    const row = await env.call('rows.get', { table: 'graves', id });
    expect(row.geometry).toEqual({ type: 'Point', coordinates: AT });
  });
});

describe('hostile coordinates: a project that already holds such rows', () => {
  const ids: Record<string, string> = {};
  let dir: string;
  let path: string;
  beforeAll(async () => {
    const env = await boot();
    dir = env.dir;
    const info = await env.call('project.create', { fileName: 'cu.gpkg', settings: { title: 'X', province: { code: '67', name: 'Đắk Nông' } } });
    path = info.path;
    const r = await env.call('edits.apply', {
      label: 'graves',
      put: [grave(AT, 'M-01'), grave([AT[0] + 500, AT[1] + 500], 'M-02'), grave([AT[0] + 1000, AT[1]], 'M-18'), grave([AT[0] + 2000, AT[1]], 'M-39')],
    });
    [ids.a, ids.b, ids.e18, ids.e39] = r.rows.map((x) => x.id);
    env.services.close();
    // Written as a file from before the domain check could hold them (raw SQL, R-tree triggers included).
    const db = new Database(path);
    registerSqlFunctions(db);
    const srs = (db.prepare("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = 'graves'").get() as { srs_id: number }).srs_id;
    const put = db.prepare('UPDATE graves SET geom = ? WHERE uuid = ?');
    put.run(encodeGpkgGeometry({ type: 'Point', coordinates: [1e18, 1e18] }, srs), ids.e18);
    put.run(encodeGpkgGeometry({ type: 'Point', coordinates: [1e39, 1e39] }, srs), ids.e39);
    db.close();
  }, 60_000);

  it('opens after a restart: project.open and project.info answer with the extent of the rows in range', async () => {
    const env = await boot(dir);
    const info = await env.call('project.open', { path });
    const graves = info.layers.find((l) => l.table === 'graves')!;
    expect(graves.count).toBe(4);
    // float32 of the R-tree rounds outwards by less than a metre here.
    expect(graves.extent![0]).toBeCloseTo(AT[0], -1);
    expect(graves.extent![2]).toBeCloseTo(AT[0] + 500, -1);
    expect(graves.extent![3]).toBeCloseTo(AT[1] + 500, -1);
    const again = await env.call('project.info', {});
    expect(again.extent).toEqual(info.extent);
    // Let the next test's own process take the project (one writer process per project file).
    env.services.close();
  });

  it('review.run answers (in a process of its own, stopped after 10 s) and names both rows; the other checks skip them', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(process.cwd(), 'tests/support/review-run-child.ts'), dir, path], {
      encoding: 'utf8',
      timeout: 10_000,
      killSignal: 'SIGKILL',
    });
    expect(r.status).toBe(0);
    const findings = JSON.parse(r.stdout) as Finding[];
    const out = findings.filter((f) => f.rule === 'geometry.out_of_range');
    expect(out.map((f) => f.id).sort()).toEqual([ids.e18, ids.e39].sort());
    expect(out.every((f) => f.severity === 'error' && f.extent === null)).toBe(true);
    expect(out.find((f) => f.id === ids.e18)!.vi).toMatch(/Mộ liệt sĩ "M-18": tọa độ Y \(Đông\) = 1\.000e\+18, X \(Bắc\) = 1\.000e\+18 nằm ngoài phạm vi của hệ tọa độ dự án/);
    expect(findings.some((f) => f.rule.startsWith('graves.near') && [f.id, f.otherId].includes(ids.e18))).toBe(false);
  }, 15_000);

  it('the row can still be fixed: a change of its fields alone is kept, then moving it into range', async () => {
    const env = await boot(dir);
    await env.call('project.open', { path });
    const row = await env.call('rows.get', { table: 'graves', id: ids.e39 });
    const v2 = await env.call('edits.apply', { put: [{ table: 'graves', id: ids.e39, baseVersion: row.meta.version, props: { description: 'tọa độ sai' } }] });
    await env.call('edits.apply', { put: [{ table: 'graves', id: ids.e39, baseVersion: v2.rows[0].version, geometry: { type: 'Point', coordinates: [AT[0] + 3000, AT[1]] } }] });
    const run = await env.call('review.run', {});
    expect(run.findings.filter((f) => f.rule === 'geometry.out_of_range').map((f) => f.id)).toEqual([ids.e18]);
  }, 10_000);

  it('`quytap check` exits 1 naming the row', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(process.cwd(), 'src/main/cli.ts'), 'check', path], {
      encoding: 'utf8',
      timeout: 30_000,
      killSignal: 'SIGKILL',
      env: { ...process.env, QUYTAP_OPERATOR: 'ci' },
    });
    expect(r.status).toBe(1);
    const line = r.stdout.split('\n').find((l) => l.includes(ids.e18));
    expect(line?.split('\t').slice(0, 2)).toEqual(['LỖI', 'geometry.out_of_range']);
    expect(line).toContain(`graves/${ids.e18}`);
  }, 60_000);
});
