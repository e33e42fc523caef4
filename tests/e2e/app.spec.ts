// A new user's first session, in browser mode against the real server (see playwright.config.ts).
import type { Page } from '@playwright/test';
import { expect, test } from './support';
import { FEATURE_TABLES } from '../../src/shared/model';

const TOKEN = 'e2e-secret-token';
const SHOTS = 'test-results/screenshots';
const COMMUNES = ['Krông Nô', 'Nam Đà', 'Nâm Nung', 'Quảng Phú', 'Đắk Sắk'];

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png` });
const row = (page: Page, table: string) => page.locator(`[data-testid="layer-row"][data-table="${table}"]`);
const loadedCount = async (page: Page, table: string) => Number(await row(page, table).getAttribute('data-feature-count'));

test.describe.configure({ mode: 'serial' });

test('a new user opens the demo project and reads the map', async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));

  await page.goto(`/#token=${TOKEN}`);

  // 1. The start screen, in Vietnamese.
  const start = page.getByTestId('start-screen');
  await expect(start).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(start.getByRole('heading', { name: 'Bắt đầu' })).toBeVisible();
  const demo = page.getByTestId('open-demo');
  await expect(demo).toHaveText('Mở dự án mẫu (dữ liệu minh họa)');
  await expect(page.getByTestId('new-project')).toHaveText('Tạo dự án mới');
  await shot(page, '01-start-screen');

  // 2. Open the demo; the operator is asked once.
  await demo.click();
  const opDialog = page.getByTestId('operator-dialog');
  await expect(opDialog).toBeVisible({ timeout: 60_000 });
  // Commune staff say which commune is theirs; the list is the project's communes.
  await expect(page.getByTestId('operator-commune').locator('option')).toHaveText([/Chưa chọn/, 'Krông Nô', 'Nam Đà', 'Nâm Nung', 'Quảng Phú', 'Đắk Sắk']);
  await shot(page, '02-operator');
  await page.getByTestId('operator-name').fill('Nguyễn Văn Thử');
  await page.getByTestId('operator-save').click();
  await expect(opDialog).toBeHidden();
  await expect(page.getByTestId('operator-button')).toContainText('Nguyễn Văn Thử');

  // 3. The map and the layer panel.
  const map = page.getByTestId('map');
  await expect(map).toBeVisible();
  await expect(map.locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('project-crs')).toContainText('VN-2000');
  const rows = page.getByTestId('layer-row');
  await expect(rows).toHaveCount(FEATURE_TABLES.length); // one row per feature table of the model
  await expect(row(page, 'admin_units')).toContainText('Địa giới hành chính');
  await expect(row(page, 'search_areas')).toContainText('Khu vực tìm kiếm, quy tập');
  await expect(row(page, 'graves')).toContainText('Mộ liệt sĩ');
  for (const table of ['admin_units', 'search_areas', 'graves']) {
    await expect
      .poll(() => loadedCount(page, table), { message: `${table} features loaded`, timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(Number(await row(page, table).getAttribute('data-total-count'))).toBeGreaterThan(0);
  }
  // The commune names of the demo (real Krông Nô boundaries) are on the map.
  const names = page.getByTestId('map-admin-names');
  for (const n of COMMUNES) await expect(names).toContainText(n);
  // The legend shows the DOMAIN.md texts of the statuses present.
  await expect(page.getByTestId('legend')).toContainText('Khu vực, địa bàn có mộ liệt sĩ đã tìm kiếm, quy tập xong');
  await page.waitForTimeout(800); // let the labels settle before the picture
  await shot(page, '03-map');

  // 4. The status bar: coordinates in the working CRS (X = northing, Y = easting), WGS 84, scale.
  const box = (await map.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2 - 40, box.y + box.height / 2 - 30);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const status = page.getByTestId('status-bar');
  await expect(status).toContainText('X (Bắc) =');
  await expect(status).toContainText('Y (Đông) =');
  await expect(status).toContainText('WGS 84');
  await expect(page.getByTestId('status-scale')).toHaveText(/Tỷ lệ\s*1:\d{1,3}(\.\d{3})+/);

  // 5. Clicking the map centre shows the attributes of what is there, with Vietnamese labels.
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const panel = page.getByTestId('feature-panel');
  await expect(panel).toHaveAttribute('data-pinned', 'true');
  await expect(panel).not.toHaveAttribute('data-table', '');
  await expect(page.getByTestId('feature-attributes')).toContainText(/Tên|Tình trạng|Loại/);
  await shot(page, '04-feature-panel');

  // 6. Keyboard: '+' zooms in (the scale number gets smaller), Home goes back.
  const scaleOf = async () => Number((await page.getByTestId('status-scale').innerText()).replace(/[^\d:]/g, '').split(':')[1]);
  const before = await scaleOf();
  await map.focus();
  await page.keyboard.press('+');
  await expect.poll(scaleOf).toBeLessThan(before * 0.8);
  await page.keyboard.press('Home');
  await expect.poll(scaleOf).toBeGreaterThan(before * 0.8);
  await page.keyboard.press('Escape');

  // 7. English.
  await page.getByTestId('lang-en').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(row(page, 'search_areas')).toContainText('Search areas');
  await expect(row(page, 'admin_units')).toContainText('Administrative units');
  await expect(page.getByTestId('layer-panel')).toContainText('Map layers');
  await page.mouse.move(box.x + box.width / 2 + 10, box.y + box.height / 2 + 10);
  await expect(status).toContainText('X (North) =');
  await shot(page, '05-english');
  await page.getByTestId('lang-vi').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(row(page, 'search_areas')).toContainText('Khu vực tìm kiếm, quy tập');

  // 8. Hiding a layer hides it (the map picture changes, the row says so) and showing it again restores it.
  await page.mouse.move(box.x + 5, box.y + box.height - 5);
  await page.waitForTimeout(400);
  const withAreas = await map.screenshot();
  await row(page, 'search_areas').getByTestId('layer-visible').uncheck();
  await expect(row(page, 'search_areas')).toHaveAttribute('data-visible', 'false');
  await page.waitForTimeout(600);
  const withoutAreas = await map.screenshot();
  expect(withoutAreas.equals(withAreas)).toBe(false);
  await shot(page, '06-search-areas-hidden');
  await row(page, 'search_areas').getByTestId('layer-visible').check();
  await expect(row(page, 'search_areas')).toHaveAttribute('data-visible', 'true');

  // 9. Layer order: moving graves down changes the panel order.
  const orderOf = async () => page.getByTestId('layer-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-table')));
  const o1 = await orderOf();
  await row(page, 'graves').getByTestId('layer-down').click();
  const o2 = await orderOf();
  expect(o2.indexOf('graves')).toBe(o1.indexOf('graves') + 1);

  // 10. Undo with nothing to undo says so (no crash).
  await map.focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('toasts')).toContainText(/hoàn tác/);

  // The only failed request allowed: project.info answering "no project open" (409) at startup.
  expect(consoleErrors.filter((e) => !/favicon|status of 409/i.test(e))).toEqual([]);
});

