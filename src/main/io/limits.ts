// Size limits, checked before reading: a file that would exhaust memory is refused unread.
import { importError } from './errors';
import type { InputFile } from './types';

export const LIMITS = {
  /** Binary formats read as a whole (Shapefile parts, GeoPackage, zip archives). */
  binaryBytes: 1024 * 1024 * 1024,
  /** Text formats parsed into one string (JSON, XML, CSV): V8 strings stop at ~512 MiB. */
  textBytes: 256 * 1024 * 1024,
  /** Total uncompressed size of a zip/KMZ, and the largest ratio allowed per entry. */
  unzippedBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
  /** Below this an archive's total and an entry's size are not held to the ratio (harmless, and
   *  small files of blanks compress far beyond it). */
  zipRatioFloor: 16 * 1024 * 1024,
  maxZipEntries: 10_000,
  maxFeatures: 2_000_000,
} as const;

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;

export function checkSize(f: InputFile, limit: number): void {
  if (f.size > limit) {
    throw importError(
      f.name,
      `tệp quá lớn (${mib(f.size)}; giới hạn ${mib(limit)}). Hãy chia nhỏ tệp, hoặc chuyển sang GeoPackage/Shapefile rồi nhập bằng dòng lệnh.`,
      `file too large (${mib(f.size)}; the limit is ${mib(limit)}). Split it, or convert it to GeoPackage/Shapefile and import it with the CLI.`,
      { code: 'too_large', details: { size: f.size, limit } },
    );
  }
}
