// The exchange dialog with what communes bring besides GIS files: an Excel workbook (written by GDAL
// here, `ogr2ogr -f XLSX`), read through the sheet and header-row choices; and a commune package in
// which a feature deleted here was edited there, decided in the review.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openDemo, reviewPackage, test, TOKEN } from './support';

const SHOTS = 'test-results/screenshots';
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/exchange-sheets-${name}.png` });

test.describe.configure({ mode: 'serial' });

function rpcOf(page: Page) {
  return <T = any>(method: string, input: unknown): Promise<T> =>
    page.evaluate(
      async ([m, i, token]) => {
        const r = await fetch(`/rpc/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(i) });
        const b = await r.json();
        if (!r.ok) throw new Error(JSON.stringify(b));
        return b.result;
      },
      [method, input, TOKEN] as const,
    );
}

test('import graves from an Excel workbook: the sheet, the header row, X = northing', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openDemo(page, 'Phạm Thị Thu');
  const dir = testInfo.outputPath('in');
  mkdirSync(dir, { recursive: true });
  const csv = join(dir, 'mo.csv');
  writeFileSync(csv, 'Tên mộ,X,Y,Ghi chú\nMộ đồi 722 (bảng tính),1371250.5,431020.2,Theo lời kể ông Y Blốc\nMộ suối Đắk Nang (bảng tính),1371530.25,431480.75,Gia đình chỉ chỗ\n');
  const xlsx = join(dir, 'mo-lieu-si-dak-dro.xlsx');
  execFileSync('ogr2ogr', ['-f', 'XLSX', xlsx, csv, '-oo', 'AUTODETECT_TYPE=YES', '-nln', 'Mộ Đắk Drô']);

  await page.getByTestId('exchange-button').click();
  await page.getByTestId('exchange-file-input').setInputFiles(xlsx);
  await expect(page.getByTestId('exchange-count')).toContainText('2');
  await expect(page.getByTestId('exchange-sample')).toContainText('Mộ đồi 722 (bảng tính)');
  await expect(page.getByTestId('exchange-header-row')).toBeVisible();
  await page.getByTestId('exchange-header-row').fill('1');
  await page.getByTestId('exchange-crs').selectOption('EPSG:9218');
  await page.getByTestId('exchange-target').selectOption('graves');
  await page.getByTestId('exchange-map-name').selectOption('Tên mộ');
  await page.getByTestId('exchange-map-description').selectOption('Ghi chú');
  await page.getByTestId('exchange-default-kind').selectOption('newly_found');
  await page.getByTestId('exchange-default-verification').selectOption('not_verified');
  await shot(page, '01-xlsx-preview');
  await page.getByTestId('exchange-run').click();
  await expect(page.getByTestId('exchange-progress')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });

  const rpc = rpcOf(page);
  const rows = (await rpc<{ rows: { props: { name: string }; geometry: { coordinates: number[] } }[] }>('features.query', { table: 'graves', limit: 100_000 })).rows;
  const a = rows.find((r) => r.props.name === 'Mộ suối Đắk Nang (bảng tính)');
  expect(a?.geometry.coordinates).toEqual([431480.75, 1371530.25]);
  await page.getByTestId('exchange-close').click();
  expect(errors).toEqual([]);
});

test('a feature deleted here and edited in the package: keep the edited feature restores it', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`/#token=${TOKEN}`);
  const rpc = rpcOf(page);
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

  // The district's copy edits an area; the commune deletes the same area.
  await rpc('session.setOperator', { name: 'Cán bộ huyện' });
  await rpc('project.openDemo', {});
  const areas = (await rpc<{ rows: { id: string; meta: { version: number } }[] }>('features.query', { table: 'search_areas', limit: 100_000 })).rows;
  const area = areas[areas.length - 1]!;
  const p1 = await rpc<{ fileName: string }>('exchange.packageExport', { communes: null });
  await rpc('exchange.upload', { name: 'ban-sao-huyen-2.gpkg', dataBase64: await fetchBase64(p1.fileName) });
  await rpc('project.open', { path: 'imports/ban-sao-huyen-2.gpkg' });
  const theirs = await rpc<{ meta: { version: number } }>('rows.get', { table: 'search_areas', id: area.id });
  await rpc('edits.apply', { put: [{ table: 'search_areas', id: area.id, baseVersion: theirs.meta.version, props: { description: 'Huyện: khu vực còn, không được xoá' } }] });
  const p2 = await rpc<{ fileName: string }>('exchange.packageExport', { communes: null });
  await rpc('exchange.upload', { name: 'goi-huyen-sua.gpkg', dataBase64: await fetchBase64(p2.fileName) });

  await rpc('session.setOperator', { name: 'Cán bộ xã' });
  await rpc('project.openDemo', {});
  const ours = await rpc<{ meta: { version: number } }>('rows.get', { table: 'search_areas', id: area.id });
  await rpc('edits.apply', { remove: [{ table: 'search_areas', id: area.id, baseVersion: ours.meta.version }] });

  await reviewPackage(page, 'goi-huyen-sua.gpkg');
  await expect(page.getByTestId('exchange-pkg-summary')).toContainText('1 xung đột');
  const conflict = page.getByTestId('exchange-conflict');
  await expect(conflict).toContainText('(đã xóa)');
  await expect(conflict).toContainText('Giữ việc xoá');
  await expect(conflict).toContainText('Huyện: khu vực còn, không được xoá');
  await expect(conflict.getByTestId('exchange-conflict-theirs')).toBeEnabled();
  await shot(page, '02-deleted-vs-edited');
  await conflict.getByText('Giữ đối tượng đã sửa (khôi phục nó)').click();
  await page.getByTestId('exchange-pkg-apply').click();
  await expect(page.getByTestId('exchange-pkg-summary')).toContainText('0 thay đổi, 0 xung đột');
  const after = await rpc<{ props: { description: string }; meta: { deleted: boolean } }>('rows.get', { table: 'search_areas', id: area.id });
  expect(after).toMatchObject({ props: { description: 'Huyện: khu vực còn, không được xoá' }, meta: { deleted: false } });
  expect(errors).toEqual([]);
});
