// Every failure leaving the store is an ApiError with a Vietnamese message first: the people reading
// them draw maps in a district hall, often with nobody technical nearby.
import { basename } from 'node:path';
import { ApiError } from '../../shared/api';
import type { FieldIssue, TableName } from '../../shared/model';
import { TABLES } from '../../shared/model';

export function tableLabelVi(table: string): string {
  return (TABLES as Record<string, { vi: string }>)[table]?.vi ?? table;
}

export function validationError(vi: string, en: string, details?: unknown): ApiError {
  return new ApiError('validation', vi, en, details);
}

export function fieldIssuesError(table: TableName, issues: FieldIssue[]): ApiError {
  return new ApiError(
    'validation',
    `Dữ liệu chưa hợp lệ (${tableLabelVi(table)}): ${issues.map((i) => i.vi).join('; ')}`,
    `Invalid data (${TABLES[table].en}): ${issues.map((i) => i.en).join('; ')}`,
    issues,
  );
}

/** Who made a row what it is now, from its audit log (see row-writers.ts). */
export interface Writer {
  author: string;
  action: 'insert' | 'update' | 'delete' | 'restore';
}

const DID_VI: Record<Writer['action'], string> = { insert: 'thêm', update: 'sửa', delete: 'xóa', restore: 'khôi phục' };
const DID_EN: Record<Writer['action'], string> = { insert: 'added', update: 'changed', delete: 'deleted', restore: 'restored' };

/**
 * The row is not at the version the caller saw. `by`: who changed it since, when the audit log says
 * (null: a tool outside QuyTap changed it). `expected` null: the caller named no version at all, on
 * a row that exists (a retried insert, a blind overwrite).
 */
export function conflictError(table: TableName, id: string, expected: number | null, actual: number, by: Writer | null = null): ApiError {
  const details = { table, id, expected, actual, by: by?.author ?? null };
  if (expected === null)
    return new ApiError(
      'conflict',
      `Đối tượng này (${tableLabelVi(table)}) đã có trong dự án (phiên bản ${actual}); muốn sửa thì phải gửi kèm phiên bản bạn đã xem. Hãy tải lại rồi thử lại.`,
      `This row (${TABLES[table].en}) exists already (version ${actual}); a change must name the version you saw. Reload and try again.`,
      details,
    );
  return new ApiError(
    'conflict',
    `Đối tượng này (${tableLabelVi(table)}) đã được ${by?.author ?? 'người khác'} ${DID_VI[by?.action ?? 'update']} sau khi bạn xem (bạn xem phiên bản ${expected}, hiện là phiên bản ${actual}); hãy tải lại rồi thử lại.`,
    `${by ? by.author : 'Someone else'} ${DID_EN[by?.action ?? 'update']} this row (${TABLES[table].en}) after you saw it (you saw version ${expected}, it is now version ${actual}); reload and try again.`,
    details,
  );
}

export function deletedRowError(table: TableName, id: string, version: number, by: Writer | null = null): ApiError {
  return new ApiError(
    'conflict',
    by
      ? `Đối tượng này (${tableLabelVi(table)}) đã được ${by.author} xóa. Hãy tải lại dữ liệu.`
      : `Đối tượng này (${tableLabelVi(table)}) đã bị xóa. Hãy tải lại dữ liệu.`,
    by ? `${by.author} deleted this row (${TABLES[table].en}). Reload the data.` : `This row (${TABLES[table].en}) has been deleted. Reload the data.`,
    { table, id, expected: null, actual: version, deleted: true, by: by?.author ?? null },
  );
}

/**
 * An undo or redo refused because a row it would write was changed after the caller's edit (or
 * after their undo). `by`: who changed it (null: a tool outside QuyTap); `self`: that was the
 * caller, through a change no longer in their undo history.
 */
