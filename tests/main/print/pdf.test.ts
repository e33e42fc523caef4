// The printed PDF judged by outside tools: poppler (pdfinfo, pdffonts, pdftotext) and GDAL.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoProject } from '../../../src/main/services/demo-project';
import { ProjectStore } from '../../../src/main/store';
import { printSheet, type PrintResult } from '../../../src/main/print/print-sheet';
import type { PaperName } from '../../../src/shared/print';
import { kmParts } from '../../../src/shared/print/grid';

const dir = mkdtempSync(join(tmpdir(), 'quytap-print-'));
const demo = join(dir, 'demo.gpkg');
let store: ProjectStore;
let commune: PrintResult;
let district: PrintResult;
const communePdf = join(dir, 'commune-a3.pdf');
const districtPdf = join(dir, 'district-a0.pdf');
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

beforeAll(async () => {
  await createDemoProject(demo, { author: 'test' });
  store = ProjectStore.open(demo);
  const code = store.getSettings().communes[1].code;
  commune = await printSheet(store, { paper: 'A3', orientation: 'landscape', area: { kind: 'communes', communes: [code] }, scale: 'fit' });
  writeFileSync(communePdf, commune.bytes);
  district = await printSheet(store, { paper: 'A0', orientation: 'portrait', area: { kind: 'all' }, scale: 'fit', gridLabelStyle: 'm' });
  writeFileSync(districtPdf, district.bytes);
}, 120_000);

afterAll(() => store?.close());

describe('PDF: paper, font, text', () => {
  it.each([
    ['A0', 'portrait', 841, 1189],
    ['A1', 'landscape', 841, 594],
    ['A2', 'portrait', 420, 594],
    ['A3', 'landscape', 420, 297],
    ['A4', 'portrait', 210, 297],
  ] as const)('%s %s is exactly %i × %i mm', async (paper, orientation, w, h) => {
    const file = join(dir, `${paper}-${orientation}.pdf`);
    writeFileSync(file, (await printSheet(store, { paper: paper as PaperName, orientation, area: { kind: 'all' }, scale: 'fit' })).bytes);
    const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(run('pdfinfo', [file]))!;
    expect((Number(m[1]) * 25.4) / 72).toBeCloseTo(w, 0);
    expect((Number(m[2]) * 25.4) / 72).toBeCloseTo(h, 0);
    expect(Math.abs((Number(m[1]) * 25.4) / 72 - w)).toBeLessThan(0.05);
  });

  it('embeds its font (pdffonts)', () => {
    const out = run('pdffonts', [communePdf]).split('\n').slice(2).filter(Boolean);
    expect(out.length).toBeGreaterThan(0);
    for (const line of out) {
      expect(line).toMatch(/NotoSans/);
      expect(line.split(/\s+/).slice(-5, -4)[0]).toBe('yes'); // emb
    }
  });

  it('keeps the title with its diacritics, every grid label and the statistics as text (pdftotext)', () => {
    for (const [file, r] of [
      [communePdf, commune],
      [districtPdf, district],
    ] as const) {
      const text = run('pdftotext', ['-layout', file, '-']).normalize('NFC');
      const flat = text.replace(/\s+/g, ' ');
      const rep = r.reports[0];
      for (const word of rep.title.split(' ')) expect(flat).toContain(word);
      expect(flat).toContain('LIỆT SĨ');
      const f = rep.frame;
      const step = rep.gridStepM;
      // The commune sheet in the km style (small leading digits, then the last two: one word for
      // pdftotext), the district sheet in full metres.
      const label = (v: number) => (file === districtPdf ? String(v) : kmParts(v).small + kmParts(v).large);
      for (let e = Math.ceil(f.extent[0] / step) * step; e < f.extent[2]; e += step) expect(text).toContain(label(e));
      for (let n = Math.ceil(f.extent[1] / step) * step; n < f.extent[3]; n += step) expect(text).toContain(label(n));
      expect(flat).toContain('BẢNG THỐNG KÊ');
      for (const s of rep.stats) {
        expect(flat).toContain(s.name);
        if (s.conclusion) expect(flat).toContain(String(s.conclusion.initially_buried));
      }
      expect(flat).toContain(`Tỷ lệ 1:${rep.scale.toLocaleString('de-DE')}`);
      expect(flat).toContain('kinh tuyến trục 108°30′');
    }
  });
});

