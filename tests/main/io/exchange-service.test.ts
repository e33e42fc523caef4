// The exchange methods through the real dispatcher, as the renderer calls them: upload into the
// imports folder, preview, import as a job, export as a job, download through /bin/exports/….
import { readFileSync, rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '../../../src/shared/api';
import { createDispatcher } from '../../../src/main/rpc/dispatch';
import { createEventBus } from '../../../src/main/rpc/events';
import { createServices, type Services } from '../../../src/main/services';
import { REAL } from './helpers';

let dir: string;
let services: Services;
let call: <M extends MethodName>(m: M, input: Input<M>) => Promise<Output<M>>;
let callErr: (m: string, input: unknown) => Promise<{ code: string; vi: string; en: string }>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quytap-exchange-'));
  const events = createEventBus();
  services = await createServices({ mode: 'browser', projectsDir: dir, emit: events.emit });
  const dispatch = createDispatcher(services.handlers);
  call = async (m, input) => {
    const r = await dispatch(m, input, { operator: 'Lê Văn Tám', emit: events.emit });
    if (!r.ok) throw Object.assign(new Error(r.error.en), { body: r.error });
    return r.result as never;
  };
  callErr = async (m, input) => {
    const r = await dispatch(m, input, { operator: 'Lê Văn Tám', emit: events.emit });
    if (r.ok) throw new Error('expected an error');
    return r.error as never;
  };
  await call('session.setOperator', { name: 'Lê Văn Tám' });
  await call('project.create', { fileName: 'xa.gpkg', settings: { title: 'Xã thử', province: { code: '67', name: 'Đắk Nông' } } });
});
afterAll(() => {
  services.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('exchange through the contract', () => {
  it('upload → preview → import job → one undoable edit', async () => {
    const data = readFileSync(REAL('daohoangson-dvhcvn/67.json')).toString('base64');
    const up = await call('exchange.upload', { name: '67.json', dataBase64: data });
    expect(up.name).toBe('67.json');
    const again = await call('exchange.upload', { name: '67.json', dataBase64: data });
    expect(again.name).toBe('67 (2).json'); // never over an existing file
    const files = await call('exchange.files', {});
    expect(files.imports.map((f) => f.name).sort()).toEqual(['67 (2).json', '67.json']);
    const pv = await call('exchange.preview', { files: ['67.json'], table: 'admin_units' });
    expect(pv.format).toBe('dvhcvn');
    const l2 = pv.layers.find((l) => l.name === 'level2s')!;
    expect(l2.count).toBe(8);
    expect(l2.crs.code).toBe('EPSG:4326');
    expect(l2.outsideVietnam).toBe(0);
    expect(l2.suggestedMap).toMatchObject({ code: 'code', name: 'name', level: 'level' });
    const { job } = await call('exchange.import', { files: ['67.json'], layer: 'level2s', table: 'admin_units', defaults: { level: 'district' } });
    await services.jobs.wait(job.id);
    const q = await call('features.query', { table: 'admin_units' });
    expect(q.rows).toHaveLength(8);
    expect(q.rows[0]!.meta.createdBy).toBe('Lê Văn Tám');
    expect((await call('edits.state', {})).undoLabel).toMatch(/^Nhập 67\.json/);
  });

  it('an uploaded file with invalid polygons: preview counts them, exchange.invalid pages through them', async () => {
    // Two bow-ties around one valid square; the dispatcher checks the contract's output schemas.
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [107.7, 107.72, 107.74].map((x, i) => ({
        type: 'Feature',
        properties: { name: `Vùng ${i + 1}` },
        geometry: { type: 'Polygon', coordinates: [i === 1 ? [[x, 12.4], [x + 0.01, 12.4], [x + 0.01, 12.41], [x, 12.41], [x, 12.4]] : [[x, 12.4], [x + 0.01, 12.41], [x + 0.01, 12.4], [x, 12.41], [x, 12.4]]] },
      })),
    });
    await call('exchange.upload', { name: 'vung.geojson', dataBase64: Buffer.from(geojson).toString('base64') });
    const pv = await call('exchange.preview', { files: ['vung.geojson'], table: 'base_areas' });
    expect(pv.layers[0]).toMatchObject({ invalidCount: 2, invalid: [{ row: 1 }, { row: 3 }] });
    const page = await call('exchange.invalid', { files: ['vung.geojson'], offset: 1, limit: 10 });
    expect(page).toMatchObject({ total: 2, items: [{ row: 3, reason: expect.stringMatching(/Self-intersection/) }] });
  });

  it('a path instead of a name is refused', async () => {
    const e = await callErr('exchange.preview', { files: ['../xa.gpkg'] });
    expect(e.code).toBe('validation');
  });

  it('export job → file in exports/ beside the project → served by /bin/exports/…', async () => {
    const r = await call('exchange.export', { format: 'geojson', tables: ['admin_units'] });
    await services.jobs.wait(r.job.id);
    const res = await services.binaryResponder(r.url.replace(/^\/bin\//, '').split('/').map(decodeURIComponent).join('/'), undefined);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/geo+json');
    const fc = JSON.parse(res.body.toString('utf8')) as { features: { properties: { name: string } }[] };
    expect(fc.features).toHaveLength(8);
    expect(fc.features.map((f) => f.properties.name)).toContain('Huyện Krông Nô');
    expect((await services.binaryResponder('exports/../xa.gpkg', undefined)).status).toBe(404);
    const files = await call('exchange.files', {});
    expect(files.exports.map((f) => f.name)).toContain(r.fileName);
  });

  it('commune package: export, bring back through the imports folder, review, import (a no-op on itself)', async () => {
    const pk = await call('exchange.packageExport', { communes: null });
    const bytes = (await services.binaryResponder(`exports/${pk.fileName}`, undefined)).body;
    const up = await call('exchange.upload', { name: pk.fileName, dataBase64: bytes.toString('base64') });
    const review = await call('exchange.packagePreview', { file: up.name });
    expect(review.packageId).toBe(pk.packageId);
    expect(review.changes).toHaveLength(0);
    expect(review.conflicts).toHaveLength(0);
    expect(review.unchanged).toBe(8);
    expect(await call('exchange.packageImport', { file: up.name, decisions: {} })).toEqual({ applied: 0, editId: null });
    const e = await callErr('exchange.packagePreview', { file: '67.json' });
    expect(e.en).toMatch(/not a|cannot|project/i);
  });
});

