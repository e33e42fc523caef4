import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferResponse, fileResponse, parseRange } from '../../../src/main/http/range';

describe('parseRange', () => {
  it.each([
    [null, 100, { kind: 'full' }],
    ['', 100, { kind: 'full' }],
    ['bytes=0-9', 100, { kind: 'partial', start: 0, end: 9 }],
    ['bytes=10-', 100, { kind: 'partial', start: 10, end: 99 }],
    ['bytes=-10', 100, { kind: 'partial', start: 90, end: 99 }],
    ['bytes=-1000', 100, { kind: 'partial', start: 0, end: 99 }],
    ['bytes=50-1000', 100, { kind: 'partial', start: 50, end: 99 }],
    ['bytes=99-99', 100, { kind: 'partial', start: 99, end: 99 }],
    ['Bytes = 1 - 2', 100, { kind: 'partial', start: 1, end: 2 }],
    ['bytes=100-', 100, { kind: 'unsatisfiable' }],
    ['bytes=100-200', 100, { kind: 'unsatisfiable' }],
    ['bytes=-0', 100, { kind: 'unsatisfiable' }],
    ['bytes=0-', 0, { kind: 'unsatisfiable' }],
    ['bytes=-5', 0, { kind: 'unsatisfiable' }],
    // Ignored (whole body): invalid, other units, several ranges.
    ['bytes=9-0', 100, { kind: 'full' }],
    ['bytes=-', 100, { kind: 'full' }],
    ['items=0-9', 100, { kind: 'full' }],
    ['bytes=0-9,20-29', 100, { kind: 'full' }],
    ['bytes=a-b', 100, { kind: 'full' }],
    ['bytes=1.5-2', 100, { kind: 'full' }],
  ] as const)('%s of %i bytes', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});

describe('bufferResponse', () => {
  const data = Buffer.from('0123456789');
  it('200 without Range', () => {
    const r = bufferResponse(data, null, { 'Content-Type': 'image/tiff' });
    expect(r.status).toBe(200);
    expect(r.headers).toMatchObject({ 'Content-Type': 'image/tiff', 'Accept-Ranges': 'bytes', 'Content-Length': '10' });
    expect(r.body.toString()).toBe('0123456789');
  });
  it('206 with Content-Range', () => {
    const r = bufferResponse(new Uint8Array(data), 'bytes=2-4');
    expect(r.status).toBe(206);
    expect(r.headers['Content-Range']).toBe('bytes 2-4/10');
    expect(r.headers['Content-Length']).toBe('3');
    expect(r.body.toString()).toBe('234');
  });
  it('416 with the size', () => {
    const r = bufferResponse(data, 'bytes=10-');
    expect(r.status).toBe(416);
    expect(r.headers['Content-Range']).toBe('bytes */10');
    expect(r.body.length).toBe(0);
  });
});

describe('fileResponse', () => {
  it('reads only the requested slice of a file; 404 for a missing file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'quytap-range-'));
    const file = path.join(dir, 'r.tif');
    const content = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 251));
    await writeFile(file, content);
    try {
      const full = await fileResponse(file, null, { 'Content-Type': 'image/tiff' });
      expect(full.status).toBe(200);
      expect(full.body.equals(content)).toBe(true);
      const part = await fileResponse(file, 'bytes=65536-65545');
      expect(part.status).toBe(206);
      expect(part.headers['Content-Range']).toBe('bytes 65536-65545/70000');
      expect(part.body.equals(content.subarray(65536, 65546))).toBe(true);
      const tail = await fileResponse(file, 'bytes=-4');
      expect(tail.body.equals(content.subarray(69996))).toBe(true);
      expect((await fileResponse(file, 'bytes=70000-')).status).toBe(416);
      expect((await fileResponse(path.join(dir, 'missing.tif'), null)).status).toBe(404);
      expect((await fileResponse(dir, null)).status).toBe(404);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
