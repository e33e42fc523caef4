// Zip archives (.zip of a Shapefile set, .kmz) inflated with a budget: sizes are counted while
// inflating, so a zip bomb is stopped after at most the budget, whatever its headers claim.
import { Unzip, UnzipInflate, UnzipPassThrough, type UnzipFile } from 'fflate';
import { importError } from './errors';
import { LIMITS } from './limits';

export interface ZipLimits {
  maxBytes: number;
  maxRatio: number;
  maxEntries: number;
}

/** Stops inflating with a clear message (the zip is refused, nothing is kept). */
class BombError extends Error {}

export function safeUnzip(fileName: string, bytes: Uint8Array, limits: ZipLimits = { maxBytes: LIMITS.unzippedBytes, maxRatio: LIMITS.maxRatio, maxEntries: LIMITS.maxZipEntries }): Map<string, Uint8Array> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw importError(fileName, 'không phải tệp nén zip hợp lệ.', 'not a valid zip archive.');
  }
  // Small archives may legitimately compress well (a 1 KiB zip of a blank .dbf): the ratio rule
  // applies beyond a floor.
  const budget = Math.min(limits.maxBytes, Math.max(16 * 1024 * 1024, bytes.length * limits.maxRatio));
  const out = new Map<string, Uint8Array>();
  let total = 0;
  let entries = 0;
  let failure: Error | null = null;
  const uz = new Unzip((file: UnzipFile) => {
    if (failure) return;
    if (++entries > limits.maxEntries) {
      failure = new BombError(`too many entries (> ${limits.maxEntries})`);
      return;
    }
    if (file.name.endsWith('/')) return;
    const chunks: Uint8Array[] = [];
    file.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        failure = err;
        return;
      }
      total += data.length;
      if (total > budget) {
        failure = new BombError(`more than ${budget} bytes once inflated`);
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) out.set(file.name, concat(chunks));
    };
    file.start();
  });
  uz.register(UnzipInflate);
  uz.register(UnzipPassThrough);
  try {
    // Pushed in slices so a bomb is noticed after one slice's worth of output, not at the end.
    const step = 1024 * 1024;
    for (let i = 0; i < bytes.length && !failure; i += step) uz.push(bytes.subarray(i, Math.min(bytes.length, i + step)), i + step >= bytes.length);
  } catch (e) {
    failure ??= e as Error;
  }
  if (failure) {
    const f = failure as Error;
    if (f instanceof BombError)
      throw importError(fileName, `tệp nén bị từ chối: giải nén ra quá lớn (${f.message}) — có thể là "bom zip".`, `archive refused: it inflates too much (${f.message}) — possibly a zip bomb.`, {
        code: 'too_large',
      });
    throw importError(fileName, `tệp nén bị hỏng (${f.message}).`, `damaged zip archive (${f.message}).`);
  }
  return out;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const n = chunks.reduce((s, c) => s + c.length, 0);
  const r = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) {
    r.set(c, o);
    o += c.length;
  }
  return r;
}
