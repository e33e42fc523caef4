// Issue 3's figures, measured in Chromium (playwright-core, Debian's /usr/bin/chromium) against the
// real browser-mode server: time to first render of a project with 50,000 features (45,000 graves,
// 5,000 search-area polygons) and frame times while panning it. Also the cost of validating the
// 50,000-row features.query output with zod, with and without it (see src/main/rpc/dispatch.ts).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import type { Put } from '../src/shared/model';
import { ProjectSettingsSchema } from '../src/shared/model';
import { createDispatcher } from '../src/main/rpc/dispatch';
import { createEventBus } from '../src/main/rpc/events';
import { createServices } from '../src/main/services';
import { crsForStore } from '../src/main/services/crs';
import { validateOutputExceptFeatures } from '../src/main/services/drafting';
import { ProjectStore } from '../src/main/store';
import { startHttpServer } from '../src/main/http/server';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const TOKEN = 'bench-token-0123456789abcdef';

function buildProject(file: string) {
  const settings = ProjectSettingsSchema.parse({ title: 'bench drafting', province: { name: 'Đắk Nông' } });
  const store = ProjectStore.create(file, crsForStore('EPSG:9218').store, settings, 'bench');
  const x0 = 420_000;
  const y0 = 1_360_000;
  const side = 20_000;
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const put: Put[] = [];
  const statuses = ['done', 'continuing', 'not_started', 'no_result', 'unclear'];
  for (let i = 0; i < 5_000; i++) {
    const cx = x0 + rnd() * side;
    const cy = y0 + rnd() * side;
    const r = 40 + rnd() * 80;
    const ring: number[][] = [];
    for (let k = 0; k < 12; k++) {
      const a = (k / 12) * Math.PI * 2;
      ring.push([cx + Math.cos(a) * r * (0.8 + 0.4 * rnd()), cy + Math.sin(a) * r * (0.8 + 0.4 * rnd())]);
    }
    ring.push(ring[0]!);
    put.push({ table: 'search_areas', id: randomUUID(), geometry: { type: 'Polygon', coordinates: [ring] }, props: { status: statuses[i % 5]!, code: `KV${i}`, name: `Khu vực ${i}` } });
  }
  for (let i = 0; i < 45_000; i++) {
    put.push({
      table: 'graves',
      id: randomUUID(),
      geometry: { type: 'Point', coordinates: [x0 + rnd() * side, y0 + rnd() * side] },
      props: { kind: i % 3 ? 'newly_found' : 'family_cared', verification: 'not_verified', name: i % 10 ? null : `Mộ ${i}` },
    });
  }
  store.applyEdit({ label: 'bench', put }, 'bench');
  store.close();
}

export async function draftingBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'quytap-drafting-bench-'));
  const out = join(dir, 'renderer');
  try {
    execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit' });
    const projects = join(dir, 'projects');
    const file = join(projects, 'bench.gpkg');
    execFileSync('mkdir', ['-p', projects]);
    let t = performance.now();
    buildProject(file);
    console.log(`project with 45,000 graves + 5,000 polygons written in ${(performance.now() - t).toFixed(0)} ms`);

    const events = createEventBus();
    const services = await createServices({ mode: 'browser', projectsDir: projects, emit: events.emit });
    services.openPath(file);
    await services.handlers['session.setOperator']!({ name: 'bench', role: 'commune_staff', communeCode: null } as never, {} as never);

    // The output validation of the contract, for the 45,000-row answer.
    const withCheck = createDispatcher(services.handlers);
    const without = createDispatcher(services.handlers, { validateOutput: validateOutputExceptFeatures });
    const q = { table: 'graves', limit: 50_000 };
    const time = async (d: typeof withCheck) => {
      const xs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const r = await d('features.query', q, { operator: 'bench', emit: events.emit });
        if (!r.ok) throw new Error(r.error.en);
        xs.push(performance.now() - t0);
      }
      return median(xs);
    };
    const vOn = await time(withCheck);
    const vOff = await time(without);
    console.log(`features.query 45,000 graves through the dispatcher: ${vOn.toFixed(0)} ms with output validation, ${vOff.toFixed(0)} ms without`);

    const server = await startHttpServer({
      dispatch: without, // as the adapters run it (src/main/cli.ts, src/main/electron/main.ts)
      staticDir: out,
      port: 0,
      token: TOKEN,
      events,
      binaryResponder: services.binaryResponder,
      operator: services.operatorName,
    });
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const firsts: number[] = [];
      for (let run = 0; run < 2; run++) {
        t = performance.now();
        // The second run reloads: a goto that only changes the #hash would not load the page again.
        if (run === 0) await page.goto(`${server.url.replace(/#.*$/, '')}#token=${TOKEN}`);
        else await page.reload();
        await page.waitForFunction(
          () => {
            const rows = Array.from(document.querySelectorAll('[data-testid="layer-row"]'));
            const want = ['graves', 'search_areas'];
            return (
              (window as any).__quytapMap &&
              want.every((w) => {
                const r = rows.find((x) => x.getAttribute('data-table') === w);
                return r && Number(r.getAttribute('data-feature-count')) > 0 && r.getAttribute('data-feature-count') === r.getAttribute('data-total-count');
              })
            );
          },
          undefined,
          { timeout: 120_000, polling: 20 },
        );
        await page.evaluate(
          () =>
            new Promise<void>((resolve) => {
              const m = (window as any).__quytapMap.map;
              m.once('rendercomplete', () => resolve());
              m.render();
            }),
        );
        firsts.push(performance.now() - t);
        const rpc = (await page.evaluate(
          `performance.getEntriesByType('resource').filter((e) => e.name.includes('/rpc/features.query')).map((e) => [e.responseStart - e.startTime, e.responseEnd - e.responseStart, e.transferSize])`,
        )) as number[][];
        const slow = rpc.sort((a, b) => b[0]! + b[1]! - (a[0]! + a[1]!))[0];
        if (slow)
          console.log(`  run ${run + 1}: slowest features.query: ${slow[0]!.toFixed(0)} ms to first byte, ${slow[1]!.toFixed(0)} ms to download ${(slow[2]! / 1e6).toFixed(1)} MB`);
      }
      console.log(`time to first render (page load → 50,000 features loaded and drawn): cold ${firsts[0]!.toFixed(0)} ms, warm ${firsts[1]!.toFixed(0)} ms; all runs: ${firsts.map((x) => x.toFixed(0)).join(', ')} (aim < 1,500 ms)`);

      // Each pan step redraws the whole map synchronously (renderSync), as OpenLayers does when a
      // pan ends or an animation moves the view: the worst case of a frame. A string, not a
      // function: tsx's keepNames would inject a __name helper the page lacks.
      const frames = (await page.evaluate(`(() => {
        const mc = window.__quytapMap;
        const view = mc.view;
        const c0 = view.getCenter();
        const res = view.getResolution();
        const out = [];
        for (let i = 1; i <= 40; i++) {
          view.setCenter([c0[0] + Math.sin(i / 6) * 200 * res, c0[1] + Math.cos(i / 7) * 120 * res]);
          const t = performance.now();
          mc.map.renderSync();
          out.push(performance.now() - t);
        }
        return out;
      })()`)) as number[];
      console.log(`full redraw per pan step (${frames.length} steps, whole dataset in view): median ${median(frames).toFixed(1)} ms, p95 ${pct(frames, 0.95).toFixed(1)} ms (aim median < 16 ms)`);
    } finally {
      await browser.close();
      await server.close();
      services.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
