// The drafting services through the real dispatcher: attachments (bytes pinned by their hash, size
// limit, bad input refused without writing), and the optimistic concurrency the forms rely on.
import { beforeAll, describe, expect, it } from 'vitest';
import { bootServices } from '../../support/boot-services';
import { ATTACHMENT_MAX_BYTES } from '../../../src/shared/contract/drafting';

const boot = () => bootServices({ prefix: 'quytap-drafting-' });

const square = (x: number, y: number, s: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ],
  ],
});

describe('drafting services', () => {
  let env: Awaited<ReturnType<typeof boot>>;
  let areaId: string;
  beforeAll(async () => {
    env = await boot();
    await env.call('project.create', { fileName: 'drafting.gpkg', settings: { title: 'Thử', province: { code: '67', name: 'Đắk Nông' } } });
    const r = await env.call('edits.apply', {
      label: 'Thêm khu vực',
      put: [{ table: 'search_areas', geometry: square(460000, 1360000, 100), props: { status: 'not_started', code: 'KV01' } }],
    });
    areaId = r.rows[0]!.id;
  }, 60_000);

  it('attaches a photo: one audited row with its hash, bytes readable back, undo hides the row', async () => {
    const bytes = Buffer.from('\x89PNG fake image bytes for the test');
    const up = await env.call('attachments.upload', {
      ownerTable: 'search_areas',
      ownerId: areaId,
      filename: 'ảnh hiện trường.png',
      mime: 'image/png',
      dataBase64: bytes.toString('base64'),
    });
    expect(up.size).toBe(bytes.length);
    const row = await env.call('rows.get', { table: 'attachments', id: up.id });
    expect(row.props).toMatchObject({ owner_table: 'search_areas', owner_id: areaId, filename: 'ảnh hiện trường.png', sha256: up.sha256 });
    const down = await env.call('attachments.download', { id: up.id });
    expect(Buffer.from(down.dataBase64, 'base64').equals(bytes)).toBe(true);
    expect(down.mime).toBe('image/png');
    const listed = await env.call('records.query', { table: 'attachments', filter: { owner_table: 'search_areas', owner_id: areaId } });
    expect(listed.rows.map((r) => r.id)).toContain(up.id);
    expect(env.seen.some((e) => e.event === 'project.changed' && e.payload.tables.includes('attachments'))).toBe(true);
    const undone = await env.call('edits.undo', {});
    expect(undone.result!.rows[0]!.id).toBe(up.id);
    expect((await env.call('rows.get', { table: 'attachments', id: up.id })).meta.deleted).toBe(true);
  });

  it('refuses garbage, empty or too large files and unknown owners without writing anything', async () => {
    const before = (await env.call('records.query', { table: 'attachments', includeDeleted: true })).total;
    const base = { ownerTable: 'search_areas', ownerId: areaId, filename: 'x.jpg', mime: 'image/jpeg' };
    expect((await env.callErr('attachments.upload', { ...base, dataBase64: 'not base64!!' })).code).toBe('validation');
    expect((await env.callErr('attachments.upload', { ...base, dataBase64: '' })).code).toBe('validation');
    const big = Buffer.alloc(ATTACHMENT_MAX_BYTES + 3).toString('base64');
    expect(['validation', 'too_large']).toContain((await env.callErr('attachments.upload', { ...base, dataBase64: big })).code);
    const missing = await env.callErr('attachments.upload', { ...base, ownerId: '01a224ca-0000-7000-8000-000000000000', dataBase64: 'AAAA' });
    expect(missing.code).toBe('not_found');
    expect(missing.vi).toMatch(/Không tìm thấy/);
    expect((await env.callErr('attachments.upload', { ...base, mime: 'not a mime', dataBase64: 'AAAA' })).code).toBe('validation');
    expect((await env.call('records.query', { table: 'attachments', includeDeleted: true })).total).toBe(before);
    expect((await env.callErr('attachments.download', { id: '01a224ca-0000-7000-8000-000000000000' })).code).toBe('not_found');
  });

  it('a save based on a stale version is a conflict and overwrites nothing (two windows)', async () => {
    const seen = await env.call('rows.get', { table: 'search_areas', id: areaId });
    await env.call('edits.apply', { put: [{ table: 'search_areas', id: areaId, baseVersion: seen.meta.version, props: { name: 'Cửa sổ 1' } }] });
    const err = await env.callErr('edits.apply', { put: [{ table: 'search_areas', id: areaId, baseVersion: seen.meta.version, props: { name: 'Cửa sổ 2' } }] });
    expect(err.code).toBe('conflict');
    expect(err.vi).toMatch(/đã được .+ sửa sau khi bạn xem \(bạn xem phiên bản \d+, hiện là phiên bản \d+\); hãy tải lại rồi thử lại\.$/);
    expect((await env.call('rows.get', { table: 'search_areas', id: areaId })).props.name).toBe('Cửa sổ 1');
  });

  it('a bulk edit of several rows is one undo step', async () => {
    const r = await env.call('edits.apply', {
      put: [1, 2, 3].map((i) => ({ table: 'search_areas' as const, geometry: square(461000 + i * 200, 1360000, 50), props: { status: 'unclear', code: `B${i}` } })),
    });
    const ids = r.rows.map((x) => x.id);
    const rows = await Promise.all(ids.map((id) => env.call('rows.get', { table: 'search_areas', id })));
    await env.call('edits.apply', {
      label: 'Sửa hàng loạt',
      put: rows.map((x) => ({ table: 'search_areas' as const, id: x.id, baseVersion: x.meta.version, props: { status: 'done' } })),
    });
    const state = await env.call('edits.state', {});
    expect(state.undoLabel).toBe('Sửa hàng loạt');
    await env.call('edits.undo', {});
    for (const id of ids) expect((await env.call('rows.get', { table: 'search_areas', id })).props.status).toBe('unclear');
  });
});
