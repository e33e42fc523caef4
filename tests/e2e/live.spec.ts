// The district hall, live: two windows (two browser contexts) on one server. An edit in one reaches
// the other's map within 1 s and redraws only its rows (no whole read of the table); each window
// sees who drafts which commune; two people saving one feature get both versions side by side.
import type { Browser, Page } from '@playwright/test';
import { expect, messageProblem, openDemo, test, watchMessages, type ShownMessage } from './support';

const SHOTS = 'test-results/screenshots';
const X = 'Nam Đà';

type RowLike = { id: string; geometry: { type: string; coordinates: any } | null; props: Record<string, any>; meta: { version: number; updatedBy: string } };

async function call<T = any>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(([m, i]) => (window as any).__quytapMap.api.invoke(m, i), [method, input] as const) as Promise<T>;
}

interface Window {
  page: Page;
  close(): Promise<void>;
  messages: () => ShownMessage[];
}

/** A window of its own (a browser context), on the demo, named `name`, drafting in commune X. */
async function openWindow(browser: Browser, name: string): Promise<Window> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
  const page = await ctx.newPage();
  const messages = await watchMessages(page);
  await openDemo(page, name);
  // Each window says who it is (the operator dialog), as two people in the hall would.
  if (!(await page.getByTestId('operator-button').innerText()).includes(name)) {
    await page.getByTestId('operator-button').click();
    await page.getByTestId('operator-name').fill(name);
    await page.getByTestId('operator-save').click();
    await expect(page.getByTestId('operator-dialog')).toBeHidden();
  }
  await expect(page.getByTestId('operator-button')).toContainText(name);
  await page.getByTestId('commune-select').selectOption({ label: X });
  await expect(page.getByTestId('focus-badge')).toContainText(X);
  // The graves are on the map and their features built (a targeted update needs them).
  await expect.poll(() => page.evaluate(() => (window as any).__quytapMap?.loadedCount('graves') ?? 0), { timeout: 60_000 }).toBeGreaterThan(0);
  return { page, close: () => ctx.close(), messages };
}

/** The operator every edit is recorded under is the server's (until sessions): each window names itself before it saves. */
const actAs = (w: Window, name: string) => call(w.page, 'session.setOperator', { name });

test.describe.configure({ mode: 'serial' });

let a: Window;
let b: Window;
let graveId = '';

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  a = await openWindow(browser, 'Nguyễn Văn A');
  b = await openWindow(browser, 'Trần Thị B');
});

test.afterAll(async () => {
  for (const w of [a, b]) {
    const bad = w?.messages().filter((m) => messageProblem(m) !== null) ?? [];
    expect(bad, 'every message shown is a sentence').toEqual([]);
  }
  await a?.close();
  await b?.close();
});

test('a grave added in one window appears on the other’s map within 1 s, only its tiles redrawn', async () => {
  const communes = (await call(a.page, 'features.query', { table: 'admin_units', filter: { level: 'commune', name: X } })).rows as RowLike[];
  const code = communes[0]!.props.code as string;
  const near = (await call(a.page, 'features.query', { table: 'graves', filter: { commune_code: code }, limit: 1 })).rows as RowLike[];
  const [x, y] = near[0]!.geometry!.coordinates as number[];
  const reads = () => b.page.evaluate(() => performance.getEntriesByName('quytap:read:graves').length);
  const readsBefore = await reads();
  const countBefore = await b.page.evaluate(() => (window as any).__quytapMap.loadedCount('graves'));

  // B has finished opening (its first picture is drawn): what is measured is the push, not the start.
  await expect.poll(() => b.page.evaluate(() => (window as any).__quytapMap.firstPictureAt !== null), { timeout: 30_000 }).toBe(true);
  await b.page.waitForTimeout(500);
  // B watches its own map source for the new grave, every 5 ms, and notes when it got there.
  graveId = crypto.randomUUID();
  await b.page.evaluate((id) => {
    const w = window as any;
    w.__seenAt = null;
    const timer = setInterval(() => {
      if (!w.__quytapMap.featureOf('graves', id)) return;
      w.__seenAt = performance.timeOrigin + performance.now();
      clearInterval(timer);
    }, 5);
  }, graveId);
  await actAs(a, 'Nguyễn Văn A');
  const ackAt = await a.page.evaluate(
    async ([id, xy]) => {
      await (window as any).__quytapMap.api.invoke('edits.apply', {
        label: 'Thêm mộ',
        put: [{ table: 'graves', id, geometry: { type: 'Point', coordinates: xy }, props: { kind: 'newly_found', verification: 'not_verified', name: 'Mộ e2e trực tiếp' } }],
      });
      return performance.timeOrigin + performance.now();
    },
    [graveId, [x! + 3.5, y! + 2.5]] as const,
  );
  await expect.poll(() => b.page.evaluate(() => (window as any).__seenAt), { timeout: 5000, intervals: [50] }).not.toBeNull();
  const seenAt = (await b.page.evaluate(() => (window as any).__seenAt)) as number;
  const lag = seenAt - ackAt;
  console.log(`live: the other window had the grave ${Math.round(lag)} ms after the acknowledgement`);
  expect(lag).toBeLessThan(1000);
  expect(await b.page.evaluate(() => (window as any).__quytapMap.loadedCount('graves'))).toBe(countBefore + 1);
  // Only the row was read (quytap:live), not the table again (quytap:read).
  expect(await reads()).toBe(readsBefore);
  expect(await b.page.evaluate(() => performance.getEntriesByName('quytap:live:graves').length)).toBeGreaterThan(0);
  const f = await b.page.evaluate((id) => {
    const g = (window as any).__quytapMap.featureOf('graves', id);
    return { name: g.get('name'), version: g.get('__meta').version };
  }, graveId);
  expect(f).toEqual({ name: 'Mộ e2e trực tiếp', version: 1 });
});

