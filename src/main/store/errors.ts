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

export function conflictError(table: TableName, id: string, expected: number | null, actual: number): ApiError {
  return new ApiError(
    'conflict',
    `Đối tượng này (${tableLabelVi(table)}) đã bị người khác thay đổi (bạn sửa phiên bản ${expected ?? '—'}, hiện là phiên bản ${actual}). Hãy tải lại dữ liệu rồi sửa lại.`,
    `Someone else changed this row (${TABLES[table].en}): you edited version ${expected ?? '—'}, it is now version ${actual}. Reload and edit again.`,
    { table, id, expected, actual },
  );
}

export function deletedRowError(table: TableName, id: string, version: number): ApiError {
  return new ApiError(
    'conflict',
    `Đối tượng này (${tableLabelVi(table)}) đã bị xóa. Hãy tải lại dữ liệu.`,
    `This row (${TABLES[table].en}) has been deleted. Reload the data.`,
    { table, id, expected: null, actual: version, deleted: true },
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
