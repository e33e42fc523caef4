// Drafting, as a new commune staff member would do it at the district hall: choose the commune,
// draw a search area with a hole snapped to the commune boundary, fill its form, place graves by
// typed coordinates, link a grave to its records, undo/redo, reload, read the history; a form with
// a missing required field is refused; two windows editing the same feature → the second is a conflict.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support';
import { formatMgrs, toWgs84, type LonLat } from '../../src/shared/crs';

const TOKEN = 'e2e-secret-token';
const SHOTS = 'test-results/screenshots';
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/drafting-${name}.png` });

type Geo = { type: string; coordinates: any };
type RowLike = { id: string; geometry: Geo | null; props: Record<string, any>; meta: { version: number } };

/** Calls the contract from the page (the same client the UI uses). */
async function call<T = any>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(([m, i]) => (window as any).__quytapMap.api.invoke(m, i), [method, input] as const) as Promise<T>;
}

async function openDemo(page: Page) {
  await page.goto(`/#token=${TOKEN}`);
  const demo = page.getByTestId('open-demo');
  const ws = page.getByTestId('workspace');
  await expect(demo.or(ws)).toBeVisible({ timeout: 60_000 });
  if (await demo.isVisible()) {
    await expect(page.getByTestId('start-screen').getByRole('heading', { name: 'Bắt đầu' })).toBeVisible();
    await demo.click();
  }
  const op = page.getByTestId('operator-dialog');
  // The operator dialog opens over the workspace when nobody is named yet.
  await expect(ws).toBeVisible({ timeout: 60_000 });
  await expect(op.or(page.getByTestId('operator-button').filter({ hasNotText: 'Chưa nhập' }))).toBeVisible();
  if (await op.isVisible()) {
    await page.getByTestId('operator-name').fill('Y Bhin Niê');
    await page.getByTestId('operator-save').click();
  }
  await expect(ws).toBeVisible();
  // Another spec may have left a different project open on the server: go back to the demo.
  if (!(await page.getByTestId('project-title').innerText()).includes('MINH HỌA')) {
    await page.getByTestId('close-project').click();
    await page.getByTestId('open-demo').click();
    await expect(page.getByTestId('project-title')).toContainText('MINH HỌA', { timeout: 60_000 });
  }
  await expect.poll(() => page.evaluate(() => !!(window as any).__quytapMap)).toBe(true);
}

/** Pixel (page coordinates) of a working-CRS coordinate. */
async function px(page: Page, xy: number[]): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((c) => (window as any).__quytapMap.map.getPixelFromCoordinate(c), xy);
  const box = (await page.getByTestId('map').boundingBox())!;
  return { x: box.x + p[0], y: box.y + p[1] };
}

const dist = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);
const outerRing = (g: Geo): number[][] => (g.type === 'MultiPolygon' ? g.coordinates[0][0] : g.coordinates[0]);
const ringsOf = (g: Geo): number[][][] => (g.type === 'MultiPolygon' ? g.coordinates[0] : g.coordinates);

test.describe.configure({ mode: 'serial' });

let areaId = '';
let graveId = '';
let commune: RowLike;

