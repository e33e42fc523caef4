// Office Open XML workbooks (.xlsx, .xlsm): a zip of XML parts. Read with our own zip reader (the
// inflate budget that stops zip bombs, zip.ts) and xmldom (DOCTYPE refused, xml.ts) rather than a
// spreadsheet library: SheetJS on npm is stuck at 0.18.5 with published advisories, exceljs 4.4 has
// not been released since 2023 and brings its own unzip (no inflate budget), read-excel-file also
// unzips on its own; and the part of the format an import needs (sheet names, shared strings, cell
// types, the saved values of formulas, date styles, merged ranges) is small. Legacy .xls (BIFF8)
// is refused with a clear message: no maintained JavaScript reader for it exists besides SheetJS.
import type { Element } from '@xmldom/xmldom';
import { importError } from './errors';
import { LIMITS } from './limits';
import { type Cell, type Merge, parseRef, serialToIso, type Sheet } from './sheet-cells';
import { decodeText } from './text';
import { refuseDoctype, scanMerges, scanRows, scanSharedStrings } from './xlsx-scan';
import { parseXml } from './xml';
import { safeUnzip } from './zip';

export function kids(el: Element, local: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).localName === local) out.push(n as Element);
  return out;
}
export const kid = (el: Element, local: string): Element | undefined => kids(el, local)[0];
const attr = (el: Element, name: string): string | null => (el.hasAttribute(name) ? el.getAttribute(name) : null);

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format code shows a date when it has d/m/y/h/s outside quotes, escapes and [colour]s. */
function isDateCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

function dateStyles(xml: Element | null): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const numFmts = kid(xml, 'numFmts');
  for (const f of numFmts ? kids(numFmts, 'numFmt') : []) custom.set(Number(attr(f, 'numFmtId')), attr(f, 'formatCode') ?? '');
  const xfs = kid(xml, 'cellXfs');
  return (xfs ? kids(xfs, 'xf') : []).map((xf) => {
    const id = Number(attr(xf, 'numFmtId') ?? 0);
    return DATE_FORMAT_IDS.has(id) || (custom.has(id) && isDateCode(custom.get(id)!));
  });
}

/** Resolves a relationship target against the folder of the part that names it. */
function partPath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

