// The user guide's builder: a page per lesson with its screenshot, task and steps, Vietnamese with
// English beside it, read back with pdfinfo and pdftotext (poppler-utils) as a reader would.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { buildGuide } from '../../scripts/guide/build-guide';
import { LESSONS } from '../../src/shared/training/lessons';

/** A small JPEG of one colour: stands for a screenshot. */
function fakeShot(path: string, rgb: [number, number, number]) {
  const width = 144;
  const height = 90;
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([...rgb, 255], i * 4);
  writeFileSync(path, jpeg.encode({ data, width, height }, 80).data);
}

describe('user guide', () => {
  it('has a cover, quick help, a page per lesson with its screenshot and steps, and the trainer’s page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quytap-guide-'));
    LESSONS.forEach((l, i) => fakeShot(join(dir, `${l.id}.jpg`), [40 + i * 20, 120, 200 - i * 20]));
    fakeShot(join(dir, 'trainer.jpg'), [200, 200, 200]);
    writeFileSync(
      join(dir, 'practice.json'),
      JSON.stringify({ setup: { communeCode: '24712', communeName: 'Quảng Phú', form: [437968, 1358252], formNumber: 'LT-24712-01', gpsFile: 'gps-luyen-tap-lan.gpx', gps: [], seeded: ['a', 'b'] }, refusal: 'Mộ đang cách vị trí ghi trên phiếu 300 m' }),
    );
    const out = join(dir, 'huong-dan.pdf');
    const r = buildGuide(dir, out);
    expect(r).toEqual({ pages: LESSONS.length + 3, missing: [] });
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(new RegExp(`Pages:\\s+${LESSONS.length + 3}\\b`));
    LESSONS.forEach((l, i) => {
      const page = execFileSync('pdftotext', ['-f', String(i + 3), '-l', String(i + 3), '-layout', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(page).toContain(`Bài ${i + 1}/${LESSONS.length}: ${l.title.vi}`);
      expect(page).toContain(`Lesson ${i + 1}: ${l.title.en}`);
      expect(page).toContain(l.steps[0]!.vi.slice(0, 30));
    });
    // The grave lesson quotes this practice's form and the refusal as the learner saw it.
    const grave = execFileSync('pdftotext', ['-f', '5', '-l', '5', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(grave).toContain('X = 1358252, Y = 437968');
    expect(grave).toContain('300 m');
    // One image per lesson page (and the trainer's): the screenshots are in the file.
    const images = execFileSync('pdfimages', ['-list', out], { encoding: 'utf8' }).split('\n').filter((l) => /^\s+\d+\s+\d+\s+image/.test(l));
    expect(images.map((l) => Number(l.trim().split(/\s+/)[0]))).toEqual([...LESSONS.map((_, i) => i + 3), LESSONS.length + 3]);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('says which screenshots are missing rather than leaving a blank page unexplained', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quytap-guide-'));
    const r = buildGuide(dir, join(dir, 'g.pdf'));
    expect(r.missing).toEqual([...LESSONS.map((l) => l.id), 'trainer']);
    expect(execFileSync('pdftotext', ['-f', '3', '-l', '3', join(dir, 'g.pdf'), '-'], { encoding: 'utf8' })).toContain('npm run guide');
  });
});
