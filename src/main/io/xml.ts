// XML for KML and GPX, parsed with xmldom. A DOCTYPE is refused outright: KML and GPX never need one,
// and internal entities are how an "entity bomb" (billion laughs) expands a few KiB into gigabytes.
import { DOMParser, type Document } from '@xmldom/xmldom';
import { emptyFileError, importError } from './errors';

const REEXPORT = 'Hãy mở tệp bằng chương trình đã tạo ra nó (Google Earth, phần mềm của máy GPS…) và xuất lại, rồi nhập lại.';
const REEXPORT_EN = 'Open it in the program that made it (Google Earth, the GPS software…), export it again, then import it again.';

/**
 * The XML parser's English ("missing root element", "unclosed xml tag(s): gpx, wpt"…) as our
 * sentence: what is wrong with the file and what to do. The parser's own words stay in `details`.
 */
export function xmlProblem(parserMessage: string, text: string): { vi: string; en: string } {
  const unclosed = /unclosed xml tag\(s\):\s*(.+)$/i.exec(parserMessage);
  // A file that stops before its last closing tag was cut (a copy or download that did not finish).
  if (unclosed || (/<[A-Za-z]/.test(text) && !/>\s*$/.test(text))) {
    const tags = unclosed ? unclosed[1]!.split(/,\s*/).slice(0, 5).map((t) => `<${t}>`).join(', ') : null;
    return {
      vi: `nội dung bị cắt dở${tags ? `: thẻ ${tags} chưa được đóng` : ', tệp dừng giữa chừng'}, có lẽ tệp chưa được chép hoặc tải về hết. Hãy chép lại tệp rồi nhập lại.`,
      en: `the content is cut short${tags ? `: the tag(s) ${tags} are never closed` : ', the file stops in the middle'}, probably it was not copied or downloaded completely. Copy the file again, then import it again.`,
    };
  }
  if (/missing root element/i.test(parserMessage))
    return {
      vi: 'không phải tệp XML (KML/GPX): không có thẻ gốc nào như <kml> hay <gpx>. Hãy chọn đúng tệp KML hoặc GPX.',
      en: 'not an XML (KML/GPX) file: there is no root tag such as <kml> or <gpx>. Choose the right KML or GPX file.',
    };
  const mismatch = /tag mismatch:\s*"([^"]+)"\s*!=\s*"([^"]+)"/i.exec(parserMessage);
  if (mismatch)
    return {
      vi: `nội dung XML bị hỏng: thẻ <${mismatch[1]}> được đóng bằng </${mismatch[2]}>. ${REEXPORT}`,
      en: `the XML is broken: the tag <${mismatch[1]}> is closed by </${mismatch[2]}>. ${REEXPORT_EN}`,
    };
  return { vi: `nội dung XML bị hỏng, không đọc được. ${REEXPORT}`, en: `the XML is broken and cannot be read. ${REEXPORT_EN}` };
}

export function parseXml(fileName: string, text: string): Document {
  if (text.trim() === '') throw emptyFileError(fileName);
  const head = text.slice(0, 64 * 1024);
  if (/<!DOCTYPE/i.test(head) || /<!ENTITY/i.test(text)) {
    throw importError(
      fileName,
      'tệp XML có khai báo DOCTYPE/ENTITY; QuyTap từ chối để tránh "bom thực thể" (KML/GPX không cần khai báo này).',
      'the XML file declares a DOCTYPE/ENTITY; refused to prevent an entity bomb (KML/GPX never need one).',
    );
  }
  const errors: string[] = [];
  const parser = new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== 'warning') errors.push(msg);
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, 'text/xml');
  } catch (e) {
    errors.push(e instanceof Error ? e.message : String(e));
    doc = null as unknown as Document;
  }
  if (errors.length || !doc || !doc.documentElement) {
    // The fatal error says what is wrong ("unclosed xml tag(s)"), the errors before it how it showed.
    const msg = (errors.find((m) => /unclosed|root element|mismatch/i.test(m)) ?? errors[0] ?? 'missing root element').split('\n')[0]!.slice(0, 300);
    const p = xmlProblem(msg, text);
    throw importError(fileName, p.vi, p.en, { details: { parser: msg } });
  }
  return doc;
}
