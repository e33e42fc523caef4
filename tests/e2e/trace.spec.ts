// Drawing along the commune boundary, as new staff do: the area's side on the boundary is drawn by
// clicking on the boundary, moving along it and clicking further on (OpenLayers' trace), and the
// check then finds no "crosses the commune boundary" error. Without tracing, the same clicks cut
// straight across the boundary's bends.
import type { Page } from '@playwright/test';
import { expect, openDemo, test } from './support';

const SHOTS = 'test-results/screenshots';

type Geo = { type: string; coordinates: any };
type RowLike = { id: string; geometry: Geo | null; props: Record<string, any>; meta: { version: number } };
type Pt = number[];

async function call<T = any>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(([m, i]) => (window as any).__quytapMap.api.invoke(m, i), [method, input] as const) as Promise<T>;
}

/** Page pixel of a working-CRS coordinate. */
async function px(page: Page, xy: Pt): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((c) => (window as any).__quytapMap.map.getPixelFromCoordinate(c), xy);
  const box = (await page.getByTestId('map').boundingBox())!;
  return { x: box.x + p[0], y: box.y + p[1] };
}

const lerp = (a: Pt, b: Pt, t: number): Pt => [a[0]! + (b[0]! - a[0]!) * t, a[1]! + (b[1]! - a[1]!) * t];
const dist = (a: Pt, b: Pt) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);
const cross = (o: Pt, a: Pt, b: Pt) => (a[0]! - o[0]!) * (b[1]! - o[1]!) - (a[1]! - o[1]!) * (b[0]! - o[0]!);
/** Proper crossing of two segments (touching at an end does not count). */
const crosses = (a: Pt, b: Pt, c: Pt, d: Pt) => cross(a, b, c) * cross(a, b, d) < 0 && cross(c, d, a) * cross(c, d, b) < 0;
const inside = (p: Pt, ring: Pt[]) => {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > p[1]! !== yj! > p[1]! && p[0]! < ((xj! - xi!) * (p[1]! - yi!)) / (yj! - yi!) + xi!) c = !c;
  }
  return c;
};
/** Distance from p to the segment a–b. */
const toSegment = (p: Pt, a: Pt, b: Pt) => {
  const l2 = (b[0]! - a[0]!) ** 2 + (b[1]! - a[1]!) ** 2;
  if (l2 === 0) return dist(p, a);
  const t = Math.max(0, Math.min(1, ((p[0]! - a[0]!) * (b[0]! - a[0]!) + (p[1]! - a[1]!) * (b[1]! - a[1]!)) / l2));
  return dist(p, lerp(a, b, t));
};

/**
 * A stretch of the boundary worth tracing: clicked in the middle of edge k and of edge k+n (edges
 * of 30 m or more, so the clicks snap onto edges, not vertices), with the boundary's vertices between
 * (the demo's real boundaries have one every 8 m or so),
 * bent enough that the straight line from one click to the other leaves the commune; and two
 * interior corners that close the area without touching the boundary. Away from the search areas
 * already there (`taken`: their extents), whose edges would be snapped to and traced as well.
 */
