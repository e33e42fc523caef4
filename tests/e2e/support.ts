// What every spec does first. All specs share one server (playwright.config.ts): a spec that runs
// after another finds the demo already open and an operator already set, or another project open.
import { expect, type Page } from '@playwright/test';

export const TOKEN = 'e2e-secret-token';

/** Opens the demo project from wherever the server is, naming the operator if asked. */
export async function openDemo(page: Page, operatorName: string): Promise<void> {
  await page.goto(`/#token=${TOKEN}`);
  const demo = page.getByTestId('open-demo');
  const ws = page.getByTestId('workspace');
  await expect(demo.or(ws)).toBeVisible({ timeout: 60_000 });
  if (await demo.isVisible()) await demo.click();
  const op = page.getByTestId('operator-dialog');
  // The operator dialog opens over the workspace when nobody is named yet.
  await expect(ws).toBeVisible({ timeout: 60_000 });
  await expect(op.or(page.getByTestId('operator-button').filter({ hasNotText: 'Chưa nhập' }))).toBeVisible();
  if (await op.isVisible()) {
    await page.getByTestId('operator-name').fill(operatorName);
    await page.getByTestId('operator-save').click();
    await expect(op).toBeHidden();
  }
  await expect(ws).toBeVisible();
  if (!(await page.getByTestId('project-title').innerText()).includes('MINH HỌA')) {
    await page.getByTestId('close-project').click();
    await page.getByTestId('open-demo').click();
    await expect(page.getByTestId('project-title')).toContainText('MINH HỌA', { timeout: 60_000 });
  }
}

/** After a reload, opens a commune package from the imports folder in the exchange dialog for review. */
export async function reviewPackage(page: Page, fileName: string): Promise<void> {
  await page.reload();
  if (await page.getByTestId('open-demo').isVisible().catch(() => false)) await page.getByTestId('open-demo').click();
  await expect(page.getByTestId('workspace')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('exchange-button').click();
  await page.getByTestId('exchange-tab-package').click();
  await page.getByTestId('exchange-package').getByRole('button', { name: fileName }).click();
}
