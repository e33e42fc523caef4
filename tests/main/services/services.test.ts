// The services behind the contract, driven through the real dispatcher as a renderer would.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import proj4 from 'proj4';
import { beforeAll, describe, expect, it } from 'vitest';
import { findCrs } from '../../../src/shared/crs/catalogue';
import { DEMO_FILE_NAME } from '../../../src/main/services/demo-project';
import type { Output } from '../../../src/shared/api';
import { bootServices } from '../../support/boot-services';

const boot = () => bootServices({ prefix: 'quytap-services-' });

describe('services: the demo project', () => {
  let env: Awaited<ReturnType<typeof boot>>;
  let info: Output<'project.info'>;
  beforeAll(async () => {
    env = await boot();
    info = await env.call('project.openDemo', {});
  }, 120_000);

  it('is built atomically in the projects folder, from the real communes, marked as demo', () => {
    expect(info.fileName).toBe(DEMO_FILE_NAME);
    expect(readdirSync(env.dir).filter((f) => f.includes('.building'))).toEqual([]);
    expect(info.settings.demo).toBe(true);
    expect(info.settings.title).toMatch(/MINH HỌA/);
    expect(info.crs.code).toBe('EPSG:9218');
    expect(info.settings.communes.map((c) => c.name)).toEqual(['Krông Nô', 'Nam Đà', 'Nâm Nung', 'Quảng Phú', 'Đắk Sắk']);
    const count = (t: string) => info.layers.find((l) => l.table === t)!.count;
    expect(count('admin_units')).toBe(8); // province, former province and district, 5 communes
    expect(count('search_areas')).toBeGreaterThan(0);
    expect(count('graves')).toBeGreaterThan(0);
    expect(count('conclusions')).toBe(5);
    // The view opens on the communes, not on the whole province.
    const [a, b, c, d] = info.extent!;
    expect(c - a).toBeLessThan(60_000);
    expect(d - b).toBeLessThan(60_000);
    expect(env.seen.some((e) => e.event === 'job.progress' && e.payload.kind === 'demo.build' && e.payload.state === 'done')).toBe(true);
  });

  it('lands the communes where the source file has them (within 1 cm after the round trip)', async () => {
    const { rows } = await env.call('features.query', { table: 'admin_units', filter: { code: '24688' } });
    expect(rows).toHaveLength(1);
    const first = rows[0].geometry!.coordinates as number[][][][];
    const [lon, lat] = proj4(findCrs('EPSG:9218')!.proj4, 'EPSG:4326', first[0][0][0]);
    // the first vertex of 24688_krong_no.geojson
    expect(Math.abs(lon - 107.836011) * 111_000).toBeLessThan(0.01);
    expect(Math.abs(lat - 12.474088) * 111_000).toBeLessThan(0.01);
  });

  it('GDAL reads a demo grave at the same WGS 84 position as our own conversion', async () => {
    const { rows } = await env.call('features.query', { table: 'graves', limit: 1 });
    const [x, y] = rows[0].geometry!.coordinates as number[];
    const ours = proj4(findCrs('EPSG:9218')!.proj4, 'EPSG:4326', [x, y]);
    const out = execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', '-t_srs', 'EPSG:4326', '-where', `uuid = '${rows[0].id}'`, info.path, 'graves'], {
      encoding: 'utf8',
    });
    const gdal = JSON.parse(out).features[0].geometry.coordinates;
    const dx = (gdal[0] - ours[0]) * 111_320 * Math.cos((ours[1] * Math.PI) / 180);
    const dy = (gdal[1] - ours[1]) * 110_574;
    expect(Math.hypot(dx, dy)).toBeLessThan(0.01);
  });

  it('records are searchable without diacritics and linked to features', async () => {
    const forms = await env.call('records.query', { table: 'conclusions', search: 'xa krong no' });
    expect(forms.rows.map((r) => r.props.unit_name)).toContain('Xã Krông Nô');
    const { rows } = await env.call('records.query', { table: 'links', filter: { role: 'buried_here' }, limit: 1 });
    const graveId = rows[0].props.from_id as string;
    const links = await env.call('links.of', { table: 'graves', id: graveId });
    expect(links.some((l) => l.other?.table === 'martyrs')).toBe(true);
  });

  it('edits go through one call, are undoable and emit project.changed', async () => {
    const before = env.seen.length;
    const id = '0b9f7f3e-4f5c-4c1a-9d7e-1a2b3c4d5e6f';
    const r = await env.call('edits.apply', {
      label: 'Thêm mộ',
      put: [{ table: 'graves', id, geometry: { type: 'Point', coordinates: [430000, 1370000] }, props: { kind: 'newly_found', verification: 'not_verified' } }],
    });
    expect(r.rows[0]).toMatchObject({ table: 'graves', id, version: 1 });
    expect(env.seen.slice(before).some((e) => e.event === 'project.changed' && e.payload.tables.includes('graves'))).toBe(true);
    const u = await env.call('edits.undo', {});
    expect(u.result!.rows[0]).toMatchObject({ id, deleted: true });
    expect(u.state.canRedo).toBe(true);
    await env.call('edits.redo', {});
    expect((await env.call('rows.get', { table: 'graves', id })).meta.deleted).toBe(false);
    const h = await env.call('history.of', { table: 'graves', id });
    expect(h.map((e) => e.action)).toEqual(['insert', 'delete', 'restore']);
  });

  it('a missing required field is refused, naming the field in Vietnamese', async () => {
    const err = await env.callErr('edits.apply', {
      put: [{ table: 'search_areas', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }, props: { name: 'x' } }],
    });
    expect(err.code).toBe('validation');
    expect(err.vi).toMatch(/Tình trạng/);
  });

  it('lists projects with their titles and refuses paths outside the allow-list', async () => {
    const list = await env.call('project.list', {});
    expect(list.find((p) => p.fileName === DEMO_FILE_NAME)?.title).toMatch(/KRÔNG NÔ/);
    const err = await env.callErr('project.open', { path: '/etc/passwd' });
    expect(err.code).toBe('forbidden');
  });
});

describe('services: creating a project', () => {
  it('creates a project in the province TM-3 zone and refuses to overwrite it', async () => {
    const env = await boot();
    const info = await env.call('project.create', { fileName: 'xa-dak-dro.gpkg', settings: { title: 'BẢN ĐỒ XÃ ĐẮK DRÔ', province: { code: '67', name: 'Đắk Nông' } } });
    expect(info.crs.code).toBe('EPSG:9218');
    expect(existsSync(join(env.dir, 'xa-dak-dro.gpkg'))).toBe(true);
    const again = await env.callErr('project.create', { fileName: 'xa-dak-dro.gpkg', settings: { title: 'x', province: { name: 'Đắk Nông' } } });
    expect(again.code).toBe('conflict');
    const traversal = await env.callErr('project.create', { fileName: '../evil.gpkg', settings: { title: 'x', province: { name: 'Đắk Nông' } } });
    expect(traversal.code).toBe('validation');
    // GDAL reads the working CRS with its TOWGS84 (QĐ 05/2007), not EPSG's own operation.
    const srs = execFileSync('ogrinfo', ['-ro', '-so', join(env.dir, 'xa-dak-dro.gpkg'), 'graves'], { encoding: 'utf8' });
    expect(srs).toMatch(/-191\.90441429/);
  });

  it('says clearly when no project is open', async () => {
    const env = await boot();
    const err = await env.callErr('project.info', {});
    expect(err.code).toBe('no_project');
    expect(err.vi).toMatch(/Chưa mở dự án/);
  });
});
