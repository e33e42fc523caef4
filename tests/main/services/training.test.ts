// Practice mode through the real dispatcher: a private copy per learner, lessons checked on its data,
// progress kept in it across a restart, the real project never touched.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../../src/shared/api';
import { PRACTICE_FOLDER } from '../../../src/main/services/training';
import { DEMO_FILE_NAME } from '../../../src/main/services/demo-project';
import { bootServices } from '../../support/boot-services';

describe('training: practice copy and lesson checks', () => {
  let env: Awaited<ReturnType<typeof bootServices>>;
  let start: Output<'training.start'>;
  let code: string;
  beforeAll(async () => {
    env = await bootServices({ prefix: 'quytap-training-' });
    start = await env.call('training.start', { learner: 'Nguyễn Văn Ân' });
    code = start.info.settings.communes[1]!.code;
  }, 180_000);
  afterAll(() => env?.services.close());

  it('opens practice-<name>.gpkg in the practice folder, a copy of the demo, never the demo itself', () => {
    expect(start.info.path).toBe(join(env.dir, PRACTICE_FOLDER, 'practice-nguyen-van-an.gpkg'));
    expect(start.info.settings.demo).toBe(true);
    expect(existsSync(join(env.dir, DEMO_FILE_NAME))).toBe(false);
    expect(start.progress).toMatchObject({ learner: 'Nguyễn Văn Ân', current: 'commune', setup: null, results: {} });
  });

  it('a lesson refused says what is wrong; the commune lesson prepares the form, the GPS file and the flaw', async () => {
    const none = await env.call('training.check', { lesson: 'commune', communeCode: null });
    expect(none.result).toMatchObject({ ok: false });
    expect(none.result.vi).toMatch(/Chưa chọn xã/);
    const grave0 = await env.call('training.check', { lesson: 'grave', communeCode: code });
    expect(grave0.result.vi).toMatch(/hãy làm bài 1/);

    const r = await env.call('training.check', { lesson: 'commune', communeCode: code });
    expect(r.result.ok).toBe(true);
    expect(r.progress.current).toBe('area');
    const setup = r.progress.setup!;
    expect(setup.communeCode).toBe(code);
    const gpx = readFileSync(join(env.dir, 'imports', setup.gpsFile), 'utf8');
    expect(gpx.match(/<wpt /g)).toHaveLength(5);
    const seeded = await Promise.all(setup.seeded.map((id) => env.call('rows.get', { table: 'graves', id })));
    expect(seeded.every((g) => g.props.commune_code === code)).toBe(true);
  });

  it('grave: 300 m off is refused with its distance; at the form’s X/Y it passes', async () => {
    const { setup } = await env.call('training.state', {}).then((p) => p!);
    const [x, y] = setup!.form as [number, number];
    const put = (px: number) =>
      env.call('edits.apply', { label: 'mộ', put: [{ table: 'graves', geometry: { type: 'Point', coordinates: [px, y] }, props: { kind: 'newly_found', verification: 'not_verified' } }] });
    const far = await put(x + 300);
    const off = await env.call('training.check', { lesson: 'grave', communeCode: code });
    expect(off.result.ok).toBe(false);
    expect(off.result.vi).toMatch(/cách vị trí ghi trên phiếu 300 m/);
    await env.call('edits.apply', { label: 'xóa', put: [], remove: [{ table: 'graves', id: far.rows[0]!.id, baseVersion: far.rows[0]!.version }] });
    await put(x + 2);
    const good = await env.call('training.check', { lesson: 'grave', communeCode: code });
    expect(good.result).toMatchObject({ ok: true, vi: '' });
    expect(good.progress.current).toBe('form');
  });

  it('review: passes once the duplicate grave is deleted', async () => {
    const { setup } = (await env.call('training.state', {}))!;
    expect((await env.call('training.check', { lesson: 'review', communeCode: code })).result.vi).toMatch(/vẫn chỉ cách nhau 1.0 m/);
    const dup = await env.call('rows.get', { table: 'graves', id: setup!.seeded[1] });
    await env.call('edits.apply', { label: 'xóa mộ trùng', put: [], remove: [{ table: 'graves', id: dup.id, baseVersion: dup.meta.version }] });
    expect((await env.call('training.check', { lesson: 'review', communeCode: code })).result.ok).toBe(true);
  });

  it('progress survives a restart: the same learner reopens the same copy with the results kept', async () => {
    env.services.close();
    const again = await bootServices({ dir: env.dir });
    try {
      const s = await again.call('training.start', { learner: 'Nguyễn Văn Ân' });
      expect(s.progress.results.grave?.ok).toBe(true);
      expect(s.progress.results.commune?.ok).toBe(true);
      expect(s.progress.setup?.communeCode).toBe(code);
    } finally {
      again.services.close();
    }
  }, 60_000);

  it('checks run only on a practice copy', async () => {
    const other = await bootServices({ prefix: 'quytap-training-demo-' });
    try {
      await other.call('project.create', { fileName: 'that.gpkg', settings: { title: 'BẢN ĐỒ THẬT', province: { code: '67', name: 'Đắk Nông' } } });
      const e = await other.callErr('training.check', { lesson: 'commune', communeCode: null });
      expect(e.code).toBe('forbidden');
      expect(e.vi).toMatch(/không phải bản luyện tập/);
      expect((await other.callErr('training.start', { learner: '../x' })).code).toBe('validation');
    } finally {
      other.services.close();
    }
  });
});

