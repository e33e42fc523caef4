// `quytap print` from the command line: one commune, every commune, and a bad commune name.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoProject } from '../../../src/main/services/demo-project';

const dir = mkdtempSync(join(tmpdir(), 'quytap-print-cli-'));
const demo = join(dir, 'demo.gpkg');
const quytap = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', 'print', ...args], { encoding: 'utf8' });

beforeAll(async () => {
  await createDemoProject(demo, { author: 'test' });
}, 120_000);

describe('quytap print', () => {
  it('prints one commune to the named file, never over an existing one', () => {
    const out = join(dir, 'nam-da.pdf');
    const r = quytap(demo, '--commune', 'Nam Đà', '--paper', 'A3', '--scale', '100000', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('1:100000');
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Page size:\s+1190\.55 x 841\.89 pts/);
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain('XÃ NAM ĐÀ');
    const again = quytap(demo, '--commune', '24697', '--out', out);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/không ghi đè/);
  });

  it('--all-communes writes one PDF per commune', () => {
    const outDir = join(dir, 'all');
    // A3, the commune proof (on A4 portrait the largest communes need two sheets even at 1:250,000).
    const r = quytap(demo, '--all-communes', '--paper', 'A3', '--out-dir', outDir);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(outDir).sort()).toEqual(['xa-dak-sak-a3.pdf', 'xa-krong-no-a3.pdf', 'xa-nam-da-a3.pdf', 'xa-nam-nung-a3.pdf', 'xa-quang-phu-a3.pdf']);
  });

  it('an unknown commune or a bad scale is a clear error and writes nothing', () => {
    const out = join(dir, 'none.pdf');
    const r = quytap(demo, '--commune', 'Không Có', '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Không có xã "Không Có" trong dự án');
    expect(existsSync(out)).toBe(false);
    const bad = quytap(demo, '--commune', 'Nam Đà', '--scale', 'abc', '--out', out);
    expect(bad.status).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('an area that needs several sheets is printed only as a whole series, never as its first corner', () => {
    const out = join(dir, 'corner.pdf');
    const r = quytap(demo, '--commune', 'Nam Đà', '--paper', 'A3', '--scale', '25000', '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cần \d+ tờ\). Dùng --series/);
    expect(existsSync(out)).toBe(false);
    const all = join(dir, 'series.pdf');
    const ok = quytap(demo, '--commune', 'Nam Đà', '--paper', 'A3', '--scale', '25000', '--series', '--out', all);
    expect(ok.status).toBe(0);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [all], { encoding: 'utf8' }))![1]);
    // The index sheet first, then the n sheets the printed line names (n/n: all of them).
    const n = Number(/, (\d+)\/\1 tờ \/ sheets/.exec(ok.stdout)![1]);
    expect(n).toBeGreaterThan(1);
    expect(pages).toBe(n + 1);
    // No sheet is announced as "this is sheet 1" (or any one sheet): the whole series was printed.
    expect(ok.stdout).not.toMatch(/đây là tờ|this is sheet/);
    // Any other warning names its sheet.
    const warnings = ok.stdout.split('\n').filter((l) => l.startsWith('  ! '));
    for (const w of warnings) expect(w).toMatch(/^ {2}! Tờ [1-9]\d*: .* \/ Sheet [1-9]\d*: /);
  });
});
