// XML for KML and GPX, parsed with xmldom. A DOCTYPE is refused outright: KML and GPX never need one,
// and internal entities are how an "entity bomb" (billion laughs) expands a few KiB into gigabytes.
import { DOMParser, type Document } from '@xmldom/xmldom';
import { importError } from './errors';

export function parseXml(fileName: string, text: string): Document {
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
    const msg = (errors[0] ?? 'no root element').split('\n')[0]!.slice(0, 300);
    throw importError(fileName, `XML hỏng, không đọc được (${msg}).`, `malformed XML (${msg}).`);
  }
  return doc;
}
