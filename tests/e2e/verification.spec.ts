// Verification queue (issue 18 item 5), end to end in Chromium: a commune user opens a martyr record
// and sends it to the district verification team with a question ("Gửi thẩm tra"); it appears in
// the team's queue; a reviewer takes it up and decides it (grounds, result); the commune user sees
// the decision in the record's verification history. The row itself is not changed; the closed
// request stays in the project's (append-only) history, and does not stop the record being sent
// again, so the spec can run any number of times on the shared project.
import type { Page } from '@playwright/test';
import { expect, test } from './support';

const TOKEN = 'e2e-secret-token';
const SHOTS = 'test-results/screenshots';
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/verification-${name}.png` });
const invoke = <T = any>(page: Page, method: string, input: unknown) =>
  page.evaluate(([m, i]) => (window as any).__quytapMap.api.invoke(m, i), [method, input] as const) as Promise<T>;

async function becomeOperator(page: Page, name: string, role: 'commune_staff' | 'reviewer', communeCode = '') {
  await page.getByTestId('operator-button').click();
  const dlg = page.getByTestId('operator-dialog');
  await expect(dlg).toBeVisible();
  await page.getByTestId('operator-name').fill(name);
  await dlg.locator('#op-role').selectOption(role);
  if (role === 'commune_staff') await page.getByTestId('operator-commune').selectOption(communeCode);
  await page.getByTestId('operator-save').click();
  await expect(dlg).toBeHidden();
  await expect(page.getByTestId('operator-button')).toContainText(name);
}

const STAFF = 'Cán bộ xã Nam Đà (thẩm tra)';
const TEAM = 'Tổ thẩm tra huyện';

test('a record sent for verification appears in the team’s queue, its decision in the record’s history', async ({ page }) => {
  await page.goto(`/#token=${TOKEN}`);
  const demo = page.getByTestId('open-demo');
  const ws = page.getByTestId('workspace');
  await expect(demo.or(ws)).toBeVisible({ timeout: 60_000 });
  if ((await ws.isVisible()) && !(await page.getByTestId('project-title').textContent())?.includes('MINH HỌA')) {
    await page.getByTestId('close-project').click();
    await expect(demo).toBeVisible();
  }
  if (await demo.isVisible()) await demo.click();
  await expect(ws).toBeVisible({ timeout: 60_000 });
  const op = page.getByTestId('operator-dialog');
  await expect(op.or(page.getByTestId('operator-button').filter({ hasNotText: 'Chưa nhập' }))).toBeVisible();
  if (await op.isVisible()) {
    await page.getByTestId('operator-name').fill(TEAM);
    await page.getByTestId('operator-save').click();
    await expect(op).toBeHidden();
  }
  await expect.poll(() => page.evaluate(() => !!(window as any).__quytapMap)).toBe(true);
  const before = await invoke(page, 'app.info', {});

  const info = await invoke(page, 'project.info', {});
  const commune = info.settings.communes.find((c: { name: string }) => c.name === 'Nam Đà') ?? info.settings.communes[0];
  const martyr = (await invoke(page, 'records.query', { table: 'martyrs', filter: { commune_code: commune.code }, limit: 1 })).rows[0];
  expect(martyr).toBeTruthy();
  const question = `Năm sinh ${martyr.props.birth_year} có đúng không? (${Date.now()})`;

  try {
    // The commune user sends the record with a question.
    await becomeOperator(page, STAFF, 'commune_staff', commune.code);
    await page.getByTestId('dock-records').click();
    const rec = page.getByTestId('records-panel');
    await rec.getByTestId('records-tab-martyrs').click();
    await rec.getByTestId('records-search').fill(String(martyr.props.full_name));
    await rec.locator(`[data-testid="record-item"][data-id="${martyr.id}"]`).click();
    const rowV = rec.getByTestId('row-verification');
    await rowV.getByTestId('verification-send').click();
    const dlg = page.getByTestId('verification-send-dialog');
    await expect(dlg).toBeVisible();
    await dlg.getByTestId('verification-question').fill(question);
    await shot(page, '01-send');
    await dlg.getByTestId('verification-send-ok').click();
    await expect(dlg).toBeHidden();
    await expect(rowV.locator('[data-testid="row-verification-request"][data-state="sent"]')).toBeVisible();
    // One open request per record: the button waits for the decision.
    await expect(rowV.getByTestId('verification-send')).toBeDisabled();

    // The team sees it in its queue, takes it up and decides.
    await becomeOperator(page, TEAM, 'reviewer');
    await page.getByTestId('verification-button').click();
    const panel = page.getByTestId('verification-panel');
    await expect(panel).toBeVisible();
    const item = panel.locator(`[data-testid="verification-item"][data-target="${martyr.id}"]`).filter({ hasText: question });
    await expect(item).toHaveAttribute('data-state', 'sent');
    await expect(item).toContainText(STAFF);
    await item.getByTestId('verification-act-take').click();
    await expect(item).toHaveAttribute('data-state', 'in_progress');
    await item.getByTestId('verification-grounds-input').fill('Giấy báo tử và lời khai của đồng đội');
    await item.getByTestId('verification-result-input').fill(`Năm sinh ${martyr.props.birth_year} là đúng`);
    await shot(page, '02-queue');
    await item.getByTestId('verification-act-verified').click();
    // Decided, it leaves the "waiting" view of the queue and shows under "all".
    await expect(item).toHaveCount(0);
    await panel.getByTestId('verification-filter-state').selectOption('all');
    await expect(item).toHaveAttribute('data-state', 'verified');
    await panel.getByTestId('verification-close').click();

    // The commune user sees the decision, who made it and on what grounds, in the record's history.
    await becomeOperator(page, STAFF, 'commune_staff', commune.code);
    const decided = rowV.locator('[data-testid="row-verification-request"][data-state="verified"]').filter({ hasText: question });
    await expect(decided).toBeVisible();
    const last = decided.locator('[data-testid="verification-event"][data-state="verified"]');
    await expect(last).toContainText(TEAM);
    await expect(last.getByTestId('verification-grounds')).toContainText('Giấy báo tử');
    await expect(last.getByTestId('verification-result')).toContainText('là đúng');
    await expect(rowV.getByTestId('verification-send')).toBeEnabled();
    await shot(page, '03-history');
    // The commune's own view of the queue holds only its requests.
    await page.getByTestId('verification-button').click();
    await page.getByTestId('verification-filter-state').selectOption('all');
    const codes = await invoke<{ communeCode: string }[]>(page, 'verification.list', {});
    expect(codes.every((r) => r.communeCode === commune.code)).toBe(true);
    await page.getByTestId('verification-close').click();
    // A grave offers the same action in its panel (the attributes, with the latest request's state).
    const grave = (await invoke(page, 'features.query', { table: 'graves', filter: { commune_code: commune.code }, limit: 1 })).rows[0];
    await page.evaluate((id) => window.dispatchEvent(new CustomEvent('quytap:show-feature', { detail: { table: 'graves', id, extent: null } })), grave.id);
    const inspector = page.locator(`[data-testid="feature-panel"][data-id="${grave.id}"]`);
    await expect(inspector).toBeVisible();
    await inspector.getByTestId('row-verification').getByTestId('verification-send').click();
    await expect(page.getByTestId('verification-send-dialog')).toBeVisible();
    await shot(page, '04-grave');
    await page.getByTestId('verification-send-dialog').getByRole('button', { name: 'Thôi' }).click();
    await expect(page.getByTestId('verification-send-dialog')).toBeHidden();
    // The record itself was not changed.
    expect((await invoke(page, 'rows.get', { table: 'martyrs', id: martyr.id })).meta.version).toBe(martyr.meta.version);
  } finally {
    // Put the operator back as the other specs expect to find it.
    const o = before.operator;
    if (o) await invoke(page, 'session.setOperator', { name: o.name, role: o.role, communeCode: o.communeCode });
  }
});
