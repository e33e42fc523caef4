// Every failure leaving the store is an ApiError with a Vietnamese message first: the people reading
// them draw maps in a district hall, often with nobody technical nearby.
import { basename } from 'node:path';
import { ApiError } from '../../shared/api-error';
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

export interface BackupNote {
  path: string;
  modified: string;
}

/**
 * Only said after SQLite itself found damage (quick_check, or SQLITE_CORRUPT/NOTADB). Says what was
 * kept (the file, untouched) and offers the newest backup as a choice: opening it would lose the
 * edits made since, so QuyTap never switches to it by itself.
 */
export function corruptFile(path: string, reason: string, latestBackup: BackupNote | null = null): ApiError {
  const name = basename(path);
  const vi = latestBackup
    ? ` Nếu không cứu được tệp, có thể mở bản sao lưu gần nhất "${basename(latestBackup.path)}" (lưu lúc ${latestBackup.modified}); những thay đổi sau lúc đó không có trong bản sao lưu.`
    : ' Không có bản sao lưu nào của tệp này trong thư mục "backups" bên cạnh nó.';
  const en = latestBackup
    ? ` If the file cannot be rescued, the latest backup "${basename(latestBackup.path)}" (saved ${latestBackup.modified}) can be opened; changes made after that are not in it.`
    : ' There is no backup of this file in the "backups" folder beside it.';
  return new ApiError(
    'bad_request',
    `Tệp "${name}" bị hỏng hoặc không đầy đủ (có thể bị cắt ngắn khi sao chép): SQLite kiểm tra thấy lỗi trong tệp. QuyTap giữ nguyên tệp, không sửa, không xóa.${vi}`,
    `"${name}" is damaged or incomplete (perhaps truncated while copying): SQLite's check found errors in it. QuyTap kept the file as it is, neither repaired nor deleted.${en}`,
    { path, reason, latestBackup },
  );
}

/** The project's file or folder cannot be written: never called damaged. */
export function readOnlyProject(path: string, opened: boolean, reason?: string): ApiError {
  const name = basename(path);
  const file = name ? ` "${name}"` : '';
  const extra = name ? ` (cùng các tệp "${name}-wal", "${name}-shm" nếu có)` : ' (cùng các tệp -wal, -shm đi kèm nếu có)';
  const extraEn = name ? ` (with "${name}-wal" and "${name}-shm" if present)` : ' (with its -wal and -shm files if present)';
  const vi = `Tệp dự án${file} chỉ đọc (tệp, thư mục hoặc ổ đĩa không cho ghi), nên ${opened ? 'không sửa được' : 'không mở được'}: hãy chép sang thư mục có quyền ghi${extra} rồi mở bản chép.`;
  const en = `Project file${file} is read-only (the file, folder or disk cannot be written), so it ${opened ? 'cannot be edited' : 'cannot be opened'}: copy it to a folder you can write to${extraEn} and open the copy.`;
  return new ApiError('forbidden', vi, en, { ...(path ? { path } : {}), readOnly: true, ...(reason ? { reason } : {}) });
}

export function readOnlyBackup(path: string): ApiError {
  const name = basename(path);
  return new ApiError(
    'forbidden',
    `Dự án "${name}" đang mở chỉ đọc (tệp, thư mục hoặc ổ đĩa không cho ghi): tệp không thay đổi được nên QuyTap không sao lưu nó. Muốn có một bản riêng, hãy chép tệp sang thư mục có quyền ghi.`,
    `Project "${name}" is open read-only (the file, folder or disk cannot be written): it cannot change, so QuyTap does not back it up. For a copy of your own, copy the file to a folder you can write to.`,
    { path, readOnly: true },
  );
}