test('a commune map is drawn, filled, linked, undone, redone and survives a reload', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openDemo(page);
  const info = await call(page, 'project.info', {});
  const crs: string = info.crs.code;

  // 1. Choose the commune: the map zooms to it and dims the rest.
  const communes = (await call(page, 'features.query', { table: 'admin_units', filter: { level: 'commune' } })).rows as RowLike[];
  commune = communes.find((c) => c.props.name === 'Nâm Nung') ?? communes[0]!;
  await page.getByTestId('commune-select').selectOption({ label: commune.props.name });
  await expect(page.getByTestId('focus-badge')).toContainText(commune.props.name);
  await page.waitForTimeout(700);
  await shot(page, '01-commune-focus');

  // 2. Draw a search area: two of its corners on the commune boundary (clicked 3 px off, snapping
  //    puts them on the boundary vertices), the third inside.
  const ring = outerRing(commune.geometry!);
  const a = ring[0]!;
  let bIdx = 1;
  while (bIdx < ring.length - 1 && dist(ring[bIdx]!, a) < 400) bIdx++;
  const b = ring[bIdx]!;
  const cx = ring.reduce((s, p) => s + p[0]!, 0) / ring.length;
  const cy = ring.reduce((s, p) => s + p[1]!, 0) / ring.length;
  const mid = [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2];
  const toC = [cx - mid[0]!, cy - mid[1]!];
  const len = Math.hypot(toC[0]!, toC[1]!);
  const depth = Math.min(dist(a, b), len * 0.8);
  const inner = [mid[0]! + (toC[0]! / len) * depth, mid[1]! + (toC[1]! / len) * depth];
  await page.evaluate(
    (e) => (window as any).__quytapMap.view.fit(e, { padding: [80, 80, 80, 80] }),
    [Math.min(a[0]!, b[0]!, inner[0]!), Math.min(a[1]!, b[1]!, inner[1]!), Math.max(a[0]!, b[0]!, inner[0]!), Math.max(a[1]!, b[1]!, inner[1]!)],
  );
  await page.waitForTimeout(1200); // the boundary loads for the new extent (snapping needs it)
  await page.getByTestId('map').focus();
  await page.keyboard.press('p');
  await expect(page.getByTestId('tool-polygon')).toHaveAttribute('aria-pressed', 'true');
  const pa = await px(page, a);
  const pb = await px(page, b);
  const pi = await px(page, inner);
  await page.mouse.move(pa.x + 3, pa.y - 2);
  await page.mouse.click(pa.x + 3, pa.y - 2);
  await page.mouse.move(pb.x - 2, pb.y + 3);
  await page.mouse.click(pb.x - 2, pb.y + 3);
  await page.mouse.move(pi.x, pi.y);
  await page.mouse.dblclick(pi.x, pi.y);
  const form = page.getByTestId('attr-form');
  await expect(form).toBeVisible();
  await expect(form).toHaveAttribute('data-table', 'search_areas');
  await shot(page, '02-area-drawn');

  // 3. The status is required: saving without it is refused and names the field.
  await form.getByTestId('form-save').click();
  await expect(page.getByTestId('form-error')).toContainText('Tình trạng');
  await shot(page, '03-required-field');
  await form.getByTestId('field-status').selectOption('not_started');
  await expect(page.getByTestId('form-warnings')).toContainText('số hài cốt ước tính');
  await form.getByTestId('field-code').fill('E2E-KV01');
  await form.getByTestId('field-name').fill('Khu vực đồi Đắk Drô thử nghiệm');
  await form.getByTestId('field-estimated_remains').fill('7');
  await expect(form.getByTestId('field-commune_code')).toHaveValue(commune.props.code);
  await form.getByTestId('form-save').click();
  const panel = page.getByTestId('feature-panel');
  await expect(panel).toHaveAttribute('data-table', 'search_areas');
  await expect(panel).not.toHaveAttribute('data-id', '');
  areaId = (await panel.getAttribute('data-id'))!;
  let area = (await call(page, 'rows.get', { table: 'search_areas', id: areaId })) as RowLike;
  expect(area.props.commune_code).toBe(commune.props.code);
  const outer = outerRing(area.geometry!);
  // Snapped: the first two corners ARE the boundary vertices (not 3 px off).
  expect(Math.min(...outer.map((p) => dist(p, a)))).toBeLessThan(0.001);
  expect(Math.min(...outer.map((p) => dist(p, b)))).toBeLessThan(0.001);

  // 4. A hole in it (H), well inside.
  const ctr = [(a[0]! + b[0]! + inner[0]!) / 3, (a[1]! + b[1]! + inner[1]!) / 3];
  const r = depth * 0.08;
  const hole = [
    [ctr[0]! - r, ctr[1]! - r],
    [ctr[0]! + r, ctr[1]! - r],
    [ctr[0]!, ctr[1]! + r],
  ];
  await page.getByTestId('snap-toggle').uncheck(); // the hole's corners are free, not on anything
  await page.getByTestId('map').focus();
  await page.keyboard.press('h');
  for (const [i, c] of hole.entries()) {
    const p = await px(page, c);
    await page.mouse.move(p.x, p.y);
    if (i < hole.length - 1) await page.mouse.click(p.x, p.y);
    else await page.mouse.dblclick(p.x, p.y);
  }
  await expect.poll(async () => ringsOf(((await call(page, 'rows.get', { table: 'search_areas', id: areaId })) as RowLike).geometry!).length).toBe(2);
  await page.getByTestId('snap-toggle').check();
  await page.waitForTimeout(600);
  await shot(page, '04-area-with-hole');

  // 5. A grave by typed VN-2000 X/Y (X = northing, Y = easting): it lands within 1 cm.
  const gxy = [ctr[0]! + r * 3 + 0.123, ctr[1]! + 0.456];
  await page.keyboard.press('Escape');
  await page.getByTestId('map').focus();
  await page.keyboard.press('k');
  const dlg = page.getByTestId('coords-dialog');
  await expect(dlg).toBeVisible();
  await dlg.getByTestId('coords-text').fill(`X=${gxy[1]!.toFixed(3)} Y=${gxy[0]!.toFixed(3)}`);
  await dlg.getByTestId('coords-target').selectOption('graves');
  await shot(page, '05-coords-dialog');
  await dlg.getByTestId('coords-place').click();
  await expect(form).toHaveAttribute('data-table', 'graves');
  await form.getByTestId('field-kind').selectOption('newly_found');
  await form.getByTestId('field-verification').selectOption('not_verified');
  await form.getByTestId('field-name').fill('Mộ thử nghiệm VN-2000');
  await form.getByTestId('form-save').click();
  await expect(panel).toHaveAttribute('data-table', 'graves');
  await expect(panel).not.toHaveAttribute('data-id', '');
  graveId = (await panel.getAttribute('data-id'))!;
  const grave = (await call(page, 'rows.get', { table: 'graves', id: graveId })) as RowLike;
  expect(dist(grave.geometry!.coordinates, [Number(gxy[0]!.toFixed(3)), Number(gxy[1]!.toFixed(3))])).toBeLessThan(0.01);
  expect(grave.props.commune_code).toBe(commune.props.code);

  // 6. Another by MGRS (WGS 84, 1 m reference): it lands within the referenced 1 m square.
  const mxy = [ctr[0]! - r * 3, ctr[1]! - r];
  const mgrs = formatMgrs(toWgs84(crs === 'EPSG:9218' ? 'EPSG:9218' : crs, mxy) as LonLat);
  await page.getByTestId('map').focus();
  await page.keyboard.press('k');
  await dlg.getByTestId('coords-text').fill(mgrs);
  await dlg.getByTestId('coords-target').selectOption('graves');
  await dlg.getByTestId('coords-place').click();
  await form.getByTestId('field-kind').selectOption('family_cared');
  await form.getByTestId('field-verification').selectOption('verified_with_grounds');
  await form.getByTestId('field-name').fill('Mộ thử nghiệm MGRS');
  await form.getByTestId('form-save').click();
  await expect(panel).toHaveAttribute('data-table', 'graves');
  await expect(panel).not.toHaveAttribute('data-id', graveId);
  await expect(panel).not.toHaveAttribute('data-id', '');
  const grave2 = (await call(page, 'rows.get', { table: 'graves', id: (await panel.getAttribute('data-id'))! })) as RowLike;
  expect(dist(grave2.geometry!.coordinates, mxy)).toBeLessThan(1.5);
  await page.waitForTimeout(500);
  await shot(page, '06-graves-placed');

  // 7. Link the first grave to a martyr and an information form (searched without diacritics).
  await page.evaluate((c) => (window as any).__quytapMap.view.setCenter(c), grave.geometry!.coordinates);
  await page.waitForTimeout(400);
  const gp = await px(page, grave.geometry!.coordinates);
  await page.getByTestId('map').focus();
  await page.keyboard.press('v');
  await page.mouse.click(gp.x, gp.y);
  await expect(panel).toHaveAttribute('data-id', graveId);
  await panel.getByTestId('tab-links').click();
  const martyrs = (await call(page, 'records.query', { table: 'martyrs', limit: 1 })).rows as RowLike[];
  const folded = String(martyrs[0]!.props.full_name)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
  await panel.getByTestId('link-table').selectOption('martyrs');
  await panel.getByTestId('link-search').fill(folded);
  const candidate = panel.locator('[data-testid="link-candidate"][data-table="martyrs"]').first();
  await expect(candidate).toContainText(String(martyrs[0]!.props.full_name));
  await candidate.click();
  await expect(panel.getByTestId('link-item')).toHaveCount(1);
  await panel.getByTestId('link-table').selectOption('info_forms');
  await panel.getByTestId('link-search').fill('');
  await panel.locator('[data-testid="link-candidate"][data-table="info_forms"]').first().click();
  await expect(panel.getByTestId('link-item')).toHaveCount(2);
  await shot(page, '07-links');

  // 8. Undo (the second link goes), redo (it comes back).
  await page.getByTestId('map').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await call<any[]>(page, 'links.of', { table: 'graves', id: graveId })).filter((l) => !l.link.meta.deleted).length).toBe(1);
  await page.keyboard.press('Control+y');
  await expect.poll(async () => (await call<any[]>(page, 'links.of', { table: 'graves', id: graveId })).filter((l) => !l.link.meta.deleted).length).toBe(2);

  // 9. Reload: everything is there; the area's history shows each step.
  await page.reload();
  await expect(page.getByTestId('workspace')).toBeVisible();
  await expect.poll(() => page.evaluate(() => !!(window as any).__quytapMap)).toBe(true);
  await expect(page.getByTestId('focus-badge')).toContainText(commune.props.name);
  area = (await call(page, 'rows.get', { table: 'search_areas', id: areaId })) as RowLike;
  expect(ringsOf(area.geometry!).length).toBe(2);
  expect(area.props.code).toBe('E2E-KV01');
  await page.getByTestId('map').focus();
  await page.keyboard.press('f');
  const table = page.getByTestId('feature-table');
  await expect(table).toBeVisible();
  await table.getByTestId('table-search').fill('e2e-kv01');
  await expect(table.getByTestId('table-row')).toHaveCount(1);
  await table.getByTestId('table-row').first().click();
  await expect(panel).toHaveAttribute('data-id', areaId);
  await panel.getByTestId('tab-history').click();
  const items = panel.getByTestId('history-item');
  await expect(items).toHaveCount(2); // created, then the hole
  await expect(items.first()).toContainText('Thêm lỗ thủng');
  // Who did it: the operator of this session (another spec may have set a different one).
  await expect(items.last()).toContainText((await page.getByTestId('operator-button').innerText()).trim());
  await shot(page, '08-history-after-reload');
  const links = (await call<any[]>(page, 'links.of', { table: 'graves', id: graveId })).filter((l) => !l.link.meta.deleted);
  expect(links.map((l) => `${l.link.props.to_table}:${l.other?.table}`).sort()).toEqual(['info_forms:info_forms', 'martyrs:martyrs']);

  // 10. The martyr's record shows the grave it is linked to.
  await page.keyboard.press('r');
  const rec = page.getByTestId('records-panel');
  await rec.getByTestId('records-search').fill(folded);
  await rec.getByTestId('record-item').first().click();
  await expect(rec.getByTestId('record-linked')).toContainText('Mộ thử nghiệm VN-2000');
  await shot(page, '09-records');
  expect(errors).toEqual([]);
});