function stretch(ring: Pt[], taken: number[][]) {
  const centre = ring.reduce((s, p) => [s[0]! + p[0]! / ring.length, s[1]! + p[1]! / ring.length], [0, 0]);
  for (let k = 0; k + 122 < ring.length; k++) {
    for (let n = 10; n <= 120; n++) {
      const e1 = [ring[k]!, ring[k + 1]!];
      const e2 = [ring[k + n]!, ring[k + n + 1]!];
      if (dist(e1[0]!, e1[1]!) < 30 || dist(e2[0]!, e2[1]!) < 30) continue;
      const start = lerp(e1[0]!, e1[1]!, 0.5);
      const end = lerp(e2[0]!, e2[1]!, 0.5);
      const chord = dist(start, end);
      if (chord < 250 || chord > 700) continue;
      const between = ring.slice(k + 1, k + n + 1);
      // The straight chord must leave the commune (else tracing changes nothing worth testing).
      if (!between.some((v, i) => i > 0 && crosses(start, end, between[i - 1]!, v)) && inside(lerp(start, end, 0.5), ring)) continue;
      const depth = chord * 0.35;
      const inward = (p: Pt): Pt => {
        const d = dist(p, centre);
        return [p[0]! + ((centre[0]! - p[0]!) / d) * depth, p[1]! + ((centre[1]! - p[1]!) / d) * depth];
      };
      const i1 = inward(end);
      const i2 = inward(start);
      const closing: [Pt, Pt][] = [
        [end, i1],
        [i1, i2],
        [i2, start],
      ];
      if (![i1, i2].every((p) => inside(p, ring))) continue;
      const pts = [start, end, i1, i2, ...between];
      const box = [Math.min(...pts.map((p) => p[0]!)) - 50, Math.min(...pts.map((p) => p[1]!)) - 50, Math.max(...pts.map((p) => p[0]!)) + 50, Math.max(...pts.map((p) => p[1]!)) + 50];
      if (taken.some((t) => t[0]! <= box[2]! && box[0]! <= t[2]! && t[1]! <= box[3]! && box[1]! <= t[3]!)) continue;
      // No closing side crosses the boundary or comes within 40 m of it, but at its ends on it.
      const clear = closing.every(([a, b]) =>
        ring.every((v, i) => i === 0 || !crosses(a, b, ring[i - 1]!, v)),
      );
      const away = [i1, i2, lerp(i1, i2, 0.5)].every((p) => ring.every((v, i) => i === 0 || toSegment(p, ring[i - 1]!, v) > 40));
      if (clear && away) return { k, n, start, end, between, i1, i2 };
    }
  }
  throw new Error('no stretch of the boundary to trace');
}

/** Focuses a commune; its outer ring and the extents of the search areas already drawn. */
async function focusCommune(page: Page, name: string) {
  const communes = (await call(page, 'features.query', { table: 'admin_units', filter: { level: 'commune' } })).rows as RowLike[];
  const commune = communes.find((c) => c.props.name === name) ?? communes[0]!;
  await page.getByTestId('commune-select').selectOption({ label: commune.props.name });
  await expect(page.getByTestId('focus-badge')).toContainText(commune.props.name);
  const g = commune.geometry!;
  const ring: Pt[] = (g.type === 'MultiPolygon' ? g.coordinates[0][0] : g.coordinates[0]) as Pt[];
  const areas = (await call(page, 'features.query', { table: 'search_areas', limit: 5000 })).rows as RowLike[];
  const extentOf = (r: RowLike) => {
    const ps = (JSON.stringify(r.geometry!.coordinates).match(/-?[\d.]+,-?[\d.]+/g) ?? []).map((x) => x.split(',').map(Number));
    return [Math.min(...ps.map((p) => p[0]!)), Math.min(...ps.map((p) => p[1]!)), Math.max(...ps.map((p) => p[0]!)), Math.max(...ps.map((p) => p[1]!))];
  };
  const taken = areas.filter((r) => r.geometry && !(r.meta as { deleted?: boolean }).deleted).map(extentOf);
  return { commune, ring, taken };
}

/** Fills the search area form and saves it; the new area's id. */
async function saveArea(page: Page, code: string): Promise<string> {
  const form = page.getByTestId('attr-form');
  await form.getByTestId('field-status').selectOption('not_started');
  await form.getByTestId('field-code').fill(code);
  await form.getByTestId('field-name').fill('Khu vực vẽ bám ranh giới xã');
  await form.getByTestId('field-estimated_remains').fill('2');
  await form.getByTestId('form-save').click();
  const panel = page.getByTestId('feature-panel');
  await expect(panel).toHaveAttribute('data-table', 'search_areas');
  await expect(panel).not.toHaveAttribute('data-id', '');
  return (await panel.getAttribute('data-id'))!;
}

/** The commune findings about one feature, from the same check run as the review panel's F9. */
async function communeFindings(page: Page, communeCode: string, id: string) {
  const run = await call(page, 'review.run', { communes: [communeCode] });
  return (run.findings as { rule: string; id: string | null }[]).filter((f) => f.id === id && f.rule.startsWith('commune.'));
}

