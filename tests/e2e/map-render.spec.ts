// The map as the user sees it at the scales the sheets are printed at: screenshots to compare the
// screen with the sheet's symbology before and after a rendering change (test-results/screenshots/
// map-*.png), and the hover / click answers on a grave, an area and a commune at those scales.
import { decode } from 'fast-png';
import type { Page } from '@playwright/test';
import { expect, openDemo, test } from './support';

const SHOTS = 'test-results/screenshots';
const invoke = <T = any>(page: Page, method: string, input: unknown) =>
  page.evaluate(([m, i]) => (window as any).__quytapMap.api.invoke(m, i), [method, input] as const) as Promise<T>;

/** Centres the map on a coordinate at a scale 1:denominator and waits for a complete frame. */
async function showAt(page: Page, xy: number[], denominator: number) {
  await page.evaluate(
    ([c, d]) =>
      new Promise<void>((resolve) => {
        const m = (window as any).__quytapMap;
        m.view.setCenter(c);
        m.view.setResolution((d as number) * 0.00028);
        m.map.once('rendercomplete', () => resolve());
        m.map.render();
      }),
    [xy, denominator] as const,
  );
  await page.waitForTimeout(300);
}

/** Pixels of two screenshots that differ by more than 64 levels in a channel, and by less. */
function pixelDifference(a: Buffer, b: Buffer): { strong: number; faint: number } {
  const x = decode(a);
  const y = decode(b);
  expect([y.width, y.height]).toEqual([x.width, x.height]);
  let strong = 0;
  let faint = 0;
  for (let i = 0; i < x.data.length; i += x.channels) {
    let m = 0;
    for (let c = 0; c < 3; c++) m = Math.max(m, Math.abs(x.data[i + c]! - y.data[i + c]!));
    if (m > 64) strong++;
    else if (m > 0) faint++;
  }
  return { strong, faint };
}

async function clickAt(page: Page, xy: number[]) {
  const p = await page.evaluate((c) => (window as any).__quytapMap.map.getPixelFromCoordinate(c), xy);
  const box = (await page.getByTestId('map').boundingBox())!;
  await page.mouse.click(box.x + p[0], box.y + p[1]);
}

test('the map at sheet scales: symbols, fills and labels; a click finds what is drawn there', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openDemo(page, 'Kiểm tra bản đồ');
  await expect.poll(() => page.evaluate(() => !!(window as any).__quytapMap)).toBe(true);
  for (const table of ['admin_units', 'search_areas', 'graves']) {
    const row = page.locator(`[data-testid="layer-row"][data-table="${table}"]`);
    await expect.poll(async () => Number(await row.getAttribute('data-feature-count')), { timeout: 30_000 }).toBeGreaterThan(0);
  }
  await page.keyboard.press('Home');
  await page.waitForTimeout(1200);
  await page.getByTestId('map').screenshot({ path: `${SHOTS}/map-01-home.png` });

  const area = (await invoke(page, 'features.query', { table: 'search_areas', filter: { status: 'not_started' }, limit: 1 })).rows[0];
  const ring: number[][] = area.geometry.type === 'MultiPolygon' ? area.geometry.coordinates[0][0] : area.geometry.coordinates[0];
  const cx = ring.reduce((s, p) => s + p[0]!, 0) / ring.length;
  const cy = ring.reduce((s, p) => s + p[1]!, 0) / ring.length;
  await showAt(page, [cx, cy], 25_000);
  await page.getByTestId('map').screenshot({ path: `${SHOTS}/map-02-25000.png` });
  await showAt(page, [cx, cy], 10_000);
  await page.getByTestId('map').screenshot({ path: `${SHOTS}/map-03-10000.png` });

  const grave = (await invoke(page, 'features.query', { table: 'graves', filter: { kind: 'newly_found' }, limit: 1 })).rows[0];
  await showAt(page, grave.geometry.coordinates, 4_000);
  await page.getByTestId('map').screenshot({ path: `${SHOTS}/map-04-4000-graves.png` });
  await page.keyboard.press('Escape');
  await clickAt(page, grave.geometry.coordinates);
  const panel = page.getByTestId('feature-panel');
  await expect(panel).toHaveAttribute('data-table', 'graves');
  await expect(panel).toHaveAttribute('data-id', grave.id);
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
});

test("tiles drawn from the read's rows are the tiles its features draw", async ({ page }) => {
  await openDemo(page, 'Kiểm tra bản đồ');
  for (const table of ['admin_units', 'search_areas', 'graves', 'cemeteries']) {
    const row = page.locator(`[data-testid="layer-row"][data-table="${table}"]`);
    await expect.poll(async () => Number(await row.getAttribute('data-feature-count')), { timeout: 30_000 }).toBeGreaterThan(0);
  }
  const frame = () =>
    page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const m = (window as any).__quytapMap;
          m.map.once('rendercomplete', () => resolve());
          m.map.render();
        }),
    );
  const area = (await invoke(page, 'features.query', { table: 'search_areas', limit: 1 })).rows[0];
  const ring: number[][] = area.geometry.type === 'MultiPolygon' ? area.geometry.coordinates[0][0] : area.geometry.coordinates[0];
  for (const denominator of [50_000, 10_000]) {
    await showAt(page, ring[0]!, denominator);
    // The first picture came from the rows; every tiled layer still draws from them.
    const fromRows = await page.evaluate(() => [...(window as any).__quytapMap.tables.values()].filter((t: any) => t.geom.getRows).map((t: any) => t.geom.getRows() !== null));
    expect(fromRows.every(Boolean)).toBe(true);
    const before = await page.getByTestId('map').screenshot();
    await page.evaluate(() => {
      for (const t of (window as any).__quytapMap.tables.values())
        if (t.geom.getRows) {
          t.geom.dropRows();
          t.geom.redrawAll();
        }
    });
    await frame();
    await page.waitForTimeout(300);
    const after = await page.getByTestId('map').screenshot();
    expect(after.equals(before), `1:${denominator}: the features drew other pixels than the rows`).toBe(true);
    // Each tile looks around itself only as far as its table's symbols and strokes reach
    // (drawingReachPx): looking 200 px around must not change a pixel (no symbol cut at a tile edge).
    await page.evaluate(() => {
      for (const t of (window as any).__quytapMap.tables.values())
        if (t.geom.getRows) {
          t.geom.bufferPx = 200;
          t.geom.redrawAll();
        }
    });
    await frame();
    await page.waitForTimeout(300);
    const wide = await page.getByTestId('map').screenshot();
    // Only anti-aliasing may differ (areas of one look share paths differently when a tile takes in
    // more of them); a cut symbol or stroke would leave whole pixels of another colour.
    const d = pixelDifference(before, wide);
    expect(d.strong, `1:${denominator}: a symbol or stroke reaches beyond the tiles' margin`).toBe(0);
    expect(d.faint).toBeLessThan(1000);
    // The next read brings rows again.
    await page.evaluate(() => (window as any).__quytapMap.refresh());
    await expect.poll(() => page.evaluate(() => [...(window as any).__quytapMap.tables.values()].every((t: any) => !t.geom.getRows || t.geom.getRows() !== null))).toBe(true);
  }
});
