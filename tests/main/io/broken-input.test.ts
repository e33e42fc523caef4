// Broken or hostile input is refused with a message naming the file (and the row where there is
// one), and the project is byte-for-byte unchanged (a hash of every table before and after).
import { closeSync, copyFileSync, openSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { filesForPath } from '../../../src/main/io/files';
import { runImport } from '../../../src/main/io/import-run';
import type { ImportSpec } from '../../../src/main/io/import-plan';
import type { ProjectStore } from '../../../src/main/store';
import { AUTHOR, hashAllTables, newProject, REAL, tempDir } from './helpers';

let dir: string;
let cleanup: () => void;
let store: ProjectStore;
let before: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  store = newProject(dir);
  before = hashAllTables(store.path);
});
afterEach(() => {
  expect(hashAllTables(store.path)).toBe(before);
  store.close();
  cleanup();
});

const areas: ImportSpec = { table: 'base_areas', crs: 'EPSG:4326', defaults: { kind: 'other_area' } };
const points: ImportSpec = { table: 'info_points', defaults: { kind: 'initial_burial' } };

async function refused(path: string, spec: ImportSpec, pattern: RegExp, extra: Record<string, unknown> = {}) {
  const e = await runImport(store, filesForPath(path), spec, { author: AUTHOR }).then(
    () => null,
    (x: unknown) => x as { code: string; vi: string; en: string; details?: Record<string, unknown> },
  );
  expect(e, 'the import should have been refused').not.toBeNull();
  expect(e!.en).toMatch(pattern);
  expect(e!.vi).toMatch(/^Tệp "/);
  expect(e!.details).toMatchObject(extra);
  return e!;
}

function copyShapefile(name: string): string {
  for (const ext of ['shp', 'shx', 'dbf']) copyFileSync(REAL(`GeospatialPython-pyshp/blockgroups.${ext}`), join(dir, `${name}.${ext}`));
  return join(dir, `${name}.shp`);
}

describe('refused input', () => {
  it('a truncated .shp', async () => {
    const shp = copyShapefile('cut');
    truncateSync(shp, 100_000);
    await refused(shp, areas, /truncated/, { file: 'cut.shp' });
  });

  it('a .dbf whose header declares more records than it holds', async () => {
    const shp = copyShapefile('wrongcount');
    const dbf = readFileSync(join(dir, 'wrongcount.dbf'));
    dbf.writeUInt32LE(dbf.readUInt32LE(4) + 25, 4);
    writeFileSync(join(dir, 'wrongcount.dbf'), dbf);
    await refused(shp, areas, /declares 688 records but holds 663/, { file: 'wrongcount.dbf' });
  });

  it('a .dbf with fewer records than the .shp has shapes', async () => {
    const shp = copyShapefile('short');
    const dbf = readFileSync(join(dir, 'short.dbf'));
    const header = dbf.readUInt16LE(8);
    const rec = dbf.readUInt16LE(10);
    const cut = Buffer.concat([dbf.subarray(0, header + rec * 600), Buffer.from([0x1a])]);
    cut.writeUInt32LE(600, 4);
    writeFileSync(join(dir, 'short.dbf'), cut);
    await refused(shp, areas, /600 records but the \.shp has 663 shapes/);
  });

  it('malformed XML (a KML cut in the middle), naming the file', async () => {
    const text = readFileSync(REAL('placemark-togeojson/styles.kml'), 'utf8');
    const f = join(dir, 'cut.kml');
    writeFileSync(f, text.slice(0, Math.floor(text.length / 2)));
    const e = await refused(f, points, /the content is cut short, the file stops in the middle/, { file: 'cut.kml' });
    // Our sentence, not the XML parser's English.
    expect(e.vi).toMatch(/^Tệp "cut\.kml": nội dung bị cắt dở, tệp dừng giữa chừng.*Hãy chép lại tệp/);
    // Cut after a whole tag, the parser names the tags left open.
    const g = join(dir, 'cut.gpx');
    writeFileSync(g, '<?xml version="1.0"?>\n<gpx version="1.1"><wpt lat="12.4" lon="107.8"><name>A</name></wpt>');
    const e2 = await refused(g, points, /the tag\(s\) <gpx> are never closed/, { file: 'cut.gpx' });
    expect(e2.vi).toMatch(/thẻ <gpx> chưa được đóng/);
    expect(`${e.vi} ${e.en}`).not.toMatch(/unclosed xml tag|XML hỏng|malformed XML/);
  });

  it('an empty GPX or GeoJSON file is called empty, not broken XML or JSON', async () => {
    for (const name of ['empty.gpx', 'empty.kml', 'empty.geojson']) {
      const f = join(dir, name);
      writeFileSync(f, '');
      const e = await refused(f, points, new RegExp(`The file "${name.replace('.', '\\.')}" is empty: there is nothing to import`), { file: name });
      expect(e.vi).toMatch(new RegExp(`^Tệp "${name.replace('.', '\\.')}" rỗng, không có dữ liệu nào để nhập`));
      expect(`${e.vi} ${e.en}`).not.toMatch(/XML hỏng|JSON hỏng|root element|Unexpected end/);
    }
    const blank = join(dir, 'blank.gpx');
    writeFileSync(blank, '  \n\n ');
    await refused(blank, points, /"blank\.gpx" is empty/);
  });

  it('a text file named .gpx (no root tag) says it is not a KML/GPX file', async () => {
    const f = join(dir, 'notes.gpx');
    writeFileSync(f, 'hello, not XML at all');
    const e = await refused(f, points, /not an XML \(KML\/GPX\) file: there is no root tag/, { file: 'notes.gpx' });
    expect(e.vi).toMatch(/không phải tệp XML \(KML\/GPX\).*Hãy chọn đúng tệp KML hoặc GPX/);
    expect(e.en).not.toMatch(/missing root element/);
  });

  it('an XML entity bomb (billion laughs) is refused before any expansion', async () => {
    const f = join(dir, 'bomb.gpx');
    const ents = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)];
    writeFileSync(f, `<?xml version="1.0"?>\n<!DOCTYPE gpx [${ents.join('\n')}]>\n<gpx><wpt lat="12.4" lon="107.8"><name>&lol9;</name></wpt></gpx>`);
    await refused(f, points, /DOCTYPE\/ENTITY/);
  });

  it('a zip bomb (a few KiB inflating to gigabytes) stops inflating at the budget', async () => {
    // 100 MiB of zeros deflates to ~100 KiB; the budget for that archive (200 × its size, at least 16 MiB) is far below.
    const zeros = new Uint8Array(100 * 1024 * 1024);
    const zip = zipSync({ 'a.shp': zeros, 'a.dbf': zeros.subarray(0, 1024) }, { level: 9 });
    const f = join(dir, 'bomb.zip');
    writeFileSync(f, zip);
    expect(zip.length).toBeLessThan(512 * 1024);
    await refused(f, areas, /zip bomb/);
  });

  it('a 2 GB file is refused by its size, without reading it', async () => {
    const f = join(dir, 'huge.geojson');
    closeSync(openSync(f, 'w'));
    truncateSync(f, 2 * 1024 ** 3); // sparse: takes no disk space
    const e = await refused(f, areas, /file too large \(2048 MiB/);
    expect(e.code).toBe('too_large');
  });

  it('coordinates outside Vietnam (X/Y swapped in a CSV) name the row', async () => {
    const f = join(dir, 'swapped.csv');
    writeFileSync(f, 'ten,lon,lat\nMộ A,107.81,12.41\nMộ B,12.42,107.82\n');
    await refused(f, points, /outside Vietnam/, { row: 3, file: 'swapped.csv' });
  });

  it('a bad value names the row and the field', async () => {
    const f = join(dir, 'bad.csv');
    writeFileSync(f, 'name,lon,lat,estimated_remains\nMộ A,107.81,12.41,2\nMộ B,107.82,12.42,hai\n');
    await refused(f, { table: 'graves', defaults: { kind: 'newly_found', verification: 'not_verified' } }, /row 3: field Estimated remains: "hai" is not a number/);
  });

  it('a value outside the code list, or a required field left empty, names the row', async () => {
    const f = join(dir, 'kinds.csv');
    writeFileSync(f, 'name,lon,lat,loai\nMộ A,107.81,12.41,newly_found\nMộ B,107.82,12.42,mộ mới\n');
    await refused(f, { table: 'graves', map: { name: 'name', kind: 'loai' }, defaults: { verification: 'not_verified' } }, /row 3: field Kind: "mộ mới" is not one of newly_found/);
    await refused(f, { table: 'graves', map: { name: 'name', kind: 'loai' } }, /row 2: required field Verification is empty/);
  });

  it('a self-intersecting polygon is listed as invalid (GEOS), not written', async () => {
    const f = join(dir, 'bowtie.geojson');
    const bowtie = [[[107.8, 12.4], [107.81, 12.41], [107.81, 12.4], [107.8, 12.41], [107.8, 12.4]]];
    writeFileSync(f, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Nơ' }, geometry: { type: 'Polygon', coordinates: bowtie } }] }));
    // GEOS prints its notices on stdout unless told not to: the CLI's output must stay ours.
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void printed.push(a.join(' ')));
    const e = await refused(f, { ...areas, crs: undefined }, /1 invalid geometries \(row 1: the outline crosses itself \(a bow-tie, or rings that cross\) at \d+\.\d, \d+\.\d\)/).finally(() => log.mockRestore());
    expect(e.vi).toMatch(/1 hình học không hợp lệ \(dòng 1: ranh giới tự cắt .* tại \d+\.\d, \d+\.\d\)/);
    expect(`${e.vi} ${e.en}`).not.toMatch(/Self-intersection/);
    expect(printed.join('\n')).not.toMatch(/Self-intersection|at or near point/);
    // The raw GEOS reason is kept for the technical list.
    expect((e.details as { invalid: { reason: string }[] }).invalid).toEqual([{ row: 1, reason: expect.stringMatching(/^Self-intersection\[/) }]);
  });
});
