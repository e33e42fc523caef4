// Offline base maps in browser mode: add the raster MBTiles, see its pixels under the communes (the
// colour GDAL reads at Krông Nô in the same file), change opacity and visibility, reload and find
// them saved; a GeoTIFF COG in a TM-3 zone with no EPSG code (made by gdalwarp from the same map)
// shows the same colour; a GeoTIFF without CRS asks for one. Everything added is removed at the end.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path, { join } from 'node:path';
import { decode } from 'fast-png';
import type { Page } from '@playwright/test';
import { expect, openDemo, test, TOKEN } from './support';

const SHOTS = 'test-results/screenshots';
const REAL = path.resolve(process.cwd(), '../shared/data/real');
const MBTILES = join(REAL, 'consbio-mbtileserver/geography-class-png.mbtiles');
const TM3 =
  '+proj=tmerc +lat_0=0 +lon_0=108.5 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278 +units=m +no_defs';

test.describe.configure({ mode: 'serial' });

type RGB = [number, number, number];

/** The map's pixel at a fraction of its width and height, from a real screenshot. */
async function pixel(page: Page, fx = 0.5, fy = 0.5, name?: string): Promise<RGB> {
  const png = await page.getByTestId('map').screenshot(name ? { path: `${SHOTS}/basemaps-${name}.png` } : {});
  const img = decode(png);
  const x = Math.floor(img.width * fx);
  const y = Math.floor(img.height * fy);
  const i = (y * img.width + x) * img.channels;
  return [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
}

const near = (a: RGB, b: RGB, tol: number) => a.every((v, i) => Math.abs(v - b[i]!) <= tol);

async function setVectorLayers(page: Page, visible: boolean) {
  const boxes = page.getByTestId('layer-visible');
  for (let i = 0; i < (await boxes.count()); i++) {
    const b = boxes.nth(i);
    if ((await b.isChecked()) !== visible) await b.click();
  }
}

/** Only the base map of that name is shown. */
async function showOnly(page: Page, name: string) {
  const rows = page.getByTestId('basemap-row');
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const box = row.getByTestId('basemap-visible');
    const want = (await row.getByTestId('basemap-name').innerText()) === name;
    if ((await box.isChecked()) !== want) await box.click();
    await expect(row).toHaveAttribute('data-visible', want ? 'true' : 'false');
  }
}

/** The colour GDAL reads in the MBTiles at Krông Nô (107.85 E, 12.40 N). */
function gdalColourAtKrongNo(): RGB {
  const out = execFileSync('gdallocationinfo', ['-valonly', '-wgs84', MBTILES, '107.85', '12.4'], { encoding: 'utf8' });
  const v = out.trim().split('\n').map(Number);
  return [v[0]!, v[1]!, v[2]!];
}

