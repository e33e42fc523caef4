// The PDF backend on a hand-made display list, rendered by poppler: clipping, images in order,
// even-odd fills, exact page size.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../src/main/print/pdf-backend';
import type { DisplayList } from '../../../src/shared/print';

const dir = mkdtempSync(join(tmpdir(), 'quytap-print-backend-'));

/** A tiny blue JPEG made by an outside tool (GDAL), as a base map raster would be. */
function blueJpeg(): string {
  const tif = join(dir, 'blue.tif');
  const f = join(dir, 'blue.jpg');
  execFileSync('gdal_create', ['-of', 'GTiff', '-outsize', '40', '40', '-bands', '3', '-ot', 'Byte', '-burn', '0', '-burn', '0', '-burn', '255', tif]);
  execFileSync('gdal_translate', ['-q', '-of', 'JPEG', tif, f]);
  return readFileSync(f).toString('base64');
}

/** RGB of a pixel of page 1 rendered at 25.4 dpi (1 px = 1 mm). */
function pixel(pdf: string, xMm: number, yMm: number): [number, number, number] {
  const base = join(dir, 'px');
  execFileSync('pdftoppm', ['-r', '25.4', '-x', String(xMm), '-y', String(yMm), '-W', '1', '-H', '1', '-f', '1', '-l', '1', '-singlefile', pdf, base]);
  const ppm = readFileSync(`${base}.ppm`);
  return [ppm[ppm.length - 3], ppm[ppm.length - 2], ppm[ppm.length - 1]];
}

describe('PDF backend', () => {
  it('draws an image in list order inside its clip, and even-odd holes stay empty', async () => {
    const list: DisplayList = {
      page: { widthMm: 100, heightMm: 60 },
      symbols: {},
      items: [
        { kind: 'clip-begin', subpaths: [[10, 10, 50, 10, 50, 50, 10, 50]] },
        { kind: 'image', x: 0, y: 0, w: 100, h: 60, format: 'jpeg', data: blueJpeg(), role: 'map' },
        { kind: 'clip-end' },
        {
          kind: 'path',
          subpaths: [
            [60, 10, 95, 10, 95, 50, 60, 50],
            [70, 20, 85, 20, 85, 40, 70, 40],
          ],
          closed: true,
          fillRule: 'evenodd',
          fill: { color: '#ff0000' },
          role: 'map',
        },
      ],
    };
    const file = join(dir, 'clip.pdf');
    writeFileSync(file, await renderPdf([{ list }]));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+283\.46 x 170\.08 pts/);
    const [r1, g1, b1] = pixel(file, 30, 30); // inside the clip: the image
    expect(b1).toBeGreaterThan(200);
    expect(r1 + g1).toBeLessThan(60);
    expect(pixel(file, 5, 5)).toEqual([255, 255, 255]); // outside the clip: nothing
    const [r2, g2] = pixel(file, 62, 30); // the ring
    expect(r2).toBeGreaterThan(200);
    expect(g2).toBeLessThan(40);
    expect(pixel(file, 77, 30)).toEqual([255, 255, 255]); // the hole
  });

  it('places a symbol drawn once wherever the list puts it', async () => {
    const list: DisplayList = {
      page: { widthMm: 60, heightMm: 40 },
      symbols: {
        sq: {
          id: 'sq',
          box: [-3, -3, 3, 3],
          parts: [{ kind: 'path', subpaths: [[-3, -3, 3, -3, 3, 3, -3, 3]], closed: true, fill: { color: '#00ff00' }, role: 'symbol' }],
        },
      },
      items: [
        { kind: 'symbol', symbol: 'sq', x: 10, y: 10, role: 'symbol' },
        { kind: 'symbol', symbol: 'sq', x: 45, y: 30, role: 'symbol' },
      ],
    };
    const file = join(dir, 'symbols.pdf');
    writeFileSync(file, await renderPdf([{ list }]));
    for (const [x, y] of [
      [10, 10],
      [45, 30],
    ]) {
      const [r, g, b] = pixel(file, x, y);
      expect(g).toBeGreaterThan(200);
      expect(r + b).toBeLessThan(60);
    }
    expect(pixel(file, 30, 20)).toEqual([255, 255, 255]);
    expect(pixel(file, 10, 30)).toEqual([255, 255, 255]);
  });
  it('draws italic text with the embedded italic face (pdffonts), still searchable (pdftotext), and leaves unused faces out', async () => {
    const text = (t: string, italic: boolean, bold = false, y = 15) => ({
      kind: 'text' as const,
      x: 10,
      y,
      text: t,
      sizePt: 12,
      ...(italic ? { italic: true } : {}),
      ...(bold ? { bold: true } : {}),
      color: '#1f5fa8',
      align: 'left' as const,
      baseline: 'alphabetic' as const,
      role: 'feature-label' as const,
      box: [10, 15, 90, 22] as [number, number, number, number],
    });
    const pdf = join(dir, 'italic.pdf');
    writeFileSync(pdf, await renderPdf([{ list: { page: { widthMm: 120, heightMm: 60 }, symbols: {}, items: [text('Sông Krông Nô', true), text('Suối Đắk Rí', true, true, 30), text('Thôn 3', false, false, 45)] } }]));
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    const names = fonts.map((l) => l.split(/\s+/)[0]);
    expect(names.sort()).toEqual(['NotoSans-BoldItalic', 'NotoSans-Italic', 'NotoSans-Regular']);
    for (const l of fonts) expect(l.split(/\s+/).slice(-5, -4)[0]).toBe('yes');
    const words = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(words).toContain('Sông Krông Nô');
    expect(words).toContain('Suối Đắk Rí');
  });
});