export function replayConflictError(kind: 'undo' | 'redo', label: string, table: TableName, id: string, by: Writer | null, self: boolean, cause?: ApiError): ApiError {
  const what = label ? ` "${label}"` : '';
  const whoVi = !by ? 'một chương trình khác (ngoài QuyTap)' : self ? 'chính bạn (bằng một thay đổi khác)' : by.author;
  const whoEn = !by ? 'another program (outside QuyTap)' : self ? 'you (in another change)' : by.author;
  const afterVi = kind === 'undo' ? (self ? 'sau đó' : 'sau bạn') : 'sau khi bạn hoàn tác';
  const afterEn = kind === 'undo' ? (self ? 'afterwards' : 'after you') : 'after you undid it';
  return new ApiError(
    'conflict',
    `Không thể ${kind === 'undo' ? 'hoàn tác' : 'làm lại'}${what}: ${whoVi} đã ${DID_VI[by?.action ?? 'update']} đối tượng này (${tableLabelVi(table)}) ${afterVi}. Không có gì bị thay đổi; hãy xem lịch sử của đối tượng và sửa trực tiếp nếu cần.`,
    `Cannot ${kind}${what}: ${whoEn} ${DID_EN[by?.action ?? 'update']} this row (${TABLES[table].en}) ${afterEn}. Nothing was changed; look at the row's history and edit it directly if needed.`,
    { ...(cause?.details as object | undefined), table, id, by: by?.author ?? null },
  );
}

export function notFoundRow(table: TableName, id: string): ApiError {
  return new ApiError(
    'not_found',
    `Không tìm thấy đối tượng trong bảng ${tableLabelVi(table)} (mã ${id}).`,
    `No row ${id} in ${TABLES[table].en}.`,
    { table, id },
  );
}

export function notAProject(path: string, reason: string): ApiError {
  const name = basename(path);
  return new ApiError(
    'bad_request',
    `Tệp "${name}" không phải là tệp dự án QuyTap (GeoPackage .gpkg) hợp lệ, nên không mở được. Tệp không bị thay đổi.`,
    `"${name}" is not a valid QuyTap project file (GeoPackage .gpkg), so it cannot be opened. The file was not changed.`,
    { path, reason },
  );
}

export function corruptFile(path: string, reason: string): ApiError {
  const name = basename(path);
  return new ApiError(
    'bad_request',
    `Tệp "${name}" bị hỏng hoặc không đầy đủ (có thể bị cắt ngắn khi sao chép). Tệp không bị thay đổi; hãy mở bản sao lưu gần nhất.`,
    `"${name}" is damaged or incomplete (perhaps truncated while copying). The file was not changed; open the latest backup instead.`,
    { path, reason },
  );
}

export function isSqliteError(e: unknown): e is Error & { code: string } {
  return e instanceof Error && typeof (e as unknown as { code?: unknown }).code === 'string' && (e as unknown as { code: string }).code.startsWith('SQLITE_');
}

/** SQLite's own errors become ApiErrors; ours pass through untouched. */
export function translateSqliteError(e: unknown): unknown {
  if (!isSqliteError(e)) return e;
  if (e.code === 'SQLITE_BUSY' || e.code === 'SQLITE_LOCKED')
    return new ApiError(
      'conflict',
      'Tệp dự án đang được một chương trình khác ghi. Hãy thử lại sau giây lát.',
      'The project file is being written by another program. Try again in a moment.',
      { sqlite: e.code },
    );
  if (e.code.startsWith('SQLITE_CONSTRAINT'))
    return new ApiError('conflict', `Dữ liệu vi phạm ràng buộc của tệp dự án: ${e.message}`, `The data breaks a constraint of the project file: ${e.message}`, {
      sqlite: e.code,
    });
  if (e.code === 'SQLITE_READONLY' || e.code.startsWith('SQLITE_READONLY') || e.code.startsWith('SQLITE_CANTOPEN'))
    return new ApiError(
      'forbidden',
      'Không ghi được vào tệp dự án (tệp chỉ đọc, ổ đĩa chỉ đọc hoặc không có quyền). Hãy chép tệp vào máy rồi mở lại.',
      'The project file cannot be written (read-only file or disk, or no permission). Copy it to this computer and open it again.',
      { sqlite: e.code },
    );
  if (e.code === 'SQLITE_CORRUPT' || e.code === 'SQLITE_NOTADB')
    return new ApiError('internal', 'Tệp dự án bị hỏng. Hãy mở bản sao lưu gần nhất.', 'The project file is damaged. Open the latest backup.', { sqlite: e.code });
  if (e.code === 'SQLITE_FULL' || e.code === 'SQLITE_IOERR' || e.code.startsWith('SQLITE_IOERR'))
    return new ApiError('internal', 'Không ghi được tệp dự án (ổ đĩa đầy hoặc lỗi ổ đĩa). Dữ liệu chưa được lưu.', 'Could not write the project file (disk full or disk error). Nothing was saved.', {
      sqlite: e.code,
    });
  return new ApiError('internal', `Lỗi cơ sở dữ liệu: ${e.message}`, `Database error: ${e.message}`, { sqlite: e.code });
}