export function diskFull(code: string): ApiError {
  return new ApiError(
    'internal',
    'Ổ đĩa chứa tệp dự án đã đầy: thay đổi vừa rồi chưa được lưu (những gì đã lưu trước đó vẫn còn nguyên). Hãy giải phóng chỗ trống trên ổ đĩa rồi làm lại.',
    'The disk holding the project file is full: the last change was not saved (everything saved before is intact). Free some space on the disk and do it again.',
    { sqlite: code, diskFull: true },
  );
}

export function busyError(code: string, opening = false): ApiError {
  if (opening)
    return new ApiError(
      'conflict',
      'Tệp dự án đang bị chương trình khác khóa (ví dụ QGIS đang sửa tệp), nên chưa mở được. Hãy đóng chương trình đó hoặc thử lại sau.',
      'The project file is locked by another program (QGIS editing it, for example), so it could not be opened. Close that program or try again later.',
      { sqlite: code, retryable: true },
    );
  return new ApiError(
    'conflict',
    'Tệp dự án đang bị chương trình khác khóa để ghi (ví dụ QGIS đang sửa tệp), nên thay đổi chưa được lưu. Hãy đóng chương trình đó hoặc thử lại sau.',
    'The project file is locked for writing by another program (QGIS editing it, for example), so the change was not saved. Close that program or try again later.',
    { sqlite: code, retryable: true },
  );
}

/** A write met the lock of this program's own long write (an import in its worker thread), named. */
export function busyWithOwnWork(work: { vi: string; en: string }, code: string): ApiError {
  return new ApiError(
    'conflict',
    `Dự án đang bận ${work.vi}, nên thay đổi này chưa được lưu. Hãy thử lại khi việc đó xong (thanh tiến độ ở góc màn hình).`,
    `The project is busy ${work.en}, so this change was not saved. Try again once that has finished (see its progress bar).`,
    { sqlite: code, retryable: true, busyWith: work.en },
  );
}

export function isSqliteError(e: unknown): e is Error & { code: string } {
  return e instanceof Error && typeof (e as unknown as { code?: unknown }).code === 'string' && (e as unknown as { code: string }).code.startsWith('SQLITE_');
}

/** SQLite's own errors become ApiErrors; ours pass through untouched. */
export function translateSqliteError(e: unknown, path?: string): unknown {
  if (!isSqliteError(e)) return e;
  if (e.code.startsWith('SQLITE_BUSY') || e.code.startsWith('SQLITE_LOCKED')) return busyError(e.code);
  if (e.code.startsWith('SQLITE_CONSTRAINT'))
    return new ApiError('conflict', `Dữ liệu vi phạm ràng buộc của tệp dự án: ${e.message}`, `The data breaks a constraint of the project file: ${e.message}`, {
      sqlite: e.code,
    });
  if (e.code.startsWith('SQLITE_READONLY') || e.code.startsWith('SQLITE_CANTOPEN')) return readOnlyProject(path ?? '', true, e.code);
  if (e.code === 'SQLITE_CORRUPT' || e.code === 'SQLITE_NOTADB')
    return new ApiError(
      'internal',
      'SQLite thấy lỗi trong tệp dự án ở phần đang đọc hoặc ghi; thay đổi vừa rồi chưa được lưu và tệp được giữ nguyên. Hãy đóng dự án rồi mở lại để QuyTap kiểm tra tệp.',
      'SQLite found an error in the part of the project file being read or written; the last change was not saved and the file was kept as it is. Close the project and open it again so that QuyTap checks the file.',
      { sqlite: e.code },
    );
  if (e.code === 'SQLITE_FULL') return diskFull(e.code);
  if (e.code.startsWith('SQLITE_IOERR'))
    return new ApiError('internal', 'Không ghi hoặc đọc được tệp dự án (lỗi ổ đĩa). Thay đổi vừa rồi chưa được lưu.', 'Could not read or write the project file (disk error). The last change was not saved.', {
      sqlite: e.code,
    });
  return new ApiError('internal', `Lỗi cơ sở dữ liệu: ${e.message}`, `Database error: ${e.message}`, { sqlite: e.code });
}