test('each window sees who is drafting which commune', async () => {
  await expect(b.page.getByTestId('presence-list')).toContainText(`${X} — Nguyễn Văn A`, { timeout: 10_000 });
  await expect(a.page.getByTestId('presence-list')).toContainText(`${X} — Trần Thị B`);
  // A window lists the others, not itself.
  await expect(b.page.getByTestId('presence-list')).not.toContainText('Trần Thị B');
  await b.page.getByTestId('presence-list').scrollIntoViewIfNeeded();
  await b.page.screenshot({ path: `${SHOTS}/live-01-presence.png` });
});

async function openGrave(w: Window): Promise<ReturnType<Page['getByTestId']>> {
  const page = w.page;
  await page.keyboard.press('Escape');
  await page.getByTestId('map').focus();
  await page.keyboard.press('f');
  const table = page.getByTestId('feature-table');
  await table.getByTestId('table-layer').selectOption('graves');
  await table.getByTestId('table-search').fill('Mộ e2e trực tiếp');
  await table.getByTestId('table-row').first().click();
  const panel = page.getByTestId('feature-panel');
  await expect(panel).toHaveAttribute('data-id', graveId);
  await expect(panel.getByTestId('field-name')).toHaveValue('Mộ e2e trực tiếp');
  return panel;
}

test('two people save one feature: the second sees both versions, keeps their own (“giữ của tôi”), nothing is lost', async () => {
  const one = await openGrave(a);
  const two = await openGrave(b);
  await actAs(a, 'Nguyễn Văn A');
  await one.getByTestId('field-name').fill('Tên của A');
  await one.getByTestId('form-save').click();
  await expect(a.page.getByTestId('toasts')).toContainText('Đã lưu');

  await actAs(b, 'Trần Thị B');
  await two.getByTestId('field-name').fill('Tên của B');
  await two.getByTestId('form-save').click();
  const dlg = b.page.getByTestId('conflict-dialog');
  await expect(dlg).toBeVisible();
  await expect(dlg).toContainText('Nguyễn Văn A đã sửa đối tượng này (phiên bản 2)');
  // Side by side: the name differs (marked), A's in the left column, B's in the right.
  const name = dlg.locator('[data-testid="conflict-field"][data-field="name"]');
  await expect(name).toHaveClass(/xc-diff/);
  await expect(name.locator('td').nth(0)).toContainText('Tên của A');
  await expect(name.locator('td').nth(1)).toContainText('Tên của B');
  await b.page.screenshot({ path: `${SHOTS}/live-02-conflict.png` });

  await dlg.getByRole('button', { name: 'Giữ của tôi' }).click();
  await expect(dlg).toBeHidden();
  await expect(b.page.getByTestId('toasts')).toContainText('phiên bản mới nhất');
  const row = (await call(b.page, 'rows.get', { table: 'graves', id: graveId })) as RowLike;
  expect(row.props.name).toBe('Tên của B');
  expect(row.meta.version).toBe(3); // created 1, A's save 2, B's kept on top: 3
  const history = (await call(b.page, 'history.of', { table: 'graves', id: graveId })) as { author: string; after: { props?: { name?: string } } }[];
  const names = history.map((h) => [h.author, h.after?.props?.name]);
  expect(names).toContainEqual(['Nguyễn Văn A', 'Tên của A']);
  expect(names).toContainEqual(['Trần Thị B', 'Tên của B']);
  // B's form shows the saved row; A's map has B's name without a reload.
  await expect(two.getByTestId('field-name')).toHaveValue('Tên của B');
  await expect.poll(() => a.page.evaluate((id) => (window as any).__quytapMap.featureOf('graves', id)?.get('name'), graveId), { timeout: 2000 }).toBe('Tên của B');
});

