// The campaign, end to end in Chromium (issue 18): Nam Đà's staff add two villages, enter their
// form 01 figures (one under 95 %) and hold a village conclusion; the district reviewer sets a
// due date in the past; the dashboard shows Nam Đà under target and overdue (table and chart);
// the commune report's PDF (pdftotext) carries the coverage and the figures of the sheet's table,
// and its .docx converts in LibreOffice. Everything the spec wrote is removed at the end.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openDemo, test } from './support';

const SHOTS = 'test-results/screenshots';
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/campaign-${name}.png` });
const invoke = <T = any>(page: Page, method: string, input: unknown) =>
  page.evaluate(([m, i]) => (window as any).__quytapMap.api.invoke(m, i), [method, input] as const) as Promise<T>;

async function becomeOperator(page: Page, name: string, role: 'commune_staff' | 'reviewer', communeCode?: string) {
  await page.getByTestId('operator-button').click();
  const dlg = page.getByTestId('operator-dialog');
  await expect(dlg).toBeVisible();
  await page.getByTestId('operator-name').fill(name);
  await dlg.locator('#op-role').selectOption(role);
  if (communeCode) await page.getByTestId('operator-commune').selectOption(communeCode);
  await page.getByTestId('operator-save').click();
  await expect(dlg).toBeHidden();
  await expect(page.getByTestId('operator-button')).toContainText(name);
}

const VILLAGES = [
  { name: 'Thôn Kiểm Thử Một', figures: ['100', '100', '98', '6'] },
  { name: 'Buôn Kiểm Thử Hai', figures: ['100', '100', '80', '3'] },
];
const FIGURE_FIELDS = ['households', 'forms_distributed', 'forms_returned', 'forms_with_info'];

test('villages, form 01 figures and a village conclusion; a past due date: Nam Đà under target and overdue, in the dashboard and the reports', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openDemo(page, 'Cán bộ kiểm thử');
  await expect.poll(() => page.evaluate(() => !!(window as any).__quytapMap)).toBe(true);
  const before = await invoke(page, 'app.info', {});
  const info = await invoke(page, 'project.info', {});
  const ND: string = info.settings.communes.find((c: { name: string }) => c.name === 'Nam Đà').code;
  const planBefore = info.settings.campaign;
  try {
    await becomeOperator(page, 'Cán bộ xã Nam Đà', 'commune_staff', ND);
    await page.getByTestId('campaign-button').click();
    const panel = page.getByTestId('campaign-panel');
    await expect(panel).toBeVisible();
    await page.getByTestId('campaign-tab-villages').click();
    await page.getByTestId('campaign-commune').selectOption(ND);

    // Two villages, then their figures typed into the table and saved row by row.
    for (const [i, v] of VILLAGES.entries()) {
      await page.getByTestId('campaign-add-name').fill(v.name);
      if (i === 1) await page.getByTestId('campaign-add-kind').selectOption('buon');
      await page.getByTestId('campaign-add').click();
      await expect(page.getByTestId('campaign-village').filter({ hasText: v.name })).toBeVisible();
    }
    for (const v of VILLAGES) {
      const row = page.getByTestId('campaign-village').filter({ hasText: v.name });
      for (const [k, f] of FIGURE_FIELDS.entries()) await row.getByTestId(`campaign-${f}`).fill(v.figures[k]!);
      await row.getByTestId('campaign-village-save').click();
      await expect(row.getByTestId('campaign-village-save')).toBeDisabled();
    }
    const under = page.getByTestId('campaign-village').filter({ hasText: VILLAGES[1]!.name });
    await expect(under.getByTestId('campaign-coverage')).toContainText('80,0 %');
    await expect(under.getByTestId('campaign-coverage')).toHaveClass(/bad/);

    // The village conclusion of the first village.
    await page.getByTestId('campaign-village').filter({ hasText: VILLAGES[0]!.name }).getByTestId('campaign-village-meeting').click();
    const meeting = page.getByTestId('campaign-meeting');
    await expect(meeting).toBeVisible();
    await page.getByTestId('meeting-date').fill('2019-06-03');
    await page.getByTestId('meeting-attendees_military').fill('3');
    await page.getByTestId('meeting-attendees_veterans').fill('2');
    await page.getByTestId('meeting-attendees_labour').fill('1');
    await page.getByTestId('meeting-attendees_elders').fill('6');
    await page.getByTestId('meeting-outcome').selectOption('concluded');
    await page.getByTestId('meeting-save').click();
    await expect(meeting).toBeHidden();
    await expect(page.getByTestId('campaign-village').filter({ hasText: VILLAGES[0]!.name })).toContainText('2019-06-03');
    await shot(page, 'villages');

    // The district sets the forms' due date in the past.
    await becomeOperator(page, 'Cán bộ huyện', 'reviewer');
    await page.getByTestId('campaign-tab-plan').click();
    await page.getByTestId('campaign-due-forms').fill('2019-05-31');
    await page.getByTestId('campaign-plan-save').click();
    await expect.poll(async () => (await invoke(page, 'project.info', {})).settings.campaign.deadlines.forms).toBe('2019-05-31');

    // The dashboard: Nam Đà under target (178 of 200 = 89 %) and overdue, in the table and the chart.
    await page.getByTestId('campaign-tab-dashboard').click();
    const row = page.getByTestId(`campaign-row-${ND}`);
    await expect(row.getByTestId('campaign-coverage')).toContainText('89,0 %');
    await expect(row.getByTestId('campaign-coverage')).toHaveClass(/bad/);
    await expect(row.getByTestId('campaign-overdue')).toContainText('Phát, thu phiếu mẫu 01');
    await expect(row).toHaveClass(/overdue/);
    await expect(page.getByTestId(`campaign-bar-${ND}`)).toHaveAttribute('data-under', '1');
    await shot(page, 'dashboard');

    // The commune's evaluation report, downloaded as the user would.
    await page.getByTestId(`campaign-row-${ND}`).getByRole('button', { name: 'Nam Đà' }).click();
    const dir = mkdtempSync(join(tmpdir(), 'quytap-e2e-campaign-'));
    const [pdfDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('campaign-report-commune-pdf').click()]);
    const pdf = join(dir, pdfDl.suggestedFilename());
    await pdfDl.saveAs(pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Toàn xã\s+200\s+200\s+178\s+9\s+89,0 %\s+Dưới 95 %/);
    expect(text.replace(/\s+/g, ' ')).toContain('03/06/2019 Cấp thôn Thôn Kiểm Thử Một 3 2 1 6 Đã thống nhất kết luận');
    const stats = (await invoke(page, 'review.statistics', {})).rows.find((r: { communeCode: string }) => r.communeCode === ND);
    const section = text.slice(text.indexOf('3. Số liệu'), text.indexOf('4. Tiến độ'));
    const labels = ['chôn cất ban đầu', 'đã tìm kiếm, quy tập', 'chưa tìm kiếm, quy tập', 'do gia đình chăm sóc', 'từ địa phương khác', 'bàn giao cho'];
    const keys = ['initially_buried', 'recovered', 'not_recovered', 'family_cared', 'brought_in', 'handed_over'];
    labels.forEach((l, i) => {
      const line = section.split('\n').find((x) => x.includes(l))!;
      const f = stats.figures[keys[i]!];
      expect(line.trim().split(/\s+/).pop(), l).toBe(f === null ? '—' : f.toLocaleString('vi-VN'));
    });
    const [docDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('campaign-report-commune-docx').click()]);
    const docx = join(dir, docDl.suggestedFilename());
    await docDl.saveAs(docx);
    const out = join(dir, 'soffice');
    mkdirSync(out);
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, docx], { timeout: 120_000, stdio: 'pipe' });
    const converted = join(out, docDl.suggestedFilename().replace(/\.docx$/, '.pdf'));
    expect(existsSync(converted)).toBe(true);
    expect(execFileSync('pdftotext', [converted, '-'], { encoding: 'utf8' })).toContain('89,0 %');
    expect(errors).toEqual([]);
  } finally {
    // The demo is shared by every spec: remove what this one wrote, put the plan and the operator back.
    await invoke(page, 'session.setOperator', { name: 'Cán bộ huyện', role: 'admin', communeCode: null });
    const villages = (await invoke(page, 'features.query', { table: 'villages', limit: 1000 })).rows.filter((r: any) => VILLAGES.some((v) => v.name === r.props.name));
    const conclusions = (await invoke(page, 'records.query', { table: 'conclusions', limit: 10000 })).rows.filter((r: any) => villages.some((v: any) => v.id === r.props.village_id));
    const remove = [...villages, ...conclusions].map((r: any) => ({ table: r.table, id: r.id, baseVersion: r.meta.version }));
    if (remove.length) await invoke(page, 'edits.apply', { label: 'kiểm thử: xóa thôn và kết luận', remove });
    await invoke(page, 'campaign.setPlan', { targetPercent: planBefore.targetPercent, deadlines: planBefore.deadlines });
    if (before.operator) await invoke(page, 'session.setOperator', before.operator);
  }
});
