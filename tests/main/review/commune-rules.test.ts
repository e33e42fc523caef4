// Every feature belongs to the commune its geometry lies in, whatever path wrote it (drawing, import,
// package merge, undo, redo, a hand-made request), and a submitted map is frozen for its staff.
// Driven through the real dispatcher on the demo project (Nam Đà is one of its communes).
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../../src/shared/api';
import { transform } from '../../../src/shared/crs';
import type { Row } from '../../../src/shared/model';
import { pointInMultiPolygon } from '../../../src/main/demo/planar';
import { createDemoProject } from '../../../src/main/services/demo-project';
import { ProjectStore } from '../../../src/main/store';
import { boot } from './boot';

type MP = number[][][][];
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const csvOf = (pts: { name: string; lon: number; lat: number }[]) => `name,lon,lat\n${pts.map((p) => `${p.name},${p.lon},${p.lat}`).join('\n')}\n`;
const gpxOf = (pts: { name: string; lon: number; lat: number }[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">\n${pts
    .map((p) => `<wpt lat="${p.lat}" lon="${p.lon}"><name>${p.name}</name></wpt>`)
    .join('\n')}\n</gpx>\n`;
const GRAVE_DEFAULTS = { kind: 'newly_found', verification: 'not_verified' };

describe('the commune of every write, and the frozen submitted map', () => {
  let env: Awaited<ReturnType<typeof boot>>;
  let info: Output<'project.info'>;
  let ND: string; // Nam Đà
  let K: string; // another commune
  let ndPoly: MP;
  let kGrave: Row;
  let ndGrave: Row;
  const spots: number[][] = [];
  const as = (name: string, role: 'commune_staff' | 'reviewer' | 'admin', communeCode: string | null = null) =>
    env.call('session.setOperator', { name, role, communeCode });
  const graves = async () => (await env.call('features.query', { table: 'graves', limit: 100_000 })).rows;
  const lonLat = (name: string, xy: number[]) => {
    const [lon, lat] = transform(info.crs.code, 'EPSG:4326', xy as [number, number]);
    return { name, lon: Number(lon!.toFixed(8)), lat: Number(lat!.toFixed(8)) };
  };
  /** Imports a file as a job; resolves to the job's final state. */
  const importFile = async (name: string, content: string, extra: Record<string, unknown> = {}) => {
    const up = await env.call('exchange.upload', { name, dataBase64: b64(content) });
    const { job } = await env.call('exchange.import', { files: [up.name], table: 'graves', crs: 'EPSG:4326', defaults: GRAVE_DEFAULTS, ...extra } as never);
    try {
      await env.services.jobs.wait(job.id);
      return { ok: true as const, error: null };
    } catch (e) {
      return { ok: false as const, error: e as { code?: string; vi?: string } };
    }
  };

  beforeAll(async () => {
    env = await boot();
    info = await env.call('project.openDemo', {});
    ND = info.settings.communes.find((c) => c.name === 'Nam Đà')!.code;
    K = info.settings.communes.find((c) => c.code !== ND)!.code;
    const unit = (await env.call('features.query', { table: 'admin_units', limit: 1000 })).rows.find((r) => r.props.level === 'commune' && r.props.code === ND)!;
    ndPoly = (unit.geometry as { coordinates: MP }).coordinates;
    const all = await graves();
    kGrave = all.find((g) => g.props.commune_code === K)!;
    ndGrave = all.find((g) => g.props.commune_code === ND)!;
    // Places inside Nam Đà, 60 m and more from its graves (the near-graves check stays quiet).
    for (const g of all.filter((x) => x.props.commune_code === ND)) {
      const [x, y] = g.geometry!.coordinates as number[];
      const p = [x! + 90, y! + 90];
      if (pointInMultiPolygon(p, ndPoly) && all.every((o) => Math.hypot((o.geometry!.coordinates as number[])[0]! - p[0]!, (o.geometry!.coordinates as number[])[1]! - p[1]!) > 60))
        spots.push(p);
      if (spots.length === 8) break;
    }
    expect(spots.length).toBe(8);
  }, 120_000);

  it('a CSV and a GPX imported by Nam Đà staff: every feature gets Nam Đà’s code, and the review counts them', async () => {
    await as('Cán bộ xã Nam Đà', 'commune_staff', ND);
    const before = (await env.call('review.overview', {})).communes.find((c) => c.communeCode === ND)!.counts.gravesByKind.newly_found;
    expect((await importFile('mo.csv', csvOf([lonLat('CSV-1', spots[0]!), lonLat('CSV-2', spots[1]!)])))).toMatchObject({ ok: true });
    expect((await importFile('mo.gpx', gpxOf([lonLat('GPX-1', spots[2]!), lonLat('GPX-2', spots[3]!)]), { layer: 'waypoints' }))).toMatchObject({ ok: true });
    const imported = (await graves()).filter((g) => /^(CSV|GPX)-\d$/.test(String(g.props.name)));
    expect(imported.map((g) => g.props.name).sort()).toEqual(['CSV-1', 'CSV-2', 'GPX-1', 'GPX-2']);
    for (const g of imported) expect(g.props.commune_code).toBe(ND);
    const after = (await env.call('review.overview', {})).communes.find((c) => c.communeCode === ND)!.counts.gravesByKind.newly_found;
    expect(after).toBe(before + 4);
    const checked = await env.call('review.run', { communes: [ND] });
    expect(checked.findings.filter((f) => f.rule.startsWith('commune.'))).toEqual([]);
  });

  it('staff of one commune cannot put a feature inside another: drawn, moved or imported', async () => {
    await as('Cán bộ xã K', 'commune_staff', K);
    const kName = info.settings.communes.find((c) => c.code === K)!.name;
    const drawn = await env.callErr('edits.apply', { put: [{ table: 'graves', geometry: { type: 'Point', coordinates: spots[4] }, props: { ...GRAVE_DEFAULTS, commune_code: K } }] });
    expect(drawn.code).toBe('forbidden');
    expect(drawn.vi).toBe(`Vị trí này thuộc xã Nam Đà, không thuộc xã ${kName}: cán bộ xã ${kName} chỉ vẽ, sửa đối tượng nằm trong xã ${kName}.`);
    const moved = await env.callErr('edits.apply', { put: [{ table: 'graves', id: kGrave.id, baseVersion: kGrave.meta.version, geometry: { type: 'Point', coordinates: spots[4] } }] });
    expect(moved.vi).toMatch(/thuộc xã Nam Đà/);
    const count = (await graves()).length;
    const imported = await importFile('cua-xa-khac.csv', csvOf([lonLat('KHAC-1', spots[4]!)]));
    expect(imported.ok).toBe(false);
    expect(imported.error?.vi).toMatch(/thuộc xã Nam Đà, không thuộc xã/);
    expect((await graves()).length).toBe(count);
    expect((await env.call('rows.get', { table: 'graves', id: kGrave.id })).meta.version).toBe(kGrave.meta.version);
  });

  it('a submitted map is frozen for its staff; a reviewer’s correction is listed as changed since the submission', async () => {
    await as('Cán bộ xã Nam Đà', 'commune_staff', ND);
    // An edit undone before the submission: its redo must wait too.
    const g0 = await env.call('rows.get', { table: 'graves', id: ndGrave.id });
    await env.call('edits.apply', { label: 'sẽ làm lại', put: [{ table: 'graves', id: g0.id, baseVersion: g0.meta.version, props: { description: 'bản nháp' } }] });
    await env.call('edits.undo', {});
    expect((await env.call('review.changesSince', { communeCode: ND })).submittedAt).toBeNull();
    expect((await env.call('review.act', { communeCode: ND, act: 'submit' })).state).toBe('submitted');

    const g = await env.call('rows.get', { table: 'graves', id: ndGrave.id });
    const frozen = await env.callErr('edits.apply', { put: [{ table: 'graves', id: g.id, baseVersion: g.meta.version, props: { description: 'sửa sau khi trình' } }] });
    expect(frozen.code).toBe('forbidden');
    expect(frozen.vi).toMatch(/^Bản đồ xã Nam Đà đã trình duyệt; chờ huyện trả lại để sửa\./);
    for (const m of ['edits.undo', 'edits.redo'] as const) expect((await env.callErr(m, {})).vi).toMatch(/đã trình duyệt; chờ huyện trả lại để sửa/);
    const imported = await importFile('sau-khi-trinh.csv', csvOf([lonLat('SAU-1', spots[5]!)]));
    expect(imported.error?.vi).toMatch(/đã trình duyệt/);
    expect((await env.call('rows.get', { table: 'graves', id: g.id })).meta.version).toBe(g.meta.version);
    expect((await env.call('review.changesSince', { communeCode: ND })).changes).toEqual([]);

    await as('Thẩm định viên', 'reviewer');
    await env.call('edits.apply', { label: 'Thẩm định sửa mô tả', put: [{ table: 'graves', id: g.id, baseVersion: g.meta.version, props: { description: 'thẩm định sửa' } }] });
    const since = await env.call('review.changesSince', { communeCode: ND });
    expect(since.submittedBy).toBe('Cán bộ xã Nam Đà');
    expect(since.changes).toEqual([
      expect.objectContaining({ table: 'graves', id: g.id, writes: 1, lastBy: 'Thẩm định viên', lastLabel: 'Thẩm định sửa mô tả', deleted: false }),
    ]);
    expect(since.changes[0]!.extent).not.toBeNull();
    // Other communes' changes are not Nam Đà's.
    expect((await env.call('review.changesSince', { communeCode: K })).changes).toEqual([]);
  });

  it('after approval no path changes a Nam Đà feature: edit, hand-made request, import, package merge, undo, redo', async () => {
    // A package prepared while the map was still open to changes (made by another copy of the project).
    await as('Thẩm định viên', 'reviewer');
    const pk = await env.call('exchange.packageExport', { communes: [ND] });
    expect((await env.call('review.act', { communeCode: ND, act: 'approve' })).state).toBe('approved');
    const snapshot = JSON.stringify((await graves()).filter((g) => g.props.commune_code === ND));
    const count = (await graves()).length;

    const copy = join(env.dir, 'goi-sua.gpkg');
    copyFileSync(join(env.dir, 'exports', pk.fileName), copy);
    const other = ProjectStore.open(copy);
    const theirs = other.get('graves', ndGrave.id)!;
    // Another tool's copy: an edit of a Nam Đà grave, and a new grave in Nam Đà claiming K's code.
    other.applyEdit({ put: [{ table: 'graves', id: theirs.id, baseVersion: theirs.meta.version, props: { description: 'sửa trong gói' } }] }, 'xã');
    other.applyEdit({ put: [{ table: 'graves', geometry: { type: 'Point', coordinates: spots[6]! }, props: { ...GRAVE_DEFAULTS, commune_code: K } }] }, 'xã');
    other.close();
    const up = await env.call('exchange.upload', { name: 'goi-sua.gpkg', dataBase64: readFileSync(copy).toString('base64') });

    const hostile = (put: unknown) => env.callErr('edits.apply', { put: [put] });
    for (const who of [() => as('Cán bộ xã Nam Đà', 'commune_staff', ND), () => as('Quản trị', 'admin'), () => as('Thẩm định viên', 'reviewer')]) {
      await who();
      const g = await env.call('rows.get', { table: 'graves', id: ndGrave.id });
      const refusals = [
        await hostile({ table: 'graves', id: g.id, baseVersion: g.meta.version, props: { description: 'sau phê duyệt' } }),
        // Hand-made: a new grave in Nam Đà that names another commune, or none.
        await hostile({ table: 'graves', geometry: { type: 'Point', coordinates: spots[7] }, props: { ...GRAVE_DEFAULTS, commune_code: K } }),
        await hostile({ table: 'graves', geometry: { type: 'Point', coordinates: spots[7] }, props: GRAVE_DEFAULTS }),
        await env.callErr('exchange.packageImport', { file: up.name, decisions: {} }),
      ];
      for (const r of refusals) expect([r.code, r.vi]).toEqual(['forbidden', expect.stringMatching(/Nam Đà đã được phê duyệt và đang khóa/)]);
      const imported = await importFile('sau-phe-duyet.csv', csvOf([lonLat('PD-1', spots[7]!)]));
      expect(imported.error?.vi).toMatch(/Nam Đà đã được phê duyệt/);
    }
    // Nor may anyone move Nam Đà's boundary (it decides which features are Nam Đà's).
    const unit = (await env.call('features.query', { table: 'admin_units', limit: 1000 })).rows.find((r) => r.props.level === 'commune' && r.props.code === ND)!;
    expect((await hostile({ table: 'admin_units', id: unit.id, baseVersion: unit.meta.version, props: { source: 'sửa ranh giới' } })).vi).toMatch(/Nam Đà đã được phê duyệt/);
    // K's staff cannot move K's grave into the approved commune either.
    await as('Cán bộ xã K', 'commune_staff', K);
    const k = await env.call('rows.get', { table: 'graves', id: kGrave.id });
    expect((await hostile({ table: 'graves', id: k.id, baseVersion: k.meta.version, geometry: { type: 'Point', coordinates: spots[7] } })).vi).toMatch(/Nam Đà đã được phê duyệt/);
    // The reviewer's own correction cannot be undone, nor the staff's undone edit redone.
    await as('Thẩm định viên', 'reviewer');
    expect((await env.callErr('edits.undo', {})).vi).toMatch(/Nam Đà đã được phê duyệt/);
    await as('Cán bộ xã Nam Đà', 'commune_staff', ND);
    expect((await env.call('edits.state', {})).redoLabel).toBe('sẽ làm lại');
    expect((await env.callErr('edits.redo', {})).vi).toMatch(/Nam Đà đã được phê duyệt/);

    expect(JSON.stringify((await graves()).filter((g) => g.props.commune_code === ND))).toBe(snapshot);
    expect((await graves()).length).toBe(count);
  });
});

describe('a grave outside every commune', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(process.cwd(), 'src/main/cli.ts'), ...args], { encoding: 'utf8', env: { ...process.env, QUYTAP_OPERATOR: 'ci' } });

  it('imported by `quytap import` belongs to no commune, and `quytap check` reports an error and exits 1', async () => {
    const env = await boot();
    const path = join(env.dir, 'demo-ngoai.gpkg');
    await createDemoProject(path, { author: 'ci' });
    const s = ProjectStore.open(path);
    const units = s.query('admin_units', { filter: { level: 'commune' }, limit: 1000 }).rows;
    const crs = s.crs.code;
    s.close();
    const xs = units.flatMap((u) => (u.geometry as { coordinates: MP }).coordinates.flat(2).map((p) => p[0]!));
    const ys = units.flatMap((u) => (u.geometry as { coordinates: MP }).coordinates.flat(2).map((p) => p[1]!));
    // 40 km east of the district's communes, and one grave inside the first of them.
    const far = [Math.max(...xs) + 40_000, (Math.min(...ys) + Math.max(...ys)) / 2];
    const [lon, lat] = transform(crs, 'EPSG:4326', far as [number, number]);
    const csv = join(env.dir, 'mo-ngoai.csv');
    writeFileSync(csv, `name,lon,lat\nNGOAI-1,${lon},${lat}\n`);
    const imp = cli('import', path, csv, '--layer', 'graves', '--crs', 'EPSG:4326', '--set', 'kind=newly_found', '--set', 'verification=not_verified');
    expect(imp.status, imp.stderr).toBe(0);
    const after = ProjectStore.open(path);
    const g = after.query('graves', { limit: 100_000 }).rows.find((r) => r.props.name === 'NGOAI-1')!;
    after.close();
    expect(g.props.commune_code).toBeNull();
    const check = cli('check', path);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(new RegExp(`^LỖI\tcommune\\.unassigned\t-\tgraves/${g.id}\t.*không thuộc xã nào của dự án`, 'm'));
  }, 120_000);
});

describe('a project whose communes have no boundary yet', () => {
  it('keeps the commune the writer names (nothing to judge it by); one with a boundary is computed', async () => {
    const env = await boot();
    await env.call('project.create', {
      fileName: 'moi.gpkg',
      settings: { title: 'Dự án mới', province: { code: '67', name: 'Đắk Nông' }, communes: [{ code: '24682', name: 'Đắk Drô' }, { code: '24700', name: 'Nâm Nung' }] },
    });
    await env.call('session.setOperator', { name: 'Cán bộ xã Đắk Drô', role: 'commune_staff', communeCode: '24682' });
    const at = { type: 'Point' as const, coordinates: [450_000, 1_380_000] };
    const r = await env.call('edits.apply', { put: [{ table: 'graves', geometry: at, props: { ...GRAVE_DEFAULTS, commune_code: '24682' } }] });
    expect((await env.call('rows.get', { table: 'graves', id: r.rows[0]!.id })).props.commune_code).toBe('24682');
    expect((await env.callErr('edits.apply', { put: [{ table: 'graves', geometry: at, props: { ...GRAVE_DEFAULTS, commune_code: '24700' } }] })).vi).toMatch(
      /Cán bộ xã Đắk Drô không được sửa đối tượng của xã Nâm Nung/,
    );
    // Once Nâm Nung has a boundary around that place, the place decides.
    const ring = [[449_000, 1_379_000], [451_000, 1_379_000], [451_000, 1_381_000], [449_000, 1_381_000], [449_000, 1_379_000]];
    await env.call('session.setOperator', { name: 'Quản trị', role: 'admin', communeCode: null });
    await env.call('edits.apply', { put: [{ table: 'admin_units', geometry: { type: 'Polygon', coordinates: [ring] }, props: { code: '24700', name: 'Nâm Nung', level: 'commune' } }] });
    const again = await env.call('edits.apply', { put: [{ table: 'graves', geometry: at, props: { ...GRAVE_DEFAULTS, commune_code: '24682' } }] });
    expect((await env.call('rows.get', { table: 'graves', id: again.rows[0]!.id })).props.commune_code).toBe('24700');
  });
});