test('a shape moved after someone else moved it: both outlines shown, the second keeps their own', async () => {
  const before = (await call(b.page, 'rows.get', { table: 'graves', id: graveId })) as RowLike;
  const [x, y] = before.geometry!.coordinates as number[];
  // B's drag starts before A's move reaches it (an event still on its way): B's map holds it back.
  await b.page.evaluate(() => {
    const m = (window as any).__quytapMap;
    m.__held = m.applyChange;
    m.applyChange = () => Promise.resolve();
  });
  await actAs(a, 'Nguyễn Văn A');
  await call(a.page, 'edits.apply', { label: 'Di chuyển', put: [{ table: 'graves', id: graveId, baseVersion: before.meta.version, geometry: { type: 'Point', coordinates: [x! + 20, y!] } }] });

  await actAs(b, 'Trần Thị B');
  const page = b.page;
  // The end of B's drag with the move tool (the drag itself: drafting.spec.ts), 15 m south, at the
  // version B's map still holds.
  await page.evaluate(
    ([id, gx, gy]) => (window as any).__quytapDraft.cb.onGeometryEdited('graves', id, { type: 'Point', coordinates: [gx, (gy as number) - 15] }, 'Di chuyển'),
    [graveId, x, y] as const,
  );
  const dlg = page.getByTestId('conflict-dialog');
  await expect(dlg).toBeVisible();
  await expect(dlg.getByTestId('conflict-outlines').locator('path')).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/live-03-shape-conflict.png` });
  await dlg.getByTestId('conflict-keep-mine').click();
  await expect(dlg).toBeHidden();
  await page.evaluate(() => {
    const m = (window as any).__quytapMap;
    m.applyChange = m.__held;
  });
  const after = (await call(b.page, 'rows.get', { table: 'graves', id: graveId })) as RowLike;
  expect(after.meta.version).toBe(before.meta.version + 2);
  expect(after.geometry!.coordinates).toEqual([x, y! - 15]); // B's place, not A's (20 m east)
  const history = (await call(b.page, 'history.of', { table: 'graves', id: graveId })) as { author: string; after: { geometry?: { coordinates: number[] } } }[];
  expect(history.some((h) => h.author === 'Nguyễn Văn A' && h.after?.geometry?.coordinates[0] === x! + 20)).toBe(true);
});

test('the review panel of another window follows a commune’s submission without a reload', async () => {
  const info = await call(b.page, 'project.info', {});
  const K = info.settings.communes.find((c: { name: string }) => c.name === 'Quảng Phú').code as string;
  await b.page.keyboard.press('Escape');
  await b.page.getByTestId('review-button').click();
  const row = b.page.getByTestId('review-panel').locator(`[data-testid="review-commune-row"][data-code="${K}"]`);
  await expect(row).toHaveAttribute('data-state', 'draft');
  // A, staff of Quảng Phú, submits its map (through the contract, as the panel's button does).
  await call(a.page, 'session.setOperator', { name: 'Nguyễn Văn A', role: 'commune_staff', communeCode: K });
  await call(a.page, 'review.act', { communeCode: K, act: 'submit' });
  try {
    await expect(row).toHaveAttribute('data-state', 'submitted', { timeout: 3000 });
    await expect(row.getByTestId('review-state')).toHaveText('Đã trình duyệt');
  } finally {
    // The specs share one project: Quảng Phú goes back to a draft (approve, then unlock) for the next.
    await call(a.page, 'session.setOperator', { name: 'Kiểm thử trực tiếp', role: 'reviewer', communeCode: null });
    await call(a.page, 'review.act', { communeCode: K, act: 'approve', note: '' });
    await call(a.page, 'review.act', { communeCode: K, act: 'unlock', note: 'kiểm thử trực tiếp xong' });
  }
  await expect(row).toHaveAttribute('data-state', 'draft', { timeout: 3000 });
});
