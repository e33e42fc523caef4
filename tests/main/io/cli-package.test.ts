// `quytap package export|merge` as a district officer types them: a commune's copy travels back as a
// package; a row changed on both sides stops the merge (project unchanged) until --keep decides;
// a second merge of the same package changes nothing.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoProject } from '../../../src/main/services/demo-project';
import { ProjectStore } from '../../../src/main/store';
import type { Row } from '../../../src/shared/model';
import { hashAllTables, tempDir } from './helpers';

const cli = (args: string[], who = 'Cán bộ huyện') =>
  spawnSync('npx', ['tsx', 'src/main/cli.ts', ...args], { encoding: 'utf8', env: { ...process.env, QUYTAP_OPERATOR: who } });

let dir: string;
let cleanup: () => void;
let district: string;
let commune: string;
let code: string;
let area: Row;
let other: Row;

function edit(path: string, row: Row, props: Record<string, string>, who: string): void {
  const s = ProjectStore.open(path);
  try {
    const now = s.get('search_areas', row.id)!;
    s.applyEdit({ label: 'sửa', put: [{ table: 'search_areas', id: row.id, baseVersion: now.meta.version, props }] }, who);
  } finally {
    s.close();
  }
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('quytap-cli-pkg-'));
  district = join(dir, 'huyen.gpkg');
  commune = join(dir, 'xa.gpkg');
  await createDemoProject(district, { author: 'demo' });
  copyFileSync(district, commune);
  const s = ProjectStore.open(district, { access: 'read' });
  try {
    const areas = s.query('search_areas').rows.filter((r) => r.props.commune_code);
    code = String(areas[0]!.props.commune_code);
    [area, other] = areas.filter((r) => r.props.commune_code === code);
    expect(other).toBeDefined();
  } finally {
    s.close();
  }
}, 120_000);
afterAll(() => cleanup());

describe('quytap package', () => {
  it('an unknown commune code is refused with a sentence; no file is written', () => {
    const out = join(dir, 'none.gpkg');
    const r = cli(['package', 'export', commune, '--commune', '99999', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Dự án không có xã mã 99999');
    expect(existsSync(out)).toBe(false);
  });

  it('a conflict stops the merge with the project unchanged; --keep theirs applies it; a second merge changes nothing', () => {
    edit(commune, area, { description: 'Xã: đồi phía bắc' }, 'Cán bộ xã');
    edit(commune, other, { description: 'Xã: đã khoanh lại' }, 'Cán bộ xã');
    edit(district, area, { description: 'Huyện: đồi phía nam' }, 'Cán bộ huyện');
    const pkg = join(dir, 'goi.gpkg');
    const exp = cli(['package', 'export', commune, '--commune', code, '--out', pkg], 'Cán bộ xã');
    expect(exp.stderr).toBe('');
    expect(exp.stdout).toContain('Đã tạo gói');

    const before = hashAllTables(district);
    const stopped = cli(['package', 'merge', district, pkg]);
    expect(stopped.status).toBe(3);
    expect(stopped.stdout).toMatch(/xung đột \/ conflicts 1/);
    expect(stopped.stdout).toContain(`search_areas/${area.id}`);
    expect(stopped.stderr).toContain('Dự án không bị thay đổi');
    expect(hashAllTables(district)).toBe(before);

    const merged = cli(['package', 'merge', district, pkg, '--keep', 'theirs']);
    expect(merged.status).toBe(0);
    expect(merged.stdout).toMatch(/Đã gộp \/ merged: 2/);
    const s = ProjectStore.open(district, { access: 'read' });
    try {
      expect(s.get('search_areas', area.id)!.props.description).toBe('Xã: đồi phía bắc');
      expect(s.get('search_areas', other.id)!.props.description).toBe('Xã: đã khoanh lại');
      expect(s.history('search_areas', other.id).at(-1)!.label).toContain('thay đổi của Cán bộ xã');
    } finally {
      s.close();
    }
    const again = cli(['package', 'merge', district, pkg, '--keep', 'theirs']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('Không có gì thay đổi');
  }, 60_000);

  it('--keep with another word is refused; no arguments print the usage, exit 2', () => {
    const r = cli(['package', 'merge', district, join(dir, 'goi.gpkg'), '--keep', 'mine']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--keep nhận "ours"');
    const u = cli(['package']);
    expect(u.status).toBe(2);
    expect(u.stderr).toContain('quytap package export');
  });
});
