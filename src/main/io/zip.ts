// Zip archives (.zip of a Shapefile set, .kmz, .xlsx, .ods) read with a hard budget. The central
// directory's declared sizes are checked before anything is inflated (a bomb is refused unread),
// then each entry is inflated by zlib into a buffer of its declared size: a header that lies is
// caught as soon as the output passes what it declared, so memory never exceeds the budget.
import { crc32, inflateRawSync } from 'node:zlib';
import { importError } from './errors';
import { LIMITS } from './limits';
import { bomb, damaged, readCentralDirectory, type ZipEntry } from './zip-directory';

export interface ZipLimits {
  /** Total bytes once inflated (each entry's share included). */
  maxBytes: number;
  /** Largest inflated/compressed ratio of an entry beyond `LIMITS.zipRatioFloor`. */
  maxRatio: number;
  maxEntries: number;
}

const mib = (n: number) => `${(n / 2 ** 20).toFixed(n < 2 ** 20 ? 2 : 0)} MiB`;

export function safeUnzip(fileName: string, bytes: Uint8Array, limits: ZipLimits = { maxBytes: LIMITS.unzippedBytes, maxRatio: LIMITS.maxRatio, maxEntries: LIMITS.maxZipEntries }): Map<string, Uint8Array> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw importError(fileName, 'không phải tệp nén zip hợp lệ.', 'not a valid zip archive.');
  }
  const entries = readCentralDirectory(fileName, bytes, limits.maxEntries);
  // Small archives may legitimately compress well (a 1 KiB zip of a blank .dbf): the ratio rules
  // apply beyond a floor.
  const budget = Math.min(limits.maxBytes, Math.max(LIMITS.zipRatioFloor, bytes.length * limits.maxRatio));
  checkDeclared(fileName, entries, budget, limits.maxRatio);
  const out = new Map<string, Uint8Array>();
  for (const e of entries) if (!e.name.endsWith('/')) out.set(e.name, inflateEntry(fileName, bytes, e));
  return out;
}

/** Every entry's declared size against the budget and the ratio, before any byte is inflated. */
function checkDeclared(fileName: string, entries: ZipEntry[], budget: number, maxRatio: number): void {
  let total = 0;
  for (const e of entries) {
    if (e.flags & 1)
      throw importError(fileName, `mục "${e.name}" trong tệp nén được mã hoá (có mật khẩu); QuyTap không đọc được. Hãy giải nén bằng mật khẩu rồi nén lại không mật khẩu.`, `entry "${e.name}" of the archive is encrypted (password-protected), which QuyTap cannot read. Extract it with its password and zip it again without one.`);
    if (e.method !== 0 && e.method !== 8)
      throw importError(fileName, `mục "${e.name}" dùng kiểu nén ${e.method}, QuyTap chỉ đọc kiểu Deflate thông dụng. Hãy giải nén rồi nén lại bằng công cụ zip thông thường.`, `entry "${e.name}" uses compression method ${e.method}; QuyTap reads only the usual Deflate. Extract it and zip it again with an ordinary zip tool.`);
    if (e.method === 0 && e.size !== e.compressedSize) throw damaged(fileName, `mục "${e.name}" lưu ${e.compressedSize} byte nhưng khai báo ${e.size} byte`, `entry "${e.name}" stores ${e.compressedSize} bytes but declares ${e.size}`);
    total += e.size;
    const ratio = e.size / Math.max(1, e.compressedSize);
    if (e.size > LIMITS.zipRatioFloor && ratio > maxRatio)
      throw bomb(fileName, `mục "${e.name}" khai báo ${mib(e.size)} khi giải nén, gấp ${Math.round(ratio)} lần phần nén (giới hạn ${maxRatio} lần)`, `entry "${e.name}" declares ${mib(e.size)} once inflated, ${Math.round(ratio)} times its compressed size (the limit is ${maxRatio})`);
    if (e.size > budget)
      throw bomb(fileName, `mục "${e.name}" khai báo ${mib(e.size)} khi giải nén, vượt giới hạn ${mib(budget)} của tệp này`, `entry "${e.name}" declares ${mib(e.size)} once inflated, more than the ${mib(budget)} this archive may inflate to`);
    if (total > budget)
      throw bomb(fileName, `mục "${e.name}" đưa tổng dung lượng giải nén lên ${mib(total)} (giới hạn ${mib(budget)} cho tệp này)`, `entry "${e.name}" brings the inflated total to ${mib(total)} (the limit for this archive is ${mib(budget)})`);
  }
}

/** One entry into a buffer of its declared size (plus the one byte that proves a lie): zlib writes
 *  into it and stops the moment output passes the declared size. One allocation, no garbage. */
function inflateEntry(fileName: string, bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const data = bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
  let out: Uint8Array;
  if (e.method === 0) out = data;
  else {
    try {
      const b = inflateRawSync(data, { chunkSize: Math.max(64, e.size + 1), maxOutputLength: Math.max(1, e.size) });
      out = new Uint8Array(b.buffer, b.byteOffset, b.length);
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw bomb(fileName, `mục "${e.name}" giải nén ra nhiều hơn kích thước khai báo (${e.size} byte): phần đầu tệp nén đã bị sửa`, `entry "${e.name}" inflates to more than its declared size (${e.size} bytes): its header was tampered with`);
      throw damaged(fileName, `dữ liệu nén của mục "${e.name}" bị lỗi hoặc bị cắt cụt`, `the compressed data of entry "${e.name}" are corrupt or cut short`);
    }
  }
  if (out.length !== e.size) throw damaged(fileName, `mục "${e.name}" giải nén ra ${out.length} byte, khai báo ${e.size} byte`, `entry "${e.name}" inflates to ${out.length} bytes, ${e.size} declared`);
  if (crc32(out) !== e.crc) throw damaged(fileName, `mã kiểm tra CRC của mục "${e.name}" không khớp`, `the CRC of entry "${e.name}" does not match`);
  return out;
}
