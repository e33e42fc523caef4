// What a user reads when something is refused, in the browser as a new user meets it: a submission
// blocked by check errors lists each finding as a sentence (a click shows the feature); an approved
// commune shows its lock before anyone edits (badge, read-only form, drawing tools off with the
// reason); an undo refused there says the real reason, not the access-token warning; "Xã của tôi"
// selects the commune for drawing and is kept when the operator changes. Every spec's messages are
// checked by the guard in support.ts.
import type { Page } from '@playwright/test';
import { expect, messageProblem, openDemo, test } from './support';

const SHOTS = 'test-results/screenshots';
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/messages-${name}.png` });
const invoke = <T = any>(page: Page, method: string, input: unknown) =>
  page.evaluate(([m, i]) => (window as any).__quytapMap.api.invoke(m, i), [method, input] as const) as Promise<T>;
/** Communes other specs draw in or review: left alone here. */
const OTHERS = ['Nâm Nung', 'Quảng Phú', 'Đắk Sắk'];

test.describe.configure({ mode: 'serial' });

test('the message guard tells a sentence from JSON, exceptions and a misplaced token warning', () => {
  const token = 'Không có quyền truy cập máy chủ QuyTap: mã truy cập (token) trong địa chỉ bị thiếu hoặc không đúng.';
  expect(messageProblem({ text: token, code: 'unauthorized' })).toBeNull();
  expect(messageProblem({ text: token, code: 'forbidden' })).toMatch(/token/);
  expect(messageProblem({ text: '{"findings":[{"rule":"commune.crosses"}]}', code: 'validation' })).toBe('raw JSON');
  expect(messageProblem({ text: 'Bản đồ xã còn 1 lỗi.\n{\n "findings": [\n  {\n   "rule": "commune.outside"', code: 'validation' })).toBe('raw JSON');
  expect(messageProblem({ text: 'Tệp "empty.gpx": XML hỏng { "file": "empty.gpx" }', code: 'validation' })).toBe('raw JSON');
  expect(messageProblem({ text: 'TypeError: x is undefined', code: null })).not.toBeNull();
  expect(messageProblem({ text: 'Lỗi\n    at apply (http://127.0.0.1/assets/index.js:1:2)', code: null })).not.toBeNull();
  expect(messageProblem({ text: 'Bản đồ xã Nam Đà đã được phê duyệt và đang khóa: không ai được sửa.', code: 'forbidden' })).toBeNull();
});

async function becomeOperator(page: Page, name: string, role: 'commune_staff' | 'reviewer' | 'admin', commune?: string) {
  await page.getByTestId('operator-button').click();
  const dlg = page.getByTestId('operator-dialog');
  await expect(dlg).toBeVisible();
  await page.getByTestId('operator-name').fill(name);
  await dlg.locator('#op-role').selectOption(role);
  if (commune) await page.getByTestId('operator-commune').selectOption(commune);
  await page.getByTestId('operator-save').click();
  await expect(dlg).toBeHidden();
}

test('a refused submission lists its findings; an approved commune is read-only before editing, and a refused undo says why', async ({ page }) => {
  await openDemo(page, 'Quản trị E2E');
  await expect.poll(() => page.evaluate(() => !!(window as any).__quytapMap)).toBe(true);
  const before = (await invoke(page, 'app.info', {})).operator;
  await becomeOperator(page, 'Quản trị E2E', 'admin');

  // A commune the other specs leave alone, clean for the checks, still a draft, with a grave.
  const info = await invoke(page, 'project.info', {});
  const overview = await invoke(page, 'review.overview', {});
  let K: { code: string; name: string } | null = null;
  let grave: any = null;
  for (const c of info.settings.communes as { code: string; name: string }[]) {
    if (OTHERS.includes(c.name) || overview.communes.find((o: any) => o.communeCode === c.code)?.state !== 'draft') continue;
    const g = (await invoke(page, 'features.query', { table: 'graves', filter: { commune_code: c.code }, limit: 1 })).rows[0];
    if (g && (await invoke(page, 'review.run', { communes: [c.code] })).errors === 0) {
      K = c;
      grave = g;
      break;
    }
  }
  expect(K, 'a clean draft commune with a grave').not.toBeNull();
  const code = K!.code;
  const name = K!.name;

  // 1. A small search area drawn inside one of the commune's own: an overlap, an error, so the
  // submission is refused and the message lists the finding. (A grave moved away would simply
  // belong to the commune it lands in: every feature's commune is its geometry's.)
  const host = (await invoke(page, 'features.query', { table: 'search_areas', filter: { commune_code: code }, limit: 1 })).rows[0];
  expect(host, 'a search area in the commune').toBeTruthy();
  const ring = host.geometry.coordinates[0][0] as number[][];
  const cx = ring.slice(0, -1).reduce((a, p) => a + p[0], 0) / (ring.length - 1);
  const cy = ring.slice(0, -1).reduce((a, p) => a + p[1], 0) / (ring.length - 1);
  const sq = [[cx - 20, cy - 20], [cx + 20, cy - 20], [cx + 20, cy + 20], [cx - 20, cy + 20], [cx - 20, cy - 20]];
  const drawn = (await invoke(page, 'edits.apply', { label: 'kiểm thử: khu vực chồng lấn', put: [{ table: 'search_areas', geometry: { type: 'Polygon', coordinates: [sq] }, props: { status: 'continuing' } }] })).rows[0];
  try {
    await page.getByTestId('review-button').click();
    const row = page.locator(`[data-testid="review-commune-row"][data-code="${code}"]`);
    await row.getByTestId('review-act-submit').click();
    const refusal = page.getByTestId('toast-error').filter({ hasText: 'còn 1 lỗi' });
    await expect(refusal).toBeVisible();
    await expect(refusal).toHaveAttribute('data-code', 'validation');
    const item = refusal.getByTestId('finding-item');
    await expect(item).toHaveCount(1);
    await expect(item).toHaveAttribute('data-rule', 'areas.overlap');
    await expect(item).toContainText('chồng lên');
    await expect(refusal).not.toContainText('{');
    await shot(page, '01-findings-list');
    // A click on the finding selects one of the two areas (and zooms to it).
    await item.click();
    await expect(page.getByTestId('feature-panel')).toHaveAttribute('data-id', new RegExp(`^(${drawn.id}|${host.id})$`));
    await refusal.getByRole('button', { name: 'Đóng' }).click();
    await page.getByTestId('review-close').click();
  } finally {
    await invoke(page, 'edits.apply', { label: 'kiểm thử: xóa khu vực chồng lấn', remove: [{ table: 'search_areas', id: drawn.id, baseVersion: drawn.version }] });
  }

  try {
    // 2. Submitted and approved: the commune is locked. Focused, it says so before anyone edits.
    await invoke(page, 'review.act', { communeCode: code, act: 'submit', note: '' });
    await invoke(page, 'review.act', { communeCode: code, act: 'approve', note: '' });
    await page.getByTestId('commune-select').selectOption(code);
    await expect(page.getByTestId('commune-lock-badge')).toHaveText('Đã phê duyệt — chỉ xem');
    await expect(page.getByTestId('commune-lock-badge')).toHaveAttribute('data-lock', 'approved');
    await expect(page.getByTestId('focus-badge')).toContainText('Xã đang vẽ: ' + name);
    await expect(page.getByTestId('commune-lock-icon')).toHaveAttribute('aria-label', 'Đã phê duyệt — chỉ xem');
    for (const tool of ['polygon', 'grave', 'line', 'split', 'coords']) {
      await expect(page.getByTestId(`tool-${tool}`)).toBeDisabled();
      await expect(page.getByTestId(`tool-${tool}`)).toHaveAttribute('title', new RegExp(`Không dùng được lúc này: Bản đồ xã ${name} đã được phê duyệt`));
    }
    await expect(page.getByTestId('tool-select')).toBeEnabled();
    await expect(page.getByTestId('tool-measure')).toBeEnabled();
    // The grave's form: read-only, with the reason, and no Save button to be refused later.
    await page.evaluate((id) => window.dispatchEvent(new CustomEvent('quytap:show-feature', { detail: { table: 'graves', id, extent: null } })), grave.id);
    const panel = page.getByTestId('feature-panel');
    await expect(panel).toHaveAttribute('data-id', grave.id);
    await expect(panel.getByTestId('lock-note')).toContainText(`Bản đồ xã ${name} đã được phê duyệt và đang khóa: chỉ xem`);
    await expect(panel.getByTestId('field-kind')).toBeDisabled();
    await expect(panel.getByTestId('form-save')).toHaveCount(0);

    // 3. Undo of my last edit (in that commune) is refused: the message is the real reason.
    await page.getByTestId('tool-undo').click();
    const refused = page.getByTestId('toast-error').filter({ hasText: 'đã được phê duyệt và đang khóa' });
    await expect(refused).toBeVisible();
    await expect(refused).toHaveAttribute('data-code', 'forbidden');
    await expect(refused).toContainText(`Bản đồ xã ${name} đã được phê duyệt và đang khóa`);
    await expect(refused).not.toContainText('mã truy cập');
    await expect(page.getByTestId('error-screen')).toHaveCount(0);
    await shot(page, '02-approved-locked');
    // The commune's records (here its conclusion) are read-only too, and no new one is offered.
    const conclusion = (await invoke(page, 'records.query', { table: 'conclusions', filter: { commune_code: code }, limit: 1 })).rows[0];
    await page.getByTestId('dock-records').click();
    await page.getByTestId('records-tab-conclusions').click();
    await expect(page.getByTestId('records-new')).toBeDisabled();
    if (conclusion) {
      await page.locator(`[data-testid="record-item"][data-id="${conclusion.id}"]`).click();
      await expect(page.getByTestId('record-lock-note')).toContainText(`Bản đồ xã ${name} đã được phê duyệt`);
      await expect(page.getByTestId('record-form').getByTestId('form-save')).toHaveCount(0);
    }
    await page.getByTestId('dock-records').click();
  } finally {
    await invoke(page, 'review.act', { communeCode: code, act: 'unlock', note: 'kiểm thử thông báo xong' });
  }
  // Unlocked: the badge goes, the tools come back.
  await expect(page.getByTestId('commune-lock-badge')).toHaveCount(0);
  await expect(page.getByTestId('commune-lock-icon')).toHaveCount(0);
  await expect(page.getByTestId('tool-polygon')).toBeEnabled();

  // 4. "Xã của tôi" selects the commune for drawing, and the operator dialog remembers it.
  try {
    const other = (info.settings.communes as { code: string; name: string }[]).find((c) => c.code !== code)!;
    await becomeOperator(page, 'Cán bộ xã E2E', 'commune_staff', other.code);
    await expect(page.getByTestId('commune-select')).toHaveValue(other.code);
    // Changed in the review panel, the drawing focus and the dialog follow.
    await page.getByTestId('review-button').click();
    await page.getByTestId('review-my-commune').selectOption(code);
    await expect(page.getByTestId('commune-select')).toHaveValue(code);
    await page.getByTestId('review-close').click();
    await page.getByTestId('operator-button').click();
    await expect(page.getByTestId('operator-commune')).toHaveValue(code);
    await page.getByTestId('operator-save').click();
    await expect(page.getByTestId('operator-dialog')).toBeHidden();
    // Submitted, the map waits for the reviewer: its staff see it read-only.
    await invoke(page, 'review.act', { communeCode: code, act: 'submit', note: '' });
    await expect(page.getByTestId('commune-lock-badge')).toHaveText('Đã trình duyệt — chỉ xem');
    await expect(page.getByTestId('tool-polygon')).toBeDisabled();
    await invoke(page, 'session.setOperator', { name: 'Quản trị E2E', role: 'admin', communeCode: null });
    await invoke(page, 'review.act', { communeCode: code, act: 'approve', note: '' });
    await invoke(page, 'review.act', { communeCode: code, act: 'unlock', note: 'kiểm thử thông báo xong' });
  } finally {
    // The server keeps its operator for the next spec: give it back.
    await invoke(page, 'session.setOperator', before ?? { name: 'Quản trị E2E', role: 'admin', communeCode: null });
  }
});
