// No silent changes across operators: a deletion names the version its author saw, and undo/redo
// take back only the caller's own edits, refusing (and naming who) when someone changed the rows
// since. Driven through the real dispatcher on a real project file, operators switched as the
// app's operator dialog does.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../../src/shared/api';
import type { Row } from '../../../src/shared/model';
import { bootServices } from '../../support/boot-services';

type Env = Awaited<ReturnType<typeof bootServices>>;

const A = 'Nguyễn Văn An';
const B = 'Trần Thị Bình';

describe('edits across operators', () => {
  let env: Env;
  let info: Output<'project.info'>;
  let n = 0;

  const as = (e: Env, name: string) => e.call('session.setOperator', { name, role: 'admin', communeCode: null });
  const get = (id: string, e = env) => e.call('rows.get', { table: 'graves', id });
  const rename = async (id: string, name: string, label = name, e = env) => {
    const g = await get(id, e);
    return e.call('edits.apply', { label, put: [{ table: 'graves', id, baseVersion: g.meta.version, props: { name } }] });
  };
  /** A new grave, added by someone other than A and B (so it is in neither's undo history). */
  const grave = async (): Promise<Row> => {
    await as(env, 'Người nhập');
    const id = randomUUID();
    await env.call('edits.apply', {
      label: 'Thêm mộ',
      put: [{ table: 'graves', id, geometry: { type: 'Point', coordinates: [430000 + ++n, 1370000] }, props: { kind: 'newly_found', verification: 'not_verified', name: 'Mộ gốc' } }],
    });
    return get(id);
  };
  const state = async (name: string, e = env) => {
    await as(e, name);
    return e.call('edits.state', {});
  };

  beforeAll(async () => {
    env = await bootServices({ prefix: 'quytap-operators-' });
    info = await env.call('project.create', { fileName: 'hai-nguoi.gpkg', settings: { title: 'HAI NGƯỜI CÙNG SỬA', province: { code: '67', name: 'Đắk Nông' } } });
  });

  it('a deletion without the version its author saw is refused at the contract edge and deletes nothing', async () => {
    const g = await grave();
    await as(env, A);
    const err = await env.callErr('edits.apply', { label: 'Xóa mộ', remove: [{ table: 'graves', id: g.id }] });
    expect(err.code).toBe('validation');
    expect(err.details).toEqual([expect.objectContaining({ path: ['remove', 0, 'baseVersion'] })]);
    expect((await get(g.id)).meta).toMatchObject({ version: 1, deleted: false });
    expect(await state(A)).toMatchObject({ canUndo: false });
  });

  it('a deletion at a stale version is a conflict naming who changed the row, and the row keeps their change', async () => {
    const g = await grave();
    await as(env, B);
    await rename(g.id, 'B đặt tên');
    await as(env, A);
    const err = await env.callErr('edits.apply', { label: 'Xóa mộ', remove: [{ table: 'graves', id: g.id, baseVersion: g.meta.version }] });
    expect(err.code).toBe('conflict');
    expect(err.vi).toBe(`Đối tượng này (Mộ liệt sĩ) đã được ${B} sửa sau khi bạn xem (bạn xem phiên bản 1, hiện là phiên bản 2); hãy tải lại rồi thử lại.`);
    expect(err.en).toMatch(new RegExp(`^${B} changed this row`));
    const now = await get(g.id);
    expect(now.meta).toMatchObject({ version: 2, deleted: false, updatedBy: B });
    expect(now.props.name).toBe('B đặt tên');
  });

  it('interleaved edits of different rows: each operator undoes and redoes only their own', async () => {
    const [g1, g2] = [await grave(), await grave()];
    await as(env, A);
    await rename(g1.id, 'A sửa', 'A sửa mộ 1');
    await as(env, B);
    await rename(g2.id, 'B sửa', 'B sửa mộ 2');
    await as(env, A);
    const u = await env.call('edits.undo', {});
    expect(u.result!.rows.map((r) => r.id)).toEqual([g1.id]);
    expect(u.state).toEqual({ canUndo: false, canRedo: true, undoLabel: null, redoLabel: 'A sửa mộ 1' });
    expect((await get(g1.id)).props.name).toBe('Mộ gốc');
    expect((await get(g2.id)).props.name).toBe('B sửa');
    // B's history is untouched by A's undo.
    expect(await state(B)).toEqual({ canUndo: true, canRedo: false, undoLabel: 'B sửa mộ 2', redoLabel: null });
    // A new edit by B clears only B's redo history: A can still redo.
    await env.call('edits.undo', {});
    await rename(g2.id, 'B sửa lại', 'B sửa lại mộ 2');
    expect(await state(B)).toMatchObject({ canRedo: false, undoLabel: 'B sửa lại mộ 2' });
    expect(await state(A)).toMatchObject({ canRedo: true, redoLabel: 'A sửa mộ 1' });
    await env.call('edits.redo', {});
    expect((await get(g1.id)).props.name).toBe('A sửa');
    expect((await get(g2.id)).props.name).toBe('B sửa lại');
    // …and A's own new edit clears A's redo history, not B's.
    await as(env, B);
    await env.call('edits.undo', {});
    await as(env, A);
    await env.call('edits.undo', {});
    await rename(g1.id, 'A đổi ý', 'A đổi ý');
    expect(await state(A)).toMatchObject({ canRedo: false, undoLabel: 'A đổi ý' });
    expect(await state(B)).toMatchObject({ canRedo: true, redoLabel: 'B sửa lại mộ 2' });
  });

  it('undo is refused, naming who, when another operator changed the same row later; nothing is written', async () => {
    const g = await grave();
    await as(env, A);
    await rename(g.id, 'A sửa', 'A sửa mộ');
    await as(env, B);
    await rename(g.id, 'B sửa', 'B sửa mộ');
    const audit = (await env.call('history.of', { table: 'graves', id: g.id })).length;
    await as(env, A);
    const err = await env.callErr('edits.undo', {});
    expect(err.code).toBe('conflict');
    expect(err.vi).toBe(
      `Không thể hoàn tác "A sửa mộ": ${B} đã sửa đối tượng này (Mộ liệt sĩ) sau bạn. Không có gì bị thay đổi; hãy xem lịch sử của đối tượng và sửa trực tiếp nếu cần.`,
    );
    expect(err.en).toMatch(new RegExp(`^Cannot undo "A sửa mộ": ${B} changed this row`));
    expect(err.details).toMatchObject({ table: 'graves', id: g.id, by: B });
    expect((await get(g.id)).props.name).toBe('B sửa');
    expect(await env.call('history.of', { table: 'graves', id: g.id })).toHaveLength(audit);
    expect(await state(A)).toMatchObject({ canUndo: true, undoLabel: 'A sửa mộ' });
    // Once B takes their change back, A's undo goes through.
    await as(env, B);
    await env.call('edits.undo', {});
    await as(env, A);
    await env.call('edits.undo', {});
    expect((await get(g.id)).props.name).toBe('Mộ gốc');
  });

  it('undo of a row another operator deleted since says they deleted it', async () => {
    const g = await grave();
    await as(env, A);
    await rename(g.id, 'A sửa', 'A sửa mộ');
    await as(env, B);
    const seen = await get(g.id);
    await env.call('edits.apply', { label: 'B xóa mộ', remove: [{ table: 'graves', id: g.id, baseVersion: seen.meta.version }] });
    await as(env, A);
    const err = await env.callErr('edits.undo', {});
    expect(err.code).toBe('conflict');
    expect(err.vi).toMatch(new RegExp(`^Không thể hoàn tác "A sửa mộ": ${B} đã xóa đối tượng này \\(Mộ liệt sĩ\\) sau bạn\\.`));
    expect((await get(g.id)).meta.deleted).toBe(true);
  });

  it('redo is refused, naming who, when another operator changed the row after the undo', async () => {
    const g = await grave();
    await as(env, A);
    await rename(g.id, 'A sửa', 'A sửa mộ');
    await env.call('edits.undo', {});
    await as(env, B);
    await rename(g.id, 'B sửa', 'B sửa mộ');
    await as(env, A);
    const err = await env.callErr('edits.redo', {});
    expect(err.code).toBe('conflict');
    expect(err.vi).toBe(
      `Không thể làm lại "A sửa mộ": ${B} đã sửa đối tượng này (Mộ liệt sĩ) sau khi bạn hoàn tác. Không có gì bị thay đổi; hãy xem lịch sử của đối tượng và sửa trực tiếp nếu cần.`,
    );
    expect((await get(g.id)).props.name).toBe('B sửa');
    expect(await state(A)).toMatchObject({ canRedo: true, redoLabel: 'A sửa mộ' });
  });

  it('each operator’s undo and redo history survives closing and reopening the project', async () => {
    const [g1, g2] = [await grave(), await grave()];
    await as(env, A);
    await rename(g1.id, 'A lần 1', 'A lần 1');
    await rename(g1.id, 'A lần 2', 'A lần 2');
    await env.call('edits.undo', {});
    await as(env, B);
    await rename(g2.id, 'B lần 1', 'B lần 1');
    env.services.close();

    const again = await bootServices({ dir: env.dir });
    try {
      await again.call('project.open', { path: info.path });
      expect(await state(A, again)).toEqual({ canUndo: true, canRedo: true, undoLabel: 'A lần 1', redoLabel: 'A lần 2' });
      expect(await state(B, again)).toEqual({ canUndo: true, canRedo: false, undoLabel: 'B lần 1', redoLabel: null });
      await again.call('edits.undo', {});
      expect((await get(g2.id, again)).props.name).toBe('Mộ gốc');
      expect((await get(g1.id, again)).props.name).toBe('A lần 1');
      await as(again, A);
      await again.call('edits.redo', {});
      expect((await get(g1.id, again)).props.name).toBe('A lần 2');
      expect((await get(g2.id, again)).props.name).toBe('Mộ gốc');
    } finally {
      again.services.close();
    }
  });
});
