// A base map on a printed sheet. The demo commune Nam Đà is burnt by gdal_rasterize into a GeoTIFF in
// another CRS and datum (WGS 84 / UTM 48N, while the project is VN-2000 TM-3): printed under the
// vector boundary, the raster's edge must coincide with it within half a printed millimetre (a
// skipped datum shift would put it 2 mm off at 1:100,000). Then the sheet is judged by poppler
// (DCT images) and GDAL (georeference), and `quytap print --basemap` prints over it.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printSheet, type PrintResult } from '../../../../src/main/print/print-sheet';
import { openRasterFile, type FileRasterSource } from '../../../../src/main/print/raster/file-sources';
import { createDemoProject } from '../../../../src/main/services/demo-project';
import { ProjectStore } from '../../../../src/main/store';
import type { DisplayItem, ImageItem, SheetSettingsInput, TextItem } from '../../../../src/shared/print';
import { pointInPolygons, polygonsOf } from '../../../../src/shared/print/geom';
import { findCrs } from '../../../../src/shared/crs';

const REAL_MBTILES = join(process.cwd(), '../shared/data/real/consbio-mbtileserver/geography-class-png.mbtiles');

const dir = mkdtempSync(join(tmpdir(), 'quytap-basemap-sheet-'));
const demo = join(dir, 'demo.gpkg');
const tif = join(dir, 'nam-da-utm48.tif');
const NAM_DA = '24697';
const settings: SheetSettingsInput = { paper: 'A3', orientation: 'landscape', area: { kind: 'communes', communes: [NAM_DA] }, scale: 'fit' };
let store: ProjectStore;
let file: FileRasterSource;
let plain: PrintResult;
let withBase: PrintResult;
let list: { items: DisplayItem[] };

beforeAll(async () => {
  await createDemoProject(demo, { author: 'test' });
  const utm = join(dir, 'communes-utm48.gpkg');
  execFileSync('ogr2ogr', ['-f', 'GPKG', utm, demo, 'admin_units', '-where', `code='${NAM_DA}'`, '-t_srs', 'EPSG:32648', '-nln', 'nam_da']);
  execFileSync('gdal_rasterize', ['-q', '-ot', 'Byte', '-a_nodata', '0', '-init', '0', '-burn', '160', '-tr', '10', '10', '-co', 'TILED=YES', utm, tif]);
  store = ProjectStore.open(demo);
  file = await openRasterFile(tif);
  plain = await printSheet(store, settings);
  withBase = await printSheet(store, settings, { baseMaps: { sources: [file.source] } });
  // The display list is what the PDF was drawn from; recompose it for inspection.
  const { gatherPrintInput } = await import('../../../../src/main/print/print-data');
  const { composeWithBaseMaps, openAll } = await import('../../../../src/main/print/raster/sheet-base-maps');
  const { sheetMeasure } = await import('../../../../src/main/print/print-sheet');
  list = (await composeWithBaseMaps(gatherPrintInput(store), settings, sheetMeasure(), await openAll([{ source: file.source, opacity: 1 }]))).list;
}, 180_000);