describe('training: the trainer’s view through presence', () => {
  it('each window’s lesson and last result are listed with its name and commune', async () => {
    const env = await bootServices({ prefix: 'quytap-training-presence-' });
    try {
      await env.call('presence.set', { clientId: 'window-aaaa', name: 'Học viên A', communeCode: '24688', activity: 'practice', training: { lesson: 'grave', ok: false, message: 'Mộ đang cách vị trí ghi trên phiếu 300 m' } });
      await env.call('presence.set', { clientId: 'window-bbbb', name: 'Học viên B', communeCode: '24683', activity: 'practice', training: { lesson: 'print', ok: null, message: '' } });
      const list = await env.call('presence.list', {});
      expect(list.map((e) => [e.name, e.training?.lesson, e.training?.ok])).toEqual([
        ['Học viên B', 'print', null],
        ['Học viên A', 'grave', false],
      ]);
      expect(list[1]!.training!.message).toMatch(/300 m/);
      // A change of result is news for the trainer's table (pushed), the same report again is not.
      const pushes = () => env.seen.filter((e) => e.event === 'presence.changed').length;
      const before = pushes();
      await env.call('presence.set', { clientId: 'window-aaaa', name: 'Học viên A', communeCode: '24688', activity: 'practice', training: { lesson: 'grave', ok: true, message: '' } });
      expect(pushes()).toBe(before + 1);
      await env.call('presence.set', { clientId: 'window-aaaa', name: 'Học viên A', communeCode: '24688', activity: 'practice', training: { lesson: 'grave', ok: true, message: '' } });
      expect(pushes()).toBe(before + 1);
    } finally {
      env.services.close();
    }
  });
});

describe('training: a hall launched on a practice copy trains a room', () => {
  it('each account keeps its own progress, and only its own rows pass its lessons', async () => {
    const env = await bootServices({ prefix: 'quytap-training-hall-' });
    try {
      await env.call('training.start', { learner: 'Chủ bản' });
      const as = (name: string) => ({ operator: name, emit: () => undefined, caller: { name, role: 'commune_staff' as const, communeCode: null, accountId: `acc-${name}` } });
      const hall = async (name: string, m: string, input: unknown) => {
        const r = await env.dispatch(m, input, as(name));
        if (!r.ok) throw new Error(`${m}: ${r.error.en}`);
        return r.result as any;
      };
      const codes = (await env.call('project.info', {})).settings.communes.map((c) => c.code);
      // Two learners, two communes: each gets a setup of their own, under their own name.
      const a = await hall('Học viên A', 'training.check', { lesson: 'commune', communeCode: codes[0] });
      const b = await hall('Học viên B', 'training.check', { lesson: 'commune', communeCode: codes[2] });
      expect(a.progress.learner).toBe('Học viên A');
      expect(b.progress.setup.communeCode).toBe(codes[2]);
      expect(a.progress.setup.gpsFile).not.toBe(b.progress.setup.gpsFile);
      // B places A's grave exactly: it does not pass A's lesson (not A's row), and does not pass B's (wrong place).
      const [x, y] = a.progress.setup.form;
      await hall('Học viên B', 'edits.apply', { label: 'mộ', put: [{ table: 'graves', geometry: { type: 'Point', coordinates: [x, y] }, props: { kind: 'newly_found', verification: 'not_verified' } }] }).catch(() => undefined);
      expect((await hall('Học viên A', 'training.check', { lesson: 'grave', communeCode: codes[0] })).result.vi).toMatch(/Chưa có mộ mới/);
      await hall('Học viên A', 'edits.apply', { label: 'mộ', put: [{ table: 'graves', geometry: { type: 'Point', coordinates: [x + 1, y] }, props: { kind: 'newly_found', verification: 'not_verified' } }] });
      expect((await hall('Học viên A', 'training.check', { lesson: 'grave', communeCode: codes[0] })).result.ok).toBe(true);
      // Each keeps their own state; the copy's own learner is untouched.
      expect((await hall('Học viên B', 'training.state', {})).results.grave).toBeUndefined();
      expect((await hall('Học viên A', 'training.state', {})).results.grave.ok).toBe(true);
      expect((await env.call('training.state', {}))!.results).toEqual({});
    } finally {
      env.services.close();
    }
  });
});
