// Who may stop a job in the hall: the account that started it, or an administrator. Anyone else's
// jobs.cancel is a refusal sentence, and the job runs on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api';
import type { Operator } from '../../../src/shared/api';
import { createJobRegistry } from '../../../src/main/jobs';
import { bootServices } from '../../support/boot-services';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Caller = Operator & { accountId: string };
const LAN: Caller = { accountId: 'acc-lan', name: 'Nguyễn Thị Lan', role: 'commune_staff', communeCode: '24682' };
const HOA: Caller = { accountId: 'acc-hoa', name: 'Trần Văn Hòa', role: 'commune_staff', communeCode: '24683' };
const BINH: Caller = { accountId: 'acc-binh', name: 'Lê Bình', role: 'reviewer', communeCode: null };
const ADMIN: Caller = { accountId: 'acc-admin', name: 'Quản trị huyện', role: 'admin', communeCode: null };

/** Work that runs until it is aborted (or 5 s). */
const untilAborted = async (_p: unknown, signal: AbortSignal) => {
  for (let i = 0; i < 500; i++) {
    signal.throwIfAborted();
    await sleep(10);
  }
};

describe('job registry: the owner of a job', () => {
  it('only the owner or an administrator cancels; others get a sentence and the job runs on', async () => {
    let now: Caller | null = LAN;
    const jobs = createJobRegistry({ owner: () => now });
    const lan = jobs.start('exchange.import', untilAborted, { message: 'Nhập diem.gpx' });
    now = null;
    for (const other of [HOA, BINH]) {
      let err: unknown = null;
      try {
        jobs.cancel(lan.id, other);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ApiError);
      expect(err).toMatchObject({ code: 'forbidden' });
      expect((err as ApiError).vi).toBe('Công việc "Nhập diem.gpx" do Nguyễn Thị Lan bắt đầu: chỉ người đó hoặc quản trị mới hủy được. Hãy nhờ Nguyễn Thị Lan hoặc quản trị hủy nó.');
      expect((err as ApiError).en).toMatch(/started by Nguyễn Thị Lan: only they or an administrator may cancel it/);
    }
    await sleep(30);
    expect(jobs.get(lan.id)!.state).toBe('running');
    expect(jobs.cancel(lan.id, LAN).message).toBe('Đang huỷ…');
    await expect(lan.result).rejects.toMatchObject({ code: 'cancelled' });

    now = HOA;
    const hoa = jobs.start('print.pdf', untilAborted);
    jobs.cancel(hoa.id, ADMIN);
    await expect(hoa.result).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('a job started outside the hall (no account) is cancelled by anyone, as before', async () => {
    const jobs = createJobRegistry({ owner: () => null });
    const j = jobs.start('demo.build', untilAborted);
    jobs.cancel(j.id, HOA);
    await expect(j.result).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('jobs.cancel through the real services: the job remembers the account that started it', () => {
  let env: Awaited<ReturnType<typeof bootServices>>;
  const as = (c: Caller) => ({ operator: c.name, caller: c, emit: () => undefined });
  beforeAll(async () => {
    env = await bootServices({ prefix: 'quytap-job-owner-' });
    await env.call('project.create', {
      fileName: 'xa.gpkg',
      settings: { title: 'Xã', province: { code: '67', name: 'Đắk Nông' }, communes: [{ code: '24682', name: 'Xã A' }] },
    });
    const csv = 'x,y,ten\n' + Array.from({ length: 2000 }, (_, i) => `${430000 + i},${1370000 + i},mộ ${i}`).join('\n') + '\n';
    await env.call('exchange.upload', { name: 'mo.csv', dataBase64: Buffer.from(csv).toString('base64') });
  }, 60_000);
  afterAll(() => env.services.close());

  it('another account is refused with the sentence; the starter and an administrator are not', async () => {
    const start = async (c: Caller) => {
      const r = await env.dispatch('exchange.import', { files: ['mo.csv'], table: 'graves', eastField: 'x', northField: 'y', crs: 'EPSG:9218' }, as(c));
      expect(r.ok, JSON.stringify(r)).toBe(true);
      return (r as { result: { job: { id: string } } }).result.job.id;
    };
    const id = await start(LAN);
    const refused = await env.dispatch('jobs.cancel', { id }, as(HOA));
    expect(refused.ok).toBe(false);
    expect(refused).toMatchObject({ error: { code: 'forbidden', vi: expect.stringContaining('do Nguyễn Thị Lan bắt đầu') } });
    expect(env.services.jobs.get(id)!.state).not.toBe('cancelled');
    expect(await env.dispatch('jobs.cancel', { id }, as(LAN))).toMatchObject({ ok: true });
    const second = await start(LAN);
    expect(await env.dispatch('jobs.cancel', { id: second }, as(ADMIN))).toMatchObject({ ok: true });
    await Promise.allSettled([env.services.jobs.wait(id), env.services.jobs.wait(second)]);
  });
});
