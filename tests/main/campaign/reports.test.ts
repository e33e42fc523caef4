// The campaign's reports from the demo project: the PDF's text carries the coverage and the six
// figures of the sheet's statistics table (review.statistics, the same function); the .docx opens
// in LibreOffice (soffice --headless --convert-to pdf) and says the same.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATISTICS } from '../../../src/shared/model';
import { campaignProject, type CampaignEnv } from './fixture';

const text = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });

describe('campaign reports', () => {
  let c: CampaignEnv;
  const out = mkdtempSync(join(tmpdir(), 'quytap-campaign-out-'));
  beforeAll(async () => {
    c = await campaignProject();
  }, 120_000);

  it('the commune evaluation report PDF carries the coverage, the meeting and the sheet’s figures', async () => {
    const r = await c.env.call('campaign.reportPdf', { communeCode: c.ND });
    expect(r.fileName).toMatch(/^bao-cao-danh-gia-nam-da-\d{4}-\d{2}-\d{2}\.pdf$/);
    const file = join(out, r.fileName);
    writeFileSync(file, Buffer.from(r.base64, 'base64'));
    const t = text(file);
    expect(t).toContain('BÁO CÁO ĐÁNH GIÁ RÚT KINH NGHIỆM');
    // Buôn Ja Rá: 60 of 80 = 75 %; the commune: 228 of 250 = 91,2 %, both under the 95 % target.
    expect(t).toMatch(/Buôn Ja Rá\s+80\s+80\s+60\s+4\s+75,0 %\s+Dưới 95 %/);
    expect(t).toMatch(/Toàn xã\s+250\s+250\s+228\s+15\s+91,2 %\s+Dưới 95 %/);
    expect(t.replace(/\s+/g, ' ')).toMatch(/02\/06\/2019 Cấp thôn Thôn Nam Tân 3 2 1 5 0 Đã thống nhất kết luận/);
    // The six figures, row by row, equal to the sheet's table (the one statistics function).
    const stats = (await c.env.call('review.statistics', {})).rows.find((s) => s.communeCode === c.ND)!;
    const section = t.slice(t.indexOf('3. Số liệu'), t.indexOf('4. Tiến độ'));
    const labels = ['Số liệt sĩ chôn cất ban đầu', 'Số liệt sĩ đã tìm kiếm, quy tập', 'Số liệt sĩ chưa tìm kiếm, quy tập', 'Số mộ liệt sĩ do gia đình', 'Số mộ từ địa phương khác', 'Số mộ bàn giao'];
    labels.forEach((l, i) => {
      const line = section.split('\n').find((x) => x.includes(l))!;
      const f = stats.figures[STATISTICS[i]!];
      expect(line.trim().split(/\s+/).pop(), l).toBe(f === null ? '—' : f.toLocaleString('vi-VN'));
    });
    expect(t).toMatch(/Phát, thu phiếu mẫu 01\s+31\/05\/2019\s+Quá hạn/);
    expect(t).toContain('Hình: bản đồ tìm kiếm');
  }, 120_000);

  it('the district summary PDF has a row per commune with the sheet’s figures and the district coverage', async () => {
    const r = await c.env.call('campaign.reportPdf', { communeCode: null });
    const file = join(out, r.fileName);
    writeFileSync(file, Buffer.from(r.base64, 'base64'));
    const t = text(file);
    const st = await c.env.call('review.statistics', {});
    expect(t).toContain('BÁO CÁO TỔNG HỢP');
    const section = t.slice(t.indexOf('3. Số liệu'), t.indexOf('4. Tiến độ'));
    for (const row of st.rows) {
      const line = section.split('\n').find((l) => l.includes(row.communeName));
      expect(line, row.communeName).toBeDefined();
      const nums = STATISTICS.map((k) => (row.figures[k] === null ? '—' : row.figures[k]!.toLocaleString('vi-VN')));
      expect(line!.replace(/\s+/g, ' ')).toContain(nums.join(' '));
    }
    const total = section.split('\n').find((l) => l.includes('Tổng cộng'))!;
    expect(total.replace(/\s+/g, ' ')).toContain(STATISTICS.map((k) => (st.totals[k] === null ? '—' : st.totals[k]!.toLocaleString('vi-VN'))).join(' '));
    // The chart: one bar per commune, Nam Đà's labelled with its coverage.
    const chart = t.slice(t.indexOf('Biểu đồ') - 2000, t.indexOf('Biểu đồ'));
    expect(chart).toMatch(/Nam Đà\s+91,2 %/);
    expect(t).toContain('Biểu đồ: tỷ lệ phiếu mẫu 01 thu về theo xã (vạch đứt: chỉ tiêu 95 %; đỏ: chưa đạt)');
    expect(t).toMatch(/Toàn huyện\s+3\s+250\s+250\s+228\s+15\s+91,2 %\s+Dưới 95 %/);
  }, 120_000);

  it('both .docx reports convert in LibreOffice without error and carry the same coverage', async () => {
    const r = await c.env.call('campaign.reportDocx', { communeCode: c.ND });
    const d = await c.env.call('campaign.reportDocx', { communeCode: null });
    expect(r.fileName).toMatch(/\.docx$/);
    const file = join(out, r.fileName);
    writeFileSync(file, Buffer.from(r.base64, 'base64'));
    const district = join(out, d.fileName);
    writeFileSync(district, Buffer.from(d.base64, 'base64'));
    const converted = join(out, 'soffice');
    execFileSync('soffice', [`-env:UserInstallation=file://${join(out, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', converted, file, district], { timeout: 120_000, stdio: 'pipe' });
    const pdf = join(converted, r.fileName.replace(/\.docx$/, '.pdf'));
    expect(existsSync(pdf)).toBe(true);
    expect(text(join(converted, d.fileName.replace(/\.docx$/, '.pdf')))).toMatch(/Toàn huyện\s+3\s+250\s+250\s+228\s+15\s+91,2 %/);
    const t = text(pdf);
    expect(t).toContain('BÁO CÁO ĐÁNH GIÁ RÚT KINH NGHIỆM');
    expect(t).toContain('75,0 %');
    expect(t).toContain('Thôn Nam Tân (làm điểm)');
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  }, 180_000);
});
