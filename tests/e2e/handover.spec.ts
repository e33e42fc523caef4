// Handing the work over, as a commune does it: edit in the UI, "Đóng dự án", copy the project's
// .gpkg ALONE (no -wal) and read it with `quytap info`: the edit is there. The same after a few
// seconds of idle with the project still open. The "Bàn giao" copy and a printed PDF arrive as
// browser downloads, named by commune (and paper, scale, sheet). The read-only banner is shown.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openDemo, test } from './support';

const SHOTS = 'test-results/screenshots';
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/handover-${name}.png` });

test.describe.configure({ mode: 'serial' });

/** Calls the contract from the page (the same client the UI uses). */
async function call<T = any>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(([m, i]) => (window as any).__quytapMap.api.invoke(m, i), [method, input] as const) as Promise<T>;
}

/** `quytap info` on a file: the count of each table, as the CLI prints it. */
function cliCounts(file: string): Record<string, number> {
  const out = execFileSync('npx', ['tsx', 'src/main/cli.ts', 'info', file], { encoding: 'utf8', timeout: 60_000 });
  const counts: Record<string, number> = {};
  for (const m of out.matchAll(/^\s+([a-z_]+)\s+(\d+)/gm)) counts[m[1]!] = Number(m[2]);
  return counts;
}

/** The project file copied ALONE (as onto a USB stick), read there by the CLI. */
function countsOfLoneCopy(path: string): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'quytap-e2e-usb-'));
  const copy = join(dir, basename(path));
  copyFileSync(path, copy);
  expect(existsSync(`${copy}-wal`)).toBe(false);
  return cliCounts(copy);
}

/** A grave placed by typed coordinates 3 m from a demo grave of Nam Đà, its form filled and saved in the UI. */
async function addGraveInUi(page: Page, name: string): Promise<void> {
  const communes = (await call(page, 'features.query', { table: 'admin_units', filter: { level: 'commune' } })).rows;
  const namDa = communes.find((c: any) => c.props.name === 'Nam Đà');
  await page.getByTestId('commune-select').selectOption({ label: 'Nam Đà' });
  const near = (await call(page, 'features.query', { table: 'graves', filter: { commune_code: namDa.props.code }, limit: 1 })).rows[0];
  const [e, n] = near.geometry.coordinates as number[];
  const existing = (await call(page, 'features.query', { table: 'graves', limit: 100_000 })).rows.length;
  await page.keyboard.press('Escape');
  await page.getByTestId('map').focus();
  await page.keyboard.press('k');
  const dlg = page.getByTestId('coords-dialog');
  await expect(dlg).toBeVisible();
  // X = northing, Y = easting (VN-2000 usage); a few metres off per call so graves do not overlap.
  await dlg.getByTestId('coords-text').fill(`X=${(n! + 3 + existing % 7).toFixed(3)} Y=${(e! + 3).toFixed(3)}`);
  await dlg.getByTestId('coords-target').selectOption('graves');
  await dlg.getByTestId('coords-place').click();
  const form = page.getByTestId('attr-form');
  await expect(form).toHaveAttribute('data-table', 'graves');
  await form.getByTestId('field-kind').selectOption('newly_found');
  await form.getByTestId('field-verification').selectOption('not_verified');
  await form.getByTestId('field-name').fill(name);
  await form.getByTestId('form-save').click();
  await expect(page.getByTestId('feature-panel')).toHaveAttribute('data-table', 'graves');
  await expect.poll(async () => (await call(page, 'features.query', { table: 'graves', limit: 100_000 })).rows.length).toBe(existing + 1);
}

let projectPath = '';

test('after "Đóng dự án" the .gpkg copied alone holds the edit; the start screen shows when it was made', async ({ page }) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  await openDemo(page, 'Cán bộ bàn giao');
  await expect.poll(() => page.evaluate(() => !!(window as any).__quytapMap)).toBe(true);
  const info = await call(page, 'project.info', {});
  projectPath = info.path;
  const graves = info.layers.find((l: any) => l.table === 'graves').count as number;

  await addGraveInUi(page, 'Mộ bàn giao 1');
  await page.getByTestId('close-project').click();
  await expect(page.getByTestId('open-demo')).toBeVisible();
  expect(countsOfLoneCopy(projectPath).graves).toBe(graves + 1);
  // "Sửa lần cuối" is the time of that edit (today), read from the file.
  const row = page.getByTestId('start-screen').locator('tr', { hasText: basename(projectPath) });
  await expect(row.getByTestId('project-last-edit')).not.toHaveText('');
  await shot(page, 'start-screen');
});

test('after 5 s of idle with the project still open, the .gpkg alone holds the edit too', async ({ page }) => {
  test.setTimeout(180_000);
  await openDemo(page, 'Cán bộ bàn giao');
  await expect.poll(() => page.evaluate(() => !!(window as any).__quytapMap)).toBe(true);
  const before = countsOfLoneCopy(projectPath).graves!;
  await addGraveInUi(page, 'Mộ bàn giao 2');
  await page.waitForTimeout(5000);
  expect(countsOfLoneCopy(projectPath).graves).toBe(before + 1);
});

test('"Bàn giao" writes a checked copy and hands it to the browser as a download', async ({ page }) => {
  test.setTimeout(180_000);
  await openDemo(page, 'Cán bộ bàn giao');
  const live = await call(page, 'project.info', {});
  await page.getByTestId('handover-button').click();
  const dlg = page.getByTestId('handover-dialog');
  await expect(dlg).toBeVisible();
  await dlg.getByTestId('handover-make').click();
  await expect(dlg.getByTestId('handover-done')).toContainText('ban-giao-', { timeout: 60_000 });
  await shot(page, 'dialog');
  const [download] = await Promise.all([page.waitForEvent('download'), dlg.getByTestId('handover-download').click()]);
  expect(download.suggestedFilename()).toMatch(/^ban-giao-krong-no-va-4-xa-\d{8}-\d{4}\.gpkg$/);
  const saved = join(mkdtempSync(join(tmpdir(), 'quytap-e2e-dl-')), download.suggestedFilename());
  await download.saveAs(saved);
  const counts = cliCounts(saved);
  for (const l of live.layers) expect(counts[l.table], l.table).toBe(l.count);
  // The commune package is reachable from the same place.
  await dlg.getByTestId('handover-package').click();
  await expect(page.getByTestId('exchange-dialog')).toBeVisible();
  await expect(page.getByTestId('exchange-tab-package')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('exchange-close').click();
});

test('a printed PDF arrives as a download named by commune, paper, scale and sheet', async ({ page }) => {
  test.setTimeout(180_000);
  await openDemo(page, 'Cán bộ bàn giao');
  await page.getByTestId('print-button').click();
  const dialog = page.getByTestId('print-dialog');
  await expect(dialog).toBeVisible();
  await page.getByTestId('print-area').selectOption({ label: 'Nam Đà' });
  await page.getByTestId('print-scale').selectOption('25000');
  await expect(page.getByTestId('print-report')).toContainText('1:25.000', { timeout: 30_000 });
  await expect(page.getByTestId('print-pdf')).toBeEnabled({ timeout: 30_000 });
  await page.getByTestId('print-pdf').click();
  const link = page.getByTestId('print-download');
  await expect(link).toBeVisible({ timeout: 60_000 });
  await shot(page, 'printed');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^ban-do-nam-da-A3-1-25000-to-1(-\d+)?\.pdf$/);
  const saved = join(mkdtempSync(join(tmpdir(), 'quytap-e2e-pdf-')), download.suggestedFilename());
  await download.saveAs(saved);
  expect(execFileSync('pdfinfo', [saved], { encoding: 'utf8' })).toMatch(/Pages:\s+1/);
  await page.keyboard.press('Escape');
});

test('a project opened read-only says so on the page before any edit', async ({ page }) => {
  // The tests run as root, who writes through any file mode: the server's answer is marked
  // read-only here (main's read-only opening is tested in tests/main/store/read-only.test.ts).
  await page.route('**/rpc/project.info', async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    if (body?.result) body.result.readOnly = true;
    await route.fulfill({ response: res, json: body });
  });
  await openDemo(page, 'Cán bộ bàn giao');
  await expect(page.getByTestId('read-only-banner')).toHaveText('Tệp dự án chỉ đọc — không sửa được; chép sang thư mục có quyền ghi');
  await shot(page, 'read-only-banner');
});
