// What every spec does first. All specs share one server (playwright.config.ts): a spec that runs
// after another finds the demo already open and an operator already set, or another project open.
import { test as base, expect, type Page } from '@playwright/test';

export { expect };

// ── every message a user sees is a sentence ──
// Toasts, error boxes and notes carry `data-message` (or role="alert"); while a test runs, a
// MutationObserver in the page reports the text of each one shown, and the test fails at its end
// if one was JSON, an exception's "Error:", a stack line, or the access-token warning on anything
// but a refused token (HTTP 401, data-code="unauthorized").
const MESSAGE_SELECTOR = '[data-message], [role="alert"], [role="alertdialog"], .toast';

export interface ShownMessage {
  text: string;
  code: string | null;
}

/** Why a shown message is not a sentence for the user, or null when it is one. */
export function messageProblem(m: ShownMessage): string | null {
  if (/\{\s*"|\[\s*\{/.test(m.text)) return 'raw JSON';
  if (/\b[A-Za-z]*Error:/.test(m.text)) return 'an exception name ("Error:")';
  if (/(^|\n)\s*at \S+ \(?\S+:\d+:\d+\)?/.test(m.text) || m.text.includes('    at ')) return 'a stack line';
  if (/mã truy cập \(token\)|access token/i.test(m.text) && m.code !== 'unauthorized') return 'the access-token warning for a refusal that is not a 401';
  return null;
}

/** Installs the watcher on a page; returns what it saw so far. */
export async function watchMessages(page: Page): Promise<() => ShownMessage[]> {
  const seen: ShownMessage[] = [];
  await page.exposeFunction('__quytapShownMessage', (text: string, code: string | null) => void seen.push({ text, code }));
  await page.addInitScript((selector: string) => {
    const reported = new Set<string>();
    let timer = 0;
    const scan = () => {
      timer = 0;
      for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
        if (!el.checkVisibility()) continue;
        const text = el.innerText.trim();
        const code = el.closest('[data-code]')?.getAttribute('data-code') ?? null;
        const key = `${code}|${text}`;
        if (!text || reported.has(key)) continue;
        reported.add(key);
        void (window as unknown as { __quytapShownMessage: (t: string, c: string | null) => Promise<void> }).__quytapShownMessage(text, code);
      }
    };
    // The browser's own dialogs (window.confirm…) are messages too; wrapped, not handled, so that a
    // spec's page.on('dialog') (or Playwright's default dismissal) still answers them.
    for (const name of ['alert', 'confirm', 'prompt'] as const) {
      const original = window[name].bind(window) as (m?: string) => unknown;
      (window as unknown as Record<string, unknown>)[name] = (message?: string) => {
        void (window as unknown as { __quytapShownMessage: (t: string, c: string | null) => Promise<void> }).__quytapShownMessage(String(message ?? ''), null);
        return original(message);
      };
    }
    const start = () =>
      new MutationObserver(() => {
        if (!timer) timer = window.setTimeout(scan, 30);
      }).observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['open', 'hidden', 'class'] });
    if (document.documentElement) start();
    else document.addEventListener('DOMContentLoaded', start);
  }, MESSAGE_SELECTOR);
  return () => [...seen];
}

/**
 * `test` for every spec: the page's messages are watched (above) and checked when the test ends.
 * Pages a test opens itself (browser.newContext()) can call watchMessages too.
 */
export const test = base.extend<{ messageGuard: () => ShownMessage[] }>({
  messageGuard: [
    async ({ page }, use, testInfo) => {
      const seen = await watchMessages(page);
      await use(seen);
      // One last look at what is on the screen now.
      await page.waitForTimeout(60).catch(() => undefined);
      const bad = seen()
        .map((m) => ({ ...m, problem: messageProblem(m) }))
        .filter((m) => m.problem !== null);
      if (bad.length) await testInfo.attach('messages', { body: JSON.stringify(seen(), null, 1), contentType: 'application/json' });
      expect(bad, 'every message shown is a sentence for the user').toEqual([]);
    },
    { auto: true },
  ],
});

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
