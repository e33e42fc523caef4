// `quytap publish` and `quytap print --from postgresql://… --province …` as a person runs them:
// the password from PGPASSWORD (never on the command line), sentences on stdout, an A0 overview
// sheet drawn by the same composer from the database's rows.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type PgCluster } from '../../support/pg-cluster';
import { districtProject } from './helpers';

describe('quytap publish / print --from', () => {
  let cluster: PgCluster;
  let dir: string;
  let project: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quytap-rollup-cli-'));
    cluster = await startCluster();
    await cluster.createDb('province');
    project = join(dir, 'demo.gpkg');
    await districtProject(project, null, 5, dir); // the demo names no district (communes since 2025)
  }, 180_000);
  afterAll(() => {
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(process.cwd(), 'src/main/cli.ts'), ...args], {
      encoding: 'utf8',
      env: { ...process.env, QUYTAP_OPERATOR: 'ci', PGPASSFILE: join(dir, 'none'), ...env },
      timeout: 300_000,
    });

  it('publishes, says so, says "nothing new" the second time; without the district it says how to give one', () => {
    const env = { PGPASSWORD: cluster.password };
    const noDistrict = cli(['publish', project, '--to', cluster.url('province')], env);
    expect(noDistrict.status).toBe(1);
    expect(noDistrict.stderr).toMatch(/--district MÃ:Tên/);
    const first = cli(['publish', project, '--to', cluster.url('province'), '--district', 'KN:Krông Nô (cũ)'], env);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Đã gửi lên \/ published to postgresql:\/\/district_admin@127\.0\.0\.1:\d+\/province: huyện \/ district KN, \d+ dòng gửi/);
    const second = cli(['publish', project, '--to', cluster.url('province'), '--district', 'KN:Krông Nô (cũ)'], env);
    expect(second.stdout).toMatch(/Không có gì mới/);
    const noPassword = cli(['publish', project, '--to', cluster.url('province'), '--district', 'KN'], { PGPASSWORD: '' });
    expect(noPassword.status).toBe(1);
    expect(noPassword.stderr).toMatch(/PGPASSWORD/);
  }, 300_000);

  it('prints the province overview on A0 from the database', () => {
    const out = join(dir, 'tinh.pdf');
    const r = cli(['print', '--from', cluster.url('province'), '--province', 'lâm đồng', '--out', out], { PGPASSWORD: cluster.password });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/A0, 1:\d+, 1 huyện \/ districts: Krông Nô \(cũ\), 5 xã/);
    const info = spawnSync('pdfinfo', [out], { encoding: 'utf8' });
    expect(info.stdout).toMatch(/Page size:\s+3370\.\d+ x 2383\.\d+ pts \(A0\)/);
    const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toMatch(/Nam Đà/);
    expect(text).toMatch(/Lâm Đồng/);
    const unknown = cli(['print', '--from', cluster.url('province'), '--province', 'Hà Giang', '--out', join(dir, 'x.pdf')], { PGPASSWORD: cluster.password });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/Các tỉnh có dữ liệu: Lâm Đồng/);
  }, 300_000);
});
