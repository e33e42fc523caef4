// The district hall with three people: a hall server started by this spec (`quytap serve --hall`,
// its own demo project in a temp folder, its own port, HTTPS with the session's certificate), three
// browser contexts logged in through the /login page. Two commune staff of different communes draw
// at once and each sees the other's feature within 1 s; a reviewer returns one commune with a
// pinned comment, which that commune's drafter sees at once; a commune staff account is refused by
// the server when it edits another commune or calls review.act, also through a hand-made request.
// Then the server is killed: the page says so, and the edit it never acknowledged is not shown as
// saved but kept, and is sent again once the server is back and the drafter has logged in again.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { HallClient, REPO_ROOT, startHallProcess, type HallProcess } from '../../bench/hall-harness';
import { expect, messageProblem, test, watchMessages, type ShownMessage } from './support';

const E2E_PORT = Number(process.env.QUYTAP_E2E_PORT ?? 5187);
const STATIC = resolve(E2E_PORT === 5187 ? 'dist/renderer' : `dist/renderer-${E2E_PORT}`);
const SHOTS = 'test-results/screenshots';
const QP = { code: '24712', name: 'Quảng Phú' };
const ND = { code: '24697', name: 'Nam Đà' };
const PEOPLE = {
  lan: { login: 'lan', password: 'can-bo-quang-phu-1', name: 'Chị Lan (Quảng Phú)', role: 'commune_staff', communeCode: QP.code },
  minh: { login: 'minh', password: 'can-bo-nam-da-2026', name: 'Anh Minh (Nam Đà)', role: 'commune_staff', communeCode: ND.code },
  binh: { login: 'binh', password: 'tham-dinh-huyen-26', name: 'Anh Bình (thẩm định)', role: 'reviewer' },
} as const;

interface Person {
  ctx: BrowserContext;
  page: Page;
  messages: () => ShownMessage[];
}

let dir = '';
let project = '';
let server: HallProcess;
let base = '';
let lan: Person;
let minh: Person;
let binh: Person;

const call = <T = any>(p: Person, method: string, input: unknown): Promise<T> =>
  p.page.evaluate(([m, i]) => (window as any).__quytapMap.api.invoke(m, i), [method, input] as const) as Promise<T>;
/** The refusal a call gets, as the page's client sees it ({ code, vi }); null if it was not refused. */
const refusal = (p: Person, method: string, input: unknown) =>
  p.page.evaluate(
    ([m, i]) =>
      (window as any).__quytapMap.api.invoke(m, i).then(
        () => null,
        (e: { code: string; vi: string }) => ({ code: e.code, vi: e.vi }),
      ),
    [method, input] as const,
  );

