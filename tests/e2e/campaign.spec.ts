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

type MP = number[][][][];
/** A point well inside a commune: the middle of the longest inside stretch of a row through its extent. */
function inside(poly: MP): [number, number] {
  const pts = poly.flat(2);
  const ys = pts.map((p) => p[1]!);
  const y = (Math.min(...ys) + Math.max(...ys)) / 2;
  const xs: number[] = [];
  for (const ring of poly.flat(1))
    for (let i = 0; i + 1 < ring.length; i++) {
      const [a, b] = [ring[i]!, ring[i + 1]!];
      if (a[1]! > y !== b[1]! > y) xs.push(a[0]! + ((y - a[1]!) * (b[0]! - a[0]!)) / (b[1]! - a[1]!));
    }
  xs.sort((p, q) => p - q);
  let best: [number, number] = [xs[0]!, xs[1]!];
  for (let i = 0; i + 1 < xs.length; i += 2) if (xs[i + 1]! - xs[i]! > best[1] - best[0]) best = [xs[i]!, xs[i + 1]!];
  return [(best[0] + best[1]) / 2, y];
}

const DRAWN = { name: 'Bon Kiểm Thử Vẽ', figures: ['50', '50', '50', '2'] };
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
    // A village drawn on the map with the ⌂ tool (B), its figures in the form made from tables.ts.
    const unit = (await invoke(page, 'features.query', { table: 'admin_units', limit: 1000 })).rows.find((r: any) => r.props.level === 'commune' && r.props.code === ND);
    const at = inside(unit.geometry.coordinates as MP);
    await page.evaluate((c) => {
      const m = (window as any).__quytapMap;
      m.view.setResolution(20);
      m.view.setCenter(c);
      m.map.renderSync();
    }, at);
    await page.waitForTimeout(400);
    const p = await page.evaluate((c) => (window as any).__quytapMap.map.getPixelFromCoordinate(c), at);
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.getByTestId('map').focus();
    await page.keyboard.press('n');
    await expect(page.getByTestId('tool-village')).toHaveAttribute('aria-pressed', 'true');
    await page.mouse.click(box.x + p[0], box.y + p[1]);
    const form = page.getByTestId('attr-form');
    await expect(form).toHaveAttribute('data-table', 'villages');
    await form.getByTestId('field-name').fill(DRAWN.name);
    await form.getByTestId('field-kind').selectOption('bon');
    await form.getByTestId('field-pilot').check();
    for (const [k, f] of FIGURE_FIELDS.entries()) await form.getByTestId(`field-${f}`).fill(DRAWN.figures[k]!);
    await form.getByTestId('form-save').click();
    await expect
      .poll(async () => (await invoke(page, 'features.query', { table: 'villages', limit: 1000 })).rows.find((r: any) => r.props.name === DRAWN.name)?.props.commune_code)
      .toBe(ND);
    await shot(page, 'drawn-village');
    await page.keyboard.press('Escape');

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
    // The meeting concludes on one of Nam Đà's search areas (a link, role "concludes").
    await page.getByTestId('meeting-areas').getByRole('checkbox').first().check();
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

    // The dashboard: Nam Đà under target (228 of 250 = 91,2 %) and overdue, in the table and the chart.
    await page.getByTestId('campaign-tab-dashboard').click();
    const row = page.getByTestId(`campaign-row-${ND}`);
    await expect(row.getByTestId('campaign-coverage')).toContainText('91,2 %');
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
    expect(text).toMatch(/Toàn xã\s+250\s+250\s+228\s+11\s+91,2 %\s+Dưới 95 %/);
    expect(text).toContain('Bon Kiểm Thử Vẽ (làm điểm)');
    expect(text.replace(/\s+/g, ' ')).toContain('03/06/2019 Cấp thôn Thôn Kiểm Thử Một 3 2 1 6 1 Đã thống nhất kết luận');
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
    expect(execFileSync('pdftotext', [converted, '-'], { encoding: 'utf8' })).toContain('91,2 %');
    expect(errors).toEqual([]);
  } finally {
    // The demo is shared by every spec: remove what this one wrote, put the plan and the operator back.
    await invoke(page, 'session.setOperator', { name: 'Cán bộ huyện', role: 'admin', communeCode: null });
    const villages = (await invoke(page, 'features.query', { table: 'villages', limit: 1000 })).rows.filter((r: any) => [...VILLAGES, DRAWN].some((v) => v.name === r.props.name));
    const conclusions = (await invoke(page, 'records.query', { table: 'conclusions', limit: 10000 })).rows.filter((r: any) => villages.some((v: any) => v.id === r.props.village_id));
    const links = (await invoke(page, 'records.query', { table: 'links', limit: 10000 })).rows.filter((r: any) => conclusions.some((k: any) => k.id === r.props.to_id));
    const remove = [...villages, ...conclusions, ...links].map((r: any) => ({ table: r.table, id: r.id, baseVersion: r.meta.version }));
    if (remove.length) await invoke(page, 'edits.apply', { label: 'kiểm thử: xóa thôn và kết luận', remove });
    await invoke(page, 'campaign.setPlan', { targetPercent: planBefore.targetPercent, deadlines: planBefore.deadlines });
    if (before.operator) await invoke(page, 'session.setOperator', before.operator);
  }
});
