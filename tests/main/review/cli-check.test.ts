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
    // A distance large enough to make demo graves neighbours: a warning per pair within a commune,
    // an error per pair across two (counted here from the graves themselves), so exit 1.
    const s = ProjectStore.open(clean, { access: 'read' });
    const graves = s.query('graves', { limit: 100_000 }).rows.map((r) => ({ xy: r.geometry!.coordinates as number[], c: r.props.commune_code }));
    s.close();
    let same = 0;
    let across = 0;
    for (let i = 0; i < graves.length; i++)
      for (let j = i + 1; j < graves.length; j++)
        if (Math.hypot(graves[i].xy[0] - graves[j].xy[0], graves[i].xy[1] - graves[j].xy[1]) < 3000) {
          if (graves[i].c === graves[j].c) same++;
          else across++;
        }
    expect(across).toBeGreaterThan(0);
    const wide = cli(clean, '--distance', '3000');
    const rules = wide.stdout.trimEnd().split('\n').map((l) => l.split('\t').slice(0, 2).join(' '));
    expect(rules.filter((r) => r === 'CẢNH BÁO graves.near_same_commune')).toHaveLength(same);
    expect(rules.filter((r) => r === 'LỖI graves.near_other_commune')).toHaveLength(across);
    expect(rules).toHaveLength(same + across);
    expect(wide.stderr).toContain(`${across} lỗi, ${same} cảnh báo`);
    expect(wide.status).toBe(1);
  });
});