async function logIn(browser: Browser, who: (typeof PEOPLE)[keyof typeof PEOPLE], commune: { name: string } | null): Promise<Person> {
  const ctx = await browser.newContext({ ignoreHTTPSErrors: true, baseURL: base, viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
  const page = await ctx.newPage();
  const messages = await watchMessages(page);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId('fingerprint')).toContainText(server.fingerprint);
  await page.locator('#login input[name=login]').fill(who.login);
  await page.locator('#login input[name=password]').fill(who.password);
  await page.locator('#login button').click();
  await expect(page.getByTestId('workspace')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('operator-button')).toContainText(who.name);
  if (commune) {
    await page.getByTestId('commune-select').selectOption({ label: commune.name });
    await expect(page.getByTestId('focus-badge')).toContainText(commune.name);
  }
  await expect.poll(() => page.evaluate(() => (window as any).__quytapMap?.loadedCount('graves') ?? 0), { timeout: 60_000 }).toBeGreaterThan(0);
  return { ctx, page, messages };
}

/** A place inside the commune: beside one of its own graves. */
async function spotIn(p: Person, code: string): Promise<[number, number]> {
  const rows = (await call(p, 'features.query', { table: 'graves', filter: { commune_code: code }, limit: 1 })).rows;
  const [x, y] = rows[0].geometry.coordinates as [number, number];
  return [x + 2.5, y - 1.5];
}

/** Starts watching `p`'s map for feature `id`; the time it appeared is read with seenAt(). */
const watchFor = (p: Person, id: string) =>
  p.page.evaluate((fid) => {
    const w = window as any;
    w.__seen = w.__seen ?? {};
    const timer = setInterval(() => {
      if (!w.__quytapMap.featureOf('graves', fid)) return;
      w.__seen[fid] = performance.timeOrigin + performance.now();
      clearInterval(timer);
    }, 5);
  }, id);
const seenAt = (p: Person, id: string) => p.page.evaluate((fid) => (window as any).__seen?.[fid] ?? null, id) as Promise<number | null>;

/** Adds a grave from `p`'s page; the wall-clock time of the acknowledgement. */
const addGrave = (p: Person, id: string, xy: [number, number], name: string) =>
  p.page.evaluate(
    async ([fid, at, n]) => {
      await (window as any).__quytapMap.api.invoke('edits.apply', {
        label: 'Thêm mộ',
        put: [{ table: 'graves', id: fid, geometry: { type: 'Point', coordinates: at }, props: { kind: 'newly_found', verification: 'not_verified', name: n } }],
      });
      return performance.timeOrigin + performance.now();
    },
    [id, xy, name] as const,
  );

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  dir = mkdtempSync(join(tmpdir(), 'quytap-e2e-hall-'));
  project = join(dir, 'krong-no.gpkg');
  execFileSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/main/cli.ts'), 'demo', '--out', project], { cwd: REPO_ROOT, stdio: 'ignore' });
  server = await startHallProcess({ project, args: ['--static-dir', STATIC] });
  base = `https://127.0.0.1:${server.port}`;
  // The first administrator joins with the code the terminal printed, and makes the three accounts.
  const admin = new HallClient(server.port, server.fingerprint);
  await admin.logIn('admin', 'quan-tri-e2e-2026', server.joinCode!);
  for (const p of Object.values(PEOPLE)) {
    const r = await admin.rpc('accounts.create', p);
    expect(r.status, r.text).toBe(200);
  }
  admin.close();
  [lan, minh, binh] = await Promise.all([logIn(browser, PEOPLE.lan, QP), logIn(browser, PEOPLE.minh, ND), logIn(browser, PEOPLE.binh, null)]);
});

