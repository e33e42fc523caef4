// Import errors name the file, the row and the reason, in Vietnamese first.
import { ApiError, type ErrorCode } from '../../shared/api-error';

export function importError(
  file: string,
  vi: string,
  en: string,
  opts: { row?: number; code?: ErrorCode; details?: Record<string, unknown> } = {},
): ApiError {
  const where = opts.row === undefined ? '' : `, dòng ${opts.row}`;
  const whereEn = opts.row === undefined ? '' : `, row ${opts.row}`;
  return new ApiError(opts.code ?? 'validation', `Tệp "${file}"${where}: ${vi}`, `File "${file}"${whereEn}: ${en}`, {
    file,
    ...(opts.row === undefined ? {} : { row: opts.row }),
    ...opts.details,
  });
}

/** A file with nothing in it (0 bytes, or only spaces): said as such, not as a broken format. */
export function emptyFileError(file: string): ApiError {
  return new ApiError(
    'validation',
    `Tệp "${file}" rỗng, không có dữ liệu nào để nhập. Có thể tệp chưa được chép hoặc tải về xong: hãy chép lại tệp từ máy GPS hoặc nơi đã lưu, rồi chọn lại.`,
    `The file "${file}" is empty: there is nothing to import. It may not have been copied or downloaded completely: copy it again from the GPS or wherever it was saved, then choose it again.`,
    { file },
  );
}

export function cancelledError(): ApiError {
  return new ApiError('cancelled', 'Đã huỷ nhập/xuất dữ liệu; dự án không thay đổi.', 'Cancelled; the project is unchanged.');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}

/** Gives the event loop a turn (so cancel and progress get through) every `every` items. */
export async function breathe(i: number, signal: AbortSignal | undefined, every = 2000): Promise<void> {
  if (i % every === 0) {
    await new Promise((r) => setImmediate(r));
    throwIfAborted(signal);
  }
}
