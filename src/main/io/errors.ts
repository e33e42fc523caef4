// Import errors name the file, the row and the reason, in Vietnamese first.
import { ApiError, type ErrorCode } from '../../shared/api';

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
