// Spreadsheets (.xlsx, .ods) through the table import. Two sources of test files, both made at test
// time: GDAL (`ogr2ogr -f XLSX` / `-f ODS` from a CSV, an outside writer we did not tune to), and
// workbooks assembled here from hand-written SpreadsheetML parts zipped with fflate, for what GDAL
// never writes (a merged title, a two-row header, merged cells down a group, formulas with their
// saved values, coordinates typed as text with a decimal comma, several sheets).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { filesForPath } from '../../../src/main/io/files';
import { runImport } from '../../../src/main/io/import-run';
import { previewImport } from '../../../src/main/io/preview';
import { readDataset } from '../../../src/main/io/read-any';
import { AUTHOR, freshProjectPerTest, hashAllTables, HAS_GDAL, run } from './helpers';

const env = freshProjectPerTest();
const GRAVE_DEFAULTS = { kind: 'newly_found', verification: 'not_verified' };

const CSV = `STT,Họ và tên,X,Y,Ngày hy sinh,Ghi chú
1,Nguyễn Văn Ấn,1360123.45,420456.78,1968-02-14,Đồi 722
2,Lê Thị Hoa,1360200.5,420500.25,1972-11-02,Buôn Ja Ráh
`;

function gdalTable(format: 'XLSX' | 'ODS', name: string): string {
  const csv = join(env.dir, 'nguon.csv');
  writeFileSync(csv, CSV);
  const out = join(env.dir, name);
  run('ogr2ogr', ['-f', format, out, csv, '-oo', 'AUTODETECT_TYPE=YES', '-nln', 'Danh sách mộ']);
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
type C = string | number | { f: string; v?: number | string; t?: 'str' } | { d: number } | { e: string } | null;
function sheetXml(rows: C[][], merges: string[] = []): string {
  const cols = 'ABCDEFGHIJ';
  const body = rows
    .map((cells, i) => {
      const r = i + 1;
      const cs = cells
        .map((c, j) => {
          const ref = `${cols[j]}${r}`;
          if (c === null) return '';
          if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
          if (typeof c === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${esc(c)}</t></is></c>`;
          if ('d' in c) return `<c r="${ref}" s="1"><v>${c.d}</v></c>`;
          if ('e' in c) return `<c r="${ref}" t="e"><v>${esc(c.e)}</v></c>`;
          return `<c r="${ref}"${c.t ? ` t="${c.t}"` : ''}><f>${esc(c.f)}</f>${c.v === undefined ? '' : `<v>${c.v}</v>`}</c>`;
        })
        .join('');
      return `<row r="${r}">${cs}</row>`;
    })
    .join('');
  const mc = merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData>${mc}</worksheet>`;
}

function handMadeXlsx(name: string, sheets: { name: string; xml: string }[]): string {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rns = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0"?><workbook xmlns="${ns}" xmlns:r="${rns}"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rns}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}<Relationship Id="rIdS" Type="${rns}/styles" Target="styles.xml"/></Relationships>`,
    ),
    // Style 1 is dd/mm/yyyy, a custom date format.
    'xl/styles.xml': strToU8(
      `<?xml version="1.0"?><styleSheet xmlns="${ns}"><numFmts count="1"><numFmt numFmtId="170" formatCode="dd/mm/yyyy;@"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="170"/></cellXfs></styleSheet>`,
    ),
  };
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml)));
  const out = join(env.dir, name);
  writeFileSync(out, zipSync(files));
  return out;
}

/** What a commune clerk's sheet looks like: a title, a two-row header, a village merged down its rows. */
function clerkWorkbook(): string {
  return handMadeXlsx('mo-liet-si.xlsx', [
    { name: 'Hướng dẫn', xml: sheetXml([['Trang này chỉ có lời dặn.'], ['Dữ liệu ở trang sau.']]) },
    {
      name: 'Mộ Đắk Drô',
      xml: sheetXml(
        [
          ['DANH SÁCH MỘ LIỆT SĨ XÃ ĐẮK DRÔ', null, null, null, null],
          [null, null, null, null, null],
          ['Thôn', 'Tên mộ', 'Toạ độ VN-2000', null, 'Ngày phát hiện'],
          [null, null, 'X', 'Y', null],
          ['Buôn Buôr', 'Mộ A', 1360123.45, 420456.78, { d: 43599 }],
          [null, 'Mộ B', '1.360.200,5', '420500,25', { d: 43600 }],
          [null, null, null, null, null],
          ['Thôn 3', 'Mộ C', { f: 'C5+100', v: 1360223.45 }, { f: 'D5+10', v: 420466.78 }, null],
        ],
        ['A1:E1', 'A3:A4', 'B3:B4', 'C3:D3', 'E3:E4', 'A5:A6'],
      ),
    },
  ]);
}

describe('spreadsheets: .xlsx and .ods', () => {
  it.skipIf(!HAS_GDAL)('an .xlsx written by GDAL: numbers, dates, Vietnamese text; X is the northing, Y the easting', async () => {
    const f = gdalTable('XLSX', 'gdal.xlsx');
    const ds = await readDataset(filesForPath(f));
    expect(ds.format).toBe('xlsx');
    const l = ds.layers[0]!;
    expect(l.name).toBe('Danh sách mộ');
    expect(l.fields).toEqual(['STT', 'Họ và tên', 'Ngày hy sinh', 'Ghi chú']);
    expect(l.features[0]).toMatchObject({ row: 2, geometry: { type: 'Point', coordinates: [420456.78, 1360123.45] } });
    expect(l.features[1]!.props).toEqual({ STT: 2, 'Họ và tên': 'Lê Thị Hoa', 'Ngày hy sinh': '1972-11-02', 'Ghi chú': 'Buôn Ja Ráh' });

    await runImport(env.store, filesForPath(f), { table: 'graves', crs: 'EPSG:9218', map: { name: 'Họ và tên', description: 'Ghi chú' }, defaults: GRAVE_DEFAULTS }, { author: AUTHOR });
    const rows = env.store.query('graves').rows.sort((a, b) => String(a.props.name).localeCompare(String(b.props.name)));
    expect(rows.map((r) => [r.props.name, r.props.description, r.geometry])).toEqual([
      ['Lê Thị Hoa', 'Buôn Ja Ráh', { type: 'Point', coordinates: [420500.25, 1360200.5] }],
      ['Nguyễn Văn Ấn', 'Đồi 722', { type: 'Point', coordinates: [420456.78, 1360123.45] }],
    ]);
  });

  it.skipIf(!HAS_GDAL)('an .ods written by GDAL reads the same', async () => {
    const ds = await readDataset(filesForPath(gdalTable('ODS', 'gdal.ods')));
    expect(ds.format).toBe('ods');
    const l = ds.layers[0]!;
    expect(l.name).toBe('Danh sách mộ');
    expect(l.features.map((x) => x.geometry)).toEqual([
      { type: 'Point', coordinates: [420456.78, 1360123.45] },
      { type: 'Point', coordinates: [420500.25, 1360200.5] },
    ]);
    expect(l.features[0]!.props).toEqual({ STT: 1, 'Họ và tên': 'Nguyễn Văn Ấn', 'Ngày hy sinh': '1968-02-14', 'Ghi chú': 'Đồi 722' });
  });

  it('a clerk’s workbook: sheet choice, header under a merged title, two-row header, merged village, decimal-comma text, formulas by their saved value', async () => {
    const f = clerkWorkbook();
    const ds = await readDataset(filesForPath(f));
    expect(ds.layers.map((l) => l.name)).toEqual(['Hướng dẫn', 'Mộ Đắk Drô']);
    const l = ds.layers[1]!;
    expect(l.fields).toEqual(['Thôn', 'Tên mộ', 'Ngày phát hiện']);
    expect(l.crs.code).toBeNull();
    expect(l.features.map((x) => [x.row, x.props.Thôn, x.props['Tên mộ'], x.props['Ngày phát hiện'], x.geometry?.type === 'Point' ? x.geometry.coordinates : null])).toEqual([
      [5, 'Buôn Buôr', 'Mộ A', '2019-05-14', [420456.78, 1360123.45]],
      [6, 'Buôn Buôr', 'Mộ B', '2019-05-15', [420500.25, 1360200.5]],
      [8, 'Thôn 3', 'Mộ C', null, [420466.78, 1360223.45]],
    ]);

    const pv = await previewImport(filesForPath(f), { workingCrs: 'EPSG:9218', crs: 'EPSG:9218' });
    expect(pv.layers[1]!.count).toBe(3);
    await runImport(env.store, filesForPath(f), { table: 'graves', crs: 'EPSG:9218', map: { name: 'Tên mộ', description: 'Thôn' }, defaults: GRAVE_DEFAULTS }, { author: AUTHOR, layer: 'Mộ Đắk Drô' });
    expect(env.store.query('graves').rows.map((r) => r.props.description).sort()).toEqual(['Buôn Buôr', 'Buôn Buôr', 'Thôn 3']);
  });

  it('prefixed SpreadsheetML, escaped text, a rich-text shared string with a phonetic run', async () => {
    const x = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const sheet = `<?xml version="1.0"?><x:worksheet xmlns:x="${x}"><x:sheetData>
      <x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Tên &amp; ghi chú</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>X</x:t></x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>Y</x:t></x:is></x:c></x:row>
      <x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="B2"><x:v>1360123.5</x:v></x:c><x:c r="C2" t="str"><x:f>"420"&amp;"456,25"</x:f><x:v>420456,25</x:v></x:c></x:row>
    </x:sheetData></x:worksheet>`;
    const f = handMadeXlsx('tien-to.xlsx', [{ name: 'S', xml: sheet }]);
    const { readFileSync } = await import('node:fs');
    const { unzipSync } = await import('fflate');
    const parts = unzipSync(readFileSync(f));
    parts['xl/sharedStrings.xml'] = strToU8(
      `<?xml version="1.0"?><sst xmlns="${x}"><si><r><t>Mộ </t></r><r><rPr><b/></rPr><t>&lt;A&gt; &#7889;</t></r><rPh sb="0" eb="1"><t>ボ</t></rPh></si></sst>`,
    );
    writeFileSync(f, zipSync(parts));
    const l = (await readDataset(filesForPath(f))).layers[0]!;
    expect(l.fields).toEqual(['Tên & ghi chú']);
    expect(l.features).toEqual([{ row: 2, props: { 'Tên & ghi chú': 'Mộ <A> ố' }, geometry: { type: 'Point', coordinates: [420456.25, 1360123.5] } }]);
  });

  it('the user can name the header row', async () => {
    const f = handMadeXlsx('hang.xlsx', [{ name: 'S', xml: sheetXml([['Ghi chú đầu trang', 'bản nháp'], ['Tên', 'Kinh độ', 'Vĩ độ'], ['Điểm 1', 107.8, 12.4]]) }]);
    const auto = (await readDataset(filesForPath(f))).layers[0]!;
    // Read as it stands, row 1 passes for a header (two text cells); the column it does not name gets a letter.
    expect(auto.fields).toEqual(['Ghi chú đầu trang', 'bản nháp', 'Cột C']);
    const named = (await readDataset(filesForPath(f), { headerRow: 2 })).layers[0]!;
    expect(named.fields).toEqual(['Tên']);
    expect(named.crs.code).toBe('EPSG:4326');
    expect(named.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [107.8, 12.4] });
  });

  it('refuses what it cannot read, naming the file, the cell and the reason; the project is unchanged', async () => {
    const before = hashAllTables(join(env.dir, 'p.gpkg'));
    const spec = { table: 'graves' as const, crs: 'EPSG:9218', defaults: GRAVE_DEFAULTS };

    const textCoord = handMadeXlsx('chu.xlsx', [{ name: 'S', xml: sheetXml([['Tên', 'X', 'Y'], ['Mộ A', 1360123, 420456], ['Mộ B', 'không rõ', 420500]]) }]);
    await expect(runImport(env.store, filesForPath(textCoord), spec, { author: AUTHOR })).rejects.toMatchObject({
      vi: expect.stringMatching(/"chu\.xlsx", dòng 3: ô "S"!B3 \(cột "X"\): toạ độ "không rõ" không phải số/),
      en: expect.stringMatching(/row 3: cell "S"!B3 \(column "X"\): coordinate "không rõ" is not a number/),
    });

    const noValue = handMadeXlsx('cong-thuc.xlsx', [{ name: 'S', xml: sheetXml([['Tên', 'X', 'Y'], ['Mộ A', { f: 'Z9*2' }, 420456]]) }]);
    await expect(runImport(env.store, filesForPath(noValue), spec, { author: AUTHOR })).rejects.toMatchObject({
      en: expect.stringMatching(/cell "S"!B2 .*formula with no saved value/),
    });

    const errorCell = handMadeXlsx('loi.xlsx', [{ name: 'S', xml: sheetXml([['Tên', 'X', 'Y'], ['Mộ A', { e: '#REF!' }, 420456]]) }]);
    await expect(runImport(env.store, filesForPath(errorCell), spec, { author: AUTHOR })).rejects.toMatchObject({ en: expect.stringMatching(/"#REF!" is not a number/) });

    const legacy = join(env.dir, 'cu.xls');
    writeFileSync(legacy, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]));
    await expect(runImport(env.store, filesForPath(legacy), spec, { author: AUTHOR })).rejects.toMatchObject({ en: expect.stringMatching(/"cu\.xls": this is a legacy Excel file.*save it as \.xlsx/) });

    const good = clerkWorkbook();
    const truncated = join(env.dir, 'cut.xlsx');
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(good);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(runImport(env.store, filesForPath(truncated), spec, { author: AUTHOR })).rejects.toMatchObject({ en: expect.stringMatching(/File "cut\.xlsx": /) });

    const notZip = join(env.dir, 'gia.xlsx');
    writeFileSync(notZip, 'Tên,X,Y\nMộ A,1,2\n');
    await expect(runImport(env.store, filesForPath(notZip), spec, { author: AUTHOR })).rejects.toMatchObject({ en: expect.stringMatching(/"gia\.xlsx": not a valid zip archive/) });

    // 64 MiB of zeros in the sheet part: a few KiB zipped, refused while inflating.
    const bomb = join(env.dir, 'bom.xlsx');
    writeFileSync(bomb, zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(64 * 1024 * 1024) }, { level: 9 }));
    await expect(runImport(env.store, filesForPath(bomb), spec, { author: AUTHOR })).rejects.toMatchObject({ code: 'too_large', en: expect.stringMatching(/"bom\.xlsx".*zip bomb/) });

    const entity = handMadeXlsx('entity.xlsx', [{ name: 'S', xml: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>' }]);
    await expect(runImport(env.store, filesForPath(entity), spec, { author: AUTHOR })).rejects.toMatchObject({ en: expect.stringMatching(/DOCTYPE/) });

    expect(hashAllTables(join(env.dir, 'p.gpkg'))).toBe(before);
  });
});
