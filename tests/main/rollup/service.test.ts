// "Gửi lên tỉnh" through the contract (rollup.publish), as the app's dialog calls it: a job whose
// last message is the result sentence; the password rides on the call only; an address carrying a
// password is refused; the hall gives the method to administrators only.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_ACCESS } from '../../../src/shared/contract/access';
import { bootServices } from '../../support/boot-services';
import { startCluster, type PgCluster } from '../../support/pg-cluster';
import { districtProject } from './helpers';

describe('rollup.publish (the app\'s "Gửi lên tỉnh")', () => {
  let cluster: PgCluster;
  let dir: string;
  let env: Awaited<ReturnType<typeof bootServices>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quytap-rollup-svc-'));
    cluster = await startCluster();
    await cluster.createDb('province');
    env = await bootServices({ prefix: 'quytap-rollup-svc-projects-' });
    const p = join(dir, 'demo.gpkg');
    await districtProject(p, null, 2, dir);
    copyFileSync(p, join(env.dir, 'demo.gpkg'));
    await env.call('project.open', { path: join(env.dir, 'demo.gpkg') });
  }, 180_000);
  afterAll(() => {
    env?.services.close();
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes as a job that ends on the result sentence; a repeat says nothing is new; the file keeps no password', async () => {
    const r = await env.call('rollup.publish', { url: cluster.url('province'), password: cluster.password, district: { code: 'KN', name: 'Krông Nô (cũ)' } });
    await env.services.jobs.wait(r.job.id);
    const job = (await env.call('jobs.list', {})).find((j) => j.id === r.job.id)!;
    expect(job.state).toBe('done');
    expect(job.message).toMatch(/^Đã gửi lên tỉnh: \d+ dòng mới hoặc đã sửa, 0 dòng rút lại, của 2 xã \(/);
    const again = await env.call('rollup.publish', { url: cluster.url('province'), password: cluster.password, district: { code: 'KN', name: '' } });
    await env.services.jobs.wait(again.job.id);
    expect((await env.call('jobs.list', {})).find((j) => j.id === again.job.id)!.message).toMatch(/không có gì mới/);
    await env.call('project.close', {});
    expect(readFileSync(join(env.dir, 'demo.gpkg')).includes(Buffer.from(cluster.password))).toBe(false);
    await env.call('project.open', { path: join(env.dir, 'demo.gpkg') });
  }, 120_000);

  it('a wrong password fails the job with the sentence; an address with a password in it is refused before anything runs', async () => {
    const r = await env.call('rollup.publish', { url: cluster.url('province'), password: 'sai', district: { code: 'KN', name: '' } });
    await env.services.jobs.wait(r.job.id).catch(() => undefined);
    const job = (await env.call('jobs.list', {})).find((j) => j.id === r.job.id)!;
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/không chấp nhận người dùng hoặc mật khẩu/);
    const refused = await env.callErr('rollup.publish', { url: `postgresql://${cluster.user}:${cluster.password}@127.0.0.1:${cluster.port}/province` });
    expect(refused.code).toBe('validation');
    expect(METHOD_ACCESS['rollup.publish']).toBe('admin');
  }, 60_000);
});
