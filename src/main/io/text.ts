// Bytes → text for JSON/XML/CSV: UTF-8 (BOM dropped), or UTF-16 when a BOM says so. A file that is
// not valid UTF-8 is most likely Windows-1258/TCVN3: say so rather than show mojibake.
import { importError } from './errors';

export function decodeText(fileName: string, bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    throw importError(
      fileName,
      'tệp không phải văn bản UTF-8 (có thể là bảng mã cũ TCVN3/VNI/Windows-1258). Hãy lưu lại dưới dạng UTF-8.',
      'the file is not UTF-8 text (maybe a legacy TCVN3/VNI/Windows-1258 encoding). Save it as UTF-8.',
    );
  }
}
