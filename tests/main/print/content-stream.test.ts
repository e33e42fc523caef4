// The page content built in deflated slices (content-stream.ts) and the painter that writes them:
// the assembled stream is one valid zlib stream (zlib checks its Adler-32), the slices land where
// their marks were, and every translucent paint carries its graphics state.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { adler32, adler32Combine, assembleFlate, ContentSlices } from '../../../src/main/print/content-stream';
import { renderPdf } from '../../../src/main/print/pdf-backend';
import type { DisplayItem, DisplayList } from '../../../src/shared/print';

const dir = mkdtempSync(join(tmpdir(), 'quytap-content-stream-'));

/** Operator-like bytes, varied enough that the deflater works (seeded, so a failure repeats). */
function opsText(lines: number, seed: number): Buffer {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(`${(rnd() * 2400).toFixed(2)} ${(rnd() * 3300).toFixed(2)} ${i % 7 ? 'l' : 'm'}`);
  return Buffer.from(out.join('\n'), 'latin1');
}

/** Every stream of a PDF file, inflated (zlib verifies each one's checksum). */
function inflatedStreams(pdf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = pdf.indexOf('stream\n'); at >= 0; at = pdf.indexOf('stream\n', at + 1)) {
    if (pdf.subarray(at - 3, at).toString() === 'end') continue;
    const end = pdf.indexOf('endstream', at);
    try {
      out.push(inflateSync(pdf.subarray(at + 7, end)));
    } catch {
      /* an image or a font program: not ours to check */
    }
  }
  return out;
}

describe('content stream in slices', () => {
  it('Adler-32 of two parts combined equals that of the whole, past 65,521 bytes and the 3,800-byte reductions', () => {
    const a = opsText(9000, 1);
    const b = opsText(12000, 2);
    expect(b.length).toBeGreaterThan(65521);
    const whole = adler32(Buffer.concat([a, b]));
    expect(adler32Combine(adler32(a), adler32(b), b.length)).toBe(whole);
    expect(adler32(b, adler32(a))).toBe(whole);
    // The known value of the RFC 1950 example string.
    expect(adler32(Buffer.from('Wikipedia'))).toBe(0x11e60398);
  });

  it('assembles text and slices, in order, into one zlib stream', () => {
    const slices = new ContentSlices();
    const parts = [opsText(20000, 3), opsText(5, 4), opsText(70000, 5)];
    const marks = parts.map((p) => slices.add(p));
    const content = ['BT /F1 12 Tf (a) Tj ET', marks[0], 'q', marks[1], marks[2], 'Q'].join('\n');
    const stream = assembleFlate(content)!;
    expect(stream[0]).toBe(0x78);
    const expected = ['BT /F1 12 Tf (a) Tj ET', parts[0].toString('latin1'), 'q', parts[1].toString('latin1'), parts[2].toString('latin1'), 'Q'].join('\n');
    expect(inflateSync(stream).toString('latin1')).toBe(expected);
    expect(assembleFlate('BT (no marks) Tj ET')).toBeNull();
    slices.release();
    expect(() => assembleFlate(content)).toThrow(/missing/);
  });

  it('a page of many paths and a text between them: every path and the text reach the PDF', async () => {
    const items: DisplayItem[] = [];
    // ~60,000 vertices: several 1 MB slices, a text in the middle.
    for (let i = 0; i < 600; i++) {
      const sub: number[] = [];
      for (let k = 0; k < 100; k++) sub.push(10 + ((i * 7 + k * 3) % 180), 10 + ((i * 5 + k * 11) % 270));
      items.push({ kind: 'path', subpaths: [sub], closed: false, strokes: [{ color: '#0000ff', widthMm: 0.1 }], role: 'map' });
      if (i === 300) items.push({ kind: 'text', x: 20, y: 20, text: 'GIỮA CÁC ĐƯỜNG', sizePt: 10, align: 'left', baseline: 'alphabetic', color: '#000000', role: 'note', box: [20, 16, 60, 20] });
    }
    const list: DisplayList = { page: { widthMm: 210, heightMm: 297 }, symbols: {}, items };
    const file = join(dir, 'many.pdf');
    const bytes = Buffer.from(await renderPdf([{ list }], { consume: true }));
    writeFileSync(file, bytes);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('GIỮA CÁC ĐƯỜNG');
    const content = inflatedStreams(bytes)
      .map((b) => b.toString('latin1'))
      .find((s) => s.includes(' m\n'))!;
    expect(content.match(/^S$/gm)?.length).toBe(600);
    expect(content.match(/ [ml]$/gm)?.length).toBe(60000);
    expect(content.indexOf('Tj')).toBeGreaterThan(content.length / 4);
    // consume: the list's items are let go as they are drawn.
    expect(list.items.every((x) => x === undefined)).toBe(true);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('two translucent fills of the same opacity are both translucent, on every page of a series', async () => {
    const square = (x: number): DisplayItem => ({ kind: 'path', subpaths: [[x, 10, x + 30, 10, x + 30, 40, x, 40]], closed: true, fill: { color: '#ff0000', opacity: 0.5 }, role: 'map' });
    const page = (): DisplayList => ({ page: { widthMm: 100, heightMm: 50 }, symbols: {}, items: [square(10), square(60)] });
    const file = join(dir, 'alpha.pdf');
    writeFileSync(file, await renderPdf([{ list: page() }, { list: page() }]));
    for (const [n, x] of [[1, 25], [1, 75], [2, 25], [2, 75]]) {
      const base = join(dir, `px${n}-${x}`);
      execFileSync('pdftoppm', ['-r', '25.4', '-f', String(n), '-l', String(n), '-x', String(x), '-y', '25', '-W', '1', '-H', '1', '-singlefile', file, base]);
      const ppm = readFileSync(`${base}.ppm`);
      const [r, g, b] = [ppm[ppm.length - 3], ppm[ppm.length - 2], ppm[ppm.length - 1]];
      expect(r).toBeGreaterThan(240);
      // Half red over white: green and blue about half, not 0 (an opaque fill).
      expect(g).toBeGreaterThan(100);
      expect(b).toBeGreaterThan(100);
    }
  });
});
