// A zip's central directory, read and checked before anything is inflated: what each entry declares
// (sizes, method, CRC, where its data lies), ZIP64 fields included. Entries whose data overlap
// (the "overlapping files" bomb: many entries inflating the same few bytes) are refused here.
import { strFromU8 } from 'fflate';
import { importError } from './errors';

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  /** Declared uncompressed size. */
  size: number;
  localOffset: number;
  /** Where the compressed data starts (after the local header). */
  dataStart: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U16_MARK = 0xffff;
const U32_MARK = 0xffffffff;

export function readCentralDirectory(fileName: string, bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(fileName, v);
  let count = v.getUint16(end + 10, true);
  let cdOffset = v.getUint32(end + 16, true);
  let disks = v.getUint16(end + 4, true) | v.getUint16(end + 6, true);
  const locator = end - 20;
  if ((count === U16_MARK || cdOffset === U32_MARK) && locator >= 0 && v.getUint32(locator, true) === ZIP64_LOCATOR) {
    const at = u64(fileName, v, locator + 8);
    if (at + 56 > locator || v.getUint32(at, true) !== ZIP64_EOCD) throw damaged(fileName, 'không tìm thấy bản ghi kết thúc ZIP64', 'the ZIP64 end record is missing');
    disks = v.getUint32(at + 16, true) | v.getUint32(at + 20, true);
    count = u64(fileName, v, at + 32);
    cdOffset = u64(fileName, v, at + 48);
  }
  if (disks !== 0)
    throw importError(fileName, 'tệp nén bị chia thành nhiều phần (.z01, .z02…); QuyTap chỉ đọc tệp nén một phần. Hãy ghép lại hoặc nén lại thành một tệp.', 'the archive is split into several parts (.z01, .z02…); QuyTap reads single-part archives only. Join it or zip it again as one file.');
  if (count > maxEntries) throw bomb(fileName, `có ${count} mục (giới hạn ${maxEntries})`, `it holds ${count} entries (the limit is ${maxEntries})`);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || v.getUint32(p, true) !== CENTRAL) throw damaged(fileName, `không tìm thấy mục thứ ${i + 1} của danh mục`, `entry ${i + 1} of the central directory is missing`);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const next = p + 46 + nameLen + extraLen + v.getUint16(p + 32, true);
    if (next > end) throw damaged(fileName, `mục thứ ${i + 1} của danh mục vượt quá cuối danh mục`, `entry ${i + 1} of the central directory runs past its end`);
    const flags = v.getUint16(p + 8, true);
    const name = strFromU8(bytes.subarray(p + 46, p + 46 + nameLen), !(flags & 0x800));
    const sizes = { size: v.getUint32(p + 24, true), compressedSize: v.getUint32(p + 20, true), localOffset: v.getUint32(p + 42, true), disk: v.getUint16(p + 34, true) };
    readZip64Extra(fileName, v, p + 46 + nameLen, extraLen, sizes, name);
    if (sizes.disk !== 0) throw damaged(fileName, `mục "${name}" nằm ở phần khác của tệp nén`, `entry "${name}" lies in another part of the archive`);
    const { size, compressedSize, localOffset } = sizes;
    entries.push({ name, flags, method: v.getUint16(p + 10, true), crc: v.getUint32(p + 16, true), compressedSize, size, localOffset, dataStart: dataStart(fileName, v, localOffset, compressedSize, name) });
    p = next;
  }
  refuseOverlaps(fileName, entries);
  return entries;
}

/** The end-of-central-directory record: the last one within the 64 KiB a comment may take. */
function findEnd(fileName: string, v: DataView): number {
  for (let i = v.byteLength - 22; i >= Math.max(0, v.byteLength - 22 - 0xffff); i--) {
    if (v.getUint32(i, true) === EOCD && i + 22 + v.getUint16(i + 20, true) <= v.byteLength) return i;
  }
  throw damaged(fileName, 'không tìm thấy danh mục ở cuối tệp', 'the central directory at its end is missing');
}

/** The ZIP64 extra field (0x0001) holds, in this order, each of these the 32-bit field could not. */
function readZip64Extra(fileName: string, v: DataView, start: number, len: number, s: { size: number; compressedSize: number; localOffset: number; disk: number }, name: string): void {
  const wanted = s.size === U32_MARK || s.compressedSize === U32_MARK || s.localOffset === U32_MARK || s.disk === U16_MARK;
  if (!wanted) return;
  for (let q = start; q + 4 <= start + len; q += 4 + v.getUint16(q + 2, true)) {
    if (v.getUint16(q, true) !== 0x0001) continue;
    let r = q + 4;
    const stop = Math.min(r + v.getUint16(q + 2, true), start + len);
    const take = (n: 8 | 4) => {
      if (r + n > stop) throw damaged(fileName, `trường ZIP64 của mục "${name}" quá ngắn`, `the ZIP64 field of entry "${name}" is too short`);
      const x = n === 8 ? u64(fileName, v, r) : v.getUint32(r, true);
      r += n;
      return x;
    };
    if (s.size === U32_MARK) s.size = take(8);
    if (s.compressedSize === U32_MARK) s.compressedSize = take(8);
    if (s.localOffset === U32_MARK) s.localOffset = take(8);
    if (s.disk === U16_MARK) s.disk = take(4);
    return;
  }
  throw damaged(fileName, `mục "${name}" thiếu kích thước ZIP64`, `entry "${name}" lacks its ZIP64 sizes`);
}

function dataStart(fileName: string, v: DataView, at: number, compressedSize: number, name: string): number {
  if (at + 30 > v.byteLength || v.getUint32(at, true) !== LOCAL) throw damaged(fileName, `không tìm thấy phần đầu của mục "${name}"`, `the local header of entry "${name}" is missing`);
  const start = at + 30 + v.getUint16(at + 26, true) + v.getUint16(at + 28, true);
  if (start + compressedSize > v.byteLength) throw damaged(fileName, `mục "${name}" vượt quá cuối tệp (tệp bị cắt cụt?)`, `entry "${name}" runs past the end of the file (cut short?)`);
  return start;
}

function refuseOverlaps(fileName: string, entries: ZipEntry[]): void {
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1]!;
    if (prev.dataStart + prev.compressedSize > byOffset[i]!.localOffset)
      throw bomb(fileName, `mục "${byOffset[i]!.name}" dùng chung dữ liệu với mục "${prev.name}"`, `entry "${byOffset[i]!.name}" shares its data with entry "${prev.name}"`);
  }
}

function u64(fileName: string, v: DataView, at: number): number {
  const x = v.getBigUint64(at, true);
  if (x > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged(fileName, 'trường ZIP64 vượt giới hạn', 'a ZIP64 field is out of range');
  return Number(x);
}

export function bomb(fileName: string, vi: string, en: string) {
  return importError(
    fileName,
    `tệp nén bị từ chối: ${vi} — có thể là "bom zip". Nếu tệp là thật, hãy giải nén bằng công cụ khác rồi nhập các tệp bên trong (bảng tính: lưu lại dưới dạng .csv).`,
    `archive refused: ${en} — possibly a zip bomb. If the file is genuine, extract it with another tool and import the files inside (a spreadsheet: save it as .csv).`,
    { code: 'too_large' },
  );
}

export function damaged(fileName: string, vi: string, en: string) {
  return importError(fileName, `tệp nén bị hỏng (${vi}). Hãy nén lại hoặc xuất lại tệp từ phần mềm gốc.`, `damaged zip archive (${en}). Zip it again, or export it again from the program that made it.`);
}