export function readXlsxSheets(fileName: string, bytes: Uint8Array): { sheets: Sheet[]; warnings: { vi: string; en: string }[] } {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    throw importError(
      fileName,
      'đây là tệp Excel cũ (.xls, Excel 97–2003), QuyTap không đọc được. Hãy mở bằng Excel/LibreOffice và lưu lại dưới dạng .xlsx hoặc .csv (UTF-8).',
      'this is a legacy Excel file (.xls, Excel 97–2003), which QuyTap cannot read. Open it in Excel/LibreOffice and save it as .xlsx or .csv (UTF-8).',
    );
  const entries = safeUnzip(fileName, bytes);
  const xml = (path: string): Element | null => {
    const data = entries.get(path) ?? [...entries].find(([k]) => k.toLowerCase() === path.toLowerCase())?.[1];
    return data ? parseXml(fileName, decodeText(fileName, data)).documentElement : null;
  };
  const workbook = xml('xl/workbook.xml');
  if (!workbook || workbook.localName !== 'workbook')
    throw importError(fileName, 'không phải bảng tính Excel (.xlsx): thiếu xl/workbook.xml.', 'not an Excel workbook (.xlsx): xl/workbook.xml is missing.');
  const rels = new Map<string, string>();
  const relsXml = xml('xl/_rels/workbook.xml.rels');
  for (const r of relsXml ? kids(relsXml, 'Relationship') : []) rels.set(attr(r, 'Id') ?? '', partPath('xl/workbook.xml', attr(r, 'Target') ?? ''));
  const text = (path: string): string | null => {
    const data = entries.get(path) ?? [...entries].find(([k]) => k.toLowerCase() === path.toLowerCase())?.[1];
    if (!data) return null;
    const t = decodeText(fileName, data);
    refuseDoctype(fileName, t);
    return t;
  };
  const sstText = text([...rels.values()].find((p) => /sharedStrings\.xml$/i.test(p)) ?? 'xl/sharedStrings.xml');
  const shared = sstText ? scanSharedStrings(sstText) : [];
  const styles = dateStyles(xml([...rels.values()].find((p) => /styles\.xml$/i.test(p)) ?? 'xl/styles.xml'));
  const pr = kid(workbook, 'workbookPr');
  const date1904 = pr ? ['1', 'true'].includes(attr(pr, 'date1904') ?? '') : false;

  const sheets: Sheet[] = [];
  const noValue: string[] = [];
  const sheetList = kid(workbook, 'sheets');
  for (const s of sheetList ? kids(sheetList, 'sheet') : []) {
    const name = (attr(s, 'name') ?? `Sheet${sheets.length + 1}`).normalize('NFC');
    // The relationships prefix is "r" by convention only (Strict OOXML uses another namespace).
    let rid = attr(s, 'r:id') ?? '';
    for (let i = 0; !rid && i < s.attributes.length; i++) if (s.attributes.item(i)!.localName === 'id') rid = s.attributes.item(i)!.value;
    const path = rels.get(rid);
    const ws = path ? text(path) : null;
    if (!ws || !/<(?:[\w.-]+:)?worksheet\b/.test(ws.slice(0, 4096))) continue; // chart sheets, dialog sheets
    const rows = new Map<number, Map<number, Cell>>();
    let total = 0;
    let rowNo = 0;
    for (const r of scanRows(ws)) {
      rowNo = Number(r.attrs.r ?? rowNo + 1);
      const cells = new Map<number, Cell>();
      let col = 0;
      for (const c of r.cells) {
        const ref = c.attrs.r ?? null;
        col = ref ? (parseRef(ref)?.col ?? col + 1) : col + 1;
        const type = c.attrs.t ?? 'n';
        const v = c.value;
        const hasFormula = c.formula;
        let cell: Cell | null = null;
        if (type === 'inlineStr') {
          cell = c.inline === null ? null : { t: 'text', v: c.inline };
        } else if (v === null) {
          if (hasFormula) {
            cell = { t: 'error', v: 'formula without a saved value' };
            if (noValue.length < 10) noValue.push(`${name}!${ref ?? `R${rowNo}C${col}`}`);
          }
        } else if (type === 's') cell = { t: 'text', v: shared[Number(v)] ?? '' };
        else if (type === 'str') cell = { t: 'text', v };
        else if (type === 'b') cell = { t: 'bool', v: v === '1' };
        else if (type === 'e') cell = { t: 'error', v };
        else if (type === 'd') cell = { t: 'date', v: v.length > 10 ? v.slice(0, 19) : v };
        else {
          const n = Number(v);
          const iso = styles[Number(c.attrs.s ?? 0)] ? serialToIso(n, date1904) : null;
          cell = iso ? { t: 'date', v: iso } : Number.isFinite(n) ? { t: 'number', v: n } : { t: 'text', v };
        }
        if (cell && !(cell.t === 'text' && cell.v === '')) cells.set(col, cell.t === 'text' ? { t: 'text', v: cell.v.normalize('NFC') } : cell);
      }
      if (cells.size) rows.set(rowNo, cells);
      if (++total > LIMITS.maxFeatures)
        throw importError(fileName, `trang "${name}" có quá nhiều dòng (> ${LIMITS.maxFeatures}).`, `sheet "${name}" has too many rows (> ${LIMITS.maxFeatures}).`, { code: 'too_large' });
    }
    const merges: Merge[] = [];
    for (const ref of scanMerges(ws)) {
      const [a, b] = ref.split(':').map(parseRef);
      if (a && b) merges.push({ r0: a.row, c0: a.col, r1: b.row, c1: b.col });
    }
    sheets.push({ name, rows, merges });
  }
  if (!sheets.length) throw importError(fileName, 'bảng tính không có trang dữ liệu nào.', 'the workbook has no worksheet.');
  const warnings = noValue.length
    ? [
        {
          vi: `Có ô công thức chưa lưu giá trị (${noValue.join(', ')}): QuyTap không tính công thức; hãy mở tệp bằng Excel/LibreOffice và lưu lại.`,
          en: `Some formula cells have no saved value (${noValue.join(', ')}): QuyTap does not compute formulas; open the file in Excel/LibreOffice and save it again.`,
        },
      ]
    : [];
  return { sheets, warnings };
}