async function openAreaForm(browser: Browser) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
  const page = await ctx.newPage();
  await openDemo(page);
  await page.getByTestId('map').focus();
  await page.keyboard.press('f');
  const table = page.getByTestId('feature-table');
  await table.getByTestId('table-search').fill('e2e-kv01');
  await table.getByTestId('table-row').first().click();
  const panel = page.getByTestId('feature-panel');
  await expect(panel).toHaveAttribute('data-id', areaId);
  await expect(panel.getByTestId('field-name')).toHaveValue(/Khu vực/);
  return { ctx, page, panel };
}

test('two windows edit the same area: the second save is not written over the first; both versions shown, theirs taken', async ({ browser }) => {
  test.setTimeout(120_000);
  const one = await openAreaForm(browser);
  const two = await openAreaForm(browser);
  await one.panel.getByTestId('field-name').fill('Tên do cửa sổ 1 sửa');
  await one.panel.getByTestId('form-save').click();
  await expect(one.page.getByTestId('toasts')).toContainText('Đã lưu');
  await two.panel.getByTestId('field-name').fill('Tên do cửa sổ 2 sửa');
  await two.panel.getByTestId('form-save').click();
  // Refused as a conflict: both versions side by side (tests/e2e/live.spec.ts keeps the second's).
  const dlg = two.page.getByTestId('conflict-dialog');
  await expect(dlg).toContainText('sau khi bạn mở nó');
  await expect(dlg.locator('[data-field="name"]')).toContainText('Tên do cửa sổ 1 sửa');
  await shot(two.page, '10-conflict');
  let row = (await call(two.page, 'rows.get', { table: 'search_areas', id: areaId })) as RowLike;
  expect(row.props.name).toBe('Tên do cửa sổ 1 sửa');
  await dlg.getByTestId('conflict-take-theirs').click();
  await expect(dlg).toBeHidden();
  await expect(two.panel.getByTestId('field-name')).toHaveValue('Tên do cửa sổ 1 sửa');
  row = (await call(two.page, 'rows.get', { table: 'search_areas', id: areaId })) as RowLike;
  expect(row.props.name).toBe('Tên do cửa sổ 1 sửa');
  await one.ctx.close();
  await two.ctx.close();
});