test.afterAll(async () => {
  for (const p of [lan, minh, binh]) {
    const bad = p?.messages().filter((m) => messageProblem(m) !== null) ?? [];
    expect(bad, 'every message shown is a sentence').toEqual([]);
    await p?.ctx.close();
  }
  await server?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('two commune staff draw at once; each sees the other’s grave within 1 s', async () => {
  const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
  const [atA, atB] = [await spotIn(lan, QP.code), await spotIn(minh, ND.code)];
  await Promise.all([lan.page.waitForTimeout(300), watchFor(lan, b), watchFor(minh, a)]);
  const [ackA, ackB] = await Promise.all([addGrave(lan, a, atA, 'Mộ chị Lan vẽ'), addGrave(minh, b, atB, 'Mộ anh Minh vẽ')]);
  await expect.poll(() => seenAt(minh, a), { timeout: 5000, intervals: [50] }).not.toBeNull();
  await expect.poll(() => seenAt(lan, b), { timeout: 5000, intervals: [50] }).not.toBeNull();
  const lagAtMinh = (await seenAt(minh, a))! - ackA;
  const lagAtLan = (await seenAt(lan, b))! - ackB;
  console.log(`hall: Lan's grave on Minh's map ${Math.round(lagAtMinh)} ms after its acknowledgement; Minh's on Lan's ${Math.round(lagAtLan)} ms`);
  expect(lagAtMinh).toBeLessThan(1000);
  expect(lagAtLan).toBeLessThan(1000);
  // Each written by the session's account, whatever the page could have claimed.
  expect((await call(binh, 'rows.get', { table: 'graves', id: a })).meta.createdBy).toBe(PEOPLE.lan.name);
  expect((await call(binh, 'rows.get', { table: 'graves', id: b })).meta.createdBy).toBe(PEOPLE.minh.name);
  await minh.page.screenshot({ path: `${SHOTS}/hall-01-two-drafters.png` });
});

test('the reviewer returns Quảng Phú with a pinned comment; its drafter sees it at once', async () => {
  // Lan's panel is open on her commune, as she would keep it while drawing.
  await lan.page.keyboard.press('Escape');
  await lan.page.getByTestId('review-button').click();
  await lan.page.getByTestId('review-commune').selectOption(QP.code);
  const row = lan.page.getByTestId('review-panel').locator(`[data-testid="review-commune-row"][data-code="${QP.code}"]`);
  await expect(row).toHaveAttribute('data-state', 'draft');
  // The commune submits (its own act), the reviewer pins a comment on a grave and returns the map.
  await call(lan, 'review.act', { communeCode: QP.code, act: 'submit' });
  await expect(row).toHaveAttribute('data-state', 'submitted', { timeout: 3000 });
  const grave = (await call(binh, 'features.query', { table: 'graves', filter: { commune_code: QP.code }, limit: 1 })).rows[0];
  const [x, y] = grave.geometry.coordinates as [number, number];
  await call(binh, 'review.comment.add', { communeCode: QP.code, table: 'graves', featureId: grave.id, x, y, text: 'Mộ này lệch vị trí so với phiếu, đề nghị kiểm tra lại.' });
  // Lan's page notes when the returned banner appears; the reviewer's, when its act was answered.
  await lan.page.evaluate(() => {
    const w = window as any;
    w.__returnedSeen = null;
    const timer = setInterval(() => {
      if (!document.querySelector('[data-testid="review-returned-banner"]')) return;
      w.__returnedSeen = performance.timeOrigin + performance.now();
      clearInterval(timer);
    }, 5);
  });
  const actedAt = await binh.page.evaluate(async (code) => {
    await (window as any).__quytapMap.api.invoke('review.act', { communeCode: code, act: 'return', note: 'Sửa theo góp ý trên bản đồ' });
    return performance.timeOrigin + performance.now();
  }, QP.code);
  await expect(row).toHaveAttribute('data-state', 'returned', { timeout: 2000 });
  await expect(lan.page.getByTestId('review-returned-banner')).toContainText(`${QP.name} bị trả lại: 1 góp ý chưa xử lý`, { timeout: 2000 });
  const lag = (await lan.page.evaluate(() => (window as any).__returnedSeen as number)) - actedAt;
  console.log(`hall: Lan's panel showed the return ${Math.round(lag)} ms after the reviewer's act was answered`);
  expect(lag).toBeLessThan(1000);
  await lan.page.getByTestId('review-tab-comments').click();
  const comment = lan.page.getByTestId('review-comment');
  await expect(comment).toContainText('Mộ này lệch vị trí');
  await expect(comment).toContainText(PEOPLE.binh.name);
  await expect
    .poll(() => lan.page.evaluate(() => (window as any).__quytapMap.map.getLayers().getArray().some((l: any) => l.get('name') === 'review-comments' && l.getSource().getFeatures().length === 1)))
    .toBe(true);
  await lan.page.screenshot({ path: `${SHOTS}/hall-02-returned-seen.png` });
  await lan.page.keyboard.press('Escape');
});

test('commune staff are refused by the server: another commune’s feature, review.act, and a hand-made request', async () => {
  const inND = await spotIn(lan, ND.code);
  const put = { label: 'Mộ ở xã khác', put: [{ table: 'graves', geometry: { type: 'Point', coordinates: inND }, props: { kind: 'newly_found', verification: 'not_verified', name: 'Không được phép' } }] };
  const other = await refusal(lan, 'edits.apply', put);
  expect(other?.code).toBe('forbidden');
  const act = await refusal(minh, 'review.act', { communeCode: ND.code, act: 'approve' });
  expect(act?.code).toBe('forbidden');
  expect(act?.vi).toMatch(/chỉ cán bộ thẩm định hoặc quản trị/);
  // Hand-made: the same session cookie, no page, a body claiming to be an administrator.
  const forged = { ...put, operator: { name: 'Quản trị', role: 'admin', communeCode: null }, author: 'Quản trị' };
  const raw = await lan.ctx.request.post(`${base}/rpc/edits.apply`, { data: forged, headers: { 'content-type': 'application/json' } });
  expect(raw.status()).toBe(403);
  expect((await raw.json()).error.code).toBe('forbidden');
  const rawAct = await minh.ctx.request.post(`${base}/rpc/review.act`, { data: { communeCode: QP.code, act: 'approve', role: 'reviewer' }, headers: { 'content-type': 'application/json' } });
  expect(rawAct.status()).toBe(403);
  // Nothing of it was written: no grave named so, Quảng Phú still returned.
  expect((await call(binh, 'features.query', { table: 'graves', filter: { name: 'Không được phép' }, limit: 5 })).rows).toEqual([]);
  const states = (await call(binh, 'review.overview', {})).communes;
  expect(states.find((c: { communeCode: string }) => c.communeCode === QP.code).state).toBe('returned');
});

test('the server is killed: the page says so, keeps the unacknowledged edit, sends it again after the restart and a new log-in (the page reloaded)', async () => {
  test.setTimeout(120_000);
  const id = crypto.randomUUID();
  const at = await spotIn(minh, ND.code);
  await server.kill();
  const failed = await minh.page.evaluate(
    ([fid, xy]) =>
      (window as any).__quytapMap.api
        .invoke('edits.apply', { label: 'Thêm mộ khi mất mạng', put: [{ table: 'graves', id: fid, geometry: { type: 'Point', coordinates: xy }, props: { kind: 'newly_found', verification: 'not_verified', name: 'Mộ vẽ lúc mất mạng' } }] })
        .then(
          () => 'saved',
          () => 'failed',
        ),
    [id, at] as const,
  );
  expect(failed).toBe('failed');
  const banner = minh.page.getByTestId('link-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Mất kết nối với máy chủ.');
  await expect(banner).toContainText('CHƯA được lưu');
  await expect(banner).toContainText('gói xã');
  await expect(banner).toHaveAttribute('data-unsent', '1');
  await expect(banner.getByTestId('link-unsent')).toContainText('Thêm mộ khi mất mạng');
  await expect(minh.page.getByTestId('toasts')).not.toContainText('Đã lưu');
  await minh.page.screenshot({ path: `${SHOTS}/hall-03-server-unreachable.png` });

  // The server starts again on the same port and file; sessions lived in the killed process.
  server = await startHallProcess({ project, port: server.port, args: ['--static-dir', STATIC] });
  await expect(banner).toHaveAttribute('data-reachable', 'true', { timeout: 15_000 });
  await banner.getByTestId('link-resend').click();
  await expect(banner.getByTestId('link-note')).toContainText('đăng nhập lại');
  await expect(banner).toHaveAttribute('data-unsent', '1');
  // Logging in again is a new page load: the kept change comes back from this browser's storage.
  await banner.getByTestId('link-relogin').click();
  await expect(minh.page).toHaveURL(/\/login$/);
  await minh.page.locator('#login input[name=login]').fill(PEOPLE.minh.login);
  await minh.page.locator('#login input[name=password]').fill(PEOPLE.minh.password);
  await minh.page.locator('#login button').click();
  await expect(minh.page.getByTestId('workspace')).toBeVisible({ timeout: 60_000 });
  await expect(banner).toHaveAttribute('data-unsent', '1');
  await expect(banner.getByTestId('link-unsent')).toContainText('Thêm mộ khi mất mạng');
  await expect.poll(() => minh.page.evaluate(() => (window as any).__quytapMap?.loadedCount('graves') ?? 0), { timeout: 60_000 }).toBeGreaterThan(0);
  await banner.getByTestId('link-resend').click();
  await expect(banner).toBeHidden();
  const row = await call(minh, 'rows.get', { table: 'graves', id });
  expect(row.props.name).toBe('Mộ vẽ lúc mất mạng');
  expect(row.meta.createdBy).toBe(PEOPLE.minh.name);
});
