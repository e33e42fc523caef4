// `quytap settings`: what every sheet prints, set and read back from the command line.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../src/main/store';

const dir = mkdtempSync(join(tmpdir(), 'quytap-cli-settings-'));
const file = join(dir, 'du-an.gpkg');
const quytap = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], { encoding: 'utf8', env: { ...process.env, QUYTAP_OPERATOR: 'tro-ly' } });

beforeAll(() => {
  const r = quytap('init', file, '--province', 'Đắk Nông', '--commune', '24688:Krông Nô');
  expect(r.status, r.stderr).toBe(0);
}, 60_000);

describe('quytap settings', () => {
  it('--set writes the settings (audited) and --show reads them back; the rest is kept', () => {
    const r = quytap(
      'settings',
      file,
      '--set',
      'organisation=Bộ Chỉ huy Quân sự tỉnh Đắk Nông | Ban Chỉ huy Quân sự huyện Krông Nô',
      '--set',
      'district=Krông Nô',
      '--set',
      'district.code=664',
      '--set',
      'place=Krông Nô',
      '--set',
      'sheetDate=2019-06-20',
      '--set',
      'approved_by.name=Lê Văn Cường',
      '--set',
      'approved_by.title=Chỉ huy trưởng',
      '--set',
      'producingAgency=Ban CHQS huyện Krông Nô',
    );
    expect(r.status, r.stderr).toBe(0);
    const store = ProjectStore.open(file, { access: 'read' });
    const s = store.getSettings();
    store.close();
    expect(s.organisation).toEqual(['Bộ Chỉ huy Quân sự tỉnh Đắk Nông', 'Ban Chỉ huy Quân sự huyện Krông Nô']);
    expect(s.district).toEqual({ code: '664', name: 'Krông Nô' });
    expect(s.place).toBe('Krông Nô');
    expect(s.sheetDate).toBe('2019-06-20');
    expect(s.producingAgency).toBe('Ban CHQS huyện Krông Nô');
    expect(s.signatures.map((x) => [x.role, x.title, x.name])).toEqual([
      ['drawn_by', 'Người lập', ''],
      ['checked_by', 'Người kiểm tra', ''],
      ['approved_by', 'Chỉ huy trưởng', 'Lê Văn Cường'],
    ]);
    // What was not named is kept (a patch never resets the communes to their default).
    expect(s.communes).toEqual([{ code: '24688', name: 'Krông Nô' }]);
    const shown = quytap('settings', file, '--show');
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('Bộ Chỉ huy Quân sự tỉnh Đắk Nông | Ban Chỉ huy Quân sự huyện Krông Nô');
    expect(shown.stdout).toMatch(/approved_by\s+Chỉ huy trưởng — Lê Văn Cường \(Ký, đóng dấu\)/);
    expect(shown.stdout).toMatch(/sheetDate\s+2019-06-20/);
    // Clearing a date, then the district.
    expect(quytap('settings', file, '--set', 'sheetDate=', '--set', 'district=').status).toBe(0);
    const again = ProjectStore.open(file, { access: 'read' });
    expect(again.getSettings().sheetDate).toBeNull();
    expect(again.getSettings().district).toBeNull();
    again.close();
  });

  it('a bad key or date is refused with a bilingual message and nothing is written', () => {
    const before = quytap('settings', file).stdout;
    const r = quytap('settings', file, '--set', 'place=Đắk Mâm', '--set', 'sheetDate=20/6/2019');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('phải viết YYYY-MM-DD');
    expect(r.stderr).toContain('must be YYYY-MM-DD');
    const k = quytap('settings', file, '--set', 'khong_co=1');
    expect(k.status).toBe(1);
    expect(k.stderr).toContain('Không có khóa "khong_co"');
    expect(quytap('settings', file).stdout).toBe(before);
  });
});

describe('quytap print --map-date', () => {
  it('prints the demo as of 2019-06-20: the district and province of that day in the title', async () => {
    const { createDemoProject } = await import('../../src/main/services/demo-project');
    const demo = join(dir, 'demo.gpkg');
    await createDemoProject(demo, { author: 'test' });
    const out = join(dir, 'krong-no-2019.pdf');
    const r = quytap('print', demo, '--district', '--map-date', '2019-06-20', '--date', '2019-06-20', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('HUYỆN KRÔNG NÔ – TỈNH ĐẮK NÔNG');
    expect(text).toContain('Krông Nô, ngày 20 tháng 6 năm 2019');
    const bad = quytap('print', demo, '--district', '--map-date', '20/6/2019', '--out', join(dir, 'x.pdf'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('YYYY-MM-DD');
  }, 120_000);
});