test('a reload keeps the language and the operator', async ({ page }) => {
  await page.goto(`/#token=${TOKEN}`);
  // The project is still open on the server: the workspace comes straight back.
  await expect(page.getByTestId('workspace')).toBeVisible();
  await page.getByTestId('lang-en').click();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('layer-panel')).toContainText('Map layers');
  await expect(page.getByTestId('operator-dialog')).toHaveCount(0);
});

test('a wrong token shows a clear "no permission" error, not a blank page', async ({ page }) => {
  await page.goto('/#token=wrong-token-0123456789abcdef');
  const err = page.getByTestId('error-screen');
  await expect(err).toBeVisible();
  await expect(err).toContainText(/không có quyền/i);
  await expect(page.getByTestId('start-screen')).toHaveCount(0);
  await shot(page, '07-wrong-token');

  await page.goto('/');
  await expect(page.getByTestId('error-screen')).toContainText(/không có quyền/i);
});

test('closing the project, the list shows it; a new project gets its province zone', async ({ page }) => {
  await page.goto(`/#token=${TOKEN}`);
  await expect(page.getByTestId('workspace')).toBeVisible();
  await page.getByTestId('close-project').click();
  await expect(page.getByTestId('start-screen')).toBeVisible();
  await expect(page.getByTestId('project-row').first()).toBeVisible();

  await page.getByTestId('new-project').click();
  const form = page.getByTestId('new-project-form');
  await expect(form).toBeVisible();
  await form.getByLabel('Tỉnh').fill('Đắk Nông');
  // Đắk Nông → VN-2000 TM-3, central meridian 108°30′ (EPSG:9218), preselected.
  await expect(form.getByLabel('Hệ tọa độ làm việc')).toHaveValue('EPSG:9218');
  await expect(form.getByLabel('Tên tệp')).toHaveValue('dak-nong.gpkg');
  await form.getByLabel('Tên tệp').fill('e2e-dak-nong.gpkg');
  // What the sheets print is asked for now (and editable later in "Thiết lập dự án").
  await form.getByTestId('settings-district').fill('Krông Nô');
  await form.getByTestId('settings-organisation').fill('BỘ CHỈ HUY QUÂN SỰ TỈNH ĐẮK NÔNG\nBAN CHỈ HUY QUÂN SỰ HUYỆN KRÔNG NÔ');
  await form.getByTestId('settings-place').fill('Krông Nô');
  await form.getByTestId('settings-sig-approved_by-name').fill('Lê Văn Cường');
  await expect(form.getByTestId('settings-sig-approved_by-note')).toHaveAttribute('placeholder', '(Ký, đóng dấu)');
  await shot(page, '08-new-project');
  await form.getByRole('button', { name: 'Tạo và mở' }).click();

  await expect(page.getByTestId('workspace')).toBeVisible();
  await expect(page.getByTestId('project-crs')).toContainText('108');
  await expect(row(page, 'search_areas')).toHaveAttribute('data-total-count', '0');
  await expect(page.getByTestId('status-scale')).toHaveText(/1:\d/);
  await shot(page, '09-new-project-open');

  // The settings dialog shows what the form set, and keeps a change.
  await page.getByTestId('settings-button').click();
  const dialog = page.getByTestId('settings-dialog');
  await expect(dialog.getByTestId('settings-district')).toHaveValue('Krông Nô');
  await expect(dialog.getByTestId('settings-organisation')).toHaveValue('BỘ CHỈ HUY QUÂN SỰ TỈNH ĐẮK NÔNG\nBAN CHỈ HUY QUÂN SỰ HUYỆN KRÔNG NÔ');
  await expect(dialog.getByTestId('settings-sig-approved_by-name')).toHaveValue('Lê Văn Cường');
  await dialog.getByTestId('settings-producingAgency').fill('Ban CHQS huyện Krông Nô');
  await dialog.getByTestId('settings-sheetDate').fill('2019-06-20');
  await shot(page, '09b-project-settings');
  await dialog.getByTestId('settings-save').click();
  await expect(dialog).toBeHidden();
  await page.getByTestId('settings-button').click();
  await expect(page.getByTestId('settings-producingAgency')).toHaveValue('Ban CHQS huyện Krông Nô');
  await expect(page.getByTestId('settings-sheetDate')).toHaveValue('2019-06-20');
  await expect(page.getByTestId('settings-place')).toHaveValue('Krông Nô');
});