describe('PDF: georeference (gdalinfo)', () => {
  it('reports the working CRS with its TOWGS84 and a geotransform; a grave lands within one printed millimetre', () => {
    for (const [file, r] of [
      [communePdf, commune],
      [districtPdf, district],
    ] as const) {
      const info = JSON.parse(run('gdalinfo', ['-json', file])) as { geoTransform: number[]; coordinateSystem: { wkt: string } };
      expect(info.coordinateSystem.wkt).toContain('108.5');
      expect(info.coordinateSystem.wkt).toMatch(/-191\.904/);
      const gt = info.geoTransform;
      const rep = r.reports[0];
      const dpi = 150; // GDAL's default rendering resolution for PDF
      const graves = store.query('graves', { bbox: rep.frame.extent, limit: 50 }).rows;
      expect(graves.length).toBeGreaterThan(3);
      for (const g of graves) {
        const [e, n] = (g.geometry as { coordinates: number[] }).coordinates;
        // Where the grave is printed (mm), then read back through GDAL's geotransform.
        const xmm = rep.frame.x + ((e - rep.frame.extent[0]) * 1000) / rep.scale;
        const ymm = rep.frame.y + ((rep.frame.extent[3] - n) * 1000) / rep.scale;
        const px = (xmm / 25.4) * dpi;
        const py = (ymm / 25.4) * dpi;
        const ge = gt[0] + px * gt[1] + py * gt[2];
        const gn = gt[3] + px * gt[4] + py * gt[5];
        expect(Math.hypot(ge - e, gn - n)).toBeLessThan(rep.scale / 1000);
      }
    }
  });
});

describe('PDF: text the font cannot show', () => {
  it('is reported, not silently printed blank', async () => {
    const r = await printSheet(store, { paper: 'A4', area: { kind: 'all' }, texts: { title: 'Bản đồ ≠ thử ✓' } });
    const w = r.reports[0].warnings.find((x) => x.en.includes('no glyph'));
    expect(w?.vi).toContain('≠');
    expect(w?.vi).toContain('✓');
    expect(w?.vi).not.toContain('đ');
    const ok = await printSheet(store, { paper: 'A4', area: { kind: 'all' } });
    expect(ok.reports[0].warnings.some((x) => x.en.includes('no glyph'))).toBe(false);
  });
});

describe('PDF: a series', () => {
  it('prints every sheet of a series as a page, each georeferenced', async () => {
    const code = store.getSettings().communes[1].code;
    const r = await printSheet(store, { paper: 'A3', area: { kind: 'communes', communes: [code] }, scale: 25000 }, { series: true });
    const file = join(dir, 'series.pdf');
    writeFileSync(file, r.bytes);
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1]);
    const sheets = r.reports[0].sheets;
    expect(sheets).toBeGreaterThan(1);
    expect(r.reports).toHaveLength(sheets);
    expect(pages).toBe(sheets + 1); // the index sheet first
    const index = run('pdftotext', ['-f', '1', '-l', '1', file, '-']);
    expect(index).toContain(`Sơ đồ chia tờ: ${sheets} tờ tỷ lệ 1:25.000`);
    // A number may run into a letter of the draft watermark in pdftotext's reading order ("Ả7").
    for (let i = 1; i <= sheets; i++) expect(index).toMatch(new RegExp(`(^|[^\\d:,.])${i}([^\\d:,.]|$)`));
    expect(run('pdftotext', ['-f', '3', '-l', '3', file, '-'])).toContain(`Tờ 2/${sheets}`);

  });
});
