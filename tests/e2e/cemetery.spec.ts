// Issue 19 in the UI: a cemetery of the demo gets a plan (grid and gate) and a register (uploaded
// CSV) through the contract; then, as a family's question is answered at the hall: the lookup panel,
// a name typed without diacritics, the first candidate chosen (the map zooms to the plot and selects
// it), the locator sheet printed in one click and downloaded (pdftotext finds the name and
// "Khu … Hàng … Mộ số …"). Everything it added is undone at the end (the specs share one project).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openDemo, test } from './support';

const SHOTS = 'test-results/screenshots';
const OPERATOR = 'Cán bộ tra cứu mộ';

async function px(page: Page, xy: number[]): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((c) => (window as any).__quytapMap.map.getPixelFromCoordinate(c), xy);
  const box = (await page.getByTestId('map').boundingBox())!;
  return { x: box.x + p[0], y: box.y + p[1] };
}

async function call<T = any>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(([m, i]) => (window as any).__quytapMap.api.invoke(m, i), [method, input] as const) as Promise<T>;
}

const REGISTER = [
  'Họ và tên,Năm sinh,Quê quán,Đơn vị,Ngày hy sinh,Khu,Hàng,Mộ số',
  'Nguyễn Văn Thử Nghiệm,1950,"Vũ Thư, Thái Bình",Trung đoàn 66,12/03/1972,E,1,2',
  'Trần Thị Thử Nghiệm,1952,Nam Định,E24,1973,E,2,3',
  'Liệt sĩ chưa xác định được thông tin,,,,,E,1,1',
].join('\n');

test('find a grave by a name typed without diacritics, zoom to its plot, print the locator sheet', async ({ page }) => {
  await openDemo(page, OPERATOR);
  mkdirSync(SHOTS, { recursive: true });
  // A cemetery 400 m from a demo grave, its plan of 3 rows × 4 plots, its gate, its register.
  const grave = (await call(page, 'features.query', { table: 'graves', limit: 1 })).rows[0];
  const [e0, n0] = grave.geometry.coordinates as number[];
  const [x, y] = [e0! + 400, n0! + 400];
  const cemeteryId = crypto.randomUUID();
  const ring = [[x, y], [x + 20, y], [x + 20, y + 16], [x, y + 16], [x, y]];
  await call(page, 'edits.apply', { label: 'NTLS thử', put: [{ table: 'cemeteries', id: cemeteryId, geometry: { type: 'Polygon', coordinates: [ring] }, props: { kind: 'martyrs', name: 'Nghĩa trang liệt sĩ thử nghiệm' } }] });
  const edits = [1];
  try {
    await call(page, 'cemetery.generatePlots', { cemeteryId, grid: { origin: [x + 2, y + 14], azimuthDeg: 90, rows: 3, plotsPerRow: 4, plotWidth: 1.2, plotDepth: 2.4, plotGap: 0.8, rowGap: 1.6, section: 'E' } });
    edits.push(1);
    await call(page, 'cemetery.setGate', { cemeteryId, point: [x + 10, y + 16] });
    edits.push(1);
    const up = await call(page, 'exchange.upload', { name: 'danh-sach-thu.csv', dataBase64: Buffer.from(REGISTER).toString('base64') });
    const cols = await call(page, 'cemetery.registerColumns', { file: up.name });
    const r = await call(page, 'cemetery.importRegister', { cemeteryId, file: up.name, columns: cols.guess });
    expect(r).toMatchObject({ rows: 3, matched: 2, unknown: 1, unmatched: [] });
    edits.push(1);

    // The family's question.
    await page.getByTestId('cemetery-button').click();
    const panel = page.getByTestId('cemetery-panel');
    await expect(panel).toBeVisible();
    await panel.getByTestId('cemetery-search-input').fill('nguyen van thu nghiem thai binh');
    const first = panel.getByTestId('cemetery-candidate').first();
    await expect(first).toContainText('Nguyễn Văn Thử Nghiệm');
    await expect(first).toContainText('Khu E – Hàng 1 – Mộ số 2');
    await first.getByRole('button', { name: /Nguyễn Văn Thử Nghiệm/ }).click();
    // The map zooms to the plot (a metre on screen is a few pixels) and selects it.
    await expect.poll(() => page.evaluate(() => (window as any).__quytapMap.view.getResolution()), { timeout: 15_000 }).toBeLessThan(0.2);
    const form = page.getByTestId('attr-form');
    await expect(form).toHaveAttribute('data-table', 'cemetery_plots');
    await expect(form.getByTestId('field-plot_number')).toHaveValue('2');
    await page.screenshot({ path: `${SHOTS}/cemetery-found.png` });

    // One click prints the locator sheet; the link downloads it.
    await first.getByTestId('cemetery-locator').click();
    const link = first.getByTestId('cemetery-locator-link');
    await expect(link).toBeVisible({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const pdf = join(SHOTS, 'cemetery-locator.pdf');
    await download.saveAs(pdf);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Nguyễn Văn Thử Nghiệm');
    expect(text).toContain('Khu E – Hàng 1 – Mộ số 2');
    expect(text).toContain('WGS 84');
    execFileSync('pdftoppm', ['-r', '50', '-png', '-singlefile', pdf, join(SHOTS, 'cemetery-locator')]);

    // One more plot drawn by hand (tool O) in the free corner: its form opens for the plan's table,
    // already naming the cemetery under it; cancelled, nothing is written.
    await page.getByTestId('cemetery-close').click();
    await page.getByTestId('snap-toggle').uncheck();
    await page.getByTestId('map').focus();
    await page.keyboard.press('o');
    await expect(page.getByTestId('tool-plot')).toHaveAttribute('aria-pressed', 'true');
    const corners = [[x + 15, y + 1], [x + 17, y + 1], [x + 17, y + 3.4], [x + 15, y + 3.4]];
    for (const [i, corner] of corners.entries()) {
      const p = await px(page, corner);
      await page.mouse.move(p.x, p.y);
      if (i < corners.length - 1) await page.mouse.click(p.x, p.y);
      else await page.mouse.dblclick(p.x, p.y);
    }
    await expect(form).toHaveAttribute('data-table', 'cemetery_plots');
    await expect(form.getByTestId('field-cemetery_id')).toHaveValue(cemeteryId);
    await expect(form.getByTestId('field-kind')).toHaveValue('empty');
    await page.screenshot({ path: `${SHOTS}/cemetery-plot-drawn.png` });
    await form.getByTestId('form-cancel').click();
    await page.getByTestId('snap-toggle').check();
  } finally {
    if (await page.getByTestId('cemetery-close').isVisible()) await page.getByTestId('cemetery-close').click();
    // Undo this operator's edits, newest first: register, gate, plots, cemetery.
    for (const _ of edits) await call(page, 'edits.undo', {});
  }
  const left = await call(page, 'features.query', { table: 'cemeteries', filter: { name: 'Nghĩa trang liệt sĩ thử nghiệm' } });
  expect(left.rows).toEqual([]);
});
