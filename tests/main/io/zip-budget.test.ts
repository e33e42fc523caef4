// Archives (.zip, .kmz, .xlsx, .ods) are read with a hard budget. The bombs hold 1 GiB of zeros in
// ~1 MiB; each is read by readDataset in a child process of its own, so the peak memory measured
// (the kernel's high-water mark of RSS) is that of the reading alone: refused with a sentence
// naming the file and the entry, under 300 MB, in bounded time. Whether the header tells the truth
// (refused before inflating) or lies (inflating stops as soon as the output passes what it said).
import { execFileSync, spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesForPath } from '../../../src/main/io/files';
import { readDataset } from '../../../src/main/io/read-any';
import { hasCommand, tempDir } from './helpers';
import { buildZip, deflatedZeros, textEntry, type RawEntry } from './zip-fixtures';

const CHILD = fileURLToPath(new URL('./zip-bomb-child.ts', import.meta.url));
const PEAK_LIMIT_MIB = 300;
const TIME_LIMIT_MS = 15_000;

let dir: string;
let cleanup: () => void;
let gib: { data: Uint8Array; crc: number; size: number };
beforeAll(async () => {
  ({ dir, cleanup } = tempDir('quytap-zip-'));
  gib = await deflatedZeros(1024);
}, 120_000);
afterAll(() => cleanup());

interface ChildResult {
  error: { code: string; vi: string; en: string } | null;
  ms: number;
  baselineMiB: number;
  peakMiB: number;
}

function write(name: string, entries: RawEntry[], opts?: { zip64End?: boolean }): string {
  const path = join(dir, name);
  writeFileSync(path, buildZip(entries, opts));
  return path;
}

function readInChild(path: string): ChildResult {
  let out: string;
  try {
    out = execFileSync(process.execPath, ['--import', 'tsx', CHILD, path], { encoding: 'utf8', timeout: 120_000 });
  } catch (e) {
    const x = e as { signal?: string; stderr?: string };
    throw new Error(`the reading process died (${x.signal ?? 'error'}; killed beyond 1 GiB?): ${x.stderr ?? ''}`);
  }
  const r = JSON.parse(out.trim().split('\n').pop()!) as ChildResult;
  console.log(`${path.split('/').pop()}: peak ${r.peakMiB} MiB (baseline ${r.baselineMiB} MiB), ${r.ms} ms — ${r.error?.en ?? 'read'}`);
  return r;
}

function refusedWithin(path: string, entry: string, en: RegExp): ChildResult {
  const file = path.split('/').pop()!;
  const r = readInChild(path);
  expect(r.error, 'the archive should have been refused').not.toBeNull();
  expect(r.error!.code).toBe('too_large');
  expect(r.error!.en).toContain(`File "${file}": archive refused: entry "${entry}"`);
  expect(r.error!.en).toMatch(en);
  expect(r.error!.en).toMatch(/possibly a zip bomb/);
  expect(r.error!.vi).toContain(`Tệp "${file}": tệp nén bị từ chối: mục "${entry}"`);
  expect(r.error!.vi).toMatch(/bom zip/);
  expect(r.peakMiB).toBeLessThan(PEAK_LIMIT_MIB);
  expect(r.ms).toBeLessThan(TIME_LIMIT_MS);
  return r;
}

const KML = '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>Mộ 1</name><Point><coordinates>107.69,12.25</coordinates></Point></Placemark></Document></kml>';
const WORKBOOK = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="A" sheetId="1"/></sheets></workbook>';
const stored = (name: string, text: string): RawEntry => ({ name, data: Buffer.from(text), method: 0, crc: crc32(text), size: text.length });

describe('a 1 GiB bomb whose header tells the truth is refused before anything is inflated', () => {
  const bombOf = (name: string): RawEntry => ({ name, data: gib.data, crc: gib.crc, size: gib.size });
  it.each([
    ['bom.kmz', 'doc.kml', () => [bombOf('doc.kml')]],
    ['bom.xlsx', 'xl/worksheets/sheet1.xml', () => [textEntry('xl/workbook.xml', WORKBOOK), bombOf('xl/worksheets/sheet1.xml')]],
    ['bom.ods', 'content.xml', () => [stored('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'), bombOf('content.xml')]],
    ['bom.zip', 'a.shp', () => [bombOf('a.shp'), textEntry('a.dbf', 'x')]],
  ])('%s', (file, entry, entries) => {
    expect(gib.data.length).toBeLessThan(1.1 * 2 ** 20);
    refusedWithin(write(file, entries()), entry, /declares 1024 MiB once inflated, \d+ times its compressed size \(the limit is 200\)/);
  });

  it('an entry within the ratio but beyond the budget (300 MiB in a .kmz, whose budget is 256 MiB)', () => {
    const padded = new Uint8Array(2 * 2 ** 20);
    padded.set(gib.data);
    const path = write('lon.kmz', [{ name: 'doc.kml', data: padded, crc: 0, size: 300 * 2 ** 20 }]);
    refusedWithin(path, 'doc.kml', /declares 300 MiB once inflated, more than the 256 MiB this archive may inflate to/);
  });

  it('a ZIP64 entry declaring 5 GiB (.xlsx)', () => {
    const path = write('bom64.xlsx', [textEntry('xl/workbook.xml', WORKBOOK, { zip64: true }), { name: 'xl/worksheets/sheet1.xml', data: gib.data, crc: gib.crc, size: 5 * 2 ** 30, zip64: true }], { zip64End: true });
    refusedWithin(path, 'xl/worksheets/sheet1.xml', /declares 5120 MiB once inflated/);
  });
});

