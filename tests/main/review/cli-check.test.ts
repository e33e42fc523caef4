// `quytap check` spawned as a user would run it: one line per finding, exit 1 on errors, 0 when clean.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoProject } from '../../../src/main/services/demo-project';
import { ProjectStore } from '../../../src/main/store';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(process.cwd(), 'src/main/cli.ts'), 'check', ...args], { encoding: 'utf8', env: { ...process.env, QUYTAP_OPERATOR: 'ci' } });

describe('quytap check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quytap-check-'));
  const clean = join(dir, 'clean.gpkg');
  const faulty = join(dir, 'faulty.gpkg');
  let communes: string[] = [];
  beforeAll(async () => {
    await createDemoProject(clean, { author: 'ci' });
    copyFileSync(clean, faulty);
    const s = ProjectStore.open(faulty);
    communes = s.getSettings().communes.map((c) => c.code);
    const g = s.query('graves', { filter: { commune_code: communes[1] }, limit: 1 }).rows[0];
    const [x, y] = g.geometry!.coordinates as number[];
    s.applyEdit({ put: [{ table: 'graves', id: g.id, baseVersion: g.meta.version, geometry: { type: 'Point', coordinates: [x + 100_000, y] } }] }, 'ci');
    s.close();
  }, 120_000);

  it('exits 0 and prints no finding on the clean demo', () => {
    const r = cli(clean);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/0 lỗi, 0 cảnh báo/);
    expect(r.status).toBe(0);
  });

  it('prints one tab-separated line per finding and exits 1 on an error', () => {
    const r = cli(faulty);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const [sev, rule, commune, feature, message] = lines[0].split('\t');
    expect([sev, rule, commune]).toEqual(['LỖI', 'commune.outside', communes[1]]);
    expect(feature).toMatch(/^graves\/[0-9a-f-]{36}$/);
    expect(message).toMatch(/nằm ngoài xã/);
    const en = cli(faulty, '--lang', 'en');
    expect(en.stdout).toMatch(/^ERROR\tcommune\.outside\t.*lies outside/);
  });

  it('--commune keeps to that commune; a bad argument says so and exits 2', () => {
    expect(cli(faulty, '--commune', communes[0]).status).toBe(0);
    expect(cli(faulty, '--commune', communes[1]).status).toBe(1);
    const bad = cli(faulty, '--commune', 'nope');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/không có xã mã nope/);
    expect(cli().status).toBe(2);
    expect(cli(faulty, '--distance', '-3').status).toBe(2);
    // A distance large enough to make demo graves neighbours: warnings within a commune; the exit
    // code follows whether any line is an error (graves of two communes).
    const wide = cli(clean, '--distance', '3000');
    expect(wide.stdout).toMatch(/^CẢNH BÁO\tgraves\.near_same_commune/m);
    expect(wide.status).toBe(/^LỖI\t/m.test(wide.stdout) ? 1 : 0);
  });
});
