// Base maps in the print dialog, browser mode: with none in the project the dialog says how to add
// one; the raster MBTiles added through the layer panel is listed, ticked (it is visible there) and
// its pixels are in the preview's map frame; unticked, the preview has none, and a layout saved so
// keeps printing none. Everything added is removed at the end (the demo project is shared by specs).
import { mkdirSync } from 'node:fs';
import path, { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openDemo, test } from './support';

const SHOTS = 'test-results/screenshots';
const MBTILES = join(path.resolve(process.cwd(), '../shared/data/real'), 'consbio-mbtileserver/geography-class-png.mbtiles');
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/print-basemaps-${name}.png` });

async function openPrint(page: Page) {
  await page.getByTestId('print-button').click();
  await expect(page.getByTestId('print-dialog')).toBeVisible();
  await expect(page.getByTestId('print-preview-svg')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('print-busy')).toHaveCount(0, { timeout: 60_000 });
}

async function closePrint(page: Page) {
  await page.getByTestId('print-close').click();
  await expect(page.getByTestId('print-dialog')).toBeHidden();
}

test('print dialog: choose the base maps printed under the sheet', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => void d.accept());
  mkdirSync(SHOTS, { recursive: true });
  await openDemo(page, 'Trần Văn In');
  const rows = page.getByTestId('basemap-row');
  await expect(rows).toHaveCount(0);

  // No base map yet: a hint instead of a list, and the preview has no raster.
  await openPrint(page);
  const section = page.getByTestId('print-basemaps');
  await expect(section).toContainText('Bản đồ nền');
  await expect(page.getByTestId('print-basemaps-empty')).toContainText('+ Thêm…');
  await expect(page.getByTestId('print-basemap')).toHaveCount(0);
  await expect(page.getByTestId('print-preview-svg').locator('image')).toHaveCount(0);
  await shot(page, '01-none-in-project');
  await closePrint(page);

  // The raster MBTiles through the layer panel's file chooser (uploaded to main, copied into the project).
  await page.getByTestId('basemap-file').setInputFiles(MBTILES);
  await expect(rows).toHaveCount(1, { timeout: 30_000 });
  await expect(rows.getByTestId('basemap-name')).toHaveText('Geography Class');
  await expect(rows).toHaveAttribute('data-visible', 'true');

  try {
    // Listed and ticked (visible in the layer panel); its pixels lie in the map frame's clip.
    await openPrint(page);
    const item = page.getByTestId('print-basemap');
    await expect(item).toHaveCount(1);
    await expect(item.getByTestId('print-basemap-name')).toHaveText('Geography Class');
    await expect(item).toContainText('MBTiles');
    await expect(item.getByTestId('print-basemap-check')).toBeChecked();
    const svg = page.getByTestId('print-preview-svg');
    const framed = svg.locator('g[clip-path] image[data-role="map"]');
    await expect.poll(() => framed.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect(svg.locator('text[data-role="note"]').filter({ hasText: 'Geography Class' })).not.toHaveCount(0);
    // The image really is drawn over the frame's area on screen, not somewhere off the sheet.
    const img = (await framed.first().boundingBox())!;
    const page_ = (await svg.boundingBox())!;
    expect(img.width * img.height).toBeGreaterThan(0.05 * page_.width * page_.height);
    await shot(page, '02-ticked');

    // Unticked: the preview is recomposed without it.
    await item.getByTestId('print-basemap-check').uncheck();
    await expect(svg.locator('image')).toHaveCount(0, { timeout: 60_000 });
    await expect(page.getByTestId('print-busy')).toHaveCount(0, { timeout: 60_000 });
    await expect(svg.locator('text[data-role="note"]').filter({ hasText: 'Geography Class' })).toHaveCount(0);
    await expect(page.getByTestId('print-basemaps-hint')).toHaveText('Không in bản đồ nền nào.');
    await shot(page, '03-unticked');

    // A layout saved without base maps keeps that choice (not the layer panel's default).
    await page.getByTestId('print-layout-name').fill('Không bản đồ nền');
    await page.getByTestId('print-layout-save').click();
    await expect(page.getByTestId('print-layouts').locator('option', { hasText: 'Không bản đồ nền' })).toHaveCount(1);
    await closePrint(page);
    // Opened again: back to the layer panel's choice; while the raster is warped the preview says so.
    await page.getByTestId('print-button').click();
    const busy = page.getByTestId('print-busy');
    if (await busy.isVisible()) await shot(page, '05-busy-warping');
    await expect(busy).toHaveCount(0, { timeout: 60_000 });
    await expect(page.getByTestId('print-basemap-check')).toBeChecked();
    await expect.poll(() => svg.locator('image').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.getByTestId('print-layouts').selectOption({ label: 'Không bản đồ nền' });
    await expect(page.getByTestId('print-basemap-check')).not.toBeChecked();
    await expect(svg.locator('image')).toHaveCount(0, { timeout: 60_000 });
    await shot(page, '04-layout-without');
    await page.getByRole('button', { name: 'Xóa bố cục' }).click();
    await expect(page.getByTestId('print-layouts').locator('option', { hasText: 'Không bản đồ nền' })).toHaveCount(0);
    await closePrint(page);
  } finally {
    // Leave the demo project as it was found.
    if (await page.getByTestId('print-dialog').isVisible()) await closePrint(page);
    while ((await rows.count()) > 0) {
      const n = await rows.count();
      await rows.first().getByTestId('basemap-remove').click();
      await expect(rows).toHaveCount(n - 1);
    }
  }
  expect(errors).toEqual([]);
});
