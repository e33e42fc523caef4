// The exchange dialog in browser mode: upload a commune's CSV of VN-2000 X/Y, see its CRS guessed
// from the values and the project's zone, its X/Y and points on a small map, map the fields, import
// with a progress bar; a GPX next says its CRS is fixed and nothing carries over but the target
// layer; the same CSV again is found already in the project; then export to KML and download it;
// the export is read back by GDAL.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

import { expect, openDemo, reviewPackage, test, TOKEN } from './support';
const SHOTS = 'test-results/screenshots';
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/exchange-${name}.png` });

test.describe.configure({ mode: 'serial' });

test('import a CSV of GPS points and export KML', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openDemo(page, 'Phạm Thị Thu');

  // A table of points as the commune brings it: X = northing, Y = easting in VN-2000 TM-3 108°30′.
  const dir = testInfo.outputPath('in');
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, 'diem-thong-tin-dak-dro.csv');
  writeFileSync(csv, 'Tên,X,Y,Ghi chú\nNơi hy sinh đồi 722,1371250.5,431020.2,Theo lời kể ông Y Blốc\nTrạm phẫu cũ,1371530.0,431480.7,Bệnh xá tiểu đoàn\n');

  await page.getByTestId('exchange-button').click();
  const dlg = page.getByTestId('exchange-dialog');
  await expect(dlg).toBeVisible();
  await page.getByTestId('exchange-file-input').setInputFiles(csv);
  const preview = page.getByTestId('exchange-preview');
  await expect(page.getByTestId('exchange-count')).toContainText('2');
  await expect(page.getByTestId('exchange-sample')).toContainText('Nơi hy sinh đồi 722');
  // No CRS in a CSV, but metres that fall in the project in its zone: guessed, and said to be a guess.
  await expect(page.getByTestId('exchange-crs-guess')).toContainText('VN-2000 / TM-3');
  await expect(page.getByTestId('exchange-crs-detected')).toHaveAttribute('data-how', 'guessed');
  // The X/Y columns are shown with the rows, and the points on the small map over the communes.
  await expect(page.getByTestId('exchange-sample')).toContainText('X · X');
  await expect(page.getByTestId('exchange-sample')).toContainText('1371250.5');
  await expect(page.getByTestId('exchange-minimap')).toHaveAttribute('data-points', '2');
  await expect(page.getByTestId('exchange-north')).toHaveValue('X');
  await expect(page.getByTestId('exchange-run')).toBeEnabled();
  await page.getByTestId('exchange-target').selectOption('info_points');
  await page.getByTestId('exchange-map-name').selectOption('Tên');
  await page.getByTestId('exchange-map-description').selectOption('Ghi chú');
  await page.getByTestId('exchange-default-kind').selectOption('death_or_battle');
  await shot(page, '01-import-preview');
  await page.getByTestId('exchange-run').click();
  await expect(page.getByTestId('exchange-progress')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await shot(page, '02-import-done');
  expect(await preview.isVisible()).toBe(true);

  // A GPX next: its CRS is the format's (WGS 84), the choice is locked, and nothing of the CSV's
  // CRS carries over; the target layer chosen stays for the session.
  await page.getByTestId('exchange-crs').selectOption('EPSG:5899');
  const gpx = join(dir, 'diem-gps.gpx');
  writeFileSync(gpx, '<?xml version="1.0"?><gpx version="1.1" creator="e2e" xmlns="http://www.topografix.com/GPX/1/1"><wpt lat="12.4012" lon="107.8523"><name>Mộ mới</name></wpt></gpx>');
  await page.getByTestId('exchange-file-input').setInputFiles(gpx);
  await expect(page.getByTestId('exchange-crs-fixed')).toContainText('WGS 84');
  await expect(page.getByTestId('exchange-crs')).toBeDisabled();
  await expect(page.getByTestId('exchange-crs')).toHaveValue('');
  await expect(page.getByTestId('exchange-target')).toHaveValue('info_points');
  await page.getByTestId('exchange-target').selectOption('graves');
  await shot(page, '02b-gpx-fixed-crs');

  // The same CSV again (uploaded under a new name): the target stays graves; in information points its two rows are already there.
  await page.getByTestId('exchange-file-input').setInputFiles(csv);
  await expect(page.getByTestId('exchange-target')).toHaveValue('graves');
  await expect(page.getByTestId('exchange-crs')).toHaveValue('');
  await page.getByTestId('exchange-target').selectOption('info_points');
  await page.getByTestId('exchange-map-name').selectOption('Tên');
  await page.getByTestId('exchange-map-description').selectOption('Ghi chú');
  await expect(page.getByTestId('exchange-default-kind')).toHaveValue('death_or_battle');
  await expect(page.getByTestId('exchange-duplicates')).toContainText('2 đối tượng đã có trong dự án');
  await expect(page.getByTestId('exchange-dup-skip')).toBeChecked();
  await expect(page.getByTestId('exchange-run')).toBeDisabled();
  await page.getByTestId('exchange-dup-import').check();
  await expect(page.getByTestId('exchange-run')).toBeEnabled();
  await shot(page, '02c-duplicates');

  // Export the information points to KML, download it, read it back with GDAL.
  await page.getByTestId('exchange-tab-export').click();
  await page.getByTestId('exchange-format-kml').check();
  await page.getByTestId('exchange-export').getByLabel('Điểm thông tin', { exact: true }).check();
  await page.getByTestId('exchange-export-run').click();
  await expect(page.getByTestId('exchange-export-progress')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await shot(page, '03-export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('exchange-export-link').click()]);
  const kml = join(dir, 'out.kml');
  await download.saveAs(kml);
  expect(readFileSync(kml, 'utf8')).toContain('Nơi hy sinh đồi 722');
  const info = execFileSync('ogrinfo', ['-al', '-so', kml], { encoding: 'utf8' });
  expect(info).toMatch(/Feature Count: ([3-9]|\d\d+)/);

  // Commune packages tab renders with the project's communes.
  await page.getByTestId('exchange-tab-package').click();
  await expect(page.getByTestId('exchange-pkg-commune')).toBeVisible();
  await page.getByTestId('exchange-pkg-make').click();
  await expect(page.getByTestId('exchange-pkg-link')).toContainText('.gpkg');
  await shot(page, '04-packages');
  await page.getByTestId('exchange-close').click();
  await expect(dlg).toBeHidden();
  expect(errors).toEqual([]);
});

test('a commune package edited on both sides shows the conflict side by side, and the choice is merged', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`/#token=${TOKEN}`);
  const rpc = <T = any>(method: string, input: unknown): Promise<T> =>
    page.evaluate(
      async ([m, i, token]) => {
        const r = await fetch(`/rpc/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(i) });
        const b = await r.json();
        if (!r.ok) throw new Error(JSON.stringify(b));
        return b.result;
      },
      [method, input, TOKEN] as const,
    );
  const fetchBase64 = (name: string) =>
    page.evaluate(
      async ([n, token]) => {
        const buf = new Uint8Array(await (await fetch(`/bin/exports/${encodeURIComponent(n)}?token=${token}`)).arrayBuffer());
        let s = '';
        for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode(...buf.subarray(i, i + 0x8000));
        return btoa(s);
      },
      [name, TOKEN] as const,
    );

  // The district's copy: a package of the demo opened as a project, edited there.
  await rpc('session.setOperator', { name: 'Cán bộ huyện' });
  await rpc('project.openDemo', {});
  const area = (await rpc<{ rows: { id: string }[] }>('features.query', { table: 'search_areas', limit: 1 })).rows[0]!;
  const p1 = await rpc<{ fileName: string }>('exchange.packageExport', { communes: null });
  await rpc('exchange.upload', { name: 'ban-sao-huyen.gpkg', dataBase64: await fetchBase64(p1.fileName) });
  await rpc('project.open', { path: 'imports/ban-sao-huyen.gpkg' });
  let row = await rpc<{ meta: { version: number } }>('rows.get', { table: 'search_areas', id: area.id });
  await rpc('edits.apply', { put: [{ table: 'search_areas', id: area.id, baseVersion: row.meta.version, props: { description: 'Theo huyện: đồi phía nam suối Đắk Nang' } }] });
  const p2 = await rpc<{ fileName: string }>('exchange.packageExport', { communes: null });
  await rpc('exchange.upload', { name: 'goi-tu-huyen.gpkg', dataBase64: await fetchBase64(p2.fileName) });

  // The commune's project: the same area edited differently.
  await rpc('session.setOperator', { name: 'Cán bộ xã' });
  await rpc('project.openDemo', {});
  row = await rpc('rows.get', { table: 'search_areas', id: area.id });
  await rpc('edits.apply', { put: [{ table: 'search_areas', id: area.id, baseVersion: row.meta.version, props: { description: 'Theo xã: đồi phía bắc' } }] });

  await reviewPackage(page, 'goi-tu-huyen.gpkg');
  await expect(page.getByTestId('exchange-pkg-summary')).toContainText('1 xung đột');
  const conflict = page.getByTestId('exchange-conflict');
  await expect(conflict).toContainText('Theo xã: đồi phía bắc');
  await expect(conflict).toContainText('Theo huyện: đồi phía nam suối Đắk Nang');
  await expect(page.getByTestId('exchange-pkg-apply')).toBeDisabled();
  await shot(page, '05-package-conflict');
  await conflict.getByText('Bản trong gói').click();
  await page.getByTestId('exchange-pkg-apply').click();
  await expect(page.getByTestId('exchange-pkg-summary')).toContainText('0 thay đổi, 0 xung đột');
  const after = await rpc<{ props: { description: string } }>('rows.get', { table: 'search_areas', id: area.id });
  expect(after.props.description).toBe('Theo huyện: đồi phía nam suối Đắk Nang');
  expect(errors).toEqual([]);
});