afterAll(() => {
  file?.close();
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const images = () => list.items.filter((i): i is ImageItem => i.kind === 'image');

describe('composer: base map under everything, inside the frame', () => {
  it('draws the JPEG pieces first inside the map clip, before any feature, mask or grid line', () => {
    const items = list.items;
    const clip = items.findIndex((i) => i.kind === 'clip-begin');
    const firstImage = items.findIndex((i) => i.kind === 'image');
    const lastImage = items.length - 1 - [...items].reverse().findIndex((i) => i.kind === 'image');
    expect(images().length).toBeGreaterThan(1);
    expect(firstImage).toBe(clip + 1);
    expect(items.slice(firstImage, lastImage + 1).every((i) => i.kind === 'image')).toBe(true);
    const f = withBase.reports[0].frame;
    for (const im of images()) {
      expect(im.x).toBeGreaterThanOrEqual(f.x - 1e-6);
      expect(im.y).toBeGreaterThanOrEqual(f.y - 1e-6);
      expect(im.x + im.w).toBeLessThanOrEqual(f.x + f.w + 1e-6);
      expect(im.y + im.h).toBeLessThanOrEqual(f.y + f.h + 1e-6);
    }
  });

  it('leaves the legend as it was and names the base map in the data-sources note', () => {
    expect(withBase.reports[0].legend).toEqual(plain.reports[0].legend);
    expect(withBase.reports[0].frame).toEqual(plain.reports[0].frame);
    const notes = list.items.filter((i): i is TextItem => i.kind === 'text' && i.role === 'note').map((t) => t.text).join(' ');
    expect(notes).toMatch(/bản đồ nền: nam-da-utm48\.tif/i);
  });

  it('the raster edge lies on the vector boundary: burnt 0.5 printed mm inside it, paper 0.5 mm outside', () => {
    const f = withBase.reports[0].frame;
    const commune = store.query('admin_units', { limit: 100 }).rows.find((r) => r.props.code === NAM_DA)!;
    const polys = polygonsOf(commune.geometry!);
    const mPerMm = f.scale / 1000;
    const decoded = images().map((im) => ({ im, px: jpeg.decode(Buffer.from(im.data, 'base64'), { useTArray: true }) }));
    /** The printed grey at ground position (e, n), or null outside every image. */
    const greyAt = (e: number, n: number) => {
      const mmX = f.x + (e - f.extent[0]) / mPerMm;
      const mmY = f.y + (f.extent[3] - n) / mPerMm;
      for (const { im, px } of decoded) {
        if (mmX < im.x || mmY < im.y || mmX >= im.x + im.w || mmY >= im.y + im.h) continue;
        const i = Math.floor(((mmX - im.x) / im.w) * px.width);
        const j = Math.floor(((mmY - im.y) / im.h) * px.height);
        return px.data[(j * px.width + i) * 4];
      }
      return null;
    };
    const off = 0.5 * mPerMm;
    const segs = polys.flat().flatMap((r) => r.slice(1).map((p, i) => [r[i], p] as const));
    const nearestBoundary = (x: number, y: number) => {
      let d = Infinity;
      for (const [a, b] of segs) {
        const dx = b[0] - a[0];
        const dy = b[1] - a[1];
        const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy || 1)));
        d = Math.min(d, Math.hypot(x - a[0] - t * dx, y - a[1] - t * dy));
      }
      return d;
    };
    let checked = 0;
    const wrong: string[] = [];
    for (const ring of polys.flat())
      for (let k = 1; k < ring.length; k++) {
        const [a, b] = [ring[k - 1], ring[k]];
        const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
        if (len === 0) continue;
        const [mx, my] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
        const [nx, ny] = [-(b[1] - a[1]) / len, (b[0] - a[0]) / len];
        for (const side of [1, -1]) {
          const [e, n] = [mx + side * off * nx, my + side * off * ny];
          // Where another stretch of boundary is nearer than 0.4 mm (sharp corners), either colour is right.
          if (nearestBoundary(e, n) < 0.4 * mPerMm) continue;
          const within = pointInPolygons(e, n, polys);
          const g = greyAt(e, n);
          if (g === null) continue;
          checked++;
          if (g < 208 !== within) wrong.push(`${e.toFixed(1)},${n.toFixed(1)} grey ${g} inside ${within}`);
        }
      }
    expect(checked).toBeGreaterThan(500);
    expect(wrong).toEqual([]);
  });
});

describe('several base maps', () => {
  it('are composited bottom first: where the upper one has nodata the lower one shows, not white paper', async () => {
    const { openRaster } = await import('../../../../src/main/print/raster/open-raster');
    const { warpBlocks } = await import('../../../../src/main/print/raster/warp-to-frame');
    const tiles = await openRasterFile(REAL_MBTILES);
    const below = { raster: await openRaster(tiles.source), opacity: 1 };
    const above = { raster: await openRaster(file.source), opacity: 1 };
    const grid = { extent: withBase.reports[0].frame.extent, width: 300, height: 200 };
    const gather = async (layers: (typeof below)[]) => {
      const out = new Uint8ClampedArray(grid.width * grid.height * 4).fill(255);
      for await (const wb of warpBlocks(layers, grid, findCrs('EPSG:9218')!.proj4, { blockPx: 128 }))
        for (let j = 0; j < wb.block.h; j++) out.set(wb.rgba.subarray(j * wb.block.w * 4, (j + 1) * wb.block.w * 4), ((wb.block.y + j) * grid.width + wb.block.x) * 4);
      return out;
    };
    const both = await gather([below, above]);
    const onlyBelow = await gather([below]);
    const onlyAbove = await gather([above]);
    let burnt = 0;
    let through = 0;
    for (let i = 0; i < grid.width * grid.height; i++) {
      const px = (a: Uint8ClampedArray) => [a[i * 4], a[i * 4 + 1], a[i * 4 + 2]];
      if (px(onlyAbove).every((v) => v === 255)) {
        expect(px(both)).toEqual(px(onlyBelow));
        through++;
      } else {
        expect(px(both)).toEqual(px(onlyAbove));
        burnt++;
      }
    }
    expect(burnt).toBeGreaterThan(1000);
    expect(through).toBeGreaterThan(1000);
    expect(new Set(Array.from({ length: 200 }, (_, k) => onlyBelow[k * 1200])).size).toBeGreaterThan(1);
    tiles.close();
  });
});

