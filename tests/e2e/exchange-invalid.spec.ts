// More invalid geometries than one page: the wizard shows the full count, pages through the rows
// (past the preview's first 500, through exchange.invalid), downloads the whole list as CSV, and
// the repair offer names them all.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openDemo, test } from './support';

test('invalid geometries: full count, pages, CSV of all, repair of all', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openDemo(page, 'Phạm Thị Thu');
  const dir = testInfo.outputPath('in');
  mkdirSync(dir, { recursive: true });
  const N = 520;
  const features = Array.from({ length: N }, (_, i) => {
    const x = 107.7 + (i % 100) * 0.002;
    const y = 12.3 + Math.floor(i / 100) * 0.002;
    return { type: 'Feature', properties: { name: `Nơ ${i + 1}` }, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.001, y + 0.001], [x + 0.001, y], [x, y + 0.001], [x, y]]] } };
  });
  const file = join(dir, 'vung-no.geojson');
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));

  await page.getByTestId('exchange-button').click();
  await page.getByTestId('exchange-file-input').setInputFiles(file);
  const warn = page.getByTestId('exchange-invalid');
  await expect(warn).toContainText('520 hình học không hợp lệ');
  await expect(page.getByTestId('exchange-target')).toHaveValue('search_areas'); // the wizard's guess for polygons
  await expect(page.getByTestId('exchange-invalid-page')).toHaveText('1–50 trong 520');
  for (let i = 0; i < 10; i++) await page.getByTestId('exchange-invalid-next').click();
  await expect(page.getByTestId('exchange-invalid-page')).toHaveText('501–520 trong 520');
  await expect(page.getByTestId('exchange-invalid-list')).toContainText('Dòng 520');
  await expect(page.getByTestId('exchange-invalid-next')).toBeDisabled();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('exchange-invalid-download').click()]);
  const csv = join(dir, 'invalid.csv');
  await download.saveAs(csv);
  const lines = readFileSync(csv, 'utf8').trim().split(/\r\n/);
  expect(lines).toHaveLength(N + 1);
  expect(lines[N]).toMatch(/^520,"Self-intersection/);
  await expect(warn).toContainText('Sửa cả 520 hình học không hợp lệ');
  await page.getByTestId('exchange-close').click();
  expect(errors).toEqual([]);
});
