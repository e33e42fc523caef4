// Review, end to end in Chromium as new users would: a commune user submits; a reviewer pins a
// comment on a grave and returns the map (confirmed in a dialog); the commune user sees the
// comment, fixes the grave, replies and resubmits (the map is frozen for them meanwhile); the
// reviewer resolves the comment, corrects a grave, sees it listed as changed since the submission
// and approves (confirmed); editing is refused afterwards; the district statistics list the
// commune as approved with the conclusion's figures.
import type { Page } from '@playwright/test';
import { expect, test } from './support';

const TOKEN = 'e2e-secret-token';
const SHOTS = 'test-results/screenshots';
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/review-${name}.png` });
const invoke = <T = any>(page: Page, method: string, input: unknown) =>
  page.evaluate(([m, i]) => (window as any).__quytapMap.api.invoke(m, i), [method, input] as const) as Promise<T>;
const tryInvoke = (page: Page, method: string, input: unknown) =>
  page.evaluate(
    ([m, i]) =>
      (window as any).__quytapMap.api.invoke(m, i).then(
        () => 'ok',
        (e: any) => `${e.code}: ${e.vi}`,
      ),
    [method, input] as const,
  );

async function becomeOperator(page: Page, name: string, role: 'commune_staff' | 'reviewer') {
  await page.getByTestId('operator-button').click();
  const dlg = page.getByTestId('operator-dialog');
  await expect(dlg).toBeVisible();
  await page.getByTestId('operator-name').fill(name);
  await dlg.locator('#op-role').selectOption(role);
  await page.getByTestId('operator-save').click();
  await expect(dlg).toBeHidden();
  await expect(page.getByTestId('review-who')).toContainText(name);
}

/** Puts a map coordinate in the left half of the map (the review panel covers the right) and returns its page position. */
async function showOnLeft(page: Page, xy: number[]) {
  await page.evaluate((c) => {
    const m = (window as any).__quytapMap;
    const size = m.map.getSize();
    m.view.setResolution(1);
    m.view.setCenter([c[0] + size[0] * 0.25, c[1]]);
    m.map.renderSync();
  }, xy);
  await page.waitForTimeout(400);
  const p = await page.evaluate((c) => (window as any).__quytapMap.map.getPixelFromCoordinate(c), xy);
  const box = (await page.getByTestId('map').boundingBox())!;
  return { x: box.x + p[0], y: box.y + p[1] };
}

const STAFF = 'Cán bộ xã Quảng Phú';

test('commune submits, reviewer returns with a comment, commune fixes and resubmits, reviewer approves', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Other specs may run first on the same server: the demo may already be open, the operator set.
  await page.goto(`/#token=${TOKEN}`);
  const demo = page.getByTestId('open-demo');
  const ws = page.getByTestId('workspace');
  await expect(demo.or(ws)).toBeVisible({ timeout: 60_000 });
  if ((await ws.isVisible()) && !(await page.getByTestId('project-title').textContent())?.includes('MINH HỌA')) {
    await page.getByTestId('close-project').click();
    await expect(demo).toBeVisible();
  }
  if (await demo.isVisible()) await demo.click();
  const op = page.getByTestId('operator-dialog');
  // The operator dialog opens over the workspace when nobody is named yet.
  await expect(ws).toBeVisible({ timeout: 60_000 });
  await expect(op.or(page.getByTestId('operator-button').filter({ hasNotText: 'Chưa nhập' }))).toBeVisible();
  if (await op.isVisible()) {
    await page.getByTestId('operator-name').fill(STAFF);
    await page.getByTestId('operator-save').click();
  }
  await expect(ws).toBeVisible();
  await expect.poll(() => page.evaluate(() => !!(window as any).__quytapMap)).toBe(true);

  const info = await invoke(page, 'project.info', {});
  expect(info.settings.demo).toBe(true);
  // Quảng Phú: a commune the other specs do not draw in.
  const commune = info.settings.communes.find((c: { name: string }) => c.name === 'Quảng Phú');
  const K = commune.code as string;
  const Kname = commune.name as string;
  const graves = (await invoke(page, 'features.query', { table: 'graves', filter: { commune_code: K } })).rows;
  const grave = graves[0];
  const conclusion = (await invoke(page, 'records.query', { table: 'conclusions', filter: { commune_code: K } })).rows[0];

  // 1. The commune user opens the review panel, says which commune they belong to and submits.
  await page.getByTestId('review-button').click();
  const panel = page.getByTestId('review-panel');
  await becomeOperator(page, STAFF, 'commune_staff');
  await expect(panel).toBeVisible();
  await page.getByTestId('review-my-commune').selectOption(K);
  const kRow = panel.locator(`[data-testid="review-commune-row"][data-code="${K}"]`);
  await expect(kRow).toHaveAttribute('data-state', 'draft');
  // Staff see only the submit act, and only on their own commune.
  await expect(kRow.getByTestId('review-act-approve')).toHaveCount(0);
  await expect(panel.locator(`[data-testid="review-commune-row"]:not([data-code="${K}"])`).getByTestId('review-act-submit')).toHaveCount(0);
  await kRow.getByTestId('review-act-submit').click();
  await expect(kRow).toHaveAttribute('data-state', 'submitted');
  await expect(kRow.getByTestId('review-state')).toHaveText('Đã trình duyệt');
  await shot(page, '01-submitted');
  // Submitted: frozen for the commune until the district returns it.
  const g1 = await invoke(page, 'rows.get', { table: 'graves', id: grave.id });
  expect(await tryInvoke(page, 'edits.apply', { put: [{ table: 'graves', id: grave.id, baseVersion: g1.meta.version, props: { description: 'sửa sau khi trình' } }] })).toMatch(
    new RegExp(`^forbidden: Bản đồ xã ${Kname} đã trình duyệt; chờ huyện trả lại để sửa`),
  );

  // 2. The reviewer checks the district, pins a comment on the grave and returns the map.
  await becomeOperator(page, 'Thẩm định viên huyện', 'reviewer');
  await page.getByTestId('review-run').click();
  await expect(page.getByTestId('review-findings')).toBeVisible();
  await page.getByTestId('review-tab-communes').click();
  await expect(kRow.locator('td').nth(5)).toHaveText(/^0 \/ \d+$/);
  await expect(kRow.getByTestId("review-act-approve")).toBeVisible();
  // A reviewer judges; submitting stays the commune's act.
  await expect(panel.getByTestId("review-act-submit")).toHaveCount(0);
  await page.getByTestId('review-commune').selectOption(K);
  await page.getByTestId('review-tab-comments').click();
  await page.getByTestId('review-pin').click();
  const at = await showOnLeft(page, grave.geometry.coordinates);
  await page.mouse.click(at.x, at.y);
  const draft = page.getByTestId('review-comment-draft');
  await expect(draft).toContainText('Mộ liệt sĩ');
  await page.getByTestId('review-comment-text').fill('Mộ này lệch vị trí so với phiếu, đề nghị kiểm tra lại.');
  await page.getByTestId('review-comment-save').click();
  await expect(page.getByTestId('review-comment')).toHaveCount(1);
  await shot(page, '02-comment-pinned');
  await page.getByTestId('review-note').fill('Sửa theo góp ý trên bản đồ');
  await page.getByTestId('review-tab-communes').click();
  await kRow.getByTestId('review-act-return').click();
  // Returning is asked once more; cancelling leaves the map as it was.
  const confirm = page.getByTestId('review-confirm');
  await expect(confirm).toContainText(`Trả lại bản đồ xã ${Kname}?`);
  await page.getByTestId('review-confirm-cancel').click();
  await expect(confirm).toBeHidden();
  await expect(kRow).toHaveAttribute('data-state', 'submitted');
  await kRow.getByTestId('review-act-return').click();
  await page.getByTestId('review-confirm-ok').click();
  await expect(kRow).toHaveAttribute('data-state', 'returned');
  const pinned = (await invoke(page, 'review.comments', { communeCode: K }))[0];
  expect(pinned).toMatchObject({ table: 'graves', featureId: grave.id, author: 'Thẩm định viên huyện', resolved: false });

  // 3. The commune user sees the returned map and the comment where they draw, fixes the grave, replies, resubmits.
  await becomeOperator(page, STAFF, 'commune_staff');
  await page.getByTestId('review-my-commune').selectOption(K);
  await page.getByTestId('review-commune').selectOption(K);
  await expect(page.getByTestId('review-returned-banner')).toContainText(`${Kname} bị trả lại: 1 góp ý chưa xử lý`);
  await page.getByTestId('review-tab-comments').click();
  const comment = page.getByTestId('review-comment');
  await expect(comment).toContainText('Mộ này lệch vị trí');
  await expect.poll(() => page.evaluate(() => (window as any).__quytapMap.map.getLayers().getArray().some((l: any) => l.get('name') === 'review-comments' && l.getSource().getFeatures().length === 1))).toBe(true);
  await comment.locator('.comment-head').click();
  await page.waitForTimeout(500);
  await shot(page, '03-returned-comment-seen');
  const before = await invoke(page, 'rows.get', { table: 'graves', id: grave.id });
  const [gx, gy] = before.geometry.coordinates;
  await invoke(page, 'edits.apply', { label: 'Sửa vị trí mộ theo góp ý', put: [{ table: 'graves', id: grave.id, baseVersion: before.meta.version, geometry: { type: 'Point', coordinates: [gx + 6, gy - 4] } }] });
  await comment.getByTestId('review-reply-text').fill('Đã dời mộ về đúng vị trí theo phiếu 01.');
  await comment.getByTestId('review-reply-save').click();
  await expect(comment.getByTestId('review-reply')).toContainText('Đã dời mộ');
  // Whether the answer settles the comment is the reviewer's to say: staff have no resolve box.
  await expect(comment.getByTestId('review-resolve')).toHaveCount(0);
  await expect(comment.getByTestId('review-resolved-state')).toHaveText('Chưa xử lý');
  await page.getByTestId('review-tab-communes').click();
  await kRow.getByTestId('review-act-submit').click();
  await expect(kRow).toHaveAttribute('data-state', 'submitted');

  // 4. The reviewer compares the grave's versions (the move shows), approves; then nobody edits the commune's features.
  await becomeOperator(page, 'Thẩm định viên huyện', 'reviewer');
  await page.getByTestId('review-tab-comments').click();
  await page.getByTestId('review-comments').locator('label', { hasText: 'Chỉ góp ý chưa xử lý' }).locator('input').uncheck();
  await page.getByTestId('review-comment').getByTestId('review-resolve').click();
  await expect(page.getByTestId('review-comment')).toHaveAttribute('data-resolved', 'true');
  await page.getByTestId('review-versions-toggle').click();
  const versions = page.getByTestId('review-version');
  await expect(versions.last()).toContainText('Sửa vị trí mộ theo góp ý');
  await expect(versions.last()).toContainText('Vị trí / hình dạng');
  await shot(page, '04a-versions');
  // The reviewer corrects the grave's description: the submitted map now differs from what the commune sent.
  await page.getByTestId('review-tab-communes').click();
  await page.getByTestId('review-commune').selectOption(K);
  const changes = page.getByTestId('review-changes');
  await expect(changes).toContainText('Đã thay đổi sau khi trình: 0');
  const g2 = await invoke(page, 'rows.get', { table: 'graves', id: grave.id });
  await invoke(page, 'edits.apply', { label: 'Thẩm định sửa mô tả', put: [{ table: 'graves', id: grave.id, baseVersion: g2.meta.version, props: { description: 'thẩm định ghi rõ vị trí' } }] });
  await expect(changes).toContainText('Đã thay đổi sau khi trình: 1');
  await expect(changes.getByTestId('review-change')).toHaveAttribute('data-id', grave.id);
  await expect(changes.getByTestId('review-change')).toContainText('Thẩm định viên huyện');
  await changes.getByTestId('review-change').click();
  await shot(page, '04b-changed-since-submission');
  await kRow.getByTestId('review-act-approve').click();
  await expect(page.getByTestId('review-confirm')).toContainText(`Phê duyệt bản đồ xã ${Kname}?`);
  await expect(page.getByTestId('review-confirm')).toContainText('1 đối tượng đã thay đổi sau khi xã trình');
  await page.getByTestId('review-confirm-ok').click();
  await expect(kRow).toHaveAttribute('data-state', 'approved');
  await expect(kRow.getByTestId('review-act-unlock')).toBeVisible();
  await shot(page, '04-approved');
  const now = await invoke(page, 'rows.get', { table: 'graves', id: grave.id });
  const refused = await tryInvoke(page, 'edits.apply', { put: [{ table: 'graves', id: grave.id, baseVersion: now.meta.version, props: { description: 'sau phê duyệt' } }] });
  expect(refused).toMatch(/^forbidden: Bản đồ xã Quảng Phú đã được phê duyệt và đang khóa/);
  await becomeOperator(page, STAFF, 'commune_staff');
  expect(await tryInvoke(page, 'edits.undo', {})).toMatch(/^forbidden/);
  expect((await invoke(page, 'rows.get', { table: 'graves', id: grave.id })).meta.version).toBe(now.meta.version);

  // 5. The district report lists the commune as approved with the conclusion's figures.
  await page.getByTestId('review-tab-stats').click();
  const statRow = page.locator(`[data-testid="review-stats-row"][data-code="${K}"]`);
  await expect(statRow).toHaveAttribute('data-state', 'approved');
  await expect(statRow).toContainText('Đã phê duyệt');
  for (const k of ['initially_buried', 'recovered', 'not_recovered', 'family_cared'])
    await expect(statRow.locator(`[data-figure="${k}"]`)).toHaveText(String(conclusion.props[k]));
  const csv = await invoke(page, 'review.statisticsCsv', {});
  expect(csv.csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.csv).toContain(`${K},${Kname},Đã phê duyệt,Kết luận cấp xã,${conclusion.props.initially_buried},${conclusion.props.recovered},`);
  const download = page.waitForEvent('download');
  await page.getByTestId('review-csv').click();
  expect((await download).suggestedFilename()).toMatch(/^thong-ke-quy-tap-\d{4}-\d{2}-\d{2}\.csv$/);
  const pdfDownload = page.waitForEvent('download');
  await page.getByTestId('review-pdf').click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/^bao-cao-thong-ke-quy-tap-.*\.pdf$/);
  const { readFileSync } = await import('node:fs');
  expect(readFileSync((await pdf.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await shot(page, '05-district-statistics');
  await page.getByTestId('review-tab-history').click();
  await expect(page.getByTestId('review-history')).toContainText('Đã trình duyệt → Đã phê duyệt');
  await shot(page, '06-history');
  expect(errors).toEqual([]);
});

test('a reviewer runs the checks and a click on a finding zooms the map to the faulty feature', async ({ page }) => {
  await page.goto(`/#token=${TOKEN}`);
  const ws = page.getByTestId('workspace');
  const demo = page.getByTestId('open-demo');
  await expect(demo.or(ws)).toBeVisible({ timeout: 60_000 });
  if (await demo.isVisible()) await demo.click();
  const op = page.getByTestId('operator-dialog');
  // The operator dialog opens over the workspace when nobody is named yet.
  await expect(ws).toBeVisible({ timeout: 60_000 });
  await expect(op.or(page.getByTestId('operator-button').filter({ hasNotText: 'Chưa nhập' }))).toBeVisible();
  if (await op.isVisible()) {
    await page.getByTestId('operator-name').fill('Thẩm định viên huyện');
    await page.getByTestId('operator-save').click();
  }
  await expect.poll(() => page.evaluate(() => !!(window as any).__quytapMap)).toBe(true);
  await page.getByTestId('review-button').click();
  await becomeOperator(page, 'Thẩm định viên huyện', 'reviewer');

  // A small search area drawn inside one of Đắk Sắk's: an overlap, an error. (A grave moved away
  // would simply belong to the commune it lands in: every feature's commune is its geometry's.)
  const info = await invoke(page, 'project.info', {});
  const code = info.settings.communes.find((c: { name: string }) => c.name === 'Đắk Sắk').code;
  const host = (await invoke(page, 'features.query', { table: 'search_areas', filter: { commune_code: code }, limit: 1 })).rows[0];
  const ring = host.geometry.coordinates[0][0] as number[][];
  const x = ring.slice(0, -1).reduce((a, p) => a + p[0], 0) / (ring.length - 1);
  const y = ring.slice(0, -1).reduce((a, p) => a + p[1], 0) / (ring.length - 1);
  const far = [x, y];
  const sq = [[x - 20, y - 20], [x + 20, y - 20], [x + 20, y + 20], [x - 20, y + 20], [x - 20, y - 20]];
  const drawn = await invoke(page, 'edits.apply', { label: 'kiểm thử: khu vực chồng lấn', put: [{ table: 'search_areas', geometry: { type: 'Polygon', coordinates: [sq] }, props: { status: 'continuing' } }] });
  try {
    await page.getByTestId('review-commune').selectOption(code);
    await page.keyboard.press('F9');
    const finding = page.locator('[data-testid="review-finding"][data-rule="areas.overlap"]');
    await expect(finding).toHaveCount(1);
    await expect(finding).toContainText('chồng lên');
    await expect(finding).toContainText('Lỗi');
    await finding.click();
    // The grave lands in the part of the map the panel leaves visible.
    const mapBox = (await page.getByTestId('map').boundingBox())!;
    const panelBox = (await page.getByTestId('review-panel').boundingBox())!;
    await expect
      .poll(async () => {
        const p = await page.evaluate((c) => (window as any).__quytapMap.map.getPixelFromCoordinate(c), far);
        return p[0] > 20 && mapBox.x + p[0] < panelBox.x - 20 && p[1] > 20 && p[1] < mapBox.height - 20;
      })
      .toBe(true);
    expect(await page.evaluate(() => (window as any).__quytapMap.view.getResolution())).toBeLessThan(2);
    await page.waitForTimeout(400);
    await shot(page, '07-finding-zoomed');
    // Submission of that commune is refused while the error stands.
    await becomeOperator(page, 'Cán bộ xã Đắk Sắk', 'commune_staff');
    await page.getByTestId('review-tab-communes').click();
    await page.locator(`[data-testid="review-commune-row"][data-code="${code}"]`).getByTestId('review-act-submit').click();
    await expect(page.getByTestId('toast-error').filter({ hasText: 'còn 1 lỗi' })).toBeVisible();
  } finally {
    await becomeOperator(page, 'Thẩm định viên huyện', 'reviewer');
    await invoke(page, 'edits.apply', { label: 'kiểm thử: xóa khu vực chồng lấn', remove: [{ table: 'search_areas', id: drawn.rows[0].id, baseVersion: drawn.rows[0].version }] });
  }
});
