// dBASE tables of Shapefiles, read by hand: we need the raw bytes of text fields (TCVN3/VNI are byte
// encodings no TextDecoder knows) and a record count checked against the file size before trusting it.
import { decodeLegacy, type LegacyEncoding } from '../../shared/io/legacy-encodings';
import type { PropValue } from '../../shared/model';
import { detectEncoding, type EncodingGuess } from './detect-encoding';
import { importError } from './errors';

export type DbfEncoding = 'utf-8' | 'windows-1258' | 'windows-1252' | LegacyEncoding;
export const DBF_ENCODINGS: readonly DbfEncoding[] = ['utf-8', 'windows-1258', 'windows-1252', 'tcvn3', 'vni'];

interface DbfField {
  name: string;
  type: string;
  offset: number;
  length: number;
}

export interface DbfTable {
  count: number;
  fields: DbfField[];
  /** Values of record i (0-based); null for a deleted record. */
  record(i: number, encoding: DbfEncoding): Record<string, PropValue> | null;
  /** Raw text bytes of every text field (for encoding detection). */
  textSamples(max: number): Uint8Array[];
}

/** .cpg text → encoding; null when the .cpg names one we do not read. */
export function encodingFromCpg(cpg: string): DbfEncoding | null {
  const t = cpg.trim().toLowerCase().replace(/^ansi\s*/, '');
  if (/^(utf-?8|65001)$/.test(t)) return 'utf-8';
  if (/^(cp|windows-?)?1258$/.test(t)) return 'windows-1258';
  if (/^(cp|windows-?)?1252$/.test(t) || /^(iso-?8859-?1|latin-?1)$/.test(t)) return 'windows-1252';
  if (/tcvn|abc|5712/.test(t)) return 'tcvn3';
  if (/vni/.test(t)) return 'vni';
  return null;
}

const decoders = new Map<string, { decode(b: Uint8Array): string }>();
function decodeBytes(b: Uint8Array, enc: DbfEncoding): string {
  if (enc === 'tcvn3' || enc === 'vni') return decodeLegacy(b, enc);
  // Most values are ASCII (codes, unaccented words): the same characters in UTF-8, windows-1258 and
  // windows-1252, and NFC already. Read directly, they skip TextDecoder and ICU's normalize, most
  // of the time spent on the text of a large .dbf.
  if (isAscii(b)) return ascii(b);
  let d = decoders.get(enc);
  if (!d) decoders.set(enc, (d = new TextDecoder(enc)));
  return d.decode(b).normalize('NFC');
}

function trimBytes(bytes: Uint8Array, start: number, end: number): Uint8Array {
  while (end > start && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end--;
  while (start < end && bytes[start] === 0x20) start++;
  return bytes.subarray(start, end);
}

// A dBASE field is at most 254 bytes, far below apply's argument limit. apply reads the bytes as an
// array-like; a spread walks an iterator, several times slower over the ~160,000 values of 40,000 rows.
const ascii = (b: Uint8Array) => String.fromCharCode.apply(null, b as unknown as number[]);

function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i]! >= 0x80) return false;
  return true;
}

export function readDbf(fileName: string, bytes: Uint8Array): DbfTable {
  if (bytes.length < 33) throw importError(fileName, 'tệp .dbf quá ngắn (hỏng).', 'the .dbf is too short (damaged).');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = dv.getUint32(4, true);
  const headerLength = dv.getUint16(8, true);
  const recordLength = dv.getUint16(10, true);
  const fields: DbfField[] = [];
  let offset = 1;
  for (let p = 32; p + 32 <= headerLength && bytes[p] !== 0x0d; p += 32) {
    const nameBytes = bytes.subarray(p, p + 11);
    const nul = nameBytes.indexOf(0);
    const name = new TextDecoder('utf-8').decode(nul >= 0 ? nameBytes.subarray(0, nul) : nameBytes).trim();
    const length = bytes[p + 16]!;
    fields.push({ name, type: String.fromCharCode(bytes[p + 11]!), offset, length });
    offset += length;
  }
  if (offset !== recordLength || headerLength > bytes.length)
    throw importError(fileName, 'phần đầu tệp .dbf không khớp với mô tả trường (tệp hỏng).', 'the .dbf header does not match its field list (damaged file).');
  const available = Math.floor((bytes.length - headerLength) / Math.max(1, recordLength));
  if (available < count)
    throw importError(
      fileName,
      `tệp .dbf ghi ${count} bản ghi nhưng chỉ chứa ${available} (tệp bị cắt hoặc sai số bản ghi).`,
      `the .dbf declares ${count} records but holds ${available} (truncated, or a wrong record count).`,
      { details: { declared: count, present: available } },
    );
  return {
    count,
    fields,
    record(i, encoding) {
      const base = headerLength + i * recordLength;
      if (bytes[base] === 0x2a) return null;
      const out: Record<string, PropValue> = {};
      for (const f of fields) {
        const raw = trimBytes(bytes, base + f.offset, base + f.offset + f.length);
        switch (f.type) {
          case 'C':
            out[f.name] = raw.length ? decodeBytes(raw, encoding) : null;
            break;
          case 'N':
          case 'F': {
            const t = ascii(raw);
            const n = Number(t);
            out[f.name] = t === '' || /^\*+$/.test(t) || !Number.isFinite(n) ? null : n;
            break;
          }
          case 'L': {
            const c = ascii(raw).toUpperCase();
            out[f.name] = 'YT'.includes(c) && c ? true : 'NF'.includes(c) && c ? false : null;
            break;
          }
          case 'D': {
            const t = ascii(raw);
            out[f.name] = /^\d{8}$/.test(t) ? `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}` : null;
            break;
          }
          case 'I':
            out[f.name] = f.length === 4 ? new DataView(bytes.buffer, bytes.byteOffset + base + f.offset, 4).getInt32(0, true) : null;
            break;
          case 'O':
            out[f.name] = f.length === 8 ? new DataView(bytes.buffer, bytes.byteOffset + base + f.offset, 8).getFloat64(0, true) : null;
            break;
          default:
            out[f.name] = raw.length ? decodeBytes(raw, 'utf-8') : null;
        }
      }
      return out;
    },
    textSamples(max) {
      const out: Uint8Array[] = [];
      const text = fields.filter((f) => f.type === 'C');
      for (let i = 0; i < count && out.length < max; i++) {
        const base = headerLength + i * recordLength;
        for (const f of text) {
          const raw = trimBytes(bytes, base + f.offset, base + f.offset + f.length);
          if (raw.some((b) => b >= 0x80)) out.push(raw);
        }
      }
      return out;
    },
  };
}

/** The encoding of a .dbf without a .cpg, read from its text (io/detect-encoding.ts), with how sure. */
export function guessDbfEncoding(t: DbfTable): EncodingGuess {
  return detectEncoding(t.textSamples(2000));
}
