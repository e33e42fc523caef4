// The verification queue (issue 18 item 5) through the real dispatcher on the demo project: a
// record sent for verification appears in the team's queue, the decision in the record's history;
// roles enforced (hall table and services), commune staff see only their own commune's requests.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../../src/shared/api';
import { accessOf, allowed } from '../../../src/shared/contract/access';
import type { Row } from '../../../src/shared/model';
import { openWritable } from '../../../src/main/store';
import { bootServices } from '../../support/boot-services';

describe('verification queue', () => {
  let env: Awaited<ReturnType<typeof bootServices>>;
  let info: Output<'project.info'>;
  let K: string;
  let N: string;
  let kMartyr: Row;
  let nGrave: Row;
  let kForm: Row;
  const as = (name: string, role: 'commune_staff' | 'reviewer' | 'admin', communeCode: string | null = null) =>
    env.call('session.setOperator', { name, role, communeCode });

  beforeAll(async () => {
    env = await bootServices({ prefix: 'quytap-verification-' });
    info = await env.call('project.openDemo', {});
    [K, N] = info.settings.communes.map((c) => c.code);
    // Records the demo does not place in a commune get one here (an ordinary audited edit).
    const martyr = (await env.call('records.query', { table: 'martyrs', limit: 1 })).rows[0]!;
    const form = (await env.call('records.query', { table: 'info_forms', limit: 1 })).rows[0]!;
    await as('Quản trị', 'admin');
    await env.call('edits.apply', {
      put: [
        { table: 'martyrs', id: martyr.id, baseVersion: martyr.meta.version, props: { commune_code: K } },
        { table: 'info_forms', id: form.id, baseVersion: form.meta.version, props: { commune_code: K } },
      ],
    });
    kMartyr = await env.call('rows.get', { table: 'martyrs', id: martyr.id });
    kForm = await env.call('rows.get', { table: 'info_forms', id: form.id });
    nGrave = (await env.call('features.query', { table: 'graves' })).rows.find((g) => g.props.commune_code === N)!;
  }, 120_000);

  it('staff send their own commune’s record; it appears in the team’s queue with who and when', async () => {
    await as('Cán bộ xã K', 'commune_staff', K);
    const sent = await env.call('verification.send', { table: 'martyrs', id: kMartyr.id, question: 'Năm sinh 1948 hay 1949?' });
    expect(sent).toMatchObject({ state: 'sent', sentBy: 'Cán bộ xã K', communeCode: K, table: 'martyrs', targetId: kMartyr.id, question: 'Năm sinh 1948 hay 1949?' });
    expect(sent.targetLabel).toBe(kMartyr.props.full_name);
    expect(sent.events.map((e) => e.state)).toEqual(['sent']);
    // Another commune's grave is not theirs to send.
    expect((await env.callErr('verification.send', { table: 'graves', id: nGrave.id, question: 'x' })).code).toBe('forbidden');
    // One open request per row at a time.
    const again = await env.callErr('verification.send', { table: 'martyrs', id: kMartyr.id, question: 'lần nữa' });
    expect(again.code).toBe('conflict');
    expect(again.vi).toMatch(/Cán bộ xã K/);
    await as('Tổ thẩm tra', 'reviewer');
    const queue = await env.call('verification.list', { states: ['sent', 'in_progress'] });
    expect(queue.map((r) => r.id)).toEqual([sent.id]);
  });

  it('only the team takes up and decides; the decision carries grounds and result, and is in the record’s history', async () => {
    await as('Cán bộ xã K', 'commune_staff', K);
    const [req] = await env.call('verification.list', { table: 'martyrs', targetId: kMartyr.id });
    const refused = await env.callErr('verification.decide', { id: req!.id, act: 'verified', grounds: 'g', result: 'r' });
    expect(refused.code).toBe('forbidden');
    expect(refused.vi).toMatch(/Tổ thẩm tra, xác minh/);
    // On the hall server the role table refuses staff before the services are reached.
    expect(allowed({ role: 'commune_staff' }, accessOf('verification.decide', {}))).toBe(false);
    expect(allowed({ role: 'reviewer' }, accessOf('verification.decide', {}))).toBe(true);
    expect(allowed({ role: 'commune_staff' }, accessOf('verification.send', {}))).toBe(true);

    await as('Tổ thẩm tra', 'reviewer');
    const taken = await env.call('verification.decide', { id: req!.id, act: 'take' });
    expect(taken).toMatchObject({ state: 'in_progress', takenBy: 'Tổ thẩm tra' });
    const noGrounds = await env.callErr('verification.decide', { id: req!.id, act: 'verified', result: 'Năm sinh 1948' });
    expect(noGrounds.code).toBe('validation');
    expect(noGrounds.vi).toMatch(/căn cứ/);
    const decided = await env.call('verification.decide', { id: req!.id, act: 'verified', grounds: 'Giấy báo tử số 12/GBT', result: 'Năm sinh 1948' });
    expect(decided).toMatchObject({ state: 'verified', decidedBy: 'Tổ thẩm tra', grounds: 'Giấy báo tử số 12/GBT', result: 'Năm sinh 1948' });
    expect(decided.decidedAt).not.toBeNull();
    // A decided request is closed.
    expect((await env.callErr('verification.decide', { id: req!.id, act: 'return', note: 'x' })).code).toBe('conflict');

    // The commune sees the decision in the record's verification history.
    await as('Cán bộ xã K', 'commune_staff', K);
    const [mine] = await env.call('verification.list', { table: 'martyrs', targetId: kMartyr.id });
    expect(mine!.events.map((e) => [e.state, e.author])).toEqual([
      ['sent', 'Cán bộ xã K'],
      ['in_progress', 'Tổ thẩm tra'],
      ['verified', 'Tổ thẩm tra'],
    ]);
    expect(mine!.events[2]).toMatchObject({ grounds: 'Giấy báo tử số 12/GBT', result: 'Năm sinh 1948' });
    // The record itself was not touched, and its own history stays the row's versions.
    expect((await env.call('rows.get', { table: 'martyrs', id: kMartyr.id })).meta.version).toBe(kMartyr.meta.version);
    expect((await env.call('history.of', { table: 'martyrs', id: kMartyr.id })).every((e) => e.editId !== null)).toBe(true);
    // Closed, the row may be sent again.
    expect((await env.call('verification.send', { table: 'martyrs', id: kMartyr.id, question: 'Quê quán?' })).state).toBe('sent');
  });

  it('commune staff see only their own commune’s requests; the district sees all', async () => {
    await as('Tổ thẩm tra', 'reviewer');
    const nReq = await env.call('verification.send', { table: 'graves', id: nGrave.id, question: 'Mộ có bia không?' });
    expect(nReq.communeCode).toBe(N);
    await as('Cán bộ xã K', 'commune_staff', K);
    const kSent = await env.call('verification.send', { table: 'info_forms', id: kForm.id, question: 'Người cung cấp còn sống?' });
    const mine = await env.call('verification.list', {});
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.communeCode === K)).toBe(true);
    expect(mine.some((r) => r.id === kSent.id)).toBe(true);
    expect((await env.callErr('verification.list', { communeCode: N })).code).toBe('forbidden');
    await as('Tổ thẩm tra', 'reviewer');
    const all = await env.call('verification.list', {});
    expect(new Set(all.map((r) => r.communeCode))).toEqual(new Set([K, N]));
    const returned = await env.call('verification.decide', { id: nReq.id, act: 'return', note: 'Thiếu ảnh hiện trường' });
    expect(returned).toMatchObject({ state: 'returned', note: 'Thiếu ảnh hiện trường', decidedBy: 'Tổ thẩm tra' });
    expect(await env.call('verification.list', { communeCode: N, states: ['sent', 'in_progress'] })).toEqual([]);
  });

  it('every step is in the append-only audit log, written in the same transaction as the request', async () => {
    await as('Tổ thẩm tra', 'reviewer');
    const all = await env.call('verification.list', {});
    const db = openWritable(info.path);
    try {
      const n = (db.prepare("SELECT count(*) AS n FROM qt_audit_log WHERE table_name = 'qt_verification_requests'").get() as { n: number }).n;
      expect(n).toBe(all.reduce((s, r) => s + r.events.length, 0));
      expect(() => db.prepare("DELETE FROM qt_audit_log WHERE table_name = 'qt_verification_requests'").run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });
});