test('base maps: add MBTiles and GeoTIFF, see their pixels, opacity, visibility, saved across a reload', async ({ page }, testInfo) => {
  // Six files added, a reload and GDAL runs: on a loaded two-core machine this outlasts the default 90 s.
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  mkdirSync(SHOTS, { recursive: true });
  await openDemo(page, 'Nguyễn Văn Nền');
  const panel = page.getByTestId('basemap-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('basemap-row')).toHaveCount(0);
  await expect(page.getByTestId('basemap-online-toggle')).not.toBeChecked();

  const expected = gdalColourAtKrongNo();
  await setVectorLayers(page, false);
  const blank = await pixel(page, 0.5, 0.5, '00-blank');
  expect(near(blank, expected, 30), `background ${blank} already looks like the base map ${expected}`).toBe(false);

  // Add the MBTiles through the file chooser (uploaded to main, copied into the project).
  await page.getByTestId('basemap-file').setInputFiles(MBTILES);
  const row = page.getByTestId('basemap-row');
  await expect(row).toHaveCount(1, { timeout: 30_000 });
  await expect(row.getByTestId('basemap-name')).toHaveText('Geography Class');
  await expect.poll(async () => near(await pixel(page), expected, 30), { timeout: 20_000 }).toBe(true);
  await pixel(page, 0.5, 0.5, '01-mbtiles-alone');
  await setVectorLayers(page, true);
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${SHOTS}/basemaps-02-under-communes.png` });

  // Opacity 0 and back; visibility off.
  await setVectorLayers(page, false);
  await row.getByTestId('basemap-opacity').fill('0');
  await expect.poll(async () => near(await pixel(page), blank, 6), { timeout: 10_000 }).toBe(true);
  await row.getByTestId('basemap-opacity').fill('50');
  await expect.poll(async () => {
    const p = await pixel(page);
    return !near(p, blank, 6) && !near(p, expected, 6);
  }).toBe(true);
  await row.getByTestId('basemap-visible').uncheck();
  await expect.poll(async () => near(await pixel(page), blank, 6), { timeout: 10_000 }).toBe(true);

  // Reload: the base map, its visibility and opacity come back from the project file.
  await page.reload();
  await openDemo(page, 'Nguyễn Văn Nền');
  const again = page.getByTestId('basemap-row');
  await expect(again).toHaveCount(1);
  await expect(again).toHaveAttribute('data-visible', 'false');
  await expect(again.getByTestId('basemap-opacity')).toHaveValue('50');
  await again.getByTestId('basemap-visible').check();
  await again.getByTestId('basemap-opacity').fill('100');
  await setVectorLayers(page, false);
  await expect.poll(async () => near(await pixel(page), expected, 30), { timeout: 20_000 }).toBe(true);

  // A GeoTIFF COG in Đắk Nông's TM-3 zone with no EPSG code, warped by GDAL from the same map.
  const dir = testInfo.outputPath('tif');
  mkdirSync(dir, { recursive: true });
  const cog = join(dir, 'krong-no-tm3-cog.tif');
  execFileSync('gdalwarp', ['-q', '-overwrite', '-t_srs', TM3, '-te', '380000', '1330000', '460000', '1410000', '-tr', '250', '250', '-of', 'COG', MBTILES, cog]);
  await page.getByTestId('basemap-file').setInputFiles(cog);
  await expect(page.getByTestId('basemap-row')).toHaveCount(2, { timeout: 30_000 });
  const tifRow = page.getByTestId('basemap-row').first();
  await expect(tifRow.getByTestId('basemap-name')).toHaveText('krong-no-tm3-cog');
  // Only the GeoTIFF shown: same colour at Krông Nô.
  await page.getByTestId('basemap-row').nth(1).getByTestId('basemap-visible').uncheck();
  await expect.poll(async () => near(await pixel(page), expected, 30), { timeout: 30_000 }).toBe(true);
  await pixel(page, 0.5, 0.5, '03-geotiff-tm3');
  // Its blocks (LZW: gdalwarp's COG default) were decoded in the app's own worker, off the page's thread.
  const decodedInWorker = async () => {
    const w = page.workers().find((x) => x.url().includes('geotiff-decoder'));
    return w ? ((await w.evaluate('globalThis.decodedBlocks')) as number) : 0;
  };
  await expect.poll(decodedInWorker, { timeout: 10_000 }).toBeGreaterThan(0);

  // The same map as a palette (indexed-colour) GeoTIFF, as scanned sheets often are, and as one grey
  // band stretched by the value range main measured when it was added.
  const rgba = join(dir, 'rgba.tif');
  execFileSync('gdalwarp', ['-q', '-overwrite', '-t_srs', TM3, '-te', '380000', '1330000', '460000', '1410000', '-tr', '250', '250', MBTILES, rgba]);
  const pal = join(dir, 'krong-no-palette.tif');
  execFileSync('rgb2pct.py', [rgba, pal], { stdio: 'ignore' });
  const index = Number(execFileSync('gdallocationinfo', ['-valonly', '-wgs84', pal, '107.85', '12.4'], { encoding: 'utf8' }).trim());
  const entry = JSON.parse(execFileSync('gdalinfo', ['-json', pal], { encoding: 'utf8' })).bands[0].colorTable.entries[index] as number[];
  await page.getByTestId('basemap-file').setInputFiles(pal);
  await expect(page.getByTestId('basemap-row')).toHaveCount(3, { timeout: 30_000 });
  await showOnly(page, 'krong-no-palette');
  await expect.poll(async () => near(await pixel(page), [entry[0]!, entry[1]!, entry[2]!], 12), { timeout: 30_000 }).toBe(true);
  await pixel(page, 0.5, 0.5, '03b-geotiff-palette');

  const grey = join(dir, 'krong-no-grey.tif');
  execFileSync('gdal_translate', ['-q', '-b', '1', rgba, grey]);
  await page.getByTestId('basemap-file').setInputFiles(grey);
  await expect(page.getByTestId('basemap-row')).toHaveCount(4, { timeout: 30_000 });
  await showOnly(page, 'krong-no-grey');
  const value = Number(execFileSync('gdallocationinfo', ['-valonly', '-wgs84', grey, '107.85', '12.4'], { encoding: 'utf8' }).trim());
  const listed = await page.request.post('/rpc/basemaps.list', { headers: { Authorization: `Bearer ${TOKEN}` }, data: {} });
  const body = (await listed.json()) as { result: { items: { name: string; stats: { min: number[]; max: number[] } | null }[] } };
  const stats = body.result.items.find((x) => x.name === 'krong-no-grey')!.stats!;
  const g = Math.round(((value - stats.min[0]!) / (stats.max[0]! - stats.min[0]!)) * 255);
  await expect.poll(async () => near(await pixel(page), [g, g, g], 12), { timeout: 30_000 }).toBe(true);
  await pixel(page, 0.5, 0.5, '03c-geotiff-grey');

  // A GeoTIFF with no CRS: the user is asked, and must choose.
  const nocrs = join(dir, 'no-crs.tif');
  execFileSync('gdal_translate', ['-q', '-projwin', '107.5', '12.7', '108.2', '12.0', join(REAL, 'rasterio-rasterio/world.byte.tif'), nocrs]);
  execFileSync('gdal_edit.py', ['-a_srs', '', nocrs]);
  await page.getByTestId('basemap-file').setInputFiles(nocrs);
  const dlg = page.getByTestId('basemap-crs-dialog');
  await expect(dlg).toBeVisible({ timeout: 20_000 });
  await expect(dlg).toContainText('Hãy chọn hệ tọa độ');
  await page.screenshot({ path: `${SHOTS}/basemaps-04-choose-crs.png` });
  await expect(page.getByTestId('basemap-crs-ok')).toBeDisabled();
  await page.getByTestId('basemap-crs-select').selectOption('EPSG:4326');
  await page.getByTestId('basemap-crs-ok').click();
  await expect(page.getByTestId('basemap-row')).toHaveCount(5, { timeout: 30_000 });

  // Leave the demo project as it was found (other specs share it).
  await expect(page.getByTestId('basemap-busy')).toHaveCount(0);
  page.on('dialog', (d) => void d.accept());
  await setVectorLayers(page, true);
  for (let n = 5; n > 0; n--) {
    await page.getByTestId('basemap-row').first().getByTestId('basemap-remove').click();
    await expect(page.getByTestId('basemap-row')).toHaveCount(n - 1);
  }
  expect(errors).toEqual([]);
});

test('the online layer: off by default, fetched through main, says so when the server is gone', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openDemo(page, 'Nguyễn Văn Nền');
  // A tile server on this machine stands in for the internet (there is none here).
  const png = execFileSync('python3', ['-c', `import sqlite3,sys;sys.stdout.buffer.write(sqlite3.connect('file:${MBTILES}?mode=ro',uri=True).execute('select tile_data from tiles where zoom_level=0').fetchone()[0])`]);
  let served = 0;
  const server = createServer((_req, res) => {
    served++;
    res.writeHead(200, { 'Content-Type': 'image/png' }).end(png);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  try {
    const toggle = page.getByTestId('basemap-online-toggle');
    await expect(toggle).not.toBeChecked();
    await toggle.click(); // opens the dialog; checked only once saved
    const dlg = page.getByTestId('basemap-online-dialog');
    await expect(dlg).toBeVisible();
    await expect(page.getByTestId('basemap-online-url')).toHaveValue('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    await page.getByTestId('basemap-online-url').fill(`http://127.0.0.1:${port}/{z}/{x}/{y}.png`);
    await page.getByTestId('basemap-online-save').click();
    await expect(dlg).toBeHidden();
    await expect(page.getByTestId('basemap-online-toggle')).toBeChecked();
    await expect.poll(() => served, { timeout: 20_000 }).toBeGreaterThan(0);
    await expect(page.locator('.ol-attribution')).toContainText('OpenStreetMap');
    await page.getByTestId('map').screenshot({ path: `${SHOTS}/basemaps-05-online.png` });
  } finally {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
  // The hall loses the internet: new tiles fail, the status says why, the rest works.
  await page.getByTestId('map').click({ position: { x: 30, y: 300 } });
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect(page.getByTestId('basemap-online-status')).toContainText('Không kết nối được máy chủ bản đồ', { timeout: 30_000 });
  await page.getByTestId('layer-panel').screenshot({ path: `${SHOTS}/basemaps-06-offline-status.png` });
  await page.getByTestId('basemap-online-toggle').click();
  await expect(page.getByTestId('basemap-online-toggle')).not.toBeChecked();
  await expect(page.getByTestId('basemap-online-status')).toHaveCount(0);
  await expect(page.locator('.ol-attribution')).toHaveCount(0);
  expect(errors).toEqual([]);
});