describe('the printed sheet, judged by poppler and GDAL', () => {
  it('holds the base map as DCT (JPEG) images, and GDAL still reads its georeference', () => {
    const pdf = join(dir, 'sheet.pdf');
    writeFileSync(pdf, withBase.bytes);
    const rows = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(rows.length).toBe(images().length);
    for (const r of rows) expect(r.split(/\s+/)[9]).toBe('jpeg');
    const info = execFileSync('gdalinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Driver: PDF\/Geospatial PDF/);
    expect(info).toMatch(/VN-2000/);
    // A sheet with a base map stays small: JPEG, a few hundred kB on A3.
    expect(withBase.bytes.length).toBeLessThan(plain.bytes.length + 3_000_000);
  });

  it('quytap print --basemap prints over a GeoTIFF; a file that is not a base map is refused, nothing written', () => {
    const quytap = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', 'print', ...args], { encoding: 'utf8' });
    const out = join(dir, 'cli.pdf');
    const ok = quytap(demo, '--commune', NAM_DA, '--basemap', tif, '--out', out);
    expect(ok.status, ok.stderr).toBe(0);
    expect(execFileSync('pdfimages', ['-list', out], { encoding: 'utf8' })).toMatch(/jpeg/);
    const bad = quytap(demo, '--commune', NAM_DA, '--basemap', join(dir, 'communes-utm48.gpkg'), '--out', join(dir, 'bad.pdf'));
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/\.tif hoặc \.mbtiles/);
    expect(spawnSync('test', ['-e', join(dir, 'bad.pdf')]).status).not.toBe(0);
  });

  it('quytap print --basemap refuses a GeoTIFF cut short with a sentence saying so, as basemap add does, and writes nothing', () => {
    const quytap = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', 'print', ...args], { encoding: 'utf8' });
    const whole = readFileSync(tif);
    for (const [name, keep] of [['cut-tiles.tif', Math.floor(whole.length * 0.6)], ['cut-header.tif', 300]] as const) {
      const cut = join(dir, name);
      writeFileSync(cut, whole.subarray(0, keep));
      const out = join(dir, `${name}.pdf`);
      const r = quytap(demo, '--commune', NAM_DA, '--basemap', cut, '--out', out);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`"${name}".*cắt cụt.*Hãy chép lại tệp từ nguồn\\. / .*"${name}".*(truncated|cut short).*Copy it again from its source\\.`));
      // The decoder's own words stay out of the message.
      expect(r.stderr).not.toMatch(/marker|DataView|Offset|bounds|undefined/);
      expect(existsSync(out)).toBe(false);
    }
    // Tiles cut off: the sentence names the bytes missing.
    const r = quytap(demo, '--commune', NAM_DA, '--basemap', join(dir, 'cut-tiles.tif'), '--out', join(dir, 'again.pdf'));
    expect(r.stderr).toContain(`tệp chỉ có ${Math.floor(whole.length * 0.6)} byte`);
  });

  it('quytap print prints the project’s visible base maps, as the app does; --no-project-basemaps leaves them out', () => {
    const cli = (cmd: string, ...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', cmd, ...args], { encoding: 'utf8' });
    const copy = join(dir, 'with-stored-basemap.gpkg');
    copyFileSync(demo, copy);
    const added = cli('basemap', 'add', copy, tif, '--name', 'Nam Đà raster');
    expect(added.status, added.stderr).toBe(0);
    const images = (pdf: string) => execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2).length;
    const withStored = cli('print', copy, '--commune', NAM_DA, '--out', join(dir, 'stored.pdf'));
    expect(withStored.status, withStored.stderr).toBe(0);
    expect(images(join(dir, 'stored.pdf'))).toBeGreaterThan(0);
    expect(execFileSync('pdftotext', [join(dir, 'stored.pdf'), '-'], { encoding: 'utf8' })).toMatch(/Nam Đà raster/);
    const without = cli('print', copy, '--commune', NAM_DA, '--no-project-basemaps', '--out', join(dir, 'without.pdf'));
    expect(without.status, without.stderr).toBe(0);
    expect(images(join(dir, 'without.pdf'))).toBe(0);
  });
});