test('polygon operations: a self-crossing area is refused, an area is split by a line and merged back', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openDemo(page);
  const communes = (await call(page, 'features.query', { table: 'admin_units', filter: { level: 'commune' } })).rows as RowLike[];
  const c = communes.find((x) => x.props.name === 'Nâm Nung') ?? communes[0]!;
  await page.getByTestId('commune-select').selectOption({ label: c.props.name });
  await expect(page.getByTestId('focus-badge')).toContainText(c.props.name);

  // A square of 400 m well inside the commune (around its interior point), made through the contract.
  const ring = outerRing(c.geometry!);
  const ctr = [ring.reduce((s, p) => s + p[0]!, 0) / ring.length, ring.reduce((s, p) => s + p[1]!, 0) / ring.length];
  const h = 200;
  const square = [
    [ctr[0]! - h, ctr[1]! - h],
    [ctr[0]! + h, ctr[1]! - h],
    [ctr[0]! + h, ctr[1]! + h],
    [ctr[0]! - h, ctr[1]! + h],
    [ctr[0]! - h, ctr[1]! - h],
  ];
  const code = `E2E-OPS-${Date.now()}`;
  const made = await call(page, 'edits.apply', {
    label: 'e2e: vùng để cắt',
    put: [{ table: 'search_areas', geometry: { type: 'Polygon', coordinates: [square] }, props: { code, name: 'Vùng cắt gộp', status: 'not_started', estimated_remains: 2, commune_code: c.props.code } }],
  });
  const id: string = made.rows[0].id;
  await page.evaluate((e) => (window as any).__quytapMap.view.fit(e, { padding: [150, 150, 150, 150] }), [ctr[0]! - h, ctr[1]! - h, ctr[0]! + h, ctr[1]! + h]);
  await page.waitForTimeout(1200);
  const byCode = async () => ((await call(page, 'features.query', { table: 'search_areas', limit: 100 })).rows as RowLike[]).filter((r) => r.props.code === code);

  // 1. A bow-tie drawn with the polygon tool is refused with the reason; no form opens.
  await page.getByTestId('map').focus();
  await page.keyboard.press('p');
  const bow = [
    [ctr[0]! - h * 0.6, ctr[1]! + h * 1.6],
    [ctr[0]! + h * 0.6, ctr[1]! + h * 1.6],
    [ctr[0]! - h * 0.6, ctr[1]! + h * 2.4],
    [ctr[0]! + h * 0.6, ctr[1]! + h * 2.4],
  ];
  await page.evaluate((e) => (window as any).__quytapMap.view.fit(e, { padding: [120, 120, 120, 120] }), [ctr[0]! - h * 1.2, ctr[1]! - h * 1.2, ctr[0]! + h * 1.2, ctr[1]! + h * 2.6]);
  await page.waitForTimeout(800);
  for (let i = 0; i < bow.length; i++) {
    const p = await px(page, bow[i]!);
    await page.mouse.move(p.x, p.y);
    if (i < bow.length - 1) await page.mouse.click(p.x, p.y);
    else await page.mouse.dblclick(p.x, p.y);
  }
  await expect(page.getByTestId('toasts')).toContainText('Vùng không hợp lệ: các cạnh tự cắt nhau');
  await expect(page.getByTestId('attr-form')).toHaveCount(0);
  await shot(page, '11-self-crossing-refused');
  await page.keyboard.press('Escape');

  // 2. Select the square, then cut it with a line from outside to outside (X): two areas, same attributes.
  await page.keyboard.press('v');
  const inside = await px(page, [ctr[0]! - h / 2, ctr[1]! + h / 2]);
  await page.mouse.click(inside.x, inside.y);
  // Selected, not only under the cursor: a click is a click once OpenLayers knows it is no double click.
  const panel = page.locator('[data-testid="feature-panel"][data-pinned="true"]');
  await expect(panel).toHaveAttribute('data-id', id);
  await page.getByTestId('map').focus();
  await page.keyboard.press('x');
  const from = await px(page, [ctr[0]!, ctr[1]! - h * 1.1]);
  const to = await px(page, [ctr[0]!, ctr[1]! + h * 1.1]);
  await page.mouse.move(from.x, from.y);
  await page.mouse.click(from.x, from.y);
  await page.mouse.move(to.x, to.y);
  await page.mouse.dblclick(to.x, to.y);
  await expect.poll(async () => (await byCode()).length, { timeout: 15_000 }).toBe(2);
  const parts = await byCode();
  expect(parts.every((p) => p.props.commune_code === c.props.code && p.props.status === 'not_started')).toBe(true);
  const areaOf = (g: Geo) => {
    let s = 0;
    for (const r of ringsOf(g).slice(0, 1)) for (let i = 0; i + 1 < r.length; i++) s += r[i]![0]! * r[i + 1]![1]! - r[i + 1]![0]! * r[i]![1]!;
    return Math.abs(s) / 2;
  };
  // The selection's outline follows the edit: it is the part that kept the area's id, not the old square.
  const kept = parts.find((p) => p.id === id)!;
  const keptBox = [0, 1].map((k) => [Math.min(...outerRing(kept.geometry!).map((q) => q[k]!)), Math.max(...outerRing(kept.geometry!).map((q) => q[k]!))]);
  await expect
    .poll(() => page.evaluate(() => (window as any).__quytapMap.select.getSource().getFeatures().map((f: any) => f.getGeometry().getExtent())))
    .toEqual([[keptBox[0]![0], keptBox[1]![0], keptBox[0]![1], keptBox[1]![1]]]);
  const total = parts.reduce((s, p) => s + areaOf(p.geometry!), 0);
  expect(Math.abs(total - (2 * h) ** 2)).toBeLessThan(1);
  await shot(page, '12-split');

  // 3. Merge them back (J on the selected part, then click the other): one area of the square's size.
  await page.keyboard.press('Escape');
  await page.keyboard.press('v');
  const left = await px(page, [ctr[0]! - h / 2, ctr[1]!]);
  const right = await px(page, [ctr[0]! + h / 2, ctr[1]!]);
  await page.mouse.click(left.x, left.y);
  const leftPart = parts.find((p) => outerRing(p.geometry!).every((q) => q[0]! <= ctr[0]! + 0.01))!;
  await expect(panel).toHaveAttribute('data-id', leftPart.id);
  await page.getByTestId('map').focus();
  await page.keyboard.press('j');
  await page.mouse.click(right.x, right.y);
  await expect.poll(async () => (await byCode()).length, { timeout: 15_000 }).toBe(1);
  const merged = (await byCode())[0]!;
  expect(Math.abs(areaOf(merged.geometry!) - (2 * h) ** 2)).toBeLessThan(1);
  const gone = parts.find((p) => p.id !== merged.id)!.id;
  await expect.poll(() => page.evaluate((g) => !(window as any).__quytapMap.featureOf('search_areas', g), gone)).toBe(true);
  // Outlined: the merged area, the whole square again.
  await expect
    .poll(() => page.evaluate(() => (window as any).__quytapMap.select.getSource().getFeatures().map((f: any) => f.getGeometry().getExtent())))
    .toEqual([[ctr[0]! - h, ctr[1]! - h, ctr[0]! + h, ctr[1]! + h]]);
  await page.mouse.move(10, 10);
  await page.waitForTimeout(500);
  await shot(page, '13-merged');

  // 4. A corner dragged (select tool: the vertices of the selected area) to 3 px off a corner of
  //    another area: it lands exactly on that corner (snapping while dragging).
  const t = [ctr[0]! + h + 60, ctr[1]! + h - 40];
  const other = await call(page, 'edits.apply', {
    label: 'e2e: vùng bên cạnh',
    put: [
      {
        table: 'search_areas',
        geometry: { type: 'Polygon', coordinates: [[[t[0]!, t[1]! - 100], [t[0]! + 100, t[1]! - 100], [t[0]! + 100, t[1]!], [t[0]!, t[1]!], [t[0]!, t[1]! - 100]]] },
        props: { code: `${code}-B`, name: 'Vùng bên cạnh', status: 'not_started', estimated_remains: 1, commune_code: c.props.code },
      },
    ],
  });
  // Clear of the inspector, which covers the map's right side.
  await page.evaluate((e) => (window as any).__quytapMap.view.fit(e, { padding: [120, 480, 120, 120] }), [ctr[0]! - h, ctr[1]! - h, t[0]! + 100, ctr[1]! + h]);
  await page.waitForTimeout(1000);
  await page.keyboard.press('v');
  await expect(page.getByTestId('tool-select')).toHaveAttribute('aria-pressed', 'true');
  const corner = await px(page, [ctr[0]! + h, ctr[1]! + h]);
  const target = await px(page, t);
  await page.mouse.move(corner.x, corner.y);
  await page.mouse.down();
  for (let k = 1; k <= 8; k++) await page.mouse.move(corner.x + ((target.x + 3 - corner.x) * k) / 8, corner.y + ((target.y - 2 - corner.y) * k) / 8);
  await page.mouse.up();
  await expect
    .poll(async () => Math.min(...outerRing(((await call(page, 'rows.get', { table: 'search_areas', id: merged.id })) as RowLike).geometry!).map((q) => dist(q, t))), { timeout: 15_000 })
    .toBeLessThan(0.001);
  await shot(page, '14-vertex-snapped');

  // Clean up: the squares go (the demo stays as other specs expect it).
  const last = (await call(page, 'rows.get', { table: 'search_areas', id: merged.id })) as RowLike;
  const b = (await call(page, 'rows.get', { table: 'search_areas', id: other.rows[0].id })) as RowLike;
  await call(page, 'edits.apply', {
    label: 'e2e: xoá vùng',
    remove: [
      { table: 'search_areas', id: last.id, baseVersion: last.meta.version },
      { table: 'search_areas', id: b.id, baseVersion: b.meta.version },
    ],
  });
  expect(errors).toEqual([]);
});
