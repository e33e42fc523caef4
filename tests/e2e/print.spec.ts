// The print dialog in browser mode: Ctrl+P opens it on the demo, the preview is the composer's
// display list, a commune sheet is printed to PDF with progress, and a layout is saved.
import type { Page } from '@playwright/test';

import { expect, openDemo, test } from './support';
const SHOTS = 'test-results/screenshots';
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/print-${name}.png` });

test('print a commune sheet from the demo project', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openDemo(page, 'Trần Văn In');
  await expect(page.getByTestId('print-button')).toHaveText(/In bản đồ/);

  // Ctrl+P opens the dialog (not the browser's print), with a live preview of the district.
  await page.getByTestId('map').click();
  await page.keyboard.press('Control+p');
  const dialog = page.getByTestId('print-dialog');
  await expect(dialog).toBeVisible();
  const svg = page.getByTestId('print-preview-svg');
  await expect(svg).toBeVisible({ timeout: 30_000 });
  await expect(svg.locator('text[data-role="title"]').first()).toContainText('BẢN ĐỒ TÌM KIẾM');
  await expect(page.getByTestId('print-report')).toContainText('Tỷ lệ 1:');
  await shot(page, 'dialog-district');

  // One commune at 1:25,000 on A3: a series; the preview shows sheet 1 of it.
  await page.getByTestId('print-area').selectOption({ label: 'Nam Đà' });
  await expect(svg.locator('text[data-role="title"]').first()).toContainText('NAM ĐÀ', { timeout: 30_000 });
  await page.getByTestId('print-scale').selectOption('25000');
  await expect(page.getByTestId('print-report')).toContainText('1:25.000', { timeout: 30_000 });
  await expect(page.getByTestId('print-sheet')).toBeVisible();
  await expect(svg.locator('text[data-role="scale-text"]')).toHaveText('Tỷ lệ 1:25.000');
  await shot(page, 'dialog-commune-25000');

  // A bad scale for the paper is explained, not drawn.
  await page.getByTestId('print-paper').selectOption('A4');
  await page.getByTestId('print-scale').selectOption('2000');
  await expect(page.getByTestId('print-report')).toContainText('tờ A4', { timeout: 30_000 });
  await expect(page.getByTestId('print-pdf')).toBeDisabled();
  await page.getByTestId('print-paper').selectOption('A3');
  await page.getByTestId('print-scale').selectOption('fit');
  await expect(page.getByTestId('print-pdf')).toBeEnabled({ timeout: 30_000 });

  // Edit the title, save the layout, print.
  await page.getByTestId('print-title').fill('BẢN ĐỒ THỬ IN XÃ NAM ĐÀ');
  await expect(svg.locator('text[data-role="title"]').first()).toHaveText('BẢN ĐỒ THỬ IN XÃ NAM ĐÀ', { timeout: 30_000 });
  await page.getByTestId('print-layout-name').fill('Nam Đà A3');
  await page.getByTestId('print-layout-save').click();
  await expect(page.getByTestId('print-layouts').locator('option', { hasText: 'Nam Đà A3' })).toHaveCount(1);
  await page.getByTestId('print-pdf').click();
  await expect(page.getByTestId('print-done')).toContainText('.pdf', { timeout: 60_000 });
  await expect(page.getByTestId('print-done')).toContainText('ban-in');
  await shot(page, 'printed');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(errors).toEqual([]);
});