/** Removes a test's area: the other specs draw in this commune too. */
async function removeArea(page: Page, id: string) {
  const now = (await call(page, 'rows.get', { table: 'search_areas', id })) as RowLike;
  await call(page, 'edits.apply', { label: 'kiểm thử: xóa vùng thử', remove: [{ table: 'search_areas', id, baseVersion: now.meta.version }] });
}

test('an area traced along the commune boundary has no commune.crosses finding', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openDemo(page, 'Cán bộ xã Nâm Nung');
  await expect.poll(() => page.evaluate(() => !!(window as any).__quytapMap)).toBe(true);

  const { commune, ring, taken } = await focusCommune(page, 'Nâm Nung');
  const s = stretch(ring, taken);

  const all = [s.start, ...s.between, s.end, s.i1, s.i2];
  const xs = all.map((p) => p[0]!);
  const ys = all.map((p) => p[1]!);
  // Clear of the right-hand panel: it shows what is under the pointer while drawing, over the map.
  await page.evaluate((e) => (window as any).__quytapMap.view.fit(e, { padding: [120, 460, 120, 120] }), [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
  await page.waitForTimeout(1500); // the boundary's features for the new extent (snapping and tracing need them)

  /** The clicks: on edge k (3 px off), along the boundary, on edge k+n, then the two interior corners. */
  const drawClicks = async () => {
    await page.getByTestId('map').focus();
    await page.keyboard.press('p');
    await expect(page.getByTestId('tool-polygon')).toHaveAttribute('aria-pressed', 'true');
    const p0 = await px(page, s.start);
    await page.mouse.move(p0.x + 2, p0.y - 2);
    await page.mouse.click(p0.x + 2, p0.y - 2);
    // Along the boundary: through every fifth of its vertices (the trace follows the nearest point).
    for (const v of [...s.between.filter((_, i) => i % 5 === 4), s.end]) {
      const p = await px(page, v);
      await page.mouse.move(p.x + 1, p.y + 1, { steps: 3 });
    }
    const p1 = await px(page, s.end);
    await page.mouse.click(p1.x - 2, p1.y + 2);
    const q1 = await px(page, s.i1);
    await page.mouse.move(q1.x, q1.y, { steps: 4 });
    await page.mouse.click(q1.x, q1.y);
    const q2 = await px(page, s.i2);
    await page.mouse.move(q2.x, q2.y, { steps: 4 });
    await page.mouse.dblclick(q2.x, q2.y);
    await expect(page.getByTestId('attr-form')).toBeVisible();
  };
  const sketchRing = () =>
    page.evaluate(() => {
      const dc = (window as any).__quytapDraft;
      const f = dc.sketchLayer.getSource().getFeatures()[0];
      return f.getGeometry().getCoordinates()[0] as number[][];
    });
  const has = (r: Pt[], v: Pt) => r.some((p) => p[0] === v[0] && p[1] === v[1]);

  // 1. Tracing off (B): the same clicks give a side that cuts straight across the bends.
  const toggle = page.getByTestId('trace-toggle');
  await expect(toggle).toBeChecked(); // on by default
  await page.getByTestId('map').focus();
  await page.keyboard.press('b');
  await expect(toggle).not.toBeChecked();
  await drawClicks();
  const straight = await sketchRing();
  expect(s.between.filter((v) => has(straight, v))).toHaveLength(0);
  await page.getByTestId('form-cancel').click();
  await expect(page.getByTestId('attr-form')).toBeHidden();

  // 2. Tracing on: the side along the boundary IS the boundary, vertex for vertex.
  await page.getByTestId('map').focus();
  await page.keyboard.press('b');
  await expect(toggle).toBeChecked();
  await drawClicks();
  const traced = await sketchRing();
  expect(s.between.filter((v) => !has(traced, v))).toEqual([]);
  const areaId = await saveArea(page, 'E2E-BAM-RANH');
  try {
    const area = (await call(page, 'rows.get', { table: 'search_areas', id: areaId })) as RowLike;
    const saved: Pt[] = area.geometry!.type === 'Polygon' ? area.geometry!.coordinates[0] : area.geometry!.coordinates[0][0];
    expect(s.between.filter((v) => !has(saved, v))).toEqual([]);
    // The two clicked points are on the boundary's edges (snapped), not 2–3 px off.
    for (const k of [s.k, s.k + s.n]) expect(Math.min(...saved.map((q) => toSegment(q, ring[k]!, ring[k + 1]!)))).toBeLessThan(0.001);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${SHOTS}/trace-01-traced-area.png` });

    // 3. With the vertex tool, a drag that misses the outline by a little (16 px: Modify takes 8)
    //    leaves the map and the area where they were and says so; a drag well away still pans.
    // The vertex tool works on the map's feature, there once the layer has been read again.
    await expect.poll(() => page.evaluate((id) => !!(window as any).__quytapMap.featureOf('search_areas', id), areaId), { timeout: 30_000 }).toBe(true);
    await page.getByTestId('map').focus();
    await page.keyboard.press('v');
    await expect(page.getByTestId('tool-select')).toHaveAttribute('aria-pressed', 'true');
    const centre = () => page.evaluate(() => (window as any).__quytapMap.view.getCenter() as number[]);
    const c0 = await centre();
    const m1 = await px(page, s.i1);
    const m2 = await px(page, s.i2);
    const mid = { x: (m1.x + m2.x) / 2, y: (m1.y + m2.y) / 2 };
    const len = Math.hypot(m2.x - m1.x, m2.y - m1.y);
    // Across the side i1–i2, on the side away from the boundary (outside the area).
    let nx = -(m2.y - m1.y) / len;
    let ny = (m2.x - m1.x) / len;
    const p0 = await px(page, s.start);
    if ((p0.x - mid.x) * nx + (p0.y - mid.y) * ny > 0) [nx, ny] = [-nx, -ny];
    const drag = async (from: { x: number; y: number }) => {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x + 60, from.y + 40, { steps: 6 });
      await page.mouse.move(from.x + 120, from.y + 80, { steps: 6 });
      await page.mouse.up();
    };
    await drag({ x: mid.x + 16 * nx, y: mid.y + 16 * ny });
    expect(await centre()).toEqual(c0);
    await expect(page.getByTestId('toast-info').filter({ hasText: 'Chưa trúng đỉnh hay cạnh' })).toBeVisible();
    const after = (await call(page, 'rows.get', { table: 'search_areas', id: areaId })) as RowLike;
    expect(after.meta.version).toBe(area.meta.version);
    await drag({ x: mid.x + 90 * nx, y: mid.y + 90 * ny });
    expect(dist(await centre(), c0)).toBeGreaterThan(10);

    // 4. The check (the same run as the review panel's F9): nothing about crossing the boundary.
    expect(await communeFindings(page, commune.props.code, areaId)).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await removeArea(page, areaId);
  }
});

/**
 * A triangle across the boundary: one corner 60 m outside it, two 120 m inside, whose sides cross
 * the boundary twice in all (so the part inside is one piece), away from other areas.
 */
function acrossBoundary(ring: Pt[], taken: number[][]) {
  for (let j = 10; j + 10 < ring.length; j += 7) {
    const a = ring[j - 5]!;
    const b = ring[j + 5]!;
    const span = dist(a, b);
    if (span < 20) continue;
    const t = [(b[0]! - a[0]!) / span, (b[1]! - a[1]!) / span];
    const v = ring[j]!;
    let n = [-t[1]!, t[0]!];
    if (inside([v[0]! + n[0]! * 30, v[1]! + n[1]! * 30], ring)) n = [-n[0]!, -n[1]!];
    const out = [v[0]! + n[0]! * 60, v[1]! + n[1]! * 60];
    const in1 = [v[0]! - n[0]! * 120 + t[0]! * 80, v[1]! - n[1]! * 120 + t[1]! * 80];
    const in2 = [v[0]! - n[0]! * 120 - t[0]! * 80, v[1]! - n[1]! * 120 - t[1]! * 80];
    if (inside(out, ring) || !inside(in1, ring) || !inside(in2, ring)) continue;
    const sides: [Pt, Pt][] = [
      [out, in1],
      [in1, in2],
      [in2, out],
    ];
    const crossings = sides.reduce((c, [p, q]) => c + ring.filter((w, i) => i > 0 && crosses(p, q, ring[i - 1]!, w)).length, 0);
    if (crossings !== 2) continue;
    // Corners clear of the boundary (so they are not snapped onto it).
    if (![out, in1, in2].every((p) => ring.every((w, i) => i === 0 || toSegment(p, ring[i - 1]!, w) > 25))) continue;
    const pts = [out, in1, in2];
    const box = [Math.min(...pts.map((p) => p[0]!)) - 50, Math.min(...pts.map((p) => p[1]!)) - 50, Math.max(...pts.map((p) => p[0]!)) + 50, Math.max(...pts.map((p) => p[1]!)) + 50];
    if (taken.some((x) => x[0]! <= box[2]! && box[0]! <= x[2]! && x[1]! <= box[3]! && box[1]! <= x[3]!)) continue;
    return { out, in1, in2 };
  }
  throw new Error('no place to draw across the boundary');
}

test('with "Cắt theo ranh giới xã" a new area half outside the commune is saved clipped to it', async ({ page }) => {
  test.setTimeout(120_000);
  await openDemo(page, 'Cán bộ xã Nâm Nung');
  await expect.poll(() => page.evaluate(() => !!(window as any).__quytapMap)).toBe(true);
  const { commune, ring, taken } = await focusCommune(page, 'Nâm Nung');
  const t = acrossBoundary(ring, taken);
  const pts = [t.out, t.in1, t.in2];
  await page.evaluate(
    (e) => (window as any).__quytapMap.view.fit(e, { padding: [150, 460, 150, 150] }),
    [Math.min(...pts.map((p) => p[0]!)), Math.min(...pts.map((p) => p[1]!)), Math.max(...pts.map((p) => p[0]!)), Math.max(...pts.map((p) => p[1]!))],
  );
  await page.waitForTimeout(1000);

  // The option is remembered for the session (a reload keeps it).
  const clip = page.getByTestId('clip-toggle');
  await expect(clip).toBeEnabled();
  if (!(await clip.isChecked())) await clip.check();
  await page.reload();
  await expect(page.getByTestId('clip-toggle')).toBeChecked({ timeout: 60_000 });
  await expect(page.getByTestId('focus-badge')).toContainText(commune.props.name);
  await expect.poll(() => page.evaluate(() => !!(window as any).__quytapMap)).toBe(true);
  await page.evaluate(
    (e) => (window as any).__quytapMap.view.fit(e, { padding: [150, 460, 150, 150] }),
    [Math.min(...pts.map((p) => p[0]!)), Math.min(...pts.map((p) => p[1]!)), Math.max(...pts.map((p) => p[0]!)), Math.max(...pts.map((p) => p[1]!))],
  );
  await page.waitForTimeout(1500);

  await page.getByTestId('map').focus();
  await page.keyboard.press('p');
  for (const [i, c] of pts.entries()) {
    const p = await px(page, c);
    await page.mouse.move(p.x, p.y, { steps: 3 });
    if (i < pts.length - 1) await page.mouse.click(p.x, p.y);
    else await page.mouse.dblclick(p.x, p.y);
  }
  await expect(page.getByTestId('toast-info').filter({ hasText: 'Đã cắt vùng theo ranh giới xã Nâm Nung' })).toBeVisible();
  await expect(page.getByTestId('attr-form')).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/trace-02-clipped-area.png` });
  const id = await saveArea(page, 'E2E-CAT-RANH');
  try {
    const area = (await call(page, 'rows.get', { table: 'search_areas', id })) as RowLike;
    const saved: Pt[] = area.geometry!.type === 'Polygon' ? area.geometry!.coordinates[0] : area.geometry!.coordinates[0][0];
    // The corner outside is gone; what is left is the triangle's part inside.
    expect(saved.some((p) => dist(p, t.out) < 1)).toBe(false);
    expect(saved.filter((p) => dist(p, t.in1) < 1 || dist(p, t.in2) < 1)).toHaveLength(2); // clicked: to the pixel
    expect(await communeFindings(page, commune.props.code, id)).toEqual([]);
  } finally {
    await removeArea(page, id);
    await page.getByTestId('clip-toggle').uncheck();
  }
});
