// `quytap report`: the same reports from the command line, read-only on the project file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../../src/main/commands/report';
import { createDemoProject } from '../../../src/main/services/demo-project';

describe('quytap report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quytap-cli-report-'));
  const demo = join(dir, 'demo.gpkg');
  beforeAll(async () => {
    await createDemoProject(demo, { author: 'ci' });
  }, 120_000);

  it('writes the commune report as PDF and the district summary as .docx', async () => {
    const before = readFileSync(demo);
    await reportCommand([demo, '--commune', 'nam đà', '--out', join(dir, 'nd.pdf')]);
    const t = execFileSync('pdftotext', ['-layout', join(dir, 'nd.pdf'), '-'], { encoding: 'utf8' });
    expect(t).toContain('BÁO CÁO ĐÁNH GIÁ RÚT KINH NGHIỆM');
    expect(t).toContain('xã Nam Đà');
    await reportCommand([demo, '--district', '--no-map', '--out', join(dir, 'huyen.docx')]);
    expect(readFileSync(join(dir, 'huyen.docx')).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(demo).equals(before)).toBe(true);
  }, 120_000);
});