describe('a bomb whose header lies stops inflating as soon as the output passes the declared size', () => {
  it.each([
    ['lie.kmz', 'doc.kml', 1000],
    ['lie.xlsx', 'xl/worksheets/sheet1.xml', 1000],
    // Within the ratio and the budget: 100 MiB are inflated, then the 1 GiB is refused.
    ['lie.ods', 'content.xml', 100 * 2 ** 20],
    ['lie.zip', 'a.shp', 5000],
  ])('%s (%s declares %d bytes)', (file, entry, size) => {
    const path = write(file, [{ name: entry, data: gib.data, crc: 0, size }]);
    const r = refusedWithin(path, entry, new RegExp(`inflates to more than its declared size \\(${size} bytes\\): its header was tampered with`));
    // Nothing beyond the declared size was held: the peak is the baseline plus at most that.
    expect(r.peakMiB - r.baselineMiB).toBeLessThan(size / 2 ** 20 + 32);
  });
});

describe('many entries', () => {
  it('100 entries of 15 MiB each (each under the ratio floor) are refused by their declared total, unread', async () => {
    const part = await deflatedZeros(15);
    const path = write('tong.zip', Array.from({ length: 100 }, (_, i) => ({ name: `p${i}.shp`, data: part.data, crc: part.crc, size: part.size })));
    // The budget of a small archive is 200 times its size: the first entry beyond it is named.
    const budget = 200 * statSync(path).size;
    const k = Math.floor(budget / part.size);
    expect(k).toBeLessThan(100);
    refusedWithin(path, `p${k}.shp`, new RegExp(`brings the inflated total to ${(k + 1) * 15} MiB \\(the limit for this archive is ${Math.round(budget / 2 ** 20)} MiB\\)`));
  });

  it('more than 10,000 entries are refused from the count the archive declares', async () => {
    const path = write('nhieu.zip', Array.from({ length: 10_001 }, (_, i) => stored(`t${i}.csv`, 'x')));
    await expect(readDataset(filesForPath(path))).rejects.toMatchObject({ code: 'too_large', en: expect.stringMatching(/^File "nhieu\.zip": archive refused: it holds 10001 entries \(the limit is 10000\)/) });
  });

  it('an archive inside an archive is not opened (no nesting: 42.zip-style bombs stay shut)', async () => {
    const inner = buildZip([{ name: 'a.shp', data: gib.data, crc: gib.crc, size: gib.size }]);
    const path = write('long.zip', [{ name: 'b.zip', data: inner, method: 0, crc: crc32(inner), size: inner.length }]);
    await expect(readDataset(filesForPath(path))).rejects.toMatchObject({ en: expect.stringMatching(/^File "long\.zip": the archive holds no readable data/) });
  });

  it('entries sharing one piece of data (the overlapping-files bomb) are refused', async () => {
    const data = Buffer.from('a'.repeat(4000));
    const part = { data: deflatedText(data), crc: crc32(data), size: data.length };
    const path = write('chung.kmz', [{ name: 'doc.kml', ...part }, { name: 'b.kml', ...part, sameDataAs: 0 }]);
    await expect(readDataset(filesForPath(path))).rejects.toMatchObject({ code: 'too_large', en: expect.stringMatching(/entry "b\.kml" shares its data with entry "doc\.kml" — possibly a zip bomb/) });
  });
});

const deflatedText = (b: Buffer) => textEntry('x', b.toString()).data;

describe('honest archives are read, damaged ones refused with a sentence', () => {
  it('ZIP64 fields (central directory, local headers, end record) are read', async () => {
    const ds = await readDataset(filesForPath(write('z64.kmz', [textEntry('doc.kml', KML, { zip64: true })], { zip64End: true })));
    expect(ds.layers[0]!.features.map((f) => f.props.name)).toEqual(['Mộ 1']);
  });

  it.skipIf(!hasCommand('zip'))('Info-ZIP archives: forced ZIP64 (-fz) and streamed from a pipe (data descriptors, no sizes in the local headers)', async () => {
    writeFileSync(join(dir, 'doc.kml'), KML);
    for (const [name, args] of [
      ['fz.kmz', ['-q', '-fz', 'fz.kmz', 'doc.kml']],
      ['pipe.kmz', ['-q', '-', 'doc.kml']],
    ] as const) {
      const r = spawnSync('zip', args, { cwd: dir });
      expect(r.status).toBe(0);
      if (name === 'pipe.kmz') writeFileSync(join(dir, name), r.stdout);
      const ds = await readDataset(filesForPath(join(dir, name)));
      expect(ds.layers[0]!.features).toHaveLength(1);
    }
  });

  it.each([
    ['crc.kmz', [textEntry('doc.kml', KML, { crc: 12345 })], /^File "crc\.kmz": damaged zip archive \(the CRC of entry "doc\.kml" does not match\)/],
    ['ngan.kmz', [textEntry('doc.kml', KML, { size: KML.length + 10 })], /^File "ngan\.kmz": damaged zip archive \(entry "doc\.kml" inflates to \d+ bytes, \d+ declared\)/],
    ['cut.kmz', [textEntry('doc.kml', KML, { data: textEntry('doc.kml', KML).data.subarray(0, 40) })], /^File "cut\.kmz": damaged zip archive \(the compressed data of entry "doc\.kml" are corrupt or cut short\)/],
    ['mk.kmz', [textEntry('doc.kml', KML, { flags: 1 })], /^File "mk\.kmz": entry "doc\.kml" of the archive is encrypted/],
    ['bz.kmz', [textEntry('doc.kml', KML, { method: 12 })], /^File "bz\.kmz": entry "doc\.kml" uses compression method 12/],
  ])('%s', async (file, entries, en) => {
    await expect(readDataset(filesForPath(write(file, entries)))).rejects.toMatchObject({ en: expect.stringMatching(en), vi: expect.stringMatching(new RegExp(`^Tệp "${file}"`)) });
  });
});
