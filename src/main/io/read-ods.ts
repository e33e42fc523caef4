// OpenDocument spreadsheets (.ods, LibreOffice's own format): content.xml inside a zip, read with
// the same zip budget and XML guard as .xlsx. Cells carry their type (office:value-type) and the
// saved value of a formula (office:value), so nothing is computed here.
import type { Element } from '@xmldom/xmldom';
import { importError } from './errors';
import { LIMITS } from './limits';
import { kids } from './read-xlsx';
import type { Cell, Merge, Sheet } from './sheet-cells';
import { decodeText } from './text';
import { parseXml } from './xml';
import { safeUnzip } from './zip';

const ODS_CONTENT_LIMIT = 48 * 2 ** 20;

const get = (el: Element, qname: string): string | null => (el.hasAttribute(qname) ? el.getAttribute(qname) : null);

/** The visible text of a cell: its paragraphs, one per line; text:s is a run of spaces. */
function cellText(el: Element): string {
  const para = (p: Element): string => {
    let s = '';
    for (let n = p.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3 || n.nodeType === 4) s += n.nodeValue ?? '';
      else if (n.nodeType === 1) {
        const e = n as Element;
        if (e.localName === 's') s += ' '.repeat(Number(get(e, 'text:c') ?? 1));
        else if (e.localName === 'tab') s += '\t';
        else if (e.localName === 'line-break') s += '\n';
        else if (e.localName !== 'annotation') s += para(e);
      }
    }
    return s;
  };
  return kids(el, 'p').map(para).join('\n');
}

function cellOf(el: Element): Cell | null {
  const type = get(el, 'office:value-type');
  const text = cellText(el);
  switch (type) {
    case 'float':
    case 'percentage':
    case 'currency': {
      const n = Number(get(el, 'office:value'));
      return Number.isFinite(n) ? { t: 'number', v: n } : { t: 'error', v: text || '?' };
    }
    case 'date': {
      const d = get(el, 'office:date-value') ?? '';
      return { t: 'date', v: /T00:00:00(\.0+)?$/.test(d) ? d.slice(0, 10) : d.slice(0, 19) };
    }
    case 'time':
      return { t: 'text', v: text };
    case 'boolean':
      return { t: 'bool', v: get(el, 'office:boolean-value') === 'true' };
    case 'string':
      return text === '' ? null : { t: 'text', v: (get(el, 'office:string-value') ?? text).normalize('NFC') };
    default:
      // No value type: an empty cell, or a formula whose result is an error ("Err:502", "#DIV/0!").
      if (get(el, 'table:formula')) return { t: 'error', v: text || 'formula without a saved value' };
      return text === '' ? null : { t: 'text', v: text.normalize('NFC') };
  }
}

export function readOdsSheets(fileName: string, bytes: Uint8Array): { sheets: Sheet[]; warnings: { vi: string; en: string }[] } {
  const entries = safeUnzip(fileName, bytes);
  const content = entries.get('content.xml');
  if (!content) throw importError(fileName, 'không phải bảng tính OpenDocument (.ods): thiếu content.xml.', 'not an OpenDocument spreadsheet (.ods): content.xml is missing.');
  // Read as a DOM (ODS cells nest paragraphs and spans), which takes ~30 bytes of memory per byte of
  // XML: 20 MiB (50,000 rows) needs 630 MiB. Beyond this the .xlsx or CSV reader is the way.
  if (content.length > ODS_CONTENT_LIMIT)
    throw importError(
      fileName,
      `bảng tính .ods quá lớn để đọc (${Math.round(content.length / 2 ** 20)} MiB dữ liệu XML; giới hạn ${ODS_CONTENT_LIMIT / 2 ** 20} MiB). Hãy lưu lại dưới dạng .xlsx hoặc .csv (UTF-8).`,
      `the .ods spreadsheet is too large to read (${Math.round(content.length / 2 ** 20)} MiB of XML; the limit is ${ODS_CONTENT_LIMIT / 2 ** 20} MiB). Save it as .xlsx or .csv (UTF-8).`,
      { code: 'too_large' },
    );
  const root = parseXml(fileName, decodeText(fileName, content)).documentElement!;
  const body = kids(root, 'body')[0];
  const spreadsheet = body ? kids(body, 'spreadsheet')[0] : undefined;
  if (!spreadsheet) throw importError(fileName, 'tệp OpenDocument này không phải bảng tính.', 'this OpenDocument file is not a spreadsheet.');
  const sheets: Sheet[] = [];
  for (const table of kids(spreadsheet, 'table')) {
    const name = (get(table, 'table:name') ?? `Sheet${sheets.length + 1}`).normalize('NFC');
    const rows = new Map<number, Map<number, Cell>>();
    const merges: Merge[] = [];
    let rowNo = 0;
    // Rows may sit inside row groups and header-row blocks.
    const walk = (el: Element): Element[] => {
      const out: Element[] = [];
      for (let n = el.firstChild; n; n = n.nextSibling) {
        if (n.nodeType !== 1) continue;
        const e = n as Element;
        if (e.localName === 'table-row') out.push(e);
        else if (e.localName === 'table-row-group' || e.localName === 'table-header-rows' || e.localName === 'table-rows') out.push(...walk(e));
      }
      return out;
    };
    for (const r of walk(table)) {
      const repeatRows = Math.max(1, Number(get(r, 'table:number-rows-repeated') ?? 1));
      const cells = new Map<number, Cell>();
      let col = 0;
      for (let n = r.firstChild; n; n = n.nextSibling) {
        if (n.nodeType !== 1) continue;
        const c = n as Element;
        if (c.localName !== 'table-cell' && c.localName !== 'covered-table-cell') continue;
        const repeat = Math.max(1, Number(get(c, 'table:number-columns-repeated') ?? 1));
        const cell = c.localName === 'table-cell' ? cellOf(c) : null;
        if (cell) {
          // A style run such as 1,000 repeated empty columns is common; a value repeated is rare and small.
          for (let k = 1; k <= Math.min(repeat, 1024); k++) cells.set(col + k, cell);
          const spanC = Number(get(c, 'table:number-columns-spanned') ?? 1);
          const spanR = Number(get(c, 'table:number-rows-spanned') ?? 1);
          if (spanC > 1 || spanR > 1) merges.push({ r0: rowNo + 1, c0: col + 1, r1: rowNo + spanR, c1: col + spanC });
        }
        col += repeat;
      }
      if (cells.size) {
        // Repeated rows with content are identical copies; empty ones (often a million) only advance.
        if (rowNo + repeatRows > LIMITS.maxFeatures)
          throw importError(fileName, `trang "${name}" có quá nhiều dòng (> ${LIMITS.maxFeatures}).`, `sheet "${name}" has too many rows (> ${LIMITS.maxFeatures}).`, { code: 'too_large' });
        for (let k = 1; k <= repeatRows; k++) rows.set(rowNo + k, cells);
      }
      rowNo += repeatRows;
    }
    sheets.push({ name, rows, merges });
  }
  if (!sheets.length) throw importError(fileName, 'bảng tính không có trang dữ liệu nào.', 'the spreadsheet has no sheet.');
  return { sheets, warnings: [] };
}
